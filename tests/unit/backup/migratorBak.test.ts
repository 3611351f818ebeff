/**
 * The copy the migrator keeps before upgrading a database (`<db>.v<N>-<time>.bak`) is written under a
 * temporary name and renamed only once complete: a process killed during the copy never leaves a
 * half-written file that looks like a good .bak.
 */
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../../db/connection.js';
import { migrate } from '../../../db/migrator.js';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from '../../../db/migrations/registry.js';
import { checkDatabaseFile } from '../../../main/services/backup/verify.js';
import { tempDir } from './support.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

const next: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'add-x', up: async (db: Kysely<any>) => void (await db.schema.createTable('x').addColumn('a', 'integer').execute()) };

/** An up-to-date database with one street name in it, and a way to watch the copy being written. */
async function current(): Promise<{ handle: DbHandle; copies: string[]; baksDuringCopy: string[][] }> {
  const handle = createDb(join(tmp.dir, 'jiesu.db'));
  await migrate(handle, { appVersion: 'test' });
  await handle.db.insertInto('app_meta').values({ key: 'street_name', value: '测试街道' }).execute();
  const copies: string[] = [];
  const baksDuringCopy: string[][] = [];
  const real = handle.sqlite.backup.bind(handle.sqlite);
  handle.sqlite.backup = ((destination: string, options?: Parameters<typeof real>[1]) => {
    copies.push(destination);
    baksDuringCopy.push(readdirSync(tmp.dir).filter((f) => f.endsWith('.bak')));
    return real(destination, options);
  }) as typeof handle.sqlite.backup;
  return { handle, copies, baksDuringCopy };
}

describe('the pre-migration copy', () => {
  it('is copied under a temporary name and appears as .bak only when complete', async () => {
    const { handle, copies, baksDuringCopy } = await current();
    const result = await migrate(handle, { appVersion: 'test', registry: [...migrations, next], now: () => 1_772_000_000_000 });
    await handle.close();
    expect(result.backupPath).toBe(join(tmp.dir, `jiesu.db.v${LATEST_SCHEMA_VERSION}-1772000000000.bak`));
    expect(copies).toHaveLength(1);
    expect(copies[0]).not.toBe(result.backupPath);
    expect(baksDuringCopy).toEqual([[]]);
    // Nothing else is left beside the database, and the copy is a sound database.
    expect(readdirSync(tmp.dir).filter((f) => !/^jiesu\.db(-wal|-shm)?$/.test(f))).toEqual([`jiesu.db.v${LATEST_SCHEMA_VERSION}-1772000000000.bak`]);
    expect(checkDatabaseFile(result.backupPath!).ok).toBe(true);
  });

  it('a copy that dies half-way leaves no .bak and no temporary file, and migrates nothing', async () => {
    const { handle } = await current();
    handle.sqlite.backup = (async (destination: string) => {
      writeFileSync(destination, Buffer.alloc(4096, 0x11));
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    }) as typeof handle.sqlite.backup;
    await expect(migrate(handle, { appVersion: 'test', registry: [...migrations, next] })).rejects.toThrow('disk I/O error');
    expect(readdirSync(tmp.dir).filter((f) => !/^jiesu\.db(-wal|-shm)?$/.test(f))).toEqual([]);
    expect((await handle.db.introspection.getTables()).map((t) => t.name)).not.toContain('x');
    await handle.close();
    expect(existsSync(join(tmp.dir, 'jiesu.db'))).toBe(true);
  });
});

describe('leftovers of a killed copy', () => {
  it('an old temporary copy is removed at the next migration; a recent one (maybe being written) is left alone', async () => {
    const { handle } = await current();
    const old = join(tmp.dir, 'jiesu.db.v3-1700000000000.bak.partial-4242');
    const recent = join(tmp.dir, 'jiesu.db.v3-1700000000001.bak.partial-4243');
    writeFileSync(old, 'half');
    writeFileSync(recent, 'half');
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(old, hoursAgo, hoursAgo);
    await migrate(handle, { appVersion: 'test', registry: [...migrations, next] });
    await handle.close();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });
});
