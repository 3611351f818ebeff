import { mkdtempSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../db/connection.js';
import { currentSchemaVersion, migrate, LATEST_SCHEMA_VERSION } from '../../../db/migrator.js';
import { migrations, type Migration } from '../../../db/migrations/registry.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'jiesu-mig-'));

describe('migrations', () => {
  it('migrate an empty database to the latest version, with every glossary table', async () => {
    const h = createDb(':memory:');
    const r = await migrate(h, { appVersion: 'test' });
    expect(r).toMatchObject({ from: 0, to: LATEST_SCHEMA_VERSION, backupPath: null });
    const tables = (await h.db.introspection.getTables()).map((t) => t.name).sort();
    for (const t of ['orders', 'units', 'unit_duties', 'staff', 'categories', 'order_units', 'events', 'contacts', 'callbacks',
      'extension_requests', 'objections', 'settings', 'holiday_overrides', 'order_tags', 'app_meta', 'schema_migrations']) {
      expect(tables).toContain(t);
    }
    // Running again is a no-op.
    expect((await migrate(h, { appVersion: 'test' })).applied).toEqual([]);
    await h.close();
  });

  it('sets WAL, foreign keys and a busy timeout on file databases', async () => {
    const h = createDb(join(tmp(), 'a.db'));
    expect(h.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(h.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(h.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    await h.close();
  });

  it('refuses a database written by a newer app, in Chinese, without touching it', async () => {
    const path = join(tmp(), 'newer.db');
    const h = createDb(path);
    await migrate(h, { appVersion: 'test' });
    await h.db.insertInto('schema_migrations').values({ version: LATEST_SCHEMA_VERSION + 5, name: 'future', applied_at: 1, app_version: '9.9.9' }).execute();
    await h.close();
    const again = createDb(path);
    await expect(migrate(again, { appVersion: 'test' })).rejects.toMatchObject({ code: 'DB_NEWER', message: expect.stringContaining('更新版本') });
    expect(await currentSchemaVersion(again.db)).toBe(LATEST_SCHEMA_VERSION + 5);
    await again.close();
  });

  it('backs the file up before migrating an existing database, and applies all-or-nothing', async () => {
    const dir = tmp();
    const path = join(dir, 'old.db');
    const h = createDb(path);
    await migrate(h, { appVersion: 'test' });
    await h.db.insertInto('app_meta').values({ key: 'street_name', value: '测试街道' }).execute();
    const good: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'add-x', up: async (db: Kysely<any>) => void (await db.schema.createTable('x').addColumn('a', 'integer').execute()) };
    const bad: Migration = { version: LATEST_SCHEMA_VERSION + 2, name: 'broken', up: async (db: Kysely<any>) => void (await sql`THIS IS NOT SQL`.execute(db)) };
    await expect(migrate(h, { appVersion: 'test', registry: [...migrations, good, bad] })).rejects.toMatchObject({ code: 'DB_MIGRATION_FAILED' });
    // Neither the good nor the bad step stuck: one transaction.
    expect(await currentSchemaVersion(h.db)).toBe(LATEST_SCHEMA_VERSION);
    expect((await h.db.introspection.getTables()).map((t) => t.name)).not.toContain('x');
    const backups = readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    const copy = createDb(join(dir, backups[0]!), { readonly: true });
    expect((await copy.db.selectFrom('app_meta').selectAll().execute())[0]?.value).toBe('测试街道');
    await copy.close();
    const ok = await migrate(h, { appVersion: 'test', registry: [...migrations, good] });
    expect(ok.to).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(ok.backupPath && existsSync(ok.backupPath)).toBeTruthy();
    await h.close();
  });

  it('never opens a database at import time: the registry is an explicit ordered list', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
