/**
 * Checking a database file without changing it: SQLite's `PRAGMA integrity_check` over a read-only
 * connection, and, for a restore candidate, what it holds — so nothing is replaced by a file that is
 * damaged, not ours, or written by a newer program.
 */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createDb } from '../../../db/connection.js';
import { currentSchemaVersion, LATEST_SCHEMA_VERSION } from '../../../db/migrator.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { BackupInspection } from '../../../preload/contract/methods/backup.js';
import { META_DEMO, META_STREET_NAME } from '../app.js';
import { checkFileInWorker } from './checkWorker.js';
import { parseBackupName } from './names.js';

/** The first problems integrity_check reports; empty when the database is sound. */
export function integrityProblems(sqlite: BetterSqlite3.Database, max = 10): string[] {
  const rows = sqlite.pragma(`integrity_check(${max})`) as Array<{ integrity_check: string }>;
  const problems = rows.map((r) => r.integrity_check).filter((t) => t !== 'ok');
  return problems;
}

export interface FileCheck {
  ok: boolean;
  problems: string[];
}

/** Opens `path` read-only and runs integrity_check; a file SQLite cannot read at all is a problem too. */
export function checkDatabaseFile(path: string): FileCheck {
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    const problems = integrityProblems(sqlite);
    return { ok: problems.length === 0, problems };
  } catch (e) {
    return { ok: false, problems: [e instanceof Error ? e.message : String(e)] };
  } finally {
    sqlite?.close();
  }
}

function refused(file: string, why: string, cause?: unknown): AppError {
  return new AppError('RESTORE_REFUSED', `不能用「${file}」恢复：${why}。当前数据库未作任何改动。`, cause === undefined ? undefined : { cause });
}

/**
 * Checks a restore candidate and says what it holds. Refuses (RESTORE_REFUSED) a missing file, the live
 * database itself, a file SQLite cannot read, one failing integrity_check, one from a newer program,
 * and one that is not a 接诉台 database (no orders table).
 */
export async function inspectCandidate(file: string, liveDbPath: string): Promise<BackupInspection> {
  const path = resolve(file);
  let bytes: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw refused(file, '这不是一个文件');
    bytes = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refused(file, '找不到该文件', e);
  }
  if (liveDbPath !== ':memory:' && path === resolve(liveDbPath)) throw refused(file, '这就是正在使用的数据库本身');

  // In a worker thread: a restore candidate may be gigabytes, and the window keeps answering meanwhile.
  const check = await checkFileInWorker(path, { mode: 'full' });
  if (!check.ok) {
    const readable = !/not a database|file is not a database|NOTADB/i.test(check.problems[0] ?? '');
    throw refused(file, readable ? `文件已损坏（完整性检查未通过：${check.problems.slice(0, 2).join('；')}）` : '这不是接诉台数据库文件，或已损坏');
  }

  const handle = createDb(path, { readonly: true });
  try {
    const schemaVersion = await currentSchemaVersion(handle.db);
    if (schemaVersion > LATEST_SCHEMA_VERSION) {
      throw refused(file, `它由更新版本的接诉台写入（数据结构版本 ${schemaVersion}，本程序只支持到 ${LATEST_SCHEMA_VERSION}），请先升级接诉台`);
    }
    const tables = new Set((handle.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name));
    if (schemaVersion < 1 || !tables.has('orders')) throw refused(file, '这不是接诉台数据库（没有工单表）');
    const meta = new Map<string, string>();
    if (tables.has('app_meta')) {
      for (const r of handle.sqlite.prepare('SELECT key, value FROM app_meta').all() as Array<{ key: string; value: string }>) meta.set(r.key, r.value);
    }
    const orders = handle.sqlite.prepare('SELECT count(*) AS n, max(received_at) AS newest FROM orders').get() as { n: number; newest: number | null };
    return {
      path,
      bytes,
      takenAt: parseBackupName(basename(path)),
      schemaVersion,
      streetName: meta.get(META_STREET_NAME) ?? null,
      demo: meta.get(META_DEMO) === '1',
      orderCount: orders.n,
      newestReceivedAt: orders.newest,
    };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refused(file, `读取失败（${e instanceof Error ? e.message : String(e)}）`, e);
  } finally {
    await handle.close();
  }
}
