/**
 * Where backups go and what is there. The folder is the 'backup.folder' setting (an administrator picks
 * it; a shared drive is typical) or, by default, a `backups` folder beside the database file.
 *
 * The default folder is created when missing. A configured one is not: when a shared drive is not
 * connected, creating its path would quietly put the "off-site" backups on the local disk — the clerk
 * is told instead (BACKUP_FAILED).
 */
import { accessSync, constants, lstatSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { BackupFile } from '../../../preload/contract/methods/backup.js';
import { readSetting } from '../settings.js';
import { backupSequence, parseBackupName, PARTIAL_PREFIX } from './names.js';

export interface BackupFolder {
  /** Null for an in-memory database without a configured folder. */
  folder: string | null;
  isDefault: boolean;
}

/**
 * `<db folder>/backups` for the clerks' database (jiesu.db); any other database file (the demo's
 * jiesu-demo.db beside it) gets `<db folder>/backups/<name>`, so rotating one never deletes the other's.
 */
export function defaultBackupFolder(dbPath: string): string | null {
  if (dbPath === ':memory:' || dbPath === '') return null;
  const full = resolve(dbPath);
  const stem = basename(full).replace(/\.(db|sqlite3?)$/i, '');
  return stem === 'jiesu' ? join(dirname(full), 'backups') : join(dirname(full), 'backups', stem);
}

/** The configured folder, or the default. A database too old to hold settings uses the default. */
export async function resolveBackupFolder(db: Kysely<Database>, dbPath: string): Promise<BackupFolder> {
  let configured: string | null = null;
  try {
    configured = await readSetting(db, 'backup.folder');
  } catch {
    // No settings table (a database from before schema v3): the default applies.
  }
  return configured ? { folder: configured, isDefault: false } : { folder: defaultBackupFolder(dbPath), isDefault: true };
}

function fsReason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return '文件夹不存在（若是共享盘，请确认已连接）';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return '没有写入权限';
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'ENOTDIR':
      return '该路径不是文件夹';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

export function backupFailed(what: string, e: unknown): AppError {
  return new AppError('BACKUP_FAILED', `${what}：${fsReason(e)}。数据库未受影响。`, { cause: e });
}

/** Makes sure backups can be written to `folder` (creating it only when it is the default). */
export function ensureWritableFolder(target: BackupFolder): string {
  const { folder } = target;
  if (!folder) {
    throw new AppError('BACKUP_FAILED', '内存中的数据库没有默认的备份文件夹，请先在设置中指定「备份文件夹」。');
  }
  try {
    if (target.isDefault) mkdirSync(folder, { recursive: true });
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    accessSync(folder, constants.W_OK);
  } catch (e) {
    throw backupFailed(`无法备份到「${folder}」`, e);
  }
  return folder;
}

/** The backups in `folder`, newest first. A missing or unreadable folder has none. */
export function listBackupFiles(folder: string | null): BackupFile[] {
  if (!folder) return [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const out: Array<BackupFile & { seq: number }> = [];
  for (const name of names) {
    const at = parseBackupName(name);
    if (at === null) continue;
    const path = join(folder, name);
    try {
      const st = statSync(path);
      if (st.isFile()) out.push({ path, name, at, bytes: st.size, seq: backupSequence(name) });
    } catch {
      // Deleted meanwhile (another process rotating): not there.
    }
  }
  out.sort((a, b) => b.at - a.at || b.seq - a.seq);
  return out.map(({ seq: _seq, ...f }) => f);
}

/** Partial files a killed process left behind (older than `olderThanMs`); a running backup's are young. */
export function removeStalePartials(folder: string, olderThanMs = 3_600_000): void {
  // File times are the real clock's, whatever clock the services run on.
  const now = Date.now();
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(PARTIAL_PREFIX)) continue;
    const path = join(folder, name);
    try {
      if (now - lstatSync(path).mtimeMs > olderThanMs) rmSync(path, { force: true });
    } catch {
      // Best effort: a leftover partial file is harmless (never listed).
    }
  }
}
