/**
 * The hotspots must stay fast at 1M orders: each read seeks a received_at index for its window instead
 * of scanning the table (a scan of 1M rows is what the clerk would wait for).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { countsInQuery, ordersInQuery } from '../../../main/services/hotspots/load.js';
import { createTestApp } from '../../support/app.js';
import { nov } from './support.js';

let app: AppRuntime;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

function plan(q: { compile(): { sql: string; parameters: readonly unknown[] } }): string {
  const c = q.compile();
  return (app.handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...c.parameters) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
}

it('reads the window of orders through orders_received_at_sort, already sorted', () => {
  const p = plan(ordersInQuery(app.handle.db, nov(1), nov(30)));
  expect(p).toMatch(/SEARCH orders USING (COVERING )?INDEX orders_received_at_sort \(received_at>\? AND received_at<\?\)/);
  expect(p).not.toContain('TEMP B-TREE FOR ORDER BY');
});

it('counts the baseline weeks through an index on received_at, never a table scan', () => {
  const p = plan(countsInQuery(app.handle.db, nov(1), nov(30)));
  expect(p).toMatch(/SEARCH orders USING (COVERING )?INDEX \w+ \(.*received_at>\? AND received_at<\?\)/);
  expect(p).not.toMatch(/^SCAN orders/m);
});
