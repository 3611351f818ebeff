/**
 * Runs the numbered migrations of ./migrations/registry.ts:
 *  - refuses a database written by a newer app (its schema version is beyond ours);
 *  - copies an existing database file aside before touching it, under a temporary name first and
 *    renamed to `<db>.v<from>-<time>.bak` only once complete and flushed — a kill during the copy never
 *    leaves a partial file that looks like a good .bak;
 *  - applies every pending migration in ONE transaction: all or nothing.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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

const PARTIAL_SUFFIX = '.partial-';

/** Temporary copies a killed process left beside `dbPath` (older than an hour: not one being written). */
function removeStaleCopies(dbPath: string): void {
  const prefix = `${basename(dbPath)}.v`;
  try {
    for (const name of readdirSync(dirname(dbPath))) {
      if (!name.startsWith(prefix) || !name.includes(`.bak${PARTIAL_SUFFIX}`)) continue;
      const path = join(dirname(dbPath), name);
      if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { force: true });
    }
  } catch {
    // Best effort: a leftover temporary file is never taken for a .bak.
  }
}

/**
 * Copies the database to `destination` through a temporary file beside it (renamed once complete and
 * flushed; a rename within one folder is atomic). db/ cannot use main/'s backup helpers (import rules),
 * hence this small twin of main/services/backup/create.ts's write-then-rename.
 */
export async function copyAside(handle: DbHandle, destination: string): Promise<void> {
  removeStaleCopies(handle.path);
  const temp = `${destination}${PARTIAL_SUFFIX}${process.pid}`;
  try {
    await backupTo(handle, temp);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, destination);
  } finally {
    rmSync(temp, { force: true });
  }
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
    await copyAside(handle, backupPath);
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
