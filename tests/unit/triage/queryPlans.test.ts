/**
 * Query plans of every filter the grid ships, with the default sort (received_at desc), under the
 * statistics of a real 1,000,000-order database: no filter reads the whole orders table to be counted
 * or listed, and no page sorts the table (TEMP B-TREE) — pages walk the sort index or a composite one.
 * The id sets' and the search's forms are planned too. (Negated flags are the documented exception:
 * "not X" matches most orders, so it is counted by a scan; its pages still walk the sort index.)
 */
import { sql, type SqlBool } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../../db/connection.js';
import { migrate } from '../../../db/migrator.js';
import { compileSearch, matchesOrder, matchIds } from '../../../db/search.js';
import type { OrderFilter, OrderSortColumn } from '../../../preload/api.js';
import { and, resolveFilter, type Cond } from '../../../main/services/orders/filters.js';
import { COMPOSITE_INDEXES } from '../../../main/services/orders/grid.js';
import { keyAtQuery, pageQuery, rowsBeforeQuery, sortedIdsQuery, windowedPageQuery } from '../../../main/services/orders/gridQueries.js';
import { SORT_KEYS } from '../../../main/services/orders/sortKeys.js';
import { TEST_NOW } from '../../support/app.js';

/** sqlite_stat1 of a seeded 1M-order database (npm run bench), so the planner decides as it would there. */
const STATS: Array<[string, string, string]> = [
  ['callbacks', 'callbacks_order', '1007577 1 1'],
  ['callbacks', 'callbacks_period', '1007577 1 1'],
  ['callbacks', 'callbacks_unhappy', '40647 1 1'],
  ['order_tags', 'order_tags_tag', '103587 103587 1'],
  ['order_tags', 'sqlite_autoindex_order_tags_1', '103587 1 1'],
  ['order_units', 'order_units_handler', '60000 30 1'],
  ['order_units', 'order_units_one_lead', '990998 1'],
  ['order_units', 'order_units_unit', '1209181 43000 30000 1'],
  ['order_units', 'sqlite_autoindex_order_units_1', '1209181 2 1'],
  ['orders', 'orders_appeal_type_sort', '1000000 142000 1'],
  ['orders', 'orders_area_received', '1000000 1001 1'],
  ['orders', 'orders_awaiting_contact', '9217 1 1'],
  ['orders', 'orders_category_sort', '1000000 17000 1'],
  ['orders', 'orders_community_received', '1000000 50000 1 1'],
  ['orders', 'orders_community_sort', '1000000 50000 1'],
  ['orders', 'orders_difficult_received', '4128 1 1'],
  ['orders', 'orders_duplicate_of', '1000000 3'],
  ['orders', 'orders_duplicate_received', '322943 1 1'],
  ['orders', 'orders_first_contact_due', '1000000 1 1'],
  ['orders', 'orders_handle_due_sort', '1000000 1 1'],
  ['orders', 'orders_received_at_sort', '1000000 1 1'],
  ['orders', 'orders_reopened', '5000 1000 1'],
  ['orders', 'orders_source_received', '1000000 200000 1 1'],
  ['orders', 'orders_status_handle_due', '1000000 166000 2 1'],
  ['orders', 'orders_status_received', '1000000 166000 1 1'],
  ['orders', 'orders_status_sort', '1000000 166000 1'],
  ['orders', 'orders_supervised_received', '10173 1 1'],
  ['orders', 'orders_tier_received', '1000000 250000 1 1'],
  ['orders', 'orders_unreasonable_received', '3000 1 1'],
  ['orders', 'sqlite_autoindex_orders_1', '1000000 1'],
];

let h: DbHandle;
beforeAll(async () => {
  h = createDb(':memory:');
  await migrate(h, { appVersion: 'test' });
  h.sqlite.exec('ANALYZE');
  h.sqlite.exec('DELETE FROM sqlite_stat1');
  const insert = h.sqlite.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
  for (const row of STATS) insert.run(...row);
  h.sqlite.exec('CREATE TEMP TABLE id_set_1 (id INTEGER PRIMARY KEY)');
  h.sqlite.exec('ANALYZE sqlite_schema'); // reload the statistics
});

function plan(compiled: { sql: string; parameters: readonly unknown[] }): string {
  const rows = h.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('\n');
}

/** A whole-table read of orders: a SCAN of the table itself (not of one of its indexes). */
const FULL_SCAN = /SCAN orders(?! USING)/;
const key = SORT_KEYS.receivedAt;

