/**
 * The runtime of a long-running process (`jiesu serve`, the Electron shell): openApp plus what only a
 * process that stays up needs —
 *  - the start-up integrity check, in the background: the database opens (and the window shows) first,
 *    then a worker thread checks the file (integrity_check at most once a day, quick_check otherwise:
 *    see main/services/backup/startup.ts); `backup.startupCheck` is pending until it is done and then
 *    offers the newest good backup when the check failed. When the database cannot be opened at all,
 *    the check runs before giving up, and the error names that backup and the command that restores it;
 *  - restore with reopen: `backup.restore` checks the file, then this closes the runtime (after the
 *    requests in flight finish), swaps the file (main/services/backup/restore.ts), reopens and migrates.
 *    The restore request gets its reply after the reopen; requests arriving meanwhile wait and then run
 *    on the restored database; every window is pushed `orders.changed` (reason 'restore').
 * `dispatch` and `push` stay the same objects across a restore, so transports wired once keep working.
 */
import { AppError } from '../preload/contract/errors.js';
import type { RestoreResult, StartupCheck } from '../preload/contract/methods/backup.js';
import { formatBeijing } from '../preload/contract/time.js';
import type { Dispatch } from './dispatch.js';
import { openApp, type AppRuntime, type OpenOptions } from './runtime.js';
import {
  backupFolderOf,
  checkModeFor,
  finishedJob,
  readLastFullCheck,
  replaceDatabaseFile,
  sound,
  startStartupCheck,
  undoReplace,
  writeLastFullCheck,
  type StartupJob,
} from './services/backup/index.js';
import { PushBus } from './services/context.js';
import type { Services } from './services/index.js';

export interface LiveApp {
  readonly dbPath: string;
  readonly dispatch: Dispatch;
  readonly push: PushBus;
  /** The services of the database open now (a restore replaces them). */
  readonly services: Services;
  readonly runtime: AppRuntime;
  /** The start-up check as it stands now (pending while the worker runs). */
  readonly startup: StartupCheck;
  /** Settles with the start-up check's verdict. */
  readonly startupChecked: Promise<StartupCheck>;
  restore(file: string): Promise<RestoreResult>;
  close(): Promise<void>;
}

function unopenable(e: unknown, check: StartupCheck): unknown {
  const b = check.suggestedBackup;
  if (!b) return e;
  const why = e instanceof Error ? e.message : String(e);
  return new AppError(
    'DB_OPEN_FAILED',
    `${why}\n\n最近的完好备份：${b.path}（${formatBeijing(b.at, true)}）。关闭接诉台后运行 jiesu restore "${b.path}" --yes 即可恢复（当前文件会另存，不会删除）。`,
    { cause: e },
  );
}

export async function openLiveApp(dbPath: string, options: OpenOptions = {}): Promise<LiveApp> {
  const now = options.now ?? Date.now;
  const folder = () => backupFolderOf(dbPath);
  let current: AppRuntime;
  try {
    current = await openApp(dbPath, options);
  } catch (e) {
    // Nothing else to do now: check the file in full, to say which backup would restore it.
    const verdict = await startStartupCheck(dbPath, { mode: 'full', now, folder }).done;
    throw verdict.ok ? e : unopenable(e, verdict);
  }

  // The check starts only now, with the database open and migrated: the window does not wait for it.
  const mode = checkModeFor(readLastFullCheck(current.handle.sqlite), now());
  let startupJob: StartupJob = startStartupCheck(dbPath, { mode, now, folder });
  const startupChecked = startupJob.done.then(async (check) => {
    if (check.ok && check.mode === 'full' && !closed) {
      // Read-only or busy: the next start simply checks in full again.
      await writeLastFullCheck(current.handle.db, check.checkedAt).catch(() => undefined);
    }
    return check;
  });

  const push = new PushBus();
  let unforward: () => void = () => undefined;
  const inFlight = new Set<Promise<unknown>>();
  let swapping: Promise<unknown> | null = null;
  let closed = false;

  const attach = (runtime: AppRuntime): void => {
    current = runtime;
    unforward = runtime.push.subscribe((name, payload) => push.emit(name, payload));
    runtime.services.backup.attachHost({ restore: (file) => live.restore(file) });
  };

  const shutDown = async (runtime: AppRuntime): Promise<void> => {
    unforward();
    runtime.services.backup.attachHost(null);
    runtime.services.ledger.close();
    await runtime.close();
  };

  const dispatch: Dispatch = async (name, args, call) => {
    while (swapping) await swapping.catch(() => undefined);
    if (closed) return { error: { code: 'DB_OPEN_FAILED', message: '数据库已关闭，请重新启动接诉台。' } };
    // The restore request itself is not waited for by the restore it starts.
    if (name === 'backup.restore') return current.dispatch(name, args, call);
    const p = current.dispatch(name, args, call);
    inFlight.add(p);
    try {
      return await p;
    } finally {
      inFlight.delete(p);
    }
  };

  const swap = async (file: string): Promise<RestoreResult> => {
    // A backup being written holds the file open, and its rotation may remove files: let it finish first.
    await current.services.backup.settled();
    // So does the start-up check's worker (a read-only connection): the swap needs the only connection.
    await startupChecked;
    const restored = await current.services.backup.inspect(file);
    await Promise.allSettled([...inFlight]);
    const before = current;
    const previous = before.services.backup;
    await shutDown(before);
    let replaced;
    try {
      replaced = await replaceDatabaseFile(dbPath, restored.path, now());
    } catch (e) {
      attach(await openApp(dbPath, options));
      current.services.backup.adopt(previous);
      throw e;
    }
    let next: AppRuntime;
    try {
      next = await openApp(dbPath, options);
    } catch (e) {
      undoReplace(dbPath, replaced);
      attach(await openApp(dbPath, options));
      current.services.backup.adopt(previous);
      throw new AppError('RESTORE_FAILED', `恢复后的数据库无法打开（${e instanceof Error ? e.message : String(e)}），已换回原数据库。`, { cause: e });
    }
    // The restored file has just passed integrity_check: that is this database's start-up verdict now.
    startupJob = finishedJob(sound(now(), 'full'));
    next.services.backup.noteStartup(startupJob);
    attach(next);
    next.services.backup.adopt(previous);
    push.emit('orders.changed', { reason: 'restore', count: restored.orderCount });
    return { restored, previousSavedAs: replaced.previousSavedAs };
  };

  const live: LiveApp = {
    dbPath,
    dispatch,
    push,
    get services() {
      return current.services;
    },
    get runtime() {
      return current;
    },
    get startup() {
      return startupJob.current();
    },
    startupChecked,
    async restore(file) {
      if (closed) throw new AppError('RESTORE_FAILED', '数据库已关闭，无法恢复。');
      if (swapping) throw new AppError('RESTORE_FAILED', '另一个恢复正在进行，请稍候。');
      const job = swap(file);
      swapping = job;
      try {
        return await job;
      } finally {
        swapping = null;
      }
    },
    async close() {
      if (closed) return;
      while (swapping) await swapping.catch(() => undefined);
      closed = true;
      // Not awaited: a worker ends only after its SQLite statement, which may take a minute on a big file.
      startupJob.stop();
      await shutDown(current);
    },
  };

  attach(current);
  current.services.backup.noteStartup(startupJob);
  return live;
}
