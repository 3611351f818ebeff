/**
 * The start-up check: `PRAGMA integrity_check` on the database before the program works on it. When it
 * fails, the newest backup that passes its own check is found, so the UI (or the error box) can offer it.
 * A database that does not exist yet is fine: it is about to be created.
 */
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupFile, StartupCheck } from '../../../preload/contract/methods/backup.js';
import { settingValueSchemas } from '../../../preload/contract/methods/settings.js';
import { defaultBackupFolder, listBackupFiles } from './folder.js';
import { checkDatabaseFile, integrityProblems } from './verify.js';

/** How many of the newest backups are tried before giving up on suggesting one. */
const MAX_CANDIDATES = 10;

/** The folder setting read straight from a damaged database (it may not answer), else the default. */
function folderOf(sqlite: BetterSqlite3.Database | null, dbPath: string): string | null {
  try {
    const row = sqlite?.prepare("SELECT value_json FROM settings WHERE key = 'backup.folder'").get() as { value_json: string } | undefined;
    const parsed = row ? settingValueSchemas['backup.folder'].safeParse(JSON.parse(row.value_json)) : null;
    if (parsed?.success && parsed.data) return parsed.data;
  } catch {
    // Unreadable settings: the default folder is the best guess.
  }
  return defaultBackupFolder(dbPath);
}

/** The newest backup in `folder` that passes integrity_check. */
export function newestGoodBackup(folder: string | null): BackupFile | null {
  for (const b of listBackupFiles(folder).slice(0, MAX_CANDIDATES)) {
    if (checkDatabaseFile(b.path).ok) return b;
  }
  return null;
}

export function checkDatabaseAtStartup(dbPath: string, now: number): StartupCheck {
  const fine: StartupCheck = { ok: true, checkedAt: now, problem: null, suggestedBackup: null };
  if (dbPath === ':memory:' || !existsSync(dbPath)) return fine;
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    let problems: string[];
    try {
      // Read-write, so SQLite first recovers a WAL left by a crash (what the program will see).
      sqlite = new BetterSqlite3(dbPath, { fileMustExist: true, timeout: 5000 });
      problems = integrityProblems(sqlite);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      // Locked by another program for longer than we wait: no verdict on the data (opening will say so).
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return fine;
      problems = [e instanceof Error ? e.message : String(e)];
    }
    if (problems.length === 0) return fine;
    const suggestedBackup = newestGoodBackup(folderOf(sqlite, dbPath));
    return {
      ok: false,
      checkedAt: now,
      problem: `数据库完整性检查未通过（${problems.slice(0, 2).join('；')}），数据可能已损坏。${suggestedBackup ? '建议从最近的完好备份恢复。' : '未找到可用的备份，请联系技术支持。'}`,
      suggestedBackup,
    };
  } finally {
    sqlite?.close();
  }
}
