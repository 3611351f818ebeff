/** A backup: the online copy, verified, under its final name only when complete; failures in Chinese. */
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { AppError } from '../../../preload/contract/errors.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { writeBackup } from '../../../main/services/backup/create.js';
import { createTestApp } from '../../support/app.js';
import { addOrders, countOrders, damageIndex, fileApp, tempDir, testClock } from './support.js';

let tmp: ReturnType<typeof tempDir>;
let app: AppRuntime | null = null;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(async () => {
  await app?.close();
  app = null;
  tmp.remove();
});

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

async function setFolder(a: AppRuntime, folder: string): Promise<void> {
  const { setSetting } = await import('../../../main/services/settings.js');
  await setSetting(a.services.ctx, '管理员', { key: 'backup.folder', value: folder, version: 0 });
}

describe('backup.run', () => {
  it('writes one verified, self-contained file named by Beijing time beside the database, and nothing else', async () => {
    const clock = testClock();
    app = await fileApp(join(tmp.dir, 'jiesu.db'), 40, clock.now);
    const { backup, removed } = await app.services.backup.run('manual');
    expect(backup.path).toBe(join(tmp.dir, 'backups', 'jiesu-20260302-090005.db'));
    expect(removed).toEqual([]);
    // No partial file, no -wal/-shm: the backup is one file a clerk can copy to a USB stick.
    expect(readdirSync(join(tmp.dir, 'backups'))).toEqual(['jiesu-20260302-090005.db']);
    const copy = new BetterSqlite3(backup.path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(countOrders(backup.path)).toBe(40);
  });

  it('keeps the demo database’s backups apart from the clerks’ database', async () => {
    app = await fileApp(join(tmp.dir, 'jiesu-demo.db'), 1, testClock().now);
    const { backup } = await app.services.backup.run('manual');
    expect(backup.path).toBe(join(tmp.dir, 'backups', 'jiesu-demo', 'jiesu-20260302-090005.db'));
  });

  it('copies only committed data: an import still in its transaction is not in the backup', async () => {
    app = await fileApp(join(tmp.dir, 'jiesu.db'), 10, testClock().now);
    const a = app;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const insertedP = new Promise<void>((r) => (inserted = r));
    const importing = a.handle.db.transaction().execute(async (trx) => {
      await addOrders({ handle: { ...a.handle, db: trx } }, 25);
      inserted();
      await held;
    });
    await insertedP;
    // The copy itself (the service reads its settings first, which waits for the transaction).
    mkdirSync(join(tmp.dir, 'copies'));
    const backup = await writeBackup(a.handle, join(tmp.dir, 'copies'), a.services.ctx.now());
    release();
    await importing;
    expect(countOrders(backup.path)).toBe(10);
    expect(countOrders(join(tmp.dir, 'jiesu.db'))).toBe(35);
  });

  it('refuses a configured folder that is missing (a disconnected shared drive) without creating it', async () => {
    app = await fileApp(join(tmp.dir, 'jiesu.db'), 1, testClock().now);
    const share = join(tmp.dir, 'share', '接诉台备份');
    await setFolder(app, share);
    const e = await failure(app.services.backup.run('manual'));
    expect(e.code).toBe('BACKUP_FAILED');
    expect(e.message).toContain(share);
    expect(e.message).toContain('文件夹不存在');
    expect(existsSync(share)).toBe(false);
    const status = await app.services.backup.status();
    expect(status).toMatchObject({ folder: share, folderIsDefault: false, lastAttempt: { ok: false, trigger: 'manual', path: null, message: e.message } });
  });

  it('refuses a folder path that is a file', async () => {
    app = await fileApp(join(tmp.dir, 'jiesu.db'), 1, testClock().now);
    const file = join(tmp.dir, 'backup-here.txt');
    writeFileSync(file, 'x');
    await setFolder(app, file);
    const e = await failure(app.services.backup.run('manual'));
    expect(e.code).toBe('BACKUP_FAILED');
    expect(e.message).toContain('不是文件夹');
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder without write permission', async () => {
    app = await fileApp(join(tmp.dir, 'jiesu.db'), 1, testClock().now);
    const locked = join(tmp.dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    await setFolder(app, locked);
    const e = await failure(app.services.backup.run('manual'));
    chmodSync(locked, 0o755);
    expect(e.code).toBe('BACKUP_FAILED');
    expect(e.message).toContain('没有写入权限');
    expect(readdirSync(locked)).toEqual([]);
  });

  it('never saves a damaged copy: a corrupt database leaves no new file and costs no older backup', async () => {
    const clock = testClock();
    const path = join(tmp.dir, 'jiesu.db');
    app = await fileApp(path, 30, clock.now);
    const older: string[] = [];
    for (let day = 0; day < 3; day++) {
      older.push((await app.services.backup.run('daily')).backup.name);
      clock.advance(86_400_000);
    }
    await app.close();
    damageIndex(path);
    app = await fileApp(path, 0, clock.now);
    const e = await failure(app.services.backup.run('daily'));
    expect(e.code).toBe('BACKUP_FAILED');
    expect(e.message).toContain('完整性检查未通过');
    expect(readdirSync(join(tmp.dir, 'backups')).sort()).toEqual(older.sort());
  });

  it('names a second backup within the same second -2; rotation keeps only the newest of the day', async () => {
    app = await fileApp(join(tmp.dir, 'jiesu.db'), 1, testClock().now);
    const first = (await app.services.backup.run('manual')).backup;
    const second = await app.services.backup.run('manual');
    expect(first.name).toBe('jiesu-20260302-090005.db');
    expect(second.backup.name).toBe('jiesu-20260302-090005-2.db');
    expect(second.removed).toEqual([first.name]);
    expect((await app.services.backup.list()).map((b) => b.name)).toEqual(['jiesu-20260302-090005-2.db']);
  });

  it('an in-memory database has no default folder: BACKUP_FAILED until one is set', async () => {
    app = await createTestApp();
    const e = await failure(app.services.backup.run('manual'));
    expect(e.code).toBe('BACKUP_FAILED');
    expect(e.message).toContain('备份文件夹');
    await setFolder(app, tmp.dir);
    const { backup } = await app.services.backup.run('manual');
    expect(backup.path).toBe(join(tmp.dir, 'jiesu-20260302-090000.db'));
  });

  it('runs one backup at a time: a second request while one runs gets the same result', async () => {
    app = await fileApp(join(tmp.dir, 'jiesu.db'), 5, testClock().now);
    const [a, b] = await Promise.all([app.services.backup.run('manual'), app.services.backup.run('daily')]);
    expect(b).toBe(a);
    expect(readdirSync(join(tmp.dir, 'backups'))).toHaveLength(1);
  });

  it('the status tells the folder, the newest backup and the last attempt', async () => {
    const clock = testClock(fromBeijing(2026, 5, 1, 8, 30));
    app = await fileApp(join(tmp.dir, 'jiesu.db'), 2, clock.now);
    expect(await app.services.backup.status()).toMatchObject({ folder: join(tmp.dir, 'backups'), folderIsDefault: true, lastAttempt: null, newest: null, nextScheduledAt: null });
    const { backup } = await app.services.backup.run('startup');
    expect(await app.services.backup.status()).toMatchObject({ newest: backup, lastAttempt: { ok: true, trigger: 'startup', path: backup.path, at: clock.now() } });
  });
});
