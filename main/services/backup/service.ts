/**
 * The backup service of one open database: status, the list, a backup now (verified, then rotated),
 * checking a candidate, restore and the start-up check's result.
 *
 * A restore replaces the database under the whole runtime, so the service cannot do it alone: the
 * long-running process (main/liveApp.ts) attaches itself as the `RestoreHost`, closes everything, swaps
 * the file and reopens. Without a host (the command line, tests) a restore is refused with the command
 * to run instead. State that must survive that reopen (the last attempt, the schedule) moves to the new
 * service with `adopt`.
 */
import type { BackupAttempt, BackupFile, BackupInspection, BackupRunResult, BackupStatus, BackupTrigger, RestoreResult, StartupCheck } from '../../../preload/contract/methods/backup.js';
import { AppError, isAppError } from '../../../preload/contract/errors.js';
import type { ServiceContext } from '../context.js';
import { readSetting } from '../settings.js';
import { writeBackup } from './create.js';
import { ensureWritableFolder, listBackupFiles, removeStalePartials, resolveBackupFolder, type BackupFolder } from './folder.js';
import { applyRotation, planRotation, type KeepRule } from './rotate.js';
import { parseBackupName } from './names.js';
import { dayKey } from './rotate.js';
import { finishedJob, type StartupJob } from './startup.js';
import { integrityProblems, inspectCandidate } from './verify.js';

export interface RestoreHost {
  restore(file: string): Promise<RestoreResult>;
}

export interface RunOptions {
  /** A folder for this backup only (`jiesu backup --to`); it must exist. */
  to?: string;
}

const DEFAULT_KEEP: KeepRule = { daily: 7, weekly: 4, monthly: 12 };

export class BackupService {
  private lastAttempt: BackupAttempt | null = null;
  private nextScheduledAt: number | null = null;
  private startup: StartupJob | null = null;
  private host: RestoreHost | null = null;
  private running: Promise<BackupRunResult> | null = null;

  constructor(private readonly ctx: ServiceContext) {}

  folder(): Promise<BackupFolder> {
    return resolveBackupFolder(this.ctx.handle.db, this.ctx.handle.path);
  }

  private async keepRule(): Promise<KeepRule> {
    try {
      return await readSetting(this.ctx.handle.db, 'backup.keep');
    } catch {
      return DEFAULT_KEEP;
    }
  }

  async list(): Promise<BackupFile[]> {
    return listBackupFiles((await this.folder()).folder);
  }

  async status(): Promise<BackupStatus> {
    const target = await this.folder();
    return {
      folder: target.folder,
      folderIsDefault: target.isDefault,
      keep: await this.keepRule(),
      lastAttempt: this.lastAttempt,
      newest: listBackupFiles(target.folder)[0] ?? null,
      nextScheduledAt: this.nextScheduledAt,
    };
  }

  /** One backup now; a second request while one runs gets that one's result. */
  run(trigger: BackupTrigger, options: RunOptions = {}): Promise<BackupRunResult> {
    if (this.running) return this.running;
    this.running = this.runOnce(trigger, options).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runOnce(trigger: BackupTrigger, options: RunOptions): Promise<BackupRunResult> {
    const started = Date.now();
    const at = this.ctx.now();
    try {
      const target: BackupFolder = options.to ? { folder: options.to, isDefault: false } : await this.folder();
      const folder = ensureWritableFolder(target);
      removeStalePartials(folder);
      const backup = await writeBackup(this.ctx.handle, folder, at);
      // Rotate only after a verified backup exists: a failing backup never costs an older good one.
      const plan = planRotation(listBackupFiles(folder), await this.keepRule());
      const removed = applyRotation(plan.remove);
      this.lastAttempt = { at, trigger, ok: true, path: backup.path, message: null };
      return { backup, removed, ms: Date.now() - started };
    } catch (e) {
      const message = isAppError(e) ? e.message : `备份失败：${e instanceof Error ? e.message : String(e)}`;
      this.lastAttempt = { at, trigger, ok: false, path: null, message };
      throw isAppError(e) ? e : new AppError('BACKUP_FAILED', `${message}。数据库未受影响。`, { cause: e });
    }
  }

  /** Resolves once no backup is being written (a restore waits for it: the copy holds the file open). */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** The newest backup in the folder when it was taken today (Beijing date), else null. */
  async todaysBackup(): Promise<BackupFile | null> {
    const newest = (await this.list())[0];
    return newest && dayKey(newest.at) === dayKey(this.ctx.now()) ? newest : null;
  }

  /**
   * What a restore candidate names, as a file: a bare backup name (`jiesu-YYYYMMDD-HHmmss.db`, what
   * the list shows) is looked up in the backup folder; anything else is a path (desktop, CLI).
   */
  async locate(file: string): Promise<string> {
    const name = file.trim();
    if (parseBackupName(name) === null) return file;
    const found = (await this.list()).find((b) => b.name === name);
    if (!found) throw new AppError('RESTORE_REFUSED', `备份文件夹中没有「${name}」（可能已按保留规则删除），请刷新列表后重选。当前数据库未作任何改动。`);
    return found.path;
  }

  async inspect(file: string): Promise<BackupInspection> {
    return inspectCandidate(await this.locate(file), this.ctx.handle.path);
  }

  /** Checks the candidate, then hands it to the host, which replaces the database and reopens. */
  async restore(file: string): Promise<RestoreResult> {
    const path = await this.locate(file);
    await this.inspect(path);
    if (!this.host) {
      throw new AppError('RESTORE_FAILED', `当前运行方式不能在线恢复。请关闭接诉台后在命令行运行：jiesu restore "${path}" --yes。当前数据库未作任何改动。`);
    }
    return this.host.restore(path);
  }

  /**
   * The start-up check's result (pending while it runs; with `wait`, once it is ready). A process that
   * started no check (openApp alone: tests, the command line) gets one run now on the open connection.
   */
  async startupCheck(wait = false): Promise<StartupCheck> {
    if (!this.startup) {
      const problems = integrityProblems(this.ctx.handle.sqlite);
      this.startup = finishedJob({
        ok: problems.length === 0,
        pending: false,
        mode: 'full',
        checkedAt: this.ctx.now(),
        problem: problems.length ? `数据库完整性检查未通过（${problems.slice(0, 2).join('；')}），数据可能已损坏。` : null,
        suggestedBackup: null,
      });
    }
    return wait ? this.startup.done : this.startup.current();
  }

  /** Resolves once the start-up check (if one runs) has finished; the start-up backup waits for it. */
  async whenStartupChecked(): Promise<void> {
    await this.startup?.done.catch(() => undefined);
  }

  // ---- wiring by the long-running process ---------------------------------------------------

  noteStartup(job: StartupJob): void {
    this.startup = job;
  }

  noteSchedule(nextAt: number | null): void {
    this.nextScheduledAt = nextAt;
  }

  attachHost(host: RestoreHost | null): void {
    this.host = host;
  }

  /** Carries this process's backup state over from the service of the database before a restore. */
  adopt(previous: BackupService): void {
    this.lastAttempt = previous.lastAttempt;
    this.nextScheduledAt = previous.nextScheduledAt;
    this.startup ??= previous.startup;
  }
}
