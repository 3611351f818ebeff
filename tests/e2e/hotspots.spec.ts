/**
 * 主动治理 in the UI on the seeded demo street: the week's spikes, recurring addresses, duplicate
 * clusters and the heat table agree with `hotspots.week`; the week picker moves by weeks; a heat cell
 * opens the 工单 view. The demo's late-autumn weeks carry the heating-season rise, so spikes show.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { WeeklyHotspots } from '../../preload/api.js';
import { addDays, beijingDay } from '../../preload/contract/time.js';
import { ARTIFACTS, callApi, openApp } from './support.js';

async function openHotspots(page: Page): Promise<void> {
  await openApp(page);
  await page.locator('.rail').getByRole('button', { name: '热点' }).click();
  await expect(page.locator('.page__title')).toHaveText('主动治理 · 本周热点');
  await page.getByTestId('hotspots-heat').waitFor();
}

test('主动治理: the week’s four sections match the backend, and the picker moves a week at a time', async ({ page }) => {
  await openHotspots(page);
  const today = beijingDay(Date.now());
  const api = (await callApi(page, 'hotspots.week', { date: today })) as WeeklyHotspots;
  await expect(page.getByTestId('hotspots-week')).toHaveText(`${api.week.label}，受理 ${api.weekTotal} 件`);

  // Spikes: one row per flagged category, the steepest first, with its count.
  const spikes = api.categories.items.filter((i) => i.spike);
  const spikeRows = page.getByTestId('hotspots-spikes').locator('.hot-item');
  await expect(spikeRows).toHaveCount(spikes.length);
  if (spikes.length > 0) {
    await expect(spikeRows.first().locator('.hot-item__title')).toHaveText(`${spikes[0]!.communityName} · ${spikes[0]!.categoryLabel}`);
    await expect(spikeRows.first().locator('.hot-item__count')).toHaveText(`${spikes[0]!.count} 件`);
  }
  await expect(page.getByTestId('hotspots-addresses').locator('.hot-item')).toHaveCount(api.addresses.items.length);
  await expect(page.getByTestId('hotspots-clusters').locator('.hot-item')).toHaveCount(api.clusters.items.length);

  // The heat table: one row per community with orders, its total as the backend counts it.
  const heatRows = page.getByTestId('hotspots-heat').locator('tbody tr');
  const withOrders = api.heat.rows.filter((r) => r.total > 0);
  await expect(heatRows).toHaveCount(withOrders.length);
  await expect(heatRows.first().locator('th')).toHaveText(withOrders[0]!.communityName);
  await expect(heatRows.first().locator('.hot-heat__total')).toHaveText(String(withOrders[0]!.total));
  // The darkest cell is the table's largest count.
  const darkest = page.getByTestId('hotspots-heat').locator('tbody td.hot-heat__cell--l5').filter({ hasText: new RegExp(`^${api.heat.max}$`) });
  expect(await darkest.count()).toBeGreaterThan(0);

  // 同时列出各社区本周件数最多的分类: the plain top categories join the list.
  await page.getByLabel('同时列出各社区本周件数最多的分类').check();
  await expect(spikeRows).toHaveCount(api.categories.items.length);
  await page.screenshot({ path: join(ARTIFACTS, 'hotspots-week.png') });
  await page.getByTestId('hotspots-heat').screenshot({ path: join(ARTIFACTS, 'hotspots-heat.png') });

  // 上一周: the previous Monday–Sunday.
  const previous = (await callApi(page, 'hotspots.week', { date: addDays(api.week.firstDay, -7) })) as WeeklyHotspots;
  await page.getByRole('button', { name: '‹ 上一周', exact: true }).click();
  await expect(page.getByTestId('hotspots-week')).toHaveText(`${previous.week.label}，受理 ${previous.weekTotal} 件`);
  await page.getByRole('button', { name: '本周', exact: true }).click();
  await expect(page.getByTestId('hotspots-week')).toHaveText(`${api.week.label}，受理 ${api.weekTotal} 件`);
});

test('主动治理: a heat cell opens the 工单 view', async ({ page }) => {
  await openHotspots(page);
  const cell = page.getByTestId('hotspots-heat').locator('tbody .hot-heat__btn').first();
  const name = (await cell.getAttribute('aria-label')) ?? '';
  expect(name).toMatch(/：\d+ 件$/);
  await cell.click();
  await expect(page.locator('.rail').getByRole('button', { name: '工单' })).toHaveAttribute('aria-current', 'page');
  // The grid shows the cell's orders under the drill-down title (week · community · category).
  const [, where, count] = /^(.+)：(\d+) 件$/.exec(name)!;
  await expect(page.getByText(where!, { exact: false }).first()).toBeVisible();
  await expect(page.getByText(`共 ${count} 件`)).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'hotspots-drill.png') });
});

test('主动治理: a stricter recurring-address rule, saved in 调整热点规则, shortens the list', async ({ page }) => {
  await openHotspots(page);
  const before = await callApi(page, 'settings.get', { key: 'hotspots.recurring' });
  const addresses = page.getByTestId('hotspots-addresses').locator('.hot-item');
  const today = beijingDay(Date.now());
  try {
    await page.getByTestId('hotspots-rules').locator('summary').click();
    const card = page.getByTestId('setting-hotspots.recurring');
    await card.getByLabel('最少件数').fill('5');
    await card.getByRole('button', { name: '保存' }).click();
    await expect(card.locator('.card__saved')).toHaveText('已保存');
    await page.getByTestId('hotspots-rules').screenshot({ path: join(ARTIFACTS, 'hotspots-rules.png') });
    await page.getByRole('button', { name: '按新规则重新分析' }).click();
    const stricter = (await callApi(page, 'hotspots.week', { date: today })) as WeeklyHotspots;
    expect(stricter.addresses.note).toBe('同一地址近 30 天 ≥ 5 件视为重复地址');
    await expect(page.getByTestId('hotspots-addresses').locator('.card__desc')).toHaveText(stricter.addresses.note);
    await expect(addresses).toHaveCount(stricter.addresses.items.length);
    expect(stricter.addresses.items.every((i) => i.count >= 5)).toBe(true);
  } finally {
    const now = await callApi(page, 'settings.get', { key: 'hotspots.recurring' });
    await callApi(page, 'settings.set', { key: 'hotspots.recurring', value: before.value as { minOrders: number; days: number }, version: now.version });
  }
});
