/**
 * Runs the numbered migrations of ./migrations/registry.ts:
 *  - refuses a database written by a newer app (its schema version is beyond ours);
 *  - copies an existing database file aside before touching it;
 *  - applies every pending migration in ONE transaction: all or nothing.
 */
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { AppError } from '../preload/contract/errors.js';
import { backupTo, isEmptyDatabase, type DbHandle } from './connection.js';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations/registry.js';

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
  backupPath: string | null;
}

export interface MigrateOptions {
  appVersion: string;
  /** The registry to apply (tests inject a longer or shorter one). */
  registry?: readonly Migration[];
  now?: () => number;
}

async function ensureVersionTable(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'integer', (c) => c.notNull())
    .addColumn('app_version', 'text', (c) => c.notNull())
    .execute();
}

export async function currentSchemaVersion(db: Kysely<any>): Promise<number> {
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.name === 'schema_migrations')) return 0;
  const row = await db.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function migrate(handle: DbHandle, options: MigrateOptions): Promise<MigrationResult> {
  const registry = options.registry ?? migrations;
  const latest = registry.length ? registry[registry.length - 1]!.version : 0;
  const db = handle.db as unknown as Kysely<any>;
  const wasEmpty = isEmptyDatabase(handle.sqlite);
  const from = await currentSchemaVersion(db);
  if (from > latest) {
    throw new AppError(
      'DB_NEWER',
      `该数据库由更新版本的接诉台写入（数据结构版本 ${from}），本程序只支持到版本 ${latest}。为免损坏数据，已拒绝打开，请先升级接诉台。`,
    );
  }
  const pending = registry.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, applied: [], backupPath: null };

  let backupPath: string | null = null;
  if (!wasEmpty && handle.path !== ':memory:' && existsSync(handle.path)) {
    backupPath = `${handle.path}.v${from}-${(options.now ?? Date.now)()}.bak`;
    await backupTo(handle, backupPath);
  }
  const now = options.now ?? Date.now;
  try {
    await db.transaction().execute(async (trx) => {
      await ensureVersionTable(trx);
      for (const m of pending) {
        await m.up(trx);
        await trx
          .insertInto('schema_migrations')
          .values({ version: m.version, name: m.name, applied_at: now(), app_version: options.appVersion })
          .execute();
      }
    });
  } catch (e) {
    throw new AppError(
      'DB_MIGRATION_FAILED',
      `数据库升级失败，数据未作任何改动${backupPath ? `（升级前的备份：${backupPath}）` : ''}。原因：${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  return { from, to: pending[pending.length - 1]!.version, applied: pending.map((m) => `${m.version}-${m.name}`), backupPath };
}

export { LATEST_SCHEMA_VERSION };
