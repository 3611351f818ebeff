/**
 * The left rail: built-in views with live counts (each count is exactly the orders the view opens),
 * and the clerks' own views — created, renamed, reordered, shared, deleted by their owner only — with
 * column layouts kept per view and per clerk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltinView, ColumnState, OrderStatus, SavedView } from '../../../preload/api.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { assignUnit, createTestApp, insertOrders, TEST_NOW, type TestOrder } from '../../support/app.js';
import { call, createWorld, refusal, version, type World } from '../workflow/support.js';
import { DAY, H } from './support.js';

describe('built-in views', () => {
  let app: AppRuntime;
  let w: World;
  const expected: Record<BuiltinView, number[]> = {
    pending: [], mine: [], dueSoon: [], overdue: [], awaitingCallback: [], secondRound: [], duplicates: [], difficult: [], thisWeek: [],
  };

  /** One order, and the views it must appear in. */
  async function order(views: BuiltinView[], o: TestOrder & { status: OrderStatus }, patch: Record<string, unknown> = {}): Promise<number> {
    const [id] = (await insertOrders(app, [{ receivedAt: TEST_NOW - 10 * DAY, handleDueAt: TEST_NOW + 5 * DAY, ...o }])) as [number];
    await app.handle.db.updateTable('orders').set({ first_contact_due_at: TEST_NOW + 5 * DAY, first_contact_at: o.status === 'received' ? null : TEST_NOW - 9 * DAY, ...patch }).where('id', '=', id).execute();
    for (const v of views) expected[v].push(id);
    return id;
  }
  const callback = (orderId: number, at: number, satisfaction: string, valid = 1) =>
    app.handle.db.insertInto('callbacks').values({ order_id: orderId, at, valid, contacted: 1, resolution: 'resolved', satisfaction, note: null, origin: 't' }).execute();

  beforeAll(async () => {
    app = await createTestApp();
    w = await createWorld(app);
    const monday = fromBeijing(2026, 3, 2); // TEST_NOW is Monday 09:00
    await order(['pending'], { status: 'received' });
    await order(['pending', 'thisWeek'], { status: 'received', receivedAt: monday + 60_000 });
    await order(['thisWeek'], { status: 'callback_done', receivedAt: monday }, { replied_at: TEST_NOW - H });
    await order([], { status: 'callback_done', receivedAt: monday - 1 }, { replied_at: TEST_NOW - H }); // Sunday 23:59:59.999
    await order(['pending', 'dueSoon'], { status: 'received' }, { first_contact_due_at: TEST_NOW + 3 * H });
    await order(['pending', 'overdue'], { status: 'received' }, { first_contact_due_at: TEST_NOW - H });
    const mine = await order(['mine', 'dueSoon'], { status: 'in_progress', handleDueAt: TEST_NOW + 20 * H });
    await assignUnit(app, mine, w.chengguan, 'lead');
    await app.handle.db.updateTable('order_units').set({ handler_staff_id: w.staffChengguan }).where('order_id', '=', mine).execute();
    const notMine = await order(['overdue'], { status: 'objecting', handleDueAt: TEST_NOW - 2 * H });
    await assignUnit(app, notMine, w.liuyingmen, 'lead');
    await app.handle.db.updateTable('order_units').set({ handler_staff_id: w.staffLiuyingmen }).where('order_id', '=', notMine).execute();
    // Handled orders are never late for handling, whatever their deadline said.
    await order(['awaitingCallback'], { status: 'replied', handleDueAt: TEST_NOW - 2 * H }, { replied_at: TEST_NOW - 3 * H });
    const unhappy = await order(['secondRound'], { status: 'callback_done' }, { replied_at: TEST_NOW - 9 * DAY });
    await callback(unhappy, TEST_NOW - 5 * DAY, 'unsatisfied');
    const old = await order([], { status: 'callback_done' }, { replied_at: TEST_NOW - 60 * DAY });
    await callback(old, TEST_NOW - 40 * DAY, 'unsatisfied'); // outside the 30-day window
    const mended = await order([], { status: 'callback_done' }, { replied_at: TEST_NOW - 9 * DAY, reopen_count: 1 });
    await callback(mended, TEST_NOW - 8 * DAY, 'unsatisfied');
    await callback(mended, TEST_NOW - 2 * DAY, 'satisfied'); // reopened, handled again, satisfied now
    await order(['secondRound'], { status: 'in_progress' }, { reopen_count: 1 });
    const master = await order([], { status: 'in_progress' });
    await order(['duplicates'], { status: 'in_progress' }, { duplicate_of: master });
    await order([], { status: 'callback_done' }, { duplicate_of: master, replied_at: TEST_NOW - DAY });
    await order(['difficult'], { status: 'replied' }, { difficult: 1, replied_at: TEST_NOW - H });
    await order([], { status: 'callback_done' }, { difficult: 1, replied_at: TEST_NOW - DAY });
    expected.awaitingCallback.push(...expected.difficult); // the difficult one is replied too
  });
  afterAll(async () => {
    await app?.close();
  });

  it('each count is exactly the orders the view opens, all in one call', async () => {
    const { views } = await call(app, 'views.list', { staffId: w.staffChengguan });
    const { counts } = await call(app, 'views.counts', { staffId: w.staffChengguan });
    for (const code of Object.keys(expected) as BuiltinView[]) {
      const view = views.find((v) => v.key === code)!;
      const page = await call(app, 'orders.page', { sort: view.sort, startRow: 0, endRow: 100, filter: view.filter });
      expect(page.rows.map((r) => r.id).sort(), code).toEqual([...expected[code]].sort());
      expect(counts[code], code).toBe(expected[code].length);
    }
  });

  it('我的待办 needs the clerk’s staff id', async () => {
    const { views } = await call(app, 'views.list', {});
    expect(views.find((v) => v.key === 'mine')).toMatchObject({ name: '我的待办', needsStaff: true });
    expect((await call(app, 'views.counts', {})).counts.mine).toBeNull();
  });

  it('counts follow the data: accepting an order moves it out of 待签收 at once', async () => {
    const before = (await call(app, 'views.counts', {})).counts.pending!;
    const id = expected.pending[0]!;
    await call(app, 'workflow.accept', { orderId: id, version: await version(app, id) });
    expect((await call(app, 'views.counts', {})).counts.pending).toBe(before - 1);
  });
});

