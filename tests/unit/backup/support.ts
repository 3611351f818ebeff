/**
 * Helpers of the backup tests: file databases in a temporary folder (backups need a real file), orders
 * put in quickly, a settable clock, and a way to damage a database the way a dying disk does.
 */
import { mkdtempSync, openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { openApp, type AppRuntime } from '../../../main/runtime.js';
import type { Dispatch } from '../../../main/dispatch.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { insertOrders } from '../../support/app.js';

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'jiesu-backup-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock the test moves: starts 2026-03-02 09:00:05 Beijing. */
export function testClock(start = fromBeijing(2026, 3, 2, 9, 0, 5)) {
  let t = start;
  return {
    now: () => t,
    set(ms: number) {
      t = ms;
    },
    advance(ms: number) {
      t += ms;
    },
  };
}

export const strict = (name: string, e: unknown) => {
  throw new Error(`internal error in ${name}: ${e instanceof Error ? e.message : String(e)}`);
};

/** Opens (creating) a file database with `orders` orders in it. */
export async function fileApp(path: string, orders: number, now: () => number): Promise<AppRuntime> {
  const app = await openApp(path, { now, onInternalError: strict });
  if (orders > 0) await addOrders(app, orders);
  return app;
}

/** Inserts `n` orders through `handle.db` (which may be an open transaction). */
export async function addOrders(app: { handle: { db: Kysely<Database> } }, n: number): Promise<void> {
  await insertOrders(app as AppRuntime, Array.from({ length: n }, () => ({})));
}

/** What a dispatch answered, or a thrown Error with its code in the message. */
export async function call<T = unknown>(dispatch: Dispatch, name: string, args: unknown = {}): Promise<T> {
  const res = await dispatch(name, args, { actor: '测试', transport: 'in-process' });
  if ('error' in res) throw Object.assign(new Error(`${res.error.code}: ${res.error.message}`), { code: res.error.code });
  return res.reply as T;
}

export function countOrders(path: string): number {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Overwrites the first page of an index of orders with garbage: the file still opens (the schema on
 * page 1 is intact), but integrity_check reports the damage. The database must be closed.
 */
export function damageIndex(path: string): void {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = DELETE');
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' AND sql IS NOT NULL LIMIT 1").get() as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}
