/**
 * Every filter the grid ships, on the real schema, against an independent JS reading of the same
 * filter: counts, every page while scrolling, cold jumps (middle and end), and row positions — under
 * several sorts, once with the production thresholds (small results: whole sorted lists) and twice with
 * tiny thresholds so the same 240 orders go through every large-result path (composite index seeks,
 * windowed per-row probes along a sort index, TEMP id sets, lists read whole, search hit sets and
 * index seeks).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderFilter, OrderSort } from '../../../preload/api.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { OrderGrid, type GridTuning } from '../../../main/services/orders/grid.js';
import { createTestApp, TEST_NOW } from '../../support/app.js';
import { buildStreet, DAY, H, jsFilter, jsSort, loadReference, type RefOrder, type Street } from './support.js';

const SORTS: OrderSort[] = [
  { column: 'receivedAt', direction: 'desc' },
  { column: 'handleDueAt', direction: 'asc' },
  { column: 'category', direction: 'asc' },
  { column: 'community', direction: 'desc' },
  { column: 'status', direction: 'asc' },
];

function cases(s: Street): Array<[string, OrderFilter]> {
  const [c1, c2] = s.communities as [number, number];
  const [d1, d2] = s.departments as [number, number];
  const [s1, s2] = s.staff as [number, number];
  return [
    ['no filter', {}],
    ['empty lists constrain nothing', { statuses: [], communityIds: [] }],
    ['one status', { statuses: ['received'] }],
    ['two statuses', { statuses: ['in_progress', 'replied'] }],
    ['appeal type', { appealTypes: ['complaint'] }],
    ['sources', { sources: ['online', 'proactive'] }],
    ['tier', { tiers: ['urgent'] }],
    ['one community', { communityIds: [c1] }],
    ['community or none', { communityIds: [c2, 0] }],
    ['no community', { communityIds: [0] }],
    ['lead unit', { leadUnitIds: [d1] }],
    ['assist units', { assistUnitIds: [c2, d2] }],
    ['handlers', { handlerStaffIds: [s1, s2] }],
    ['mine', { mineStaffId: s2 }],
    ['category prefix (one level)', { categories: ['城市管理'] }],
    ['category prefixes (two levels)', { categories: ['城市管理/环境卫生', '住房管理'] }],
    ['unclassified', { categories: [''] }],
    ['a half segment is not a prefix', { categories: ['城市'] }],
    ['received range', { receivedAt: { from: TEST_NOW - 10 * DAY, to: TEST_NOW - 2 * DAY } }],
    ['received this week', { receivedIn: 'thisWeek' }],
    ['received this month', { receivedIn: 'thisMonth' }],
    ['handling due range', { handleDueAt: { from: TEST_NOW, to: TEST_NOW + 2 * DAY } }],
    ['first contact due before', { firstContactDueAt: { to: TEST_NOW } }],
    ['difficult', { flags: { difficult: true } }],
    ['not supervised', { flags: { supervised: false } }],
    ['unreasonable', { flags: { unreasonable: true } }],
    ['duplicate', { flags: { duplicate: true } }],
    ['not duplicate', { flags: { duplicate: false } }],
    ['monthly topic', { flags: { monthlyTopic: true } }],
    ['not monthly topic', { flags: { monthlyTopic: false } }],
    ['handling overdue', { deadlineBands: [{ kind: 'handle', band: 'overdue' }] }],
    ['first contact soon', { deadlineBands: [{ kind: 'firstContact', band: 'soon' }] }],
    ['即将超时 view', { statuses: ['received', 'in_progress', 'objecting'], deadlineBands: [{ kind: 'firstContact', band: 'soon' }, { kind: 'handle', band: 'soon' }] }],
    ['不满意/二次办理', { secondRound: true }],
    ['search 2 characters', { search: '小区' }],
    ['search 1 character', { search: '楼' }],
    ['search long term', { search: '西营小区' }],
    ['search two terms', { search: '小区  漏水' }],
    ['search across punctuation finds nothing extra', { search: '营小' }],
    ['search + status + community', { search: '漏水', statuses: ['in_progress', 'callback_done', 'received'], communityIds: [c1, c2] }],
    ['lead + flags + dates', { leadUnitIds: [d1, c1], flags: { difficult: false }, receivedAt: { from: TEST_NOW - 30 * DAY } }],
    ['drill-down ids (with an id that does not exist)', { orderIds: [s.orderIds[3]!, s.orderIds[17]!, s.orderIds[120]!, s.orderIds[5]!, 99_999_999] }],
    ['drill-down ids + status', { orderIds: s.orderIds.slice(0, 60), statuses: ['in_progress'] }],
    ['everything at once', { statuses: ['in_progress', 'replied', 'callback_done'], appealTypes: ['complaint', 'help', 'report'], tiers: ['general', 'complex', 'utility'], categories: ['城市管理', '住房管理'], search: '楼' }],
  ];
}

async function checkFilter(grid: OrderGrid, ref: RefOrder[], filter: OrderFilter, notMatching: number): Promise<void> {
  const matching = jsFilter(ref, filter);
  expect(await grid.count(filter)).toBe(matching.length);
  for (const sort of SORTS) {
    const ids = jsSort(matching, sort);
    const n = ids.length;
    const page = async (start: number, end: number) => {
      const r = await grid.page(sort, start, end, filter);
      expect(r.rowCount).toBe(n);
      return r.rows.map((row) => row.id);
    };
    // Cold jumps first (no cursor known): near the end, then the middle.
    grid.invalidate();
    expect(await page(Math.max(0, n - 3), n + 5)).toEqual(ids.slice(Math.max(0, n - 3)));
    grid.invalidate();
    const mid = Math.floor(n / 2);
    expect(await page(mid, mid + 4)).toEqual(ids.slice(mid, mid + 4));
    // Then scrolling block by block from the top, continuing from remembered cursors.
    const scrolled: number[] = [];
    for (let start = 0; start < n; start += 9) scrolled.push(...(await page(start, start + 9)));
    expect(scrolled).toEqual(ids);
    // Positions: a few matching orders (cold and warm), and an order the filter excludes.
    grid.invalidate();
    for (const i of [0, mid, n - 1].filter((i) => i >= 0 && i < n)) {
      expect(await grid.position(sort, ids[i]!, filter)).toBe(i);
    }
    if (n < ref.length) {
      const outside = ref.find((o) => !ids.includes(o.id))!.id;
      expect(await grid.position(sort, outside, filter)).toBeNull();
    }
    expect(await grid.position(sort, notMatching, filter)).toBeNull();
  }
}

const TUNINGS: Array<[string, GridTuning]> = [
  ['production thresholds', {}],
  ['tiny thresholds: windows, TEMP id sets, search sets and index seeks', { smallResult: 4, mediumResult: 4, minWindow: 1, maxWindow: 12, smallHits: 3, hugeHits: 40 }],
  ['tiny thresholds: rare-here results read whole', { smallResult: 4, mediumResult: 200, minWindow: 1, maxWindow: 12, smallHits: 3, hugeHits: 40 }],
];

describe.each(TUNINGS)('grid filters in the database match a JS filter — %s', (_label, tuning) => {
  let app: AppRuntime;
  let street: Street;
  let ref: RefOrder[];
  let grid: OrderGrid;

  beforeAll(async () => {
    app = await createTestApp();
    street = await buildStreet(app);
    ref = await loadReference(app);
    grid = new OrderGrid(app.services.ctx, tuning);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the street has every kind of order the cases need', () => {
    // Guards the cases below from passing vacuously.
    expect(ref.length).toBe(240);
    for (const [, f] of cases(street).filter(([name]) => name !== 'a half segment is not a prefix')) {
      const n = jsFilter(ref, f).length;
      if (Object.keys(f).length > 0) expect(n, JSON.stringify(f)).toBeGreaterThan(0);
    }
  });

  it('covers every dimension of the filter contract', async () => {
    const { OrderFilter } = await import('../../../preload/api.js');
    const used = new Set(cases(street).flatMap(([, f]) => Object.keys(f)));
    expect([...used].sort()).toEqual(Object.keys(OrderFilter.shape).sort());
  });

  it('filter cases', async () => {
    for (const [name, filter] of cases(street)) {
      try {
        await checkFilter(grid, ref, filter, 999_999);
      } catch (e) {
        throw new Error(`case「${name}」${JSON.stringify(filter)}: ${(e as Error).message}`);
      }
    }
  }, 120_000);

  it('time-relative filters move with the clock', async () => {
    // 已超时 is relative to now: two hours later, orders due within those hours have become overdue.
    const later = new OrderGrid({ ...app.services.ctx, now: () => TEST_NOW + 2 * H }, tuning);
    const filter: OrderFilter = { deadlineBands: [{ kind: 'handle', band: 'overdue' }] };
    const now = await grid.count(filter);
    const then = await later.count(filter);
    expect(then).toBe(jsFilter(ref, filter, TEST_NOW + 2 * H).length);
    expect(then).toBeGreaterThan(now);
  });
});
