/**
 * Swapping the database file for a checked backup, with the program's own connection already closed:
 *   1. make sure nobody else has the database open (another window, `jiesu serve`, a command): leaving
 *      WAL mode needs the only connection, so SQLite itself tells us; it also folds the WAL into the file;
 *   2. keep the current file as `<db>.before-restore-YYYYMMDD-HHmmss.bak` (a rename: nothing is lost);
 *   3. copy the backup beside the database with SQLite's backup API (a consistent copy even of a file
 *      someone copied with its -wal; in a worker thread), check it, and rename it into place; stale -wal/-shm/-journal files
 *      of the old database are removed first so SQLite never replays them onto the restored one.
 * Any failure before the final rename puts the original file back (RESTORE_FAILED).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../preload/contract/errors.js';
import { beijingStamp, partialName } from './names.js';
import { checkFileInWorker } from './checkWorker.js';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function removeSideFiles(path: string): void {
  for (const suffix of SIDE_FILES) rmSync(`${path}${suffix}`, { force: true });
}

function failed(why: string, cause?: unknown): AppError {
  return new AppError('RESTORE_FAILED', `恢复未完成：${why}。当前数据库保持原样。`, cause === undefined ? undefined : { cause });
}

/** Refuses when another connection has `dbPath` open; leaves the file as one self-contained file. */
function takeSoleAccess(dbPath: string): void {
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = new BetterSqlite3(dbPath, { fileMustExist: true, timeout: 2000 });
    const mode = sqlite.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw Object.assign(new Error(`journal_mode stayed ${String(mode)}`), { code: 'SQLITE_BUSY' });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw failed('数据库正被其他程序使用（例如另一个接诉台窗口、浏览器模式或命令行），请先关闭它们再恢复', e);
    }
    throw failed(`无法打开当前数据库（${e instanceof Error ? e.message : String(e)}）`, e);
  } finally {
    sqlite?.close();
  }
}

/** fsync off the main thread: the restored file must be on disk before it takes the database's name. */
async function flush(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export interface Replaced {
  /** Where the database as it was has been kept; null when there was no database file yet. */
  previousSavedAs: string | null;
}

/** Replaces the (closed) database at `dbPath` by a copy of `backupPath`, which the caller has inspected. */
export async function replaceDatabaseFile(dbPath: string, backupPath: string, at: number): Promise<Replaced> {
  const live = resolve(dbPath);
  const hadLive = existsSync(live);
  if (hadLive) takeSoleAccess(live);

  const incoming = join(dirname(live), partialName('restore.db'));
  try {
    // Copied and checked in a worker thread (the window keeps answering). The backup itself has just
    // passed integrity_check (inspectCandidate): quick_check of the copy catches a bad write.
    const check = await checkFileInWorker(incoming, { mode: 'quick', copyFrom: backupPath });
    if (!check.ok) {
      throw check.stage === 'copy'
        ? failed(`无法把备份复制到数据库所在文件夹（${check.problems[0] ?? ''}）`)
        : failed(`备份复制后校验未通过（${check.problems.slice(0, 2).join('；')}）`);
    }
    await flush(incoming);
  } catch (e) {
    rmSync(incoming, { force: true });
    if (e instanceof AppError) throw e;
    throw failed(`无法把备份复制到数据库所在文件夹（${e instanceof Error ? e.message : String(e)}）`, e);
  }

  let previousSavedAs: string | null = null;
  try {
    if (hadLive) {
      previousSavedAs = `${live}.before-restore-${beijingStamp(at)}.bak`;
      for (let n = 2; existsSync(previousSavedAs); n++) previousSavedAs = `${live}.before-restore-${beijingStamp(at)}-${n}.bak`;
      renameSync(live, previousSavedAs);
    }
    removeSideFiles(live);
    renameSync(incoming, live);
  } catch (e) {
    rmSync(incoming, { force: true });
    if (previousSavedAs && existsSync(previousSavedAs) && !existsSync(live)) renameSync(previousSavedAs, live);
    throw failed(`替换数据库文件失败（${e instanceof Error ? e.message : String(e)}）`, e);
  }
  return { previousSavedAs };
}

/** Puts the kept database back (the restored one could not be opened). */
export function undoReplace(dbPath: string, replaced: Replaced): void {
  const live = resolve(dbPath);
  if (!replaced.previousSavedAs) return;
  rmSync(live, { force: true });
  removeSideFiles(live);
  renameSync(replaced.previousSavedAs, live);
}