const CASES: Array<[string, OrderFilter]> = [
  ['statuses', { statuses: ['received', 'in_progress'] }],
  ['appeal types', { appealTypes: ['complaint'] }],
  ['sources', { sources: ['online'] }],
  ['tiers', { tiers: ['urgent', 'utility'] }],
  ['communities', { communityIds: [3, 0] }],
  ['lead units', { leadUnitIds: [25] }],
  ['assist units', { assistUnitIds: [3, 4] }],
  ['handlers', { handlerStaffIds: [7] }],
  ['mine', { mineStaffId: 7 }],
  ['categories', { categories: ['城市管理', '供暖/供暖不热'] }],
  ['unclassified', { categories: [''] }],
  ['received range', { receivedAt: { from: TEST_NOW - 86_400_000 } }],
  ['received this week', { receivedIn: 'thisWeek' }],
  ['handling due range', { handleDueAt: { from: TEST_NOW, to: TEST_NOW + 86_400_000 } }],
  ['first contact due range', { firstContactDueAt: { to: TEST_NOW } }],
  ['difficult', { flags: { difficult: true } }],
  ['supervised', { flags: { supervised: true } }],
  ['unreasonable', { flags: { unreasonable: true } }],
  ['duplicate', { flags: { duplicate: true } }],
  ['monthly topic', { flags: { monthlyTopic: true } }],
  ['handling bands', { deadlineBands: [{ kind: 'handle', band: 'overdue' }, { kind: 'handle', band: 'soon' }] }],
  ['first contact bands', { deadlineBands: [{ kind: 'firstContact', band: 'overdue' }] }],
  ['both bands (即将超时)', { statuses: ['received', 'in_progress', 'objecting'], deadlineBands: [{ kind: 'firstContact', band: 'soon' }, { kind: 'handle', band: 'soon' }] }],
  ['不满意/二次办理', { secondRound: true }],
];
const NEGATED: Array<[string, OrderFilter]> = [
  ['not difficult', { flags: { difficult: false } }],
  ['not duplicate', { flags: { duplicate: false } }],
  ['not monthly topic', { flags: { monthlyTopic: false } }],
];

const resolve = (f: OrderFilter) => resolveFilter(f, { now: TEST_NOW, warnWithinMs: 86_400_000 });
const drive = (f: OrderFilter): Cond => and(resolve(f).rest.map((t) => t.drive));
const probe = (f: OrderFilter): Cond => and(resolve(f).rest.map((t) => t.probe));

describe('filters are counted, listed and paged on indexes (default sort)', () => {
  for (const [name, filter] of CASES) {
    it(name, () => {
      // Count / TEMP id set / small sorted list: found through an index, never a read of the whole table.
      const count = plan(h.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).where(drive(filter)).compile());
      expect(count, count).not.toMatch(FULL_SCAN);
      const list = plan(sortedIdsQuery(h.db, key, true, drive(filter)).compile());
      expect(list, list).not.toMatch(FULL_SCAN);
      const rf = resolve(filter);
      if (rf.rest.length === 1 && rf.rest[0]!.ids) {
        const ids = plan(sql`SELECT count(*) FROM (${rf.rest[0]!.ids})`.compile(h.db));
        expect(ids, ids).not.toMatch(/SCAN orders/);
      }
      // Pages of a large result: along the sort index, testing each row; no sort of the table.
      const first = plan(pageQuery(h.db, key, true, null, 0, 100, 100, probe(filter)).compile());
      expect(first, first).toMatch(/SCAN orders USING (COVERING )?INDEX orders_received_at_sort/);
      expect(first).not.toContain('TEMP B-TREE');
      const next = plan(pageQuery(h.db, key, true, { key: TEST_NOW, id: 10 }, 0, 100, 100, probe(filter)).compile());
      expect(next.match(/SEARCH orders USING (COVERING )?INDEX orders_received_at_sort/g), next).toHaveLength(2);
      // The same within a window of the sort order: read from the sort index alone, then tested.
      const windowed = plan(windowedPageQuery(h.db, key, true, { key: TEST_NOW, id: 10 }, 0, 100, 100, probe(filter), 5000).compile());
      expect(windowed.match(/SEARCH orders USING COVERING INDEX orders_received_at_sort/g), windowed).toHaveLength(2);
      expect(windowed, windowed).not.toMatch(FULL_SCAN);
    });
  }
  for (const [name, filter] of NEGATED) {
    it(`${name}: pages still walk the sort index`, () => {
      const first = plan(pageQuery(h.db, key, true, null, 0, 100, 100, probe(filter)).compile());
      expect(first, first).toMatch(/SCAN orders USING (COVERING )?INDEX orders_received_at_sort/);
      expect(first).not.toContain('TEMP B-TREE');
    });
  }
});

