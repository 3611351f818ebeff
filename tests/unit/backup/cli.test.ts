/** `jiesu backup` and `jiesu restore`: a check before anything is replaced, --yes to do it. */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli.js';
import { openLiveApp } from '../../../main/liveApp.js';
import { addOrders, countOrders, fileApp, strict, tempDir, testClock } from './support.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err, text: () => [...out, ...err].join('\n') };
}

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(async () => {
  tmp = tempDir();
  db = join(tmp.dir, 'jiesu.db');
  const app = await fileApp(db, 6, testClock().now);
  await app.close();
});
afterEach(() => tmp.remove());

describe('jiesu backup', () => {
  it('backs up into the default folder and prints the file; --json for scripts', async () => {
    let c = capture();
    expect(await runCli(['backup', '--db', db], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/^已备份：.*backups[\\/]jiesu-\d{8}-\d{6}\.db$/);
    expect(c.text()).toContain('已通过完整性检查');
    const to = join(tmp.dir, 'usb');
    mkdirSync(to);
    c = capture();
    expect(await runCli(['backup', '--db', db, '--to', to, '--json'], c.io)).toBe(0);
    const result = JSON.parse(c.out[0]!) as { backup: { path: string; name: string }; removed: string[] };
    expect(result.backup.path).toBe(join(to, result.backup.name));
    expect(countOrders(result.backup.path)).toBe(6);
  });

  it('fails with exit code 1 and a Chinese reason when the folder is missing; a missing database is not created', async () => {
    let c = capture();
    expect(await runCli(['backup', '--db', db, '--to', join(tmp.dir, 'no', 'such')], c.io)).toBe(1);
    expect(c.err.join('')).toContain('BACKUP_FAILED');
    expect(c.err.join('')).toContain('文件夹不存在');
    c = capture();
    const missing = join(tmp.dir, 'missing.db');
    expect(await runCli(['backup', '--db', missing], c.io)).toBe(1);
    expect(c.err.join('')).toContain('不存在');
    expect(existsSync(missing)).toBe(false);
  });
});

describe('jiesu restore', () => {
  async function makeBackup(): Promise<string> {
    const c = capture();
    expect(await runCli(['backup', '--db', db, '--json'], c.io)).toBe(0);
    return (JSON.parse(c.out[0]!) as { backup: { path: string } }).backup.path;
  }

  it('without --yes only checks and says what it would do; with --yes replaces and keeps the old file', async () => {
    const backup = await makeBackup();
    const app = await fileApp(db, 0, testClock().now);
    await addOrders(app, 4);
    await app.close();

    let c = capture();
    expect(await runCli(['restore', backup, '--db', db], c.io)).toBe(0);
    expect(c.text()).toContain('工单 6 件');
    expect(c.text()).toContain('完整性检查通过');
    expect(c.text()).toContain('未作任何改动');
    expect(countOrders(db)).toBe(10);
    expect(readdirSync(tmp.dir).some((f) => f.includes('before-restore'))).toBe(false);

    c = capture();
    expect(await runCli(['restore', '--yes', backup, '--db', db], c.io)).toBe(0);
    expect(countOrders(db)).toBe(6);
    const kept = readdirSync(tmp.dir).filter((f) => f.includes('.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(countOrders(join(tmp.dir, kept[0]!))).toBe(10);
    expect(c.text()).toContain(`原数据库已另存为：${join(tmp.dir, kept[0]!)}`);
  });

  it('creates a database that does not exist yet from the backup', async () => {
    const backup = await makeBackup();
    const fresh = join(tmp.dir, 'new-pc', 'jiesu.db');
    mkdirSync(join(tmp.dir, 'new-pc'));
    const c = capture();
    expect(await runCli(['restore', backup, '--yes', '--db', fresh], c.io)).toBe(0);
    expect(countOrders(fresh)).toBe(6);
    expect(c.text()).not.toContain('另存为');
  });

  it('refuses a bad file (exit 1, RESTORE_REFUSED) and a database the running program has open (RESTORE_FAILED)', async () => {
    const backup = await makeBackup();
    let c = capture();
    expect(await runCli(['restore', join(tmp.dir, 'nope.db'), '--yes', '--db', db], c.io)).toBe(1);
    expect(c.err.join('')).toContain('RESTORE_REFUSED');

    const live = await openLiveApp(db, { onInternalError: strict });
    try {
      c = capture();
      expect(await runCli(['restore', backup, '--yes', '--db', db], c.io)).toBe(1);
      expect(c.err.join('')).toContain('RESTORE_FAILED');
      expect(c.err.join('')).toContain('正被其他程序使用');
    } finally {
      await live.close();
    }
    c = capture();
    expect(await runCli(['restore', '--db', db], c.io)).toBe(2);
  });
});
