/**
 * A clerk's own (non-demo) database with no orders yet, and what happens when the local service
 * goes away: the UI says so in Chinese and stays on screen.
 */
import { expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, jiesu, logInFirstRun, startServer, type RunningServer } from './support.js';

let dir = '';
let server: RunningServer | null = null;

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiesu-e2e-empty-'));
  const db = join(dir, 'real.db');
  await jiesu(['migrate', '--db', db]);
  server = await startServer(db);
});

test.afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('an empty real database: no demo banner, zero orders, and a lost service is reported in Chinese', async ({ page }) => {
  await page.goto(server!.url);
  await logInFirstRun(page);
  await expect(page.locator('.topbar')).toContainText('工单 0 件');
  await expect(page.getByTestId('orders-footer')).toContainText('共 0 件');
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expect(page.locator('.ag-header-cell[col-id="category"]')).toContainText('问题分类');
  await expect(page.locator('.ag-overlay-no-rows-center')).toHaveText('暂无工单');
  await page.screenshot({ path: join(ARTIFACTS, 'empty.png') });

  await server!.stop();
  // Any request now fails; sorting asks the server for a page.
  await page.locator('.ag-header-cell[col-id="orderNo"] .ag-header-cell-label').click();
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('读取工单列表失败');
  await expect(banner).toContainText('连接已断开');
  await page.screenshot({ path: join(ARTIFACTS, 'offline-error.png') });

  // The banner can be dismissed, and the shell is still there.
  await banner.getByRole('button', { name: '关闭错误提示' }).first().click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.topbar')).toContainText('接诉台');
});
