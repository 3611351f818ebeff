/**
 * The automatic backups of a long-running process: one at start, then daily; a failure retried after
 * an hour; stopped with the process. Driven with fake timers (setTimeout and the clock only: SQLite's
 * own backup steps run on real setImmediate).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startShell, type ShellElectron } from '../../../main/electron/shell.js';
import { openLiveApp, type LiveApp } from '../../../main/liveApp.js';
import { DAY_MS, RETRY_MS, START_DELAY_MS, startBackupSchedule, type ScheduleTarget } from '../../../main/services/backup/schedule.js';
import { PushBus } from '../../../main/services/context.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { BackupStatus } from '../../../preload/api.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { app as fakeApp, FakeEvent, fakeElectron, resetFake } from '../electron/fake-electron.js';
import { call, strict, tempDir } from './support.js';

vi.mock('electron', () => import('../electron/fake-electron.js'));

const START = fromBeijing(2026, 3, 2, 9, 0);
const quiet = { warn: vi.fn(), error: vi.fn() };

/** Lets promises and real setImmediate callbacks (SQLite's backup steps) run until `done`. */
async function settle(done: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i++) await new Promise<void>((r) => setImmediate(r));
  expect(done()).toBe(true);
}

function fakeTarget(outcomes: Array<'ok' | 'fail'>, options: { today?: { at: number } | null; checked?: Promise<void> } = {}) {
  const runs: Array<{ trigger: string; at: number }> = [];
  const noted: Array<number | null> = [];
  const backup = {
    whenStartupChecked: vi.fn(() => options.checked ?? Promise.resolve()),
    todaysBackup: vi.fn(async () => options.today ?? null),
    run: vi.fn(async (trigger: string) => {
      runs.push({ trigger, at: Date.now() });
      if ((outcomes.shift() ?? 'ok') === 'fail') throw new AppError('BACKUP_FAILED', '无法备份到「Z:\\备份」：文件夹不存在。');
      return {};
    }),
    noteSchedule: vi.fn((at: number | null) => noted.push(at)),
  };
  return { target: { services: { backup } } as unknown as ScheduleTarget, runs, noted };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: START });
  quiet.warn.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startBackupSchedule', () => {
  it('backs up at start, then every 24 hours, and says when the next one is due', async () => {
    const { target, runs, noted } = fakeTarget([]);
    const stop = startBackupSchedule(target, { log: quiet, startDelayMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    await settle(() => noted.length === 2);
    expect(runs).toEqual([{ trigger: 'startup', at: START }]);
    expect(noted).toEqual([START, START + DAY_MS]);
    await vi.advanceTimersByTimeAsync(DAY_MS - 1);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle(() => noted.length === 3);
    await vi.advanceTimersByTimeAsync(DAY_MS);
    await settle(() => noted.length === 4);
    expect(runs).toEqual([
      { trigger: 'startup', at: START },
      { trigger: 'daily', at: START + DAY_MS },
      { trigger: 'daily', at: START + 2 * DAY_MS },
    ]);
    stop();
  });

  it('retries a failed backup an hour later, then returns to the daily rhythm', async () => {
    const { target, runs, noted } = fakeTarget(['fail', 'ok']);
    const stop = startBackupSchedule(target, { log: quiet, startDelayMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    await settle(() => noted.length === 2);
    expect(noted).toEqual([START, START + RETRY_MS]);
    expect(quiet.warn).toHaveBeenCalledWith('[接诉台] 自动备份失败:', expect.stringContaining('文件夹不存在'));
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    await settle(() => noted.length === 3);
    expect(runs.map((r) => r.at)).toEqual([START, START + RETRY_MS]);
    expect(noted[2]).toBe(START + RETRY_MS + DAY_MS);
    stop();
  });

  it('stop() ends the schedule: no more backups, and no next time is shown', async () => {
    const { target, runs, noted } = fakeTarget([]);
    const stop = startBackupSchedule(target, { log: quiet, startDelayMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    await settle(() => noted.length === 2);
    stop();
    expect(noted.at(-1)).toBeNull();
    await vi.advanceTimersByTimeAsync(5 * DAY_MS);
    expect(runs).toHaveLength(1);
  });

  it('takes the start-up backup in the background: after the delay, and only once the start-up check has finished', async () => {
    let finishCheck!: () => void;
    const checked = new Promise<void>((r) => (finishCheck = r));
    const { target, runs, noted } = fakeTarget([], { checked });
    const stop = startBackupSchedule(target, { log: quiet });
    // The status says when the start-up backup is due.
    expect(noted).toEqual([START + START_DELAY_MS]);
    await vi.advanceTimersByTimeAsync(START_DELAY_MS - 1);
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60_000);
    // The delay is over, but the integrity check still reads the file: no backup beside it.
    expect(runs).toHaveLength(0);
    finishCheck();
    await settle(() => noted.length === 2);
    expect(runs).toEqual([{ trigger: 'startup', at: START + START_DELAY_MS - 1 + 60_000 }]);
    stop();
  });

  it('skips the start-up backup when the folder already holds one from today; the next is due a day after it', async () => {
    const morning = START - 2 * 3_600_000;
    const { target, runs, noted } = fakeTarget([], { today: { at: morning } });
    const stop = startBackupSchedule(target, { log: quiet, startDelayMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    await settle(() => noted.length === 2);
    expect(runs).toHaveLength(0);
    expect(noted).toEqual([START, morning + DAY_MS]);
    await vi.advanceTimersByTimeAsync(morning + DAY_MS - START);
    await settle(() => runs.length === 1);
    expect(runs).toEqual([{ trigger: 'daily', at: morning + DAY_MS }]);
    stop();
  });

  describe('over a real database', () => {
    let tmp: ReturnType<typeof tempDir>;
    let live: LiveApp | null = null;
    beforeEach(() => {
      tmp = tempDir();
    });
    afterEach(async () => {
      await live?.close();
      tmp.remove();
    });

    it('one backup file per day, the status showing the last one and the next time', async () => {
      live = await openLiveApp(join(tmp.dir, 'jiesu.db'), { onInternalError: strict });
      const stop = startBackupSchedule(live, { log: quiet, startDelayMs: 0 });
      const status = () => call<BackupStatus>(live!.dispatch, 'backup.status');
      let s = await status();
      const backupAt = async (at: number) => {
        for (let i = 0; i < 10_000 && s.lastAttempt?.at !== at; i++) {
          await new Promise<void>((r) => setImmediate(r));
          s = await status();
        }
        expect(s.lastAttempt?.at).toBe(at);
      };
      await vi.advanceTimersByTimeAsync(0);
      await backupAt(START);
      for (let day = 1; day <= 2; day++) {
        await vi.advanceTimersByTimeAsync(DAY_MS);
        await backupAt(START + day * DAY_MS);
      }
      expect(s).toMatchObject({ lastAttempt: { ok: true, trigger: 'daily', at: START + 2 * DAY_MS }, nextScheduledAt: START + 3 * DAY_MS });
      expect(readdirSync(join(tmp.dir, 'backups')).sort()).toEqual(['jiesu-20260302-090000.db', 'jiesu-20260303-090000.db', 'jiesu-20260304-090000.db']);
      stop();
      expect((await status()).nextScheduledAt).toBeNull();
    });

    it('a restart on a day that already has a backup copies nothing; concurrent requests share one backup', async () => {
      const path = join(tmp.dir, 'jiesu.db');
      live = await openLiveApp(path, { onInternalError: strict });
      // 「立即备份」 pressed twice while the first still runs: one file, the same answer.
      const [a, b] = await Promise.all([live.services.backup.run('manual'), live.services.backup.run('daily')]);
      expect(b).toBe(a);
      await live.close();
      vi.setSystemTime(START + 3 * 3_600_000);
      live = await openLiveApp(path, { onInternalError: strict });
      const stop = startBackupSchedule(live, { log: quiet, startDelayMs: 0 });
      await vi.advanceTimersByTimeAsync(0);
      let s = await call<BackupStatus>(live.dispatch, 'backup.status');
      for (let i = 0; i < 2_000 && s.nextScheduledAt !== START + DAY_MS && s.lastAttempt === null; i++) {
        await new Promise<void>((r) => setImmediate(r));
        s = await call<BackupStatus>(live.dispatch, 'backup.status');
      }
      expect(s.lastAttempt).toBeNull();
      expect(s.nextScheduledAt).toBe(START + DAY_MS);
      expect(readdirSync(join(tmp.dir, 'backups'))).toEqual([a.backup.name]);
      stop();
    });
  });
});

describe('the Electron shell', () => {
  it('starts the schedule once the database is open and stops it before closing', async () => {
    vi.useRealTimers();
    resetFake();
    const appData = mkdtempSync(join(tmpdir(), 'jiesu-appdata-'));
    fakeApp.appDataDir = appData;
    const order: string[] = [];
    const runtime = { dispatch: vi.fn(async () => ({ reply: {} })), push: new PushBus(), close: vi.fn(async () => void order.push('close')) };
    const stopBackups = vi.fn(() => void order.push('stop backups'));
    const schedule = vi.fn((_rt: typeof runtime) => stopBackups);
    const handle = startShell(fakeElectron() as unknown as ShellElectron, {
      argv: ['electron', '.'],
      platform: 'linux',
      appRoot: resolve(import.meta.dirname, '..', '..', '..'),
      version: '9.9.9',
      log: quiet,
      openApp: async () => runtime,
      startBackupSchedule: schedule,
    });
    await handle.ready;
    expect(schedule).toHaveBeenCalledWith(runtime);
    expect(stopBackups).not.toHaveBeenCalled();
    fakeApp.emit('will-quit', new FakeEvent());
    await vi.waitFor(() => expect(runtime.close).toHaveBeenCalled());
    expect(order).toEqual(['stop backups', 'close']);
    rmSync(appData, { recursive: true, force: true });
  });
});
