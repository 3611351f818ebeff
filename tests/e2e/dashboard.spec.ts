/**
 * 首页 on the seeded 100k demo: the figures, the charts (ECharts, SVG) under the strict CSP with no
 * console error, and drill-down — a figure, a chart bar and a ranking cell each open the 工单 grid
 * filtered to exactly their orders (the footer's 共 N 件 equals the figure). Read-only: it leaves the
 * shared database as the other specs expect it.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ARTIFACTS, callApi, openApp, serverUrl, watchPage } from './support.js';

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
const footer = (page: Page) => page.getByTestId('orders-footer');
const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
const grouped = (n: number) => n.toLocaleString('zh-CN');

async function openDashboard(page: Page): Promise<void> {
  await openApp(page);
  await page.locator('.rail').getByRole('button', { name: '首页' }).click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  // Charts drawn: the trend's SVG has its bars.
  await expect(page.getByTestId('dash-trend-intake').locator('svg path').first()).toBeAttached();
}

async function backToDashboard(page: Page): Promise<void> {
  await page.locator('.rail').getByRole('button', { name: '首页' }).click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
}

test('首页 shows today, the month, charts and ranking without a CSP violation', async ({ page }) => {
  const watch = watchPage(page, new URL(serverUrl()).origin);
  await openDashboard(page);
  const s = await callApi(page, 'dashboard.summary', {});
  await expect(page.getByTestId('fig-today-intake-value')).toHaveText(grouped(s.desk.todayIntake.count));
  await expect(page.getByTestId('fig-month-intake-value')).toHaveText(grouped(s.month.intake.count));
  await expect(page.getByTestId('fig-score-value')).toHaveText(s.month.kpi.score === null ? '—' : s.month.kpi.score.toFixed(2));
  for (const id of ['dash-trend-intake', 'dash-trend-rates', 'dash-categories']) await expect(page.getByTestId(id).locator('svg')).toHaveCount(1);
  // Every community is ranked; the ones without callbacks show "—".
  await expect(page.getByTestId('dash-ranking').locator('tbody tr')).toHaveCount(s.communities.length);
  await expect(page.getByTestId('dash-forecast')).toBeVisible();
  // A tooltip (HTML, plain text) on hover must not trip the CSP either.
  const box = (await page.getByTestId('dash-trend-rates').locator('.dash-chart').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await page.waitForTimeout(300);
  await shot(page, 'dashboard');
  await page.getByTestId('dash-categories').scrollIntoViewIfNeeded();
  await shot(page, 'dashboard-middle');
  await page.getByTestId('dashboard').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await shot(page, 'dashboard-lower');
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreign).toEqual([]);
});

test('a figure opens the grid filtered to exactly its orders', async ({ page }) => {
  await openDashboard(page);
  const n = number(await page.getByTestId('fig-month-intake-value').textContent());
  expect(n).toBeGreaterThan(0);
  await page.getByTestId('fig-month-intake').click();
  await expect(footer(page)).toContainText(`共 ${grouped(n)} 件`);
  await shot(page, 'dashboard-drill-month-intake');

  await backToDashboard(page);
  const overdue = number(await page.getByTestId('fig-contact-overdue-value').textContent());
  await page.getByTestId('fig-contact-overdue').click();
  await expect(footer(page)).toContainText(`共 ${grouped(overdue)} 件`);
});

test('a category bar and a ranking cell drill down too', async ({ page }) => {
  await openDashboard(page);
  const s = await callApi(page, 'dashboard.summary', {});
  // The largest category is the top bar; bars are the chart's paths filled with the series colour.
  const bars = page.getByTestId('dash-categories').locator('path[fill="#1e5fb3"]');
  await expect(bars).toHaveCount(Math.min(15, s.categories.length));
  const top = (await bars.last().boundingBox())!;
  await page.mouse.click(top.x + top.width / 2, top.y + top.height / 2);
  await expect(footer(page)).toContainText(`共 ${grouped(s.categories[0]!.count)} 件`);

  // The best community's 不满意 orders (the 满意率 cell), as assessment.orders lists them.
  await backToDashboard(page);
  const best = s.communities.find((c) => c.unsatisfied > 0)!;
  const want = await callApi(page, 'assessment.orders', { period: { kind: 'month', date: s.month.period.firstDay }, by: 'community', group: best.key, measure: 'unsatisfied' });
  const row = page.getByTestId('dash-ranking').locator('tbody tr').filter({ hasText: best.label });
  await row.locator('td').nth(6).getByRole('button').click();
  await expect(footer(page)).toContainText(`共 ${grouped(want.orderIds.length)} 件`);
  await shot(page, 'dashboard-drill-ranking');
});
