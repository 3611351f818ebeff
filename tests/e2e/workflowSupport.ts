/**
 * Helpers of the workflow and settings specs. The e2e database is shared by every spec of a run, so a
 * test never assumes which orders are still in a state: it asks the API for a fresh one that fits
 * (and that no other test of this run has taken), then finds it in the grid.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { OrderDetail, OrderGridRow, OrderSort, WorkflowAction } from '../../preload/api.js';
import { callApi } from './support.js';

export const ROW_HEIGHT = 34;
/** Status descending puts 已退回, 已办结, then 待签收 and the other open orders within the first few thousand rows. */
export const STATUS_DESC: OrderSort = { column: 'status', direction: 'desc' };

const taken = new Set<number>();

/**
 * The first order (status descending) that `fits`, not yet taken by this run's tests. Only orders
 * already dispatched count: the demo's newest orders are dispatched a little in the future, and no
 * contact can be dated before the dispatch. Likewise an order whose history has entries dated after now
 * is skipped, so what a test does is the newest entry of the timeline.
 */
export async function freshOrder(page: Page, fits: (row: OrderGridRow, detail: () => Promise<OrderDetail>) => Promise<boolean> | boolean): Promise<OrderDetail> {
  const now = Date.now();
  for (let start = 0; start < 6000; start += 500) {
    const { rows } = await callApi(page, 'orders.page', { sort: STATUS_DESC, startRow: start, endRow: start + 500 });
    for (const row of rows) {
      if (taken.has(row.id)) continue;
      let detail: OrderDetail | undefined;
      const get = async () => (detail ??= await callApi(page, 'orders.get', { id: row.id }));
      if (!(await fits(row, get))) continue;
      const d = await get();
      if (d.dispatchedAt > now - 60_000 || d.timeline.some((e) => e.at > now)) continue;
      taken.add(row.id);
      return d;
    }
  }
  throw new Error('no fresh order fits');
}

/** An order in `status` whose allowed actions include all of `actions`. */
export function freshIn(page: Page, status: OrderGridRow['status'], actions: WorkflowAction[] = []): Promise<OrderDetail> {
  return freshOrder(page, async (row, detail) => {
    if (row.status !== status) return false;
    if (actions.length === 0) return true;
    const allowed = (await detail()).allowedActions;
    return actions.every((a) => allowed.includes(a));
  });
}

/** Clicks a header until the grid sorts that column in `direction`, and waits for the new first rows (the sort sends the grid back to the top). */
export async function sortGrid(page: Page, sort: OrderSort): Promise<void> {
  const header = page.locator(`.ag-header-cell[col-id="${sort.column}"]`);
  const want = sort.direction === 'asc' ? 'ascending' : 'descending';
  if ((await header.getAttribute('aria-sort')) === want) return;
  for (let i = 0; i < 3 && (await header.getAttribute('aria-sort')) !== want; i++) {
    await header.locator('.ag-header-cell-label').click();
  }
  await expect(header).toHaveAttribute('aria-sort', want);
  const first = await callApi(page, 'orders.page', { sort, startRow: 0, endRow: 1 });
  await expect(page.locator('.ag-row[row-index="0"] .ag-cell[col-id="orderNo"]')).toHaveText(first.rows[0]!.orderNo);
}

/** The grid row of an order (sorted by status, scrolled into view, loaded). */
export async function gridRow(page: Page, orderId: number): Promise<Locator> {
  await sortGrid(page, STATUS_DESC);
  const { index } = await callApi(page, 'orders.position', { sort: STATUS_DESC, orderId });
  expect(index, `order ${orderId} is in the grid`).not.toBeNull();
  const row = page.locator(`.ag-row[row-index="${index}"]`);
  const viewport = page.locator('.ag-grid-viewport');
  await expect(async () => {
    await viewport.evaluate((el, top) => (el.scrollTop = top), Math.max(0, index! - 5) * ROW_HEIGHT);
    await expect(row).toHaveAttribute('row-id', String(orderId), { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  return row;
}

/** Selects the order in the grid and waits for its detail pane. */
export async function openOrder(page: Page, order: Pick<OrderDetail, 'id' | 'orderNo'>): Promise<Locator> {
  const row = await gridRow(page, order.id);
  await row.locator('.ag-cell[col-id="category"]').click();
  const detail = page.getByRole('complementary', { name: '工单详情' });
  await expect(detail.locator('h2')).toHaveText(`工单 ${order.orderNo}`);
  return detail;
}

/** The detail pane's action button (only the allowed actions are there). */
export const actionButton = (detail: Locator, action: WorkflowAction) => detail.locator(`.actionbar button[data-action="${action}"]`);

/** The timeline's summaries, newest first. */
export async function timelineSummaries(detail: Locator): Promise<string[]> {
  return detail.locator('.timeline__summary').allTextContents();
}
