/**
 * Bulk actions as a clerk meets them: a preview that lists what will change and what is refused (and
 * writes nothing), then one transaction that changes every allowed order with its own timeline entry,
 * refuses the rest with a reason, and tells open windows once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushName } from '../../../preload/api.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { createTestApp } from '../../support/app.js';
import { call, createWorld, orderIn, refusal, snapshot, version, type World } from '../workflow/support.js';

describe('bulk actions', () => {
  let app: AppRuntime;
  let w: World;
  const pushes: Array<{ name: PushName; payload: unknown }> = [];
  const eventsOf = (orderId: number) => app.handle.db.selectFrom('events').selectAll().where('order_id', '=', orderId).execute();

  beforeAll(async () => {
    app = await createTestApp();
    w = await createWorld(app);
    app.push.subscribe((name, payload) => pushes.push({ name, payload }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('accept: the preview writes nothing; the apply accepts the allowed orders, each with its event, and refuses the others', async () => {
    const received = [await orderIn(app, 'received'), await orderIn(app, 'received'), await orderIn(app, 'received')];
    const busy = await orderIn(app, 'in_progress');
    const before = snapshot(app);
    const preview = await call(app, 'bulk.preview', { action: { kind: 'accept' }, selection: { kind: 'ids', ids: [...received, busy, 987_654] } });
    expect(snapshot(app)).toEqual(before);
    expect(preview.matched).toBe(5);
    expect(preview.changes.map((c) => c.orderId)).toEqual(received);
    expect(preview.changes.every((c) => c.text.startsWith('签收工单'))).toBe(true);
    expect(preview.refused).toEqual([
      expect.objectContaining({ orderId: busy, text: expect.stringContaining('不能签收') }),
      expect.objectContaining({ orderId: 987_654, orderNo: '', version: null, text: expect.stringContaining('不存在') }),
    ]);

    pushes.length = 0;
    const result = await call(app, 'bulk.apply', { action: { kind: 'accept' }, orders: preview.changes.map((c) => ({ orderId: c.orderId, version: c.version! })) }, '赵敏');
    expect(result.changes.map((c) => c.orderId)).toEqual(received);
    for (const id of received) {
      const row = await app.handle.db.selectFrom('orders').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.status).toBe('in_progress');
      expect(result.changes.find((c) => c.orderId === id)!.version).toBe(row.version);
      const events = await eventsOf(id);
      expect(events.filter((e) => e.kind === 'accepted')).toEqual([expect.objectContaining({ actor: '赵敏', order_version: row.version })]);
    }
    // Told once, for all of them.
    expect(pushes.filter((p) => p.name === 'orders.changed')).toEqual([{ name: 'orders.changed', payload: { reason: 'bulk.accept', count: 3 } }]);
  });

  it('an order changed since the preview is refused, not overwritten; the others are applied', async () => {
    const a = await orderIn(app, 'in_progress');
    const b = await orderIn(app, 'in_progress');
    const preview = await call(app, 'bulk.preview', { action: { kind: 'setSupervised', on: true, note: '区里督办' }, selection: { kind: 'ids', ids: [a, b] } });
    expect(preview.changes).toHaveLength(2);
    // Another clerk flags b in between.
    await call(app, 'workflow.setDifficult', { orderId: b, version: await version(app, b), on: true, reason: '涉及多个部门', escalateTo: '区城管委' }, '钱丽');
    const result = await call(app, 'bulk.apply', { action: { kind: 'setSupervised', on: true, note: '区里督办' }, orders: preview.changes.map((c) => ({ orderId: c.orderId, version: c.version! })) });
    expect(result.changes.map((c) => c.orderId)).toEqual([a]);
    expect(result.refused).toEqual([expect.objectContaining({ orderId: b, text: expect.stringContaining('已被修改') })]);
    expect((await app.handle.db.selectFrom('orders').select('supervised').where('id', '=', b).executeTakeFirstOrThrow()).supervised).toBe(0);
  });

  it('flags and tags: orders already as asked are listed as unchanged and get no event', async () => {
    const a = await orderIn(app, 'in_progress');
    const b = await orderIn(app, 'callback_done');
    await call(app, 'workflow.setTag', { orderId: b, version: await version(app, b), tag: 'monthly-topic', on: true });
    const eventsBefore = (await eventsOf(b)).length;
    const preview = await call(app, 'bulk.preview', { action: { kind: 'setTag', tag: 'monthly-topic', on: true }, selection: { kind: 'ids', ids: [a, b] } });
    expect(preview.changes.map((c) => c.orderId)).toEqual([a]);
    expect(preview.unchanged).toEqual([expect.objectContaining({ orderId: b, text: '已有标签「每月一题」' })]);
    const result = await call(app, 'bulk.apply', { action: { kind: 'setTag', tag: 'monthly-topic', on: true }, orders: [...preview.changes, ...preview.unchanged].map((c) => ({ orderId: c.orderId, version: c.version! })) });
    expect(result.changes.map((c) => c.orderId)).toEqual([a]);
    expect(result.unchanged.map((c) => c.orderId)).toEqual([b]);
    expect((await eventsOf(b)).length).toBe(eventsBefore);
  });

  it('assign: a new lead keeps each order’s assists; a community outside its duty list needs a reason', async () => {
    const a = await orderIn(app, 'in_progress', { category: '城市管理/市容环境/占道经营' });
    const b = await orderIn(app, 'in_progress', { category: '住房管理/物业管理/物业服务' });
    await call(app, 'workflow.assign', { orderId: a, version: await version(app, a), lead: { unitId: w.fangguan }, assists: [{ unitId: w.donggaodi }] });
    const action = { kind: 'assign' as const, lead: { unitId: w.liuyingmen, handlerStaffId: w.staffLiuyingmen } };
    const preview = await call(app, 'bulk.preview', { action, selection: { kind: 'ids', ids: [a, b] } });
    expect(preview.changes.map((c) => c.orderId)).toEqual([a]);
    expect(preview.refused).toEqual([expect.objectContaining({ orderId: b, text: expect.stringContaining('职责清单') })]);
    await call(app, 'bulk.apply', { action, orders: preview.changes.map((c) => ({ orderId: c.orderId, version: c.version! })) });
    const units = await app.handle.db.selectFrom('order_units').select(['unit_id', 'role', 'handler_staff_id']).where('order_id', '=', a).orderBy('role').execute();
    expect(units).toEqual([
      { unit_id: w.donggaodi, role: 'assist', handler_staff_id: null },
      { unit_id: w.liuyingmen, role: 'lead', handler_staff_id: w.staffLiuyingmen },
    ]);
    // With a written reason, leading outside the duty list is allowed (Art. 17).
    const withReason = await call(app, 'bulk.preview', { action: { ...action, overrideReason: '该小区物业已撤场，由社区兜底' }, selection: { kind: 'ids', ids: [b] } });
    expect(withReason.changes.map((c) => c.orderId)).toEqual([b]);
    // Adding an assist only: orders without a lead are refused.
    const noLead = await orderIn(app, 'in_progress');
    const addOnly = await call(app, 'bulk.preview', { action: { kind: 'assign', assists: [{ unitId: w.chengguan }] }, selection: { kind: 'ids', ids: [a, noLead] } });
    expect(addOnly.changes.map((c) => c.orderId)).toEqual([a]);
    expect(addOnly.refused).toEqual([expect.objectContaining({ orderId: noLead, text: expect.stringContaining('尚未指定主办单位') })]);
  });

  it('"all N orders matching this filter": the filter is resolved in the database, not from loaded rows', async () => {
    const mine = [await orderIn(app, 'received', { category: '交通管理/停车管理/违章停车' }), await orderIn(app, 'received', { category: '交通管理/停车管理/违章停车' })];
    await orderIn(app, 'in_progress', { category: '交通管理/停车管理/违章停车' });
    const filter = { statuses: ['received' as const], categories: ['交通管理'] };
    const preview = await call(app, 'bulk.preview', { action: { kind: 'accept' }, selection: { kind: 'filter', filter } });
    expect(preview.matched).toBe(2);
    expect(preview.changes.map((c) => c.orderId).sort()).toEqual([...mine].sort());
    expect(await call(app, 'orders.count', { filter })).toEqual({ count: 2 });
    await call(app, 'bulk.apply', { action: { kind: 'accept' }, orders: preview.changes.map((c) => ({ orderId: c.orderId, version: c.version! })) });
    expect(await call(app, 'orders.count', { filter })).toEqual({ count: 0 });
  });

  it('refuses a selection larger than one bulk action may take, in Chinese', async () => {
    await orderIn(app, 'received');
    const msg = await refusal(app.services.grid.matchingIds({}, { column: 'receivedAt', direction: 'desc' }, 3), 'INVALID_INPUT');
    expect(msg).toMatch(/最多 3 件/);
  });
});
