/**
 * The start-up check of the database, off the critical path: the program opens the database and shows
 * its window first, then a worker thread (checkWorker.ts, its own read-only connection) checks the file
 * while the clerk works. The result travels as `backup.startupCheck` (pending until it is ready; with
 * `wait: true` the reply comes when it is). When the check fails, the newest backup that passes its own
 * check is found, so the page can offer it; when the database cannot be opened at all, the caller runs
 * the same check before giving up, to name that backup in its error.
 *
 * Policy (at most one full check a day): `PRAGMA integrity_check` — which also compares every index with
 * its table — runs when no full check has passed yet on today's Beijing date; otherwise the faster
 * `PRAGMA quick_check` (page and record structure, no index comparison) runs. The time of the last full
 * check that passed is kept in app_meta ('integrity.lastFullCheckAt'); a failed check does not set it, so
 * the next start checks in full again. The daily backup additionally runs integrity_check on its copy.
 *
 * A database that does not exist yet is fine: it is about to be created.
 */
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { BackupFile, StartupCheck } from '../../../preload/contract/methods/backup.js';
import { settingValueSchemas } from '../../../preload/contract/methods/settings.js';
import { checkFileInWorker, startFileCheck, type CheckMode, type RunningCheck } from './checkWorker.js';
import { defaultBackupFolder, listBackupFiles } from './folder.js';
import { dayKey } from './rotate.js';

/** How many of the newest backups are tried before giving up on suggesting one. */
const MAX_CANDIDATES = 10;
/** app_meta key: epoch ms of the last full integrity_check that passed. */
export const META_LAST_FULL_CHECK = 'integrity.lastFullCheckAt';

/** The folder setting read straight from the database file (it may be damaged), else the default. */
export function backupFolderOf(dbPath: string): string | null {
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true, timeout: 2000 });
    const row = sqlite.prepare("SELECT value_json FROM settings WHERE key = 'backup.folder'").get() as { value_json: string } | undefined;
    const parsed = row ? settingValueSchemas['backup.folder'].safeParse(JSON.parse(row.value_json)) : null;
    if (parsed?.success && parsed.data) return parsed.data;
  } catch {
    // Unreadable settings: the default folder is the best guess.
  } finally {
    sqlite?.close();
  }
  return defaultBackupFolder(dbPath);
}

/** The newest backup in `folder` that passes quick_check (each one passed integrity_check when written). */
export async function newestGoodBackup(folder: string | null): Promise<BackupFile | null> {
  for (const b of listBackupFiles(folder).slice(0, MAX_CANDIDATES)) {
    if ((await checkFileInWorker(b.path, { mode: 'quick' })).ok) return b;
  }
  return null;
}

/** Full when no full check has passed yet on `now`'s Beijing date, else quick. */
export function checkModeFor(lastFullCheckAt: number | null, now: number): CheckMode {
  return lastFullCheckAt !== null && dayKey(lastFullCheckAt) === dayKey(now) ? 'quick' : 'full';
}

export function readLastFullCheck(sqlite: BetterSqlite3.Database): number | null {
  try {
    const row = sqlite.prepare('SELECT value FROM app_meta WHERE key = ?').get(META_LAST_FULL_CHECK) as { value: string } | undefined;
    const n = row ? Number(row.value) : NaN;
    return Number.isFinite(n) ? n : null;
  } catch {
    return null;
  }
}

/** Through Kysely, so the write waits for a transaction of the app's that is half-way through. */
export async function writeLastFullCheck(db: Kysely<Database>, at: number): Promise<void> {
  await db
    .insertInto('app_meta')
    .values({ key: META_LAST_FULL_CHECK, value: String(at) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(at) }))
    .execute();
}

export const sound = (at: number, mode: CheckMode | null): StartupCheck => ({ ok: true, pending: false, mode, checkedAt: at, problem: null, suggestedBackup: null });

/** The check's result while it still runs. */
export const pendingCheck = (at: number, mode: CheckMode | null): StartupCheck => ({ ...sound(at, mode), pending: true });

export interface CheckRequest {
  mode: CheckMode;
  now: () => number;
  /** Where to look for a backup to offer (read only when the check fails). */
  folder: () => string | null;
}

/** A start-up check running in the background. */
export interface StartupJob {
  current(): StartupCheck;
  readonly done: Promise<StartupCheck>;
  /** Ends the worker (it finishes the SQLite statement it is in); `done` then settles as it can. */
  stop(): void;
}

/** A job that has already finished (no file to check, or a restored file that was just checked). */
export function finishedJob(check: StartupCheck): StartupJob {
  return { current: () => check, done: Promise.resolve(check), stop: () => undefined };
}

/** Starts the check of `dbPath` in a worker thread and returns at once. */
export function startStartupCheck(dbPath: string, request: CheckRequest): StartupJob {
  const startedAt = request.now();
  if (dbPath === ':memory:' || !existsSync(dbPath)) return finishedJob(sound(startedAt, null));
  let state = pendingCheck(startedAt, request.mode);
  let running: RunningCheck | null = startFileCheck(dbPath, { mode: request.mode });
  const done = (async (): Promise<StartupCheck> => {
    const verdict = await running!.done;
    running = null;
    const at = request.now();
    // Locked by another program for longer than the worker waits: no verdict on the data.
    if (verdict.ok || verdict.busy) return sound(at, verdict.busy ? null : request.mode);
    const suggestedBackup = await newestGoodBackup(request.folder());
    return {
      ok: false,
      pending: false,
      mode: request.mode,
      checkedAt: at,
      problem: `数据库完整性检查未通过（${verdict.problems.slice(0, 2).join('；')}），数据可能已损坏。${suggestedBackup ? '建议从最近的完好备份恢复。' : '未找到可用的备份，请联系技术支持。'}`,
      suggestedBackup,
    };
  })().then((check) => (state = check));
  return {
    current: () => state,
    done,
    stop: () => void running?.stop(),
  };
}
