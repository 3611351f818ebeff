/**
 * 设置 → 数据备份 in the browser: a database that fails the start-up integrity check still opens, the
 * page warns (once the background check has finished) and offers the newest good backup; the
 * administrator checks it and restores it from the folder's list — by name, never by a server path.
 * Runs on its own small database and server: a restore replaces the database.
 */
import { expect, test } from '@playwright/test';
import { closeSync, openSync, readdirSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ARTIFACTS, jiesu, logIn, startServer, type RunningServer } from './support.js';

let dir = '';
let server: RunningServer | null = null;
let backupName = '';

/** Overwrites the first page of an index of orders: the file opens, integrity_check reports the damage. */
function damageIndex(path: string): void {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = DELETE');
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' AND sql IS NOT NULL LIMIT 1").get() as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize);
  closeSync(fd);
}

// One database for both tests, in order: the restore, then a backup of the restored database.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiesu-e2e-backup-'));
  const db = join(dir, 'jiesu.db');
  await jiesu(['seed', '--orders', '300', '--db', db]);
  await jiesu(['backup', '--db', db]);
  backupName = readdirSync(join(dir, 'backups')).find((n) => n.endsWith('.db'))!;
  damageIndex(db);
  server = await startServer(db);
});

test.afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('a damaged database: the page warns and restores the newest good backup by name', async ({ page }) => {
  await page.goto(server!.url);
  await logIn(page);
  await page.locator('.rail').getByRole('button', { name: '设置' }).click();
  await page.locator('.settings__nav').getByRole('button', { name: '数据备份' }).click();
  await expect(page.locator('.page__title')).toHaveText('数据备份');

  const alert = page.getByTestId('startup-check-failed');
  await expect(alert).toContainText('数据库可能已损坏');
  await expect(alert).toContainText(`最近的完好备份：${backupName}`);
  await expect(page.getByTestId('backup-status')).toContainText(backupName);
  await page.screenshot({ path: join(ARTIFACTS, 'backup-check-failed.png'), fullPage: true });

  await alert.getByRole('button', { name: '检查并从该备份恢复…' }).click();
  const candidate = page.getByTestId('backup-candidate');
  await expect(candidate).toContainText('工单 300 件');
  await expect(candidate).toContainText('完整性检查通过');
  await expect(candidate).toContainText('需要重新登录');
  await candidate.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'backup-candidate.png'), fullPage: true });
  await candidate.getByRole('button', { name: '恢复到此备份' }).click();
  await candidate.getByRole('button', { name: '确认恢复' }).click();

  // The restored database has its own accounts: everyone logs in again.
  await expect(page.getByTestId('login-form')).toBeVisible({ timeout: 30_000 });
  await logIn(page);
  await page.locator('.rail').getByRole('button', { name: '设置' }).click();
  await page.locator('.settings__nav').getByRole('button', { name: '数据备份' }).click();
  await expect(page.getByTestId('backup-status')).toBeVisible();
  await expect(page.getByTestId('startup-check-failed')).toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS, 'backup-restored.png'), fullPage: true });

  // The kept database is beside the restored one; the restored one passes the check.
  expect(readdirSync(dir).some((n) => n.startsWith('jiesu.db.before-restore-'))).toBe(true);
  const check = new BetterSqlite3(join(dir, 'jiesu.db'), { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();
});

test('立即备份 writes a verified backup and lists it; the folder can be set', async ({ page }) => {
  await page.goto(server!.url);
  await logIn(page);
  await page.locator('.rail').getByRole('button', { name: '设置' }).click();
  await page.locator('.settings__nav').getByRole('button', { name: '数据备份' }).click();
  const status = page.getByTestId('backup-status');
  await status.getByRole('button', { name: '立即备份' }).click();
  await expect(status.locator('.card__saved')).toContainText('已备份并通过完整性检查');
  await expect(page.getByTestId('backup-restore').locator('tbody tr')).not.toHaveCount(0);

  const folder = page.getByTestId('setting-backup.folder');
  await folder.getByLabel('备份文件夹').fill('not a full path');
  await folder.getByRole('button', { name: '保存' }).click();
  await expect(folder.locator('.card__error')).toContainText('完整路径');
  await page.screenshot({ path: join(ARTIFACTS, 'backup-page.png'), fullPage: true });
});
