/**
 * Restore under a running program (main/liveApp.ts): the candidate is checked first; a good one
 * replaces the database, the old file is kept, and the program goes on over the restored data with
 * the same dispatch. A bad one, or a database someone else has open, replaces nothing.
 */
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../../../db/connection.js';
import { LATEST_SCHEMA_VERSION, migrate } from '../../../db/migrator.js';
import { migrations } from '../../../db/migrations/registry.js';
import { openLiveApp, type LiveApp } from '../../../main/liveApp.js';
import type { AppInfo, BackupFile, RestoreResult } from '../../../preload/api.js';
import { addOrders, call, countOrders, damageIndex, strict, tempDir, testClock } from './support.js';

let tmp: ReturnType<typeof tempDir>;
let live: LiveApp | null = null;
let dbPath: string;
const clock = testClock();

beforeEach(async () => {
  tmp = tempDir();
  dbPath = join(tmp.dir, 'jiesu.db');
  live = await openLiveApp(dbPath, { now: clock.now, onInternalError: strict });
  await addOrders(live.runtime, 5);
});
afterEach(async () => {
  await live?.close();
  live = null;
  tmp.remove();
});

const orderCount = async () => (await call<AppInfo>(live!.dispatch, 'app.info')).orderCount;
const backupNow = async () => (await call<{ backup: BackupFile }>(live!.dispatch, 'backup.run')).backup;
const restoreVia = (file: string) => call<RestoreResult>(live!.dispatch, 'backup.restore', { file });
const sideFiles = () => readdirSync(tmp.dir).filter((f) => f.includes('before-restore'));

async function refusedWith(p: Promise<unknown>, code: string): Promise<string> {
  const e = await p.then(() => null, (x: unknown) => x as Error & { code: string });
  expect(e?.code).toBe(code);
  return e!.message;
}

describe('backup.restore under a running program', () => {
  it('puts the backup in place, keeps the old database, and answers after the reopen', async () => {
    const backup = await backupNow();
    await addOrders(live!.runtime, 3);
    expect(await orderCount()).toBe(8);
    const pushed: unknown[] = [];
    live!.push.subscribe((name, payload) => pushed.push({ name, payload }));

    const res = await restoreVia(backup.path);
    expect(res.restored).toMatchObject({ path: backup.path, orderCount: 5, takenAt: backup.at });
    expect(res.previousSavedAs).toBe(`${dbPath}.before-restore-20260302-090005.bak`);
    // The same dispatch now answers from the restored database; the old one is kept, whole.
    expect(await orderCount()).toBe(5);
    expect(countOrders(res.previousSavedAs!)).toBe(8);
    expect(pushed).toContainEqual({ name: 'orders.changed', payload: { reason: 'restore', count: 5 } });
    // The restored database is the program's own again: it writes and backs up as before.
    await addOrders(live!.runtime, 1);
    expect(countOrders(dbPath)).toBe(6);
    expect((await call<{ lastAttempt: { ok: boolean } }>(live!.dispatch, 'backup.status')).lastAttempt).toMatchObject({ ok: true });
  });

  it('holds requests sent during a restore and runs them on the restored database', async () => {
    const backup = await backupNow();
    await addOrders(live!.runtime, 4);
    const restoring = live!.restore(backup.path);
    const during = orderCount();
    await restoring;
    expect(await during).toBe(5);
  });

  it('waits for a backup being written instead of failing on the file it holds open', async () => {
    // A copy the clerk keeps elsewhere (the day's rotation would remove the one in the folder).
    const copy = join(tmp.dir, 'usb-copy.db');
    copyFileSync((await backupNow()).path, copy);
    await addOrders(live!.runtime, 2);
    clock.advance(1000);
    const writing = live!.services.backup.run('daily');
    const res = await restoreVia(copy);
    expect(countOrders((await writing).backup.path)).toBe(7);
    expect(res.restored.orderCount).toBe(5);
    expect(await orderCount()).toBe(5);
  });

  it('restores a backup from an older version and migrates it', async () => {
    const old = join(tmp.dir, 'old.db');
    const handle = createDb(old);
    await migrate(handle, { appVersion: '0.0.1', registry: migrations.slice(0, 1) });
    await addOrders({ handle }, 2);
    await handle.close();
    const res = await restoreVia(old);
    expect(res.restored.schemaVersion).toBe(1);
    expect(await orderCount()).toBe(2);
    expect((await call<AppInfo>(live!.dispatch, 'app.info')).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('refuses candidates that are missing, not ours, damaged, newer, or the database itself — replacing nothing', async () => {
    const good = await backupNow();
    await addOrders(live!.runtime, 2);
    const junk = join(tmp.dir, 'junk.db');
    writeFileSync(junk, Buffer.alloc(8192, 7));
    const truncated = join(tmp.dir, 'truncated.db');
    writeFileSync(truncated, (await import('node:fs')).readFileSync(good.path).subarray(0, 4096 * 3));
    const damaged = join(tmp.dir, 'damaged.db');
    copyFileSync(good.path, damaged);
    damageIndex(damaged);
    const newer = join(tmp.dir, 'newer.db');
    copyFileSync(good.path, newer);
    const n = new BetterSqlite3(newer);
    n.prepare('INSERT INTO schema_migrations (version, name, applied_at, app_version) VALUES (99, ?, 0, ?)').run('future', '9.0.0');
    n.close();
    const foreign = join(tmp.dir, 'foreign.db');
    const f = new BetterSqlite3(foreign);
    f.exec('CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES (1)');
    f.close();

    const cases: Array<[string, string]> = [
      [join(tmp.dir, 'nowhere.db'), '找不到该文件'],
      [tmp.dir, '不是一个文件'],
      [junk, '不是接诉台数据库'],
      [truncated, '损坏'],
      [damaged, '完整性检查未通过'],
      [newer, '更新版本'],
      [foreign, '没有工单表'],
      [dbPath, '正在使用的数据库本身'],
    ];
    for (const [file, why] of cases) {
      const message = await refusedWith(restoreVia(file), 'RESTORE_REFUSED');
      expect(message).toContain(why);
      expect(message).toContain('当前数据库未作任何改动');
    }
    expect(await orderCount()).toBe(7);
    expect(sideFiles()).toEqual([]);
  });

  it('refuses while another program has the database open, and carries on as before', async () => {
    const backup = await backupNow();
    await addOrders(live!.runtime, 1);
    const other = new BetterSqlite3(dbPath);
    try {
      other.prepare('SELECT count(*) FROM orders').get();
      const message = await refusedWith(restoreVia(backup.path), 'RESTORE_FAILED');
      expect(message).toContain('正被其他程序使用');
    } finally {
      other.close();
    }
    expect(await orderCount()).toBe(6);
    expect(sideFiles()).toEqual([]);
    // Once the other program is gone, the same restore goes through.
    await restoreVia(backup.path);
    expect(await orderCount()).toBe(5);
  });
});
