/**
 * Contract methods of backups and restore (issue 7): the status the settings page shows, the backups in
 * the folder, a backup now, checking a candidate file, restoring it, and the start-up integrity check.
 *
 * Restore over the API: `backup.restore` checks the file first (nothing is replaced when it is refused),
 * then the backend closes the database, keeps the current file aside, puts the backup in place and
 * reopens it. The reply arrives after the reopen; requests sent meanwhile wait and then run against the
 * restored database, and every window is told `orders.changed` (reason 'restore').
 */
import { z } from 'zod';
import { method } from '../method.js';
import { epochMs } from '../scalars.js';
import { BackupKeepValue } from './settings.js';

/**
 * The backup to check or restore: the name of a backup in the backup folder (`jiesu-20260302-090005.db`,
 * as `backup.list` gives it), an uploaded file (`upload:…`, browser mode, see main/web/upload.ts), or a
 * path on this computer (desktop and command line only: browser mode refuses paths).
 */
const filePath = z.string().trim().min(1, '请选择备份文件').max(4096, '文件路径过长');
const count = z.number().int().nonnegative();

export const BACKUP_TRIGGER = {
  codes: ['startup', 'daily', 'manual', 'cli'] as const,
  label: { startup: '启动时自动备份', daily: '每日自动备份', manual: '手动备份', cli: '命令行备份' },
} as const;
export type BackupTrigger = (typeof BACKUP_TRIGGER.codes)[number];

/** One verified backup file in the folder (`jiesu-YYYYMMDD-HHmmss.db`, Beijing time in the name). */
export const BackupFile = z.object({
  path: z.string(),
  name: z.string(),
  /** When the backup was taken (from its name). */
  at: epochMs,
  bytes: count,
});
export type BackupFile = z.infer<typeof BackupFile>;

export const BackupAttempt = z.object({
  at: epochMs,
  trigger: z.enum(BACKUP_TRIGGER.codes),
  ok: z.boolean(),
  /** The backup written, when ok. */
  path: z.string().nullable(),
  /** Why it failed (Chinese), when not ok. */
  message: z.string().nullable(),
});
export type BackupAttempt = z.infer<typeof BackupAttempt>;

export const BackupStatus = z.object({
  /** The folder backups go to (the setting, or the default beside the database); null when there is none (an in-memory database). */
  folder: z.string().nullable(),
  /** True when the folder is the default one (the setting is not saved). */
  folderIsDefault: z.boolean(),
  keep: BackupKeepValue,
  /** The last backup attempted by this running program (null before the first). */
  lastAttempt: BackupAttempt.nullable(),
  /** The newest backup file in the folder (it may be older than this run). */
  newest: BackupFile.nullable(),
  /** When the daily backup runs next; null when no schedule runs in this process (e.g. the command line). */
  nextScheduledAt: epochMs.nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const BackupRunResult = z.object({
  backup: BackupFile,
  /** Names of the older backups rotation deleted. */
  removed: z.array(z.string()),
  ms: count,
});
export type BackupRunResult = z.infer<typeof BackupRunResult>;

/** What a candidate file holds, as checked before a restore. */
export const BackupInspection = z.object({
  path: z.string(),
  bytes: count,
  /** From the file name when it is one of ours, else null. */
  takenAt: epochMs.nullable(),
  schemaVersion: z.number().int().nonnegative(),
  streetName: z.string().nullable(),
  demo: z.boolean(),
  orderCount: count,
  /** The newest order's received time, so the clerk sees how recent the data is. */
  newestReceivedAt: epochMs.nullable(),
});
export type BackupInspection = z.infer<typeof BackupInspection>;

export const RestoreResult = z.object({
  restored: BackupInspection,
  /** Where the database as it was before the restore has been kept (null when there was none). */
  previousSavedAs: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

export const STARTUP_CHECK_MODE = {
  codes: ['full', 'quick'] as const,
  label: { full: '完整检查', quick: '快速检查' },
} as const;

/**
 * The start-up check runs in the background after the window opens (main/services/backup/startup.ts):
 * `pending` until it has finished (ok is true meanwhile: no verdict yet).
 */
export const StartupCheck = z.object({
  ok: z.boolean(),
  /** True while the check still runs; ask again with `wait: true` to get the verdict when it is ready. */
  pending: z.boolean(),
  /** integrity_check ('full', at most once a day) or quick_check; null when nothing was checked (a new database). */
  mode: z.enum(STARTUP_CHECK_MODE.codes).nullable(),
  checkedAt: epochMs,
  /** What is wrong (Chinese), when not ok. */
  problem: z.string().nullable(),
  /** The newest backup that passed its own integrity check, to offer for a restore. */
  suggestedBackup: BackupFile.nullable(),
});
export type StartupCheck = z.infer<typeof StartupCheck>;

export const backupMethods = {
  'backup.status': method(z.object({}).strict(), BackupStatus, '备份状态：文件夹、上次备份、下次自动备份'),
  'backup.list': method(z.object({}).strict(), z.array(BackupFile), '备份文件夹中的备份（新的在前）'),
  'backup.run': method(z.object({}).strict(), BackupRunResult, '立即备份（校验后轮换旧备份）'),
  'backup.inspect': method(z.object({ file: filePath }).strict(), BackupInspection, '检查一个备份文件能否用于恢复（不作任何改动）'),
  'backup.restore': method(z.object({ file: filePath }).strict(), RestoreResult, '从备份恢复：先检查，再替换当前数据库（原文件另存）'),
  'backup.startupCheck': method(
    z.object({ wait: z.boolean().optional() }).strict(),
    StartupCheck,
    '启动时的数据库完整性检查结果（失败时给出最近的完好备份；wait 为 true 时等检查结束再回答）',
  ),
} as const;
