/**
 * The automatic backups of a long-running process (`jiesu serve`, the Electron shell): one soon after
 * start, then one a day. A failed backup is retried an hour later rather than a day later. The timer
 * never keeps the process alive on its own.
 *
 * The start-up backup runs in the background: after a short delay (the window shows first), after the
 * start-up integrity check has finished (two full reads of a 2 GB file at once would slow both), and
 * not at all when the folder already holds a backup taken today (each one was verified before it got
 * its name) — the next one is then due a day after that backup. Backups never overlap: the service
 * runs one at a time (a request while one runs gets that one's result).
 *
 * The target is read on every run, so a runtime that reopens its database (a restore) keeps its schedule.
 */
import type { BackupService } from './service.js';

export interface ScheduleTarget {
  readonly services: { readonly backup: BackupService };
}

export interface ScheduleOptions {
  /** Between two successful backups (default 24 h). */
  intervalMs?: number;
  /** After a failed one (default 1 h). */
  retryMs?: number;
  /** Take the start-up backup (default true). */
  atStart?: boolean;
  /** How long after start the start-up backup begins (default 30 s). */
  startDelayMs?: number;
  log?: Pick<Console, 'warn'>;
}

export const DAY_MS = 24 * 3_600_000;
export const RETRY_MS = 3_600_000;
export const START_DELAY_MS = 30_000;

/** Starts the schedule; the returned function stops it (a backup already running finishes). */
export function startBackupSchedule(target: ScheduleTarget, options: ScheduleOptions = {}): () => void {
  const intervalMs = options.intervalMs ?? DAY_MS;
  const retryMs = options.retryMs ?? RETRY_MS;
  const log = options.log ?? console;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const plan = (delay: number): void => {
    if (stopped) return;
    target.services.backup.noteSchedule(Date.now() + delay);
    timer = setTimeout(() => void run('daily'), delay);
    timer.unref?.();
  };

  const run = async (trigger: 'startup' | 'daily'): Promise<void> => {
    timer = null;
    if (stopped) return;
    let ok = false;
    try {
      await target.services.backup.run(trigger);
      ok = true;
    } catch (e) {
      // The status shows the failure (lastAttempt); the log says it once for whoever reads it.
      log.warn('[接诉台] 自动备份失败:', e instanceof Error ? e.message : e);
    }
    plan(ok ? intervalMs : retryMs);
  };

  const atStart = async (): Promise<void> => {
    timer = null;
    const backup = target.services.backup;
    try {
      await backup.whenStartupChecked();
      if (stopped) return;
      const today = await backup.todaysBackup();
      if (today) {
        // A verified backup of today exists: the next one is due a day after it.
        plan(Math.min(intervalMs, Math.max(retryMs, today.at + intervalMs - Date.now())));
        return;
      }
    } catch (e) {
      log.warn('[接诉台] 读取备份文件夹失败:', e instanceof Error ? e.message : e);
    }
    if (!stopped) await run('startup');
  };

  if (options.atStart ?? true) {
    const delay = options.startDelayMs ?? START_DELAY_MS;
    // The status shows when the start-up backup is due (it may still be skipped: one exists today).
    target.services.backup.noteSchedule(Date.now() + delay);
    timer = setTimeout(() => void atStart(), delay);
    timer.unref?.();
  } else plan(intervalMs);

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    target.services.backup.noteSchedule(null);
  };
}
