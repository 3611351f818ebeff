/**
 * Opening a database: the one factory every process uses (`createDb`). Nothing opens a database at
 * import time; services receive the handle they are given.
 *
 * SQLite-specific setup (pragmas, online backup) lives here; queries stay portable SQL built by Kysely.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Database } from './schema.js';
import { registerSearchFunctions } from './search.js';

export interface DbHandle {
  /** The typed query builder every service uses. */
  readonly db: Kysely<Database>;
  /** The raw connection, for the db layer only (bulk writes, backup, pragmas). */
  readonly sqlite: BetterSqlite3.Database;
  readonly path: string;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  readonly?: boolean;
  /** Milliseconds a writer waits for another process's lock before giving up. */
  busyTimeoutMs?: number;
}

/**
 * Kysely prepares every query it runs; preparing costs more than running a 100-row indexed page.
 * This wrapper keeps prepared statements by SQL text so a repeated query shape is prepared once.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, capacity = 256): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt) {
        // Refresh LRU position.
        cache.delete(sql);
        cache.set(sql, stmt);
      } else {
        stmt = sqlite.prepare(sql);
        cache.set(sql, stmt);
        if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      }
      // A statement still being iterated elsewhere cannot be reused: hand out a fresh one.
      return (stmt.busy ? sqlite.prepare(sql) : stmt) as unknown as SqliteStatement;
    },
  };
}

export function createDb(path: string, options: CreateDbOptions = {}): DbHandle {
  const sqlite = new BetterSqlite3(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (path !== ':memory:' && !options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  sqlite.pragma('synchronous = NORMAL');
  // A grid page, a filter's count or a search reads orders scattered over the file: keep up to 64 MiB of
  // pages in memory (SQLite's default is 2 MiB) so repeated reads do not go back to the disk.
  sqlite.pragma('cache_size = -65536');
  // The search index's triggers call these on every write to orders (db/search.ts).
  registerSearchFunctions(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  let closed = false;
  return {
    db,
    sqlite,
    path,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** A consistent copy of a live database (SQLite online backup API). */
export async function backupTo(handle: DbHandle, destination: string): Promise<void> {
  await handle.sqlite.backup(destination);
}

/** True when the file holds no tables yet (a brand-new database). */
export function isEmptyDatabase(sqlite: BetterSqlite3.Database): boolean {
  const row = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  return row.n === 0;
}

/**
 * A number that changes whenever ANOTHER connection (the CLI, a second window's process) commits.
 * Our own writes do not change it; services bump their own generation for those.
 */
export function externalDataVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('data_version', { simple: true }) as number;
}

/** Refresh the planner's statistics after a large write (seeding, a big import). */
export function optimize(handle: DbHandle): void {
  handle.sqlite.pragma('analysis_limit = 1000');
  handle.sqlite.pragma('optimize');
}

/**
 * Runs a bulk load into empty tables fast: their secondary indexes are dropped and rebuilt from their own
 * definitions afterwards (building an index once by sorting beats growing it row by row), and foreign
 * keys are checked once at the end instead of per row — a violation fails loudly. Only for seeding.
 */
export async function withDeferredIndexes<T>(handle: DbHandle, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const { sqlite } = handle;
  const marks = tables.map(() => '?').join(', ');
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${marks})`)
    .all(...tables) as Array<{ name: string; sql: string }>;
  const previousCache = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144');
  sqlite.transaction(() => {
    for (const ix of indexes) sqlite.exec(`DROP INDEX "${ix.name}"`);
  })();
  sqlite.pragma('foreign_keys = OFF');
  try {
    return await load();
  } finally {
    sqlite.pragma('foreign_keys = ON');
    sqlite.transaction(() => {
      for (const ix of indexes) sqlite.exec(ix.sql);
    })();
    sqlite.pragma(`cache_size = ${previousCache}`);
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`bulk load left ${broken.length} rows with broken foreign keys`);
  }
}