describe('a filter of one indexed condition seeks its index together with the sort', () => {
  const single: Array<[keyof typeof COMPOSITE_INDEXES, OrderFilter, OrderSortColumn]> = [
    ['status', { statuses: ['callback_done'] }, 'receivedAt'],
    ['status', { statuses: ['in_progress'] }, 'handleDueAt'],
    ['community', { communityIds: [3] }, 'receivedAt'],
    ['source', { sources: ['hotline'] }, 'receivedAt'],
    ['tier', { tiers: ['general'] }, 'receivedAt'],
    ['category', { categories: ['供暖'] }, 'category'],
    ['receivedAt', { receivedAt: { from: TEST_NOW - 86_400_000 } }, 'receivedAt'],
    ['handleDueAt', { handleDueAt: { from: TEST_NOW, to: TEST_NOW + 86_400_000 } }, 'handleDueAt'],
  ];
  for (const [dimension, filter, column] of single) {
    it(`${dimension} by ${column}`, () => {
      const rf = resolve(filter);
      expect(rf.only?.dimension).toBe(dimension);
      const ix = COMPOSITE_INDEXES[dimension][column]!;
      const key = SORT_KEYS[column];
      const k = column === 'category' ? '供暖/供暖收费' : TEST_NOW;
      const col = key.sqlText;
      const where = rf.rest[0]!.drive;
      const first = plan(pageQuery(h.db, key, true, null, 0, 100, 100, where).compile());
      expect(first, first).toMatch(new RegExp(`SEARCH orders USING COVERING INDEX ${ix} \\(`));
      expect(first).not.toContain('TEMP B-TREE');
      const next = plan(pageQuery(h.db, key, true, { key: k, id: 10 }, 0, 100, 100, where).compile());
      expect(next, next).toMatch(new RegExp(`SEARCH orders USING COVERING INDEX ${ix} \\(.*${col}=\\? AND id<\\?\\)`));
      expect(next, next).toMatch(new RegExp(`SEARCH orders USING COVERING INDEX ${ix} \\(.*${col}[<>]\\?`));
      const anchor = plan(keyAtQuery(h.db, key, true, 500_000, where).compile());
      expect(anchor, anchor).toContain(`COVERING INDEX ${ix}`);
      expect(anchor).not.toContain('TEMP B-TREE');
      const before = plan(rowsBeforeQuery(h.db, key, true, { key: k, id: 10 }, where).compile());
      expect(before.match(new RegExp(`SEARCH orders USING COVERING INDEX ${ix}`, 'g')), before).toHaveLength(2);
    });
  }
});

describe('id sets and the search', () => {
  const member = sql<SqlBool>`+orders.id IN temp.id_set_1`;

  it('a jump over a TEMP id set walks the sort index and seeks the set', () => {
    const anchor = plan(keyAtQuery(h.db, key, true, 500_000, member).compile());
    expect(anchor, anchor).toMatch(/SCAN orders USING COVERING INDEX orders_received_at_sort/);
    expect(anchor).not.toContain('TEMP B-TREE');
    const before = plan(rowsBeforeQuery(h.db, key, true, { key: TEST_NOW, id: 10 }, member).compile());
    expect(before.match(/SEARCH orders USING COVERING INDEX orders_received_at_sort/g), before).toHaveLength(2);
  });

  it('a search is found through the full-text index and the orders’ primary key', () => {
    const s = compileSearch('小区')!;
    const count = plan(sql`SELECT count(*) FROM orders WHERE orders.id IN (${matchIds(s)})`.compile(h.db));
    expect(count).toMatch(/SEARCH orders USING INTEGER PRIMARY KEY/);
    expect(count).toMatch(/SCAN orders_search VIRTUAL TABLE INDEX \d+:M/);
    // With a selective filter beside a large hit set: the filter's index drives, the hits are probed.
    const withStatus = plan(sql`SELECT count(*) FROM orders WHERE orders.status = 'received' AND +orders.id IN temp.id_set_1`.compile(h.db));
    expect(withStatus).toMatch(/SEARCH orders USING COVERING INDEX orders_status_(sort|received|handle_due) \(status=\?\)/);
    // The first page of a huge hit set: the sort index, one index seek per row.
    const page = plan(pageQuery(h.db, key, true, null, 0, 100, 100, matchesOrder(s)).compile());
    expect(page).toMatch(/SCAN orders USING COVERING INDEX orders_received_at_sort/);
    expect(page).toMatch(/orders_search .*VIRTUAL TABLE INDEX \d+:=M/);
    expect(page).not.toContain('TEMP B-TREE');
  });
});
