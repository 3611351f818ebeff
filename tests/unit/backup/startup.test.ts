/**
 * The start-up integrity check: it runs in the background after the database is open (the window does
 * not wait for it), in full at most once a day, and a damaged database is reported with the newest good
 * backup to restore.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { openLiveApp, type LiveApp } from '../../../main/liveApp.js';
import { checkModeFor, META_LAST_FULL_CHECK } from '../../../main/services/backup/startup.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { StartupCheck } from '../../../preload/api.js';
import { DAY_MS, fromBeijing } from '../../../preload/contract/time.js';
import { call, countOrders, damageIndex, fileApp, strict, tempDir, testClock } from './support.js';

let tmp: ReturnType<typeof tempDir>;
let live: LiveApp | null = null;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(async () => {
  await live?.close();
  live = null;
  tmp.remove();
});

/** A database with three daily backups (the newest of them damaged on disk), then the database damaged too. */
async function damagedWithBackups(clock: ReturnType<typeof testClock>) {
  const path = join(tmp.dir, 'jiesu.db');
  const app = await fileApp(path, 12, clock.now);
  const backups = [];
  for (let d = 0; d < 3; d++) {
    backups.push((await app.services.backup.run('daily')).backup);
    clock.advance(DAY_MS);
  }
  await app.close();
  damageIndex(backups[2]!.path);
  damageIndex(path);
  return { path, backups };
}

describe('integrity check at start', () => {
  it('a sound database: ok, nothing suggested', async () => {
    const clock = testClock();
    const app = await fileApp(join(tmp.dir, 'jiesu.db'), 3, clock.now);
    await app.close();
    live = await openLiveApp(join(tmp.dir, 'jiesu.db'), { now: clock.now, onInternalError: strict });
    expect(await call<StartupCheck>(live.dispatch, 'backup.startupCheck', { wait: true })).toEqual({
      ok: true,
      pending: false,
      mode: 'full',
      checkedAt: clock.now(),
      problem: null,
      suggestedBackup: null,
    });
  });

  it('does not hold up the start: the app answers while the check still runs, and the verdict comes after', async () => {
    const clock = testClock();
    const path = join(tmp.dir, 'jiesu.db');
    await (await fileApp(path, 30, clock.now)).close();
    damageIndex(path);
    const order: string[] = [];
    live = await openLiveApp(path, { now: clock.now, onInternalError: strict });
    order.push('opened');
    const verdict = call<StartupCheck>(live.dispatch, 'backup.startupCheck', { wait: true }).then((c) => (order.push('verdict'), c));
    // Still running in its worker thread: the open app already answers requests.
    expect(live.startup).toMatchObject({ pending: true, ok: true });
    expect(await call<StartupCheck>(live.dispatch, 'backup.startupCheck')).toMatchObject({ pending: true });
    expect(await call<Array<unknown>>(live.dispatch, 'backup.list')).toEqual([]);
    order.push('answered');
    expect(await verdict).toMatchObject({ pending: false, ok: false, mode: 'full' });
    expect(order).toEqual(['opened', 'answered', 'verdict']);
    expect(live.startup.ok).toBe(false);
  });

  it('checks in full at most once a day: quick_check on later starts that day, full again the next day', async () => {
    const clock = testClock();
    const path = join(tmp.dir, 'jiesu.db');
    await (await fileApp(path, 3, clock.now)).close();
    const modeAtStart = async () => {
      live = await openLiveApp(path, { now: clock.now, onInternalError: strict });
      const check = await live.startupChecked;
      await live.close();
      live = null;
      return check.mode;
    };
    expect(await modeAtStart()).toBe('full');
    clock.advance(8 * 3_600_000);
    expect(await modeAtStart()).toBe('quick');
    clock.advance(DAY_MS);
    expect(await modeAtStart()).toBe('full');
    const db = new BetterSqlite3(path, { readonly: true });
    expect(Number((db.prepare('SELECT value FROM app_meta WHERE key = ?').get(META_LAST_FULL_CHECK) as { value: string }).value)).toBe(clock.now());
    db.close();
  });

  it('a failed full check is not remembered: the next start that day checks in full again', async () => {
    const clock = testClock();
    const path = join(tmp.dir, 'jiesu.db');
    await (await fileApp(path, 30, clock.now)).close();
    damageIndex(path);
    for (let i = 0; i < 2; i++) {
      live = await openLiveApp(path, { now: clock.now, onInternalError: strict });
      expect(await live.startupChecked).toMatchObject({ ok: false, mode: 'full' });
      await live.close();
      live = null;
      clock.advance(3_600_000);
    }
  });

  it('the day is the Beijing calendar day', () => {
    const lastNight = fromBeijing(2026, 3, 2, 23, 50);
    expect(checkModeFor(null, lastNight)).toBe('full');
    expect(checkModeFor(lastNight, lastNight + 5 * 60_000)).toBe('quick');
    expect(checkModeFor(lastNight, fromBeijing(2026, 3, 3, 0, 5))).toBe('full');
  });

  it('a damaged database still opens, and the newest backup that passes its own check is offered; restoring it clears the problem', async () => {
    const clock = testClock();
    const { path, backups } = await damagedWithBackups(clock);
    live = await openLiveApp(path, { now: clock.now, onInternalError: strict });
    const check = await call<StartupCheck>(live.dispatch, 'backup.startupCheck', { wait: true });
    expect(check.ok).toBe(false);
    expect(check.problem).toContain('完整性检查未通过');
    expect(check.problem).toContain('建议从最近的完好备份恢复');
    // The newest backup is damaged too: the one before it is offered.
    expect(check.suggestedBackup).toEqual(backups[1]);

    // Offered by name: the page restores it from the folder's list.
    await call(live.dispatch, 'backup.restore', { file: check.suggestedBackup!.name });
    expect(await call<StartupCheck>(live.dispatch, 'backup.startupCheck')).toMatchObject({ ok: true, pending: false, problem: null });
    expect(countOrders(path)).toBe(12);
  });

  it('a file that cannot be opened at all: the error names the newest good backup and the command to restore it', async () => {
    const clock = testClock();
    const { path, backups } = await damagedWithBackups(clock);
    writeFileSync(path, Buffer.alloc(64 * 1024, 0x42));
    const e = await openLiveApp(path, { now: clock.now, onInternalError: strict }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('DB_OPEN_FAILED');
    expect((e as AppError).message).toContain(backups[1]!.path);
    expect((e as AppError).message).toContain(`jiesu restore "${backups[1]!.path}" --yes`);
  });

  it('reads the configured backup folder from the damaged database itself', async () => {
    const clock = testClock();
    const path = join(tmp.dir, 'jiesu.db');
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const app = await fileApp(path, 4, clock.now);
    const { setSetting } = await import('../../../main/services/settings.js');
    await setSetting(app.services.ctx, '管理员', { key: 'backup.folder', value: share, version: 0 });
    const made = (await app.services.backup.run('daily')).backup;
    await app.close();
    damageIndex(path);
    live = await openLiveApp(path, { now: clock.now, onInternalError: strict });
    expect((await live.startupChecked).suggestedBackup?.path).toBe(made.path);
  });
});
