/**
 * The triage workbench's part of `npm run bench` (issue 4), on the seeded database, through the
 * dispatcher (contract validation included), every measure cold: the grid's caches are dropped before
 * each run, as after any data change. "Now" is the seed's end, so relative filters see a live street.
 *   - a filter + sort first page (count included) ≤ 50 ms; a cold jump to the middle is shown too;
 *   - a 2-character search: first page ≤ 50 ms, exact count ≤ 200 ms;
 *   - every view's count together ≤ 100 ms;
 *   - a bulk preview / apply of about a thousand orders (no target: shown for the note).
 */
import type { Dispatch } from '../../main/dispatch.js';
import type { AppRuntime } from '../../main/runtime.js';
import type { MethodName, OrderFilter, OrderSort } from '../../preload/api.js';
import { printTable, time, type Row } from './measure.js';

const DAY = 86_400_000;

export async function benchTriage(app: AppRuntime, until: number): Promise<boolean> {
  const grid = app.services.grid;
  const ctx = { actor: 'bench', transport: 'in-process' as const };
  const dispatch: Dispatch = app.dispatch;
  const send = async (name: MethodName, args: unknown) => {
    const r = await dispatch(name, args, ctx);
    if ('error' in r) throw new Error(`${name}: ${r.error.message}`);
    return r.reply as Record<string, unknown>;
  };
  const units = (await app.handle.db.selectFrom('units').select(['id', 'kind']).orderBy('id').execute()) as Array<{ id: number; kind: string }>;
  const community = units.find((u) => u.kind === 'community')!.id;
  const department = units.find((u) => u.kind === 'department')!.id;
  const staff = (await app.handle.db.selectFrom('staff').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
  // The first level of the most frequent category (the demo taxonomy's own names).
  const top = await app.handle.db.selectFrom('orders').select('category').where('id', '<=', 1000).execute();
  const counts = new Map<string, number>();
  for (const { category } of top) counts.set(category.split('/')[0]!, (counts.get(category.split('/')[0]!) ?? 0) + 1);
  const level1 = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  let ok = true;

  const filters: Array<[string, OrderFilter]> = [
    ['status 办理中', { statuses: ['in_progress'] }],
    ['status 已回访 (most orders)', { statuses: ['callback_done'] }],
    ['statuses 办理中+已办结', { statuses: ['in_progress', 'replied'] }],
    ['one community', { communityIds: [community] }],
    ['appeal type 投诉', { appealTypes: ['complaint'] }],
    ['source 网上平台', { sources: ['online'] }],
    ['tier 紧急', { tiers: ['urgent'] }],
    ['lead unit (a department)', { leadUnitIds: [department] }],
    ['assist unit (a community)', { assistUnitIds: [community] }],
    [`category ${level1}/*`, { categories: [level1] }],
    ['received last 30 days', { receivedAt: { from: until - 30 * DAY } }],
    ['received this week', { receivedIn: 'thisWeek' }],
    ['handling due next 7 days', { handleDueAt: { from: until, to: until + 7 * DAY } }],
    ['difficult', { flags: { difficult: true } }],
    ['duplicate', { flags: { duplicate: true } }],
    ['monthly topic', { flags: { monthlyTopic: true } }],
    ['已超时 (open, either deadline)', { statuses: ['received', 'in_progress', 'objecting'], deadlineBands: [{ kind: 'firstContact', band: 'overdue' }, { kind: 'handle', band: 'overdue' }] }],
    ['不满意/二次办理', { secondRound: true }],
    ['complaint + community + 30 days', { appealTypes: ['complaint'], communityIds: [community], receivedAt: { from: until - 30 * DAY } }],
  ];
  const sorts: OrderSort[] = [
    { column: 'receivedAt', direction: 'desc' },
    { column: 'handleDueAt', direction: 'asc' },
    { column: 'category', direction: 'asc' },
  ];
  const pages: Row[] = [];
  const jumps: Row[] = [];
  for (const [name, filter] of filters) {
    for (const sort of sorts) {
      const label = `${name} | ${sort.column} ${sort.direction}`;
      const first = await time(async () => {
        grid.invalidate();
        await send('orders.page', { sort, startRow: 0, endRow: 100, filter });
      }, 5, 1);
      pages.push({ what: label, ms: first.median, target: { ms: 50 } });
      const n = (await send('orders.count', { filter })).count as number;
      const mid = Math.max(0, Math.floor(n / 2) - 50);
      const jump = await time(async () => {
        grid.invalidate();
        await send('orders.page', { sort, startRow: mid, endRow: mid + 100, filter });
      }, 3, 0);
      jumps.push({ what: `${label} (${n})`, ms: jump.median });
    }
  }
  ok = printTable('Filter + sort: first page, count included (cold caches, via dispatcher)', pages) && ok;
  printTable('Filter + sort: cold jump to the middle of the result (shown, no target)', jumps);

  const search: Row[] = [];
  for (const term of ['小区', '电梯', '烧烤', '漏水', '西营小区']) {
    const filter = { search: term };
    const n = (await send('orders.count', { filter })).count as number;
    const first = await time(async () => {
      grid.invalidate();
      await send('orders.page', { sort: { column: 'receivedAt', direction: 'desc' }, startRow: 0, endRow: 100, filter });
    }, 7, 1);
    search.push({ what: `search ${term} (${n}): first page`, ms: first.median, target: term.length === 2 ? { ms: 50 } : undefined });
    const count = await time(async () => {
      grid.invalidate();
      await send('orders.count', { filter });
    }, 7, 1);
    search.push({ what: `search ${term}: exact count`, ms: count.median, target: term.length === 2 ? { ms: 200 } : undefined });
    const combined = await time(async () => {
      grid.invalidate();
      await send('orders.page', { sort: { column: 'handleDueAt', direction: 'asc' }, startRow: 0, endRow: 100, filter: { ...filter, statuses: ['in_progress', 'replied'] } });
    }, 5, 1);
    search.push({ what: `search ${term} + status, by deadline: page`, ms: combined.median });
  }
  ok = printTable('Search (bigram index), cold caches', search) && ok;

  const views: Row[] = [];
  const cold = await time(async () => {
    grid.invalidate();
    await send('views.counts', { staffId: staff });
  }, 9, 1);
  views.push({ what: 'views.counts, all views (cold)', ms: cold.median, target: { ms: 100 } });
  const warm = await time(() => send('views.counts', { staffId: staff }), 9, 1);
  views.push({ what: 'views.counts, all views (unchanged data)', ms: warm.median, target: { ms: 100 } });
  ok = printTable('Saved views', views) && ok;

  // Bulk: tag about a thousand orders, then take the tag off again (the bench database stays as seeded).
  const selection = { kind: 'filter', filter: { statuses: ['callback_done'], receivedAt: { from: until - 25 * DAY, to: until - 24 * DAY } } };
  const bulk: Row[] = [];
  let t = performance.now();
  const preview = (await send('bulk.preview', { action: { kind: 'setTag', tag: 'monthly-topic', on: true }, selection })) as { matched: number; changes: Array<{ orderId: number; version: number }> };
  bulk.push({ what: `bulk.preview setTag, ${preview.matched} orders`, ms: performance.now() - t });
  t = performance.now();
  const orders = preview.changes.map((c) => ({ orderId: c.orderId, version: c.version }));
  const applied = (await send('bulk.apply', { action: { kind: 'setTag', tag: 'monthly-topic', on: true }, orders })) as { changes: Array<{ orderId: number; version: number }> };
  bulk.push({ what: `bulk.apply setTag, ${applied.changes.length} orders (one transaction)`, ms: performance.now() - t });
  await send('bulk.apply', { action: { kind: 'setTag', tag: 'monthly-topic', on: false }, orders: applied.changes.map((c) => ({ orderId: c.orderId, version: c.version })) });
  printTable('Bulk actions (shown, no target)', bulk);
  return ok;
}
