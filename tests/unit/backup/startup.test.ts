/** The start-up integrity check: a damaged database is reported with the newest good backup to restore. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLiveApp, type LiveApp } from '../../../main/liveApp.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { StartupCheck } from '../../../preload/api.js';
import { DAY_MS } from '../../../preload/contract/time.js';
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
    expect(await call<StartupCheck>(live.dispatch, 'backup.startupCheck')).toEqual({ ok: true, checkedAt: clock.now(), problem: null, suggestedBackup: null });
  });

  it('a damaged database still opens, and the newest backup that passes its own check is offered; restoring it clears the problem', async () => {
    const clock = testClock();
    const { path, backups } = await damagedWithBackups(clock);
    live = await openLiveApp(path, { now: clock.now, onInternalError: strict });
    const check = await call<StartupCheck>(live.dispatch, 'backup.startupCheck');
    expect(check.ok).toBe(false);
    expect(check.problem).toContain('完整性检查未通过');
    expect(check.problem).toContain('建议从最近的完好备份恢复');
    // The newest backup is damaged too: the one before it is offered.
    expect(check.suggestedBackup).toEqual(backups[1]);

    await call(live.dispatch, 'backup.restore', { file: check.suggestedBackup!.path });
    expect(await call<StartupCheck>(live.dispatch, 'backup.startupCheck')).toMatchObject({ ok: true, problem: null });
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
    expect(live.startup.suggestedBackup?.path).toBe(made.path);
  });
});
