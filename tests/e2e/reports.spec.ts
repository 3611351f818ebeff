/**
 * 报表 in browser mode: the clerk generates this week's 周汇报, sees its A4 pages (each with 第 N 页 /
 * 共 M 页) under the app's strict CSP, clicks a figure through to its orders, and saves the PDF — a
 * download with as many pages as the preview showed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ARTIFACTS, openApp, serverUrl, watchPage } from './support.js';

test('周汇报: A4 preview, drill-down to the orders, saved as PDF', async ({ page }) => {
  const watch = watchPage(page, new URL(serverUrl()).origin);
  await openApp(page);
  await page.getByRole('navigation', { name: '功能' }).getByRole('button', { name: /报表/ }).click();
  await page.getByRole('radio', { name: '周汇报' }).check();
  await page.getByTestId('report-generate').click();

  const preview = page.getByTestId('report-preview');
  const sheets = preview.locator('section.jr-sheet');
  await expect(sheets.first()).toBeVisible({ timeout: 30_000 });
  const pages = Number(await preview.getAttribute('data-pages'));
  expect(pages).toBeGreaterThanOrEqual(2);
  await expect(sheets).toHaveCount(pages);
  await expect(preview.locator('h1.jr-title')).toHaveText(/接诉即办工作周汇报$/);
  await expect(sheets.nth(pages - 1).locator('footer')).toHaveText(`第 ${pages} 页 / 共 ${pages} 页`);
  // The sheet really is A4 on screen: 210 mm ≈ 794 CSS px.
  const box = await sheets.first().boundingBox();
  expect(Math.round(box!.width)).toBe(794);
  // The sheets' styles apply (a constructed stylesheet: the CSP refuses inline ones): the title is red.
  await expect(preview.locator('h1.jr-title')).toHaveCSS('color', 'rgb(192, 0, 0)');
  await page.screenshot({ path: join(ARTIFACTS, 'reports-weekly-preview.png') });

  // 打印: the paper gets the sheets alone (the print dialog itself is stubbed: headless has none).
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByTestId('report-print').click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.jr-print-root section.jr-sheet')).toHaveCount(pages);
  await expect(page.locator('.app')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // Save as PDF: the browser downloads it under the report's name.
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('report-save-pdf').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^周汇报-\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.pdf$/);
  const file = join(await mkdtemp(join(tmpdir(), 'jiesu-e2e-report-')), download.suggestedFilename());
  await download.saveAs(file);
  expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${pages}\\b`));
  await expect(page.getByText(/浏览器正在下载「周汇报-/)).toBeVisible();

  // A figure of the 主要指标 table opens the 工单 grid on its orders.
  await preview.locator('td.jr-drill').first().click();
  await expect(page.locator('.ag-row[row-index="0"]').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/全街道 · .*增量（新收工单）/).first()).toBeVisible();

  expect(watch.foreign).toEqual([]);
  expect(watch.consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
});