describe('clerks’ own views', () => {
  let app: AppRuntime;
  const sort = { column: 'receivedAt' as const, direction: 'desc' as const };
  const keysFor = async (actor: string) => (await call(app, 'views.list', {}, actor)).views.filter((v) => v.builtin === null).map((v) => v.name);

  beforeAll(async () => {
    app = await createTestApp();
    await insertOrders(app, [{ status: 'received' }, { status: 'in_progress', category: '住房管理/物业管理/物业服务' }]);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('create, count, rename, share, reorder and delete — only by the owner', async () => {
    const a = await call(app, 'views.create', { name: '物业类', filter: { categories: ['住房管理'] }, sort }, '王芳');
    expect(a).toMatchObject({ key: `v${a.id}`, own: true, shared: false, owner: '王芳', version: 1, problem: null });
    const b = await call(app, 'views.create', { name: '待签收（旧）', filter: { statuses: ['received'] }, sort, shared: true }, '王芳');
    expect((await call(app, 'views.counts', {}, '王芳')).counts).toMatchObject({ [a.key]: 1, [b.key]: 1 });
    // Another clerk sees only the shared one, and may not change it.
    expect(await keysFor('李强')).toEqual(['待签收（旧）']);
    expect((await call(app, 'views.list', {}, '李强')).views.find((v) => v.key === b.key)).toMatchObject({ own: false, shared: true });
    await refusal(call(app, 'views.update', { id: b.id!, version: 1, name: '我的' }, '李强'), 'FORBIDDEN');
    await refusal(call(app, 'views.delete', { id: b.id! }, '李强'), 'FORBIDDEN');
    await refusal(call(app, 'views.delete', { id: a.id! }, '李强'), 'NOT_FOUND');
    // Names are unique per owner; versions guard edits.
    expect(await refusal(call(app, 'views.create', { name: '物业类', filter: {}, sort }, '王芳'), 'INVALID_INPUT')).toContain('物业类');
    await call(app, 'views.create', { name: '物业类', filter: {}, sort }, '李强');
    const renamed = await call(app, 'views.update', { id: a.id!, version: 1, name: '物业服务', shared: true }, '王芳');
    expect(renamed).toMatchObject({ name: '物业服务', version: 2, shared: true });
    await refusal(call(app, 'views.update', { id: a.id!, version: 1, name: '又改' }, '王芳'), 'STALE_VERSION');
    // Reorder: the listed views first.
    await call(app, 'views.reorder', { ids: [b.id!, a.id!] }, '王芳');
    expect(await keysFor('王芳')).toEqual(['待签收（旧）', '物业服务']); // 李强's 物业类 is not shared
    await refusal(call(app, 'views.reorder', { ids: [a.id!] }, '李强'), 'FORBIDDEN');
    expect(await call(app, 'views.delete', { id: a.id! }, '王芳')).toEqual({ deleted: true });
    expect(await keysFor('王芳')).toEqual(['待签收（旧）']);
    // Others' shared views follow the clerk's own.
    await call(app, 'views.create', { name: '李强共享', filter: {}, sort, shared: true }, '李强');
    expect(await keysFor('王芳')).toEqual(['待签收（旧）', '李强共享']);
  });

  it('column layouts are kept per view and per clerk', async () => {
    const layout: ColumnState = [{ colId: 'orderNo', width: 140, pinned: 'left', hide: false }, { colId: 'content', hide: true }];
    expect(await call(app, 'views.saveLayout', { key: 'pending', columnState: layout }, '王芳')).toEqual({ saved: true });
    const of = async (actor: string, key: string) => (await call(app, 'views.list', {}, actor)).views.find((v: SavedView) => v.key === key)!.columnState;
    expect(await of('王芳', 'pending')).toEqual(layout);
    expect(await of('李强', 'pending')).toBeNull();
    // A view's own column state is everyone's default; a clerk's saved layout wins for that clerk.
    const v = await call(app, 'views.create', { name: '带列设置', filter: {}, sort, columnState: [{ colId: 'status', width: 90 }], shared: true }, '王芳');
    expect(await of('李强', v.key)).toEqual([{ colId: 'status', width: 90 }]);
    await call(app, 'views.saveLayout', { key: v.key, columnState: [{ colId: 'status', width: 200 }] }, '李强');
    expect(await of('李强', v.key)).toEqual([{ colId: 'status', width: 200 }]);
    expect(await of('王芳', v.key)).toEqual([{ colId: 'status', width: 90 }]);
    await call(app, 'views.saveLayout', { key: v.key, columnState: null }, '李强');
    expect(await of('李强', v.key)).toEqual([{ colId: 'status', width: 90 }]);
    await refusal(call(app, 'views.saveLayout', { key: 'v99999', columnState: [] }, '李强'), 'NOT_FOUND');
  });

  it('a stored filter this version no longer understands is not run', async () => {
    const v = await call(app, 'views.create', { name: '旧版视图', filter: {}, sort }, '王芳');
    await app.handle.db.withTables<{ saved_views: { id: number; filter_json: string } }>().updateTable('saved_views').set({ filter_json: '{"colour":"red"}' }).where('id', '=', v.id!).execute();
    const listed = (await call(app, 'views.list', {}, '王芳')).views.find((x) => x.key === v.key)!;
    expect(listed.problem).toMatch(/重新编辑/);
    expect((await call(app, 'views.counts', {}, '王芳')).counts[v.key]).toBeNull();
  });
});
