/**
 * Writing one backup so that no half-written file ever carries a backup's name:
 *   1. SQLite's online backup API copies the database to a hidden partial file in the target folder
 *      (from its own read-only connection: only committed data, and the clerk's work is not paused);
 *   2. the copy is switched to a rollback journal — a single self-contained file, safe on a shared
 *      drive where WAL's shared memory does not work;
 *   3. `PRAGMA integrity_check` runs on the copy, opened read-only;
 *   4. it is flushed to disk and only then renamed to `jiesu-YYYYMMDD-HHmmss.db` (a rename within one
 *      folder is atomic). On any failure the partial file is removed and BACKUP_FAILED says why.
 * Steps 1–3 run in a worker thread (checkWorker.ts) and the flush in libuv's pool: a 2 GB database
 * takes a minute or more, and the window keeps answering meanwhile. Only an in-memory database (tests)
 * is copied on the main thread, the one connection that can see it.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { DbHandle } from '../../../db/connection.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { BackupFile } from '../../../preload/contract/methods/backup.js';
import { backupFailed, listBackupFiles } from './folder.js';
import { backupName, backupSequence, parseBackupName, partialName } from './names.js';
import { checkFileInWorker } from './checkWorker.js';

/**
 * Pages copied per step: large enough to finish quickly, small enough to let other work run between
 * steps (2048 pages held the main thread ~200 ms at a time on a 240 MB file; 512 keeps it near 50 ms).
 */
const PAGES_PER_STEP = 512;

function removeQuietly(path: string): void {
  for (const p of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) {
    try {
      rmSync(p, { force: true });
    } catch {
      // Best effort: a leftover partial file is never listed as a backup.
    }
  }
}

/** fsync off the main thread (libuv's pool): a 2 GB file can take seconds to reach the disk. */
async function flush(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Copies an in-memory database (only the live connection can see it) to `destination`. */
async function copyInMemory(handle: DbHandle, destination: string): Promise<void> {
  const progress = () => PAGES_PER_STEP;
  // Through Kysely's connection lock, so no transaction of ours is half-way through while pages are copied.
  await handle.db.connection().execute(() => handle.sqlite.backup(destination, { progress }));
  const copy = new BetterSqlite3(destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** The name for `at`: after every backup already taken in that second, so the newest sorts last. */
function freeName(folder: string, at: number): string {
  const plain = backupName(at);
  let n = 1;
  for (const b of listBackupFiles(folder)) {
    if (backupName(b.at) === plain) n = Math.max(n, backupSequence(b.name) + 1);
  }
  while (existsSync(join(folder, backupName(at, n)))) n++;
  if (n > 9999) throw new AppError('BACKUP_FAILED', `备份文件夹「${folder}」中同一秒的备份过多，请稍后再试。`);
  return backupName(at, n);
}

/** Writes one verified backup of `handle` into `folder` (which must exist), named for `at`. */
export async function writeBackup(handle: DbHandle, folder: string, at: number): Promise<BackupFile> {
  const name = freeName(folder, at);
  const partial = join(folder, partialName(name));
  const path = join(folder, name);
  try {
    let check;
    if (handle.path === ':memory:') {
      try {
        await copyInMemory(handle, partial);
      } catch (e) {
        throw backupFailed(`备份写入「${folder}」失败`, e);
      }
      check = await checkFileInWorker(partial, { mode: 'full' });
    } else {
      // Copy and check in a worker thread: the main thread keeps answering the clerk meanwhile.
      check = await checkFileInWorker(partial, { mode: 'full', copyFrom: handle.path });
      if (!check.ok && check.stage === 'copy') {
        throw backupFailed(`备份写入「${folder}」失败`, Object.assign(new Error(check.problems[0] ?? ''), { code: check.code }));
      }
    }
    if (!check.ok) {
      throw new AppError(
        'BACKUP_FAILED',
        `备份副本的完整性检查未通过（${check.problems.slice(0, 2).join('；')}），未保存该备份。当前数据库可能已损坏，请尽快从最近的完好备份恢复并联系技术支持。`,
      );
    }
    try {
      await flush(partial);
      renameSync(partial, path);
    } catch (e) {
      throw backupFailed(`备份保存到「${folder}」失败`, e);
    }
  } finally {
    removeQuietly(partial);
  }
  return { path, name, at: parseBackupName(name) ?? at, bytes: statSync(path).size };
}
