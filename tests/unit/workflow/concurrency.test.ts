/** Two clerks, one order, one version: nobody loses an edit, and the loser is told what the winner did. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { createTestApp } from '../../support/app.js';
import { call, createWorld, orderIn, refusal, snapshot, version, type World } from './support.js';

let app: AppRuntime;
let w: World;
beforeEach(async () => {
  app = await createTestApp();
  w = await createWorld(app);
});
afterEach(async () => {
  await app?.close();
});

describe('stale versions', () => {
  it('the second clerk with the same version gets STALE_VERSION naming the first clerk’s change, and nothing of theirs is applied', async () => {
    const id = await orderIn(app, 'in_progress');
    const v = await version(app, id);
    await call(app, 'workflow.assign', { orderId: id, version: v, lead: { unitId: w.chengguan }, assists: [] }, '王芳');
    const before = snapshot(app);
    const message = await refusal(
      call(app, 'workflow.reply', { orderId: id, version: v, result: 'resolved', text: '已处理完毕。' }, '李娜'),
      'STALE_VERSION',
    );
    expect(message).toContain('王芳');
    expect(message).toContain('主办 城管科');
    expect(message).toContain(`第 ${v} 版`);
    expect(message).toContain('刷新');
    expect(snapshot(app)).toEqual(before);
    const order = await call(app, 'orders.get', { id });
    expect(order.status).toBe('in_progress');
    expect(order.lead?.name).toBe('城管科');
  });

  it('two commands sent at the same moment: exactly one wins', async () => {
    const id = await orderIn(app, 'received');
    const v = await version(app, id);
    const results = await Promise.allSettled([
      call(app, 'workflow.accept', { orderId: id, version: v }, '王芳'),
      call(app, 'workflow.raiseObjection', { orderId: id, version: v, reason: '不属本辖区' }, '李娜'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'STALE_VERSION' });
    expect(String((lost.reason as Error).message)).toMatch(/王芳.*签收工单|李娜.*提出派单异议/);
    const events = await app.handle.db.selectFrom('events').select(['kind', 'order_version']).where('order_id', '=', id).execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.order_version).toBe(v + 1);
  });

  it('lists every change since the clerk’s version, oldest first', async () => {
    const id = await orderIn(app, 'received');
    const v = await version(app, id);
    await call(app, 'workflow.accept', { orderId: id, version: v }, '王芳');
    await call(app, 'workflow.setSupervised', { orderId: id, version: v + 1, on: true, note: '主任督办' }, '张伟');
    const message = await refusal(call(app, 'workflow.setTag', { orderId: id, version: v, tag: 'monthly-topic', on: true }, '李娜'), 'STALE_VERSION');
    expect(message.indexOf('王芳')).toBeGreaterThan(-1);
    expect(message.indexOf('王芳')).toBeLessThan(message.indexOf('张伟'));
    expect(message).toContain('设为督办件');
  });

  it('a version from the future is stale too, and a missing order is NOT_FOUND', async () => {
    const id = await orderIn(app, 'received');
    await refusal(call(app, 'workflow.accept', { orderId: id, version: 99 }), 'STALE_VERSION');
    const message = await refusal(call(app, 'workflow.accept', { orderId: 987_654, version: 1 }), 'NOT_FOUND');
    expect(message).toContain('987654');
  });
});
