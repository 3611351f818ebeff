/**
 * The automatic backups of a long-running process (`jiesu serve`, the Electron shell): one right after
 * start (the database is already migrated), then one a day. A failed backup is retried an hour later
 * rather than a day later. The timer never keeps the process alive on its own.
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
  /** Take the start-up backup now (default true). */
  atStart?: boolean;
  log?: Pick<Console, 'warn'>;
}

export const DAY_MS = 24 * 3_600_000;
export const RETRY_MS = 3_600_000;

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

  if (options.atStart ?? true) void run('startup');
  else plan(intervalMs);

  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    target.services.backup.noteSchedule(null);
  };
}
