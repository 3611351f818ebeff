/**
 * Every status × every command, through the dispatcher: a legal move applies (new status, version + 1,
 * an event by the acting clerk at that version) and the detail offered it; an illegal one is refused
 * with ILLEGAL_TRANSITION naming the status and the action, changes no row anywhere, and was not offered.
 * The expected table is written out here from DESIGN §2, independently of transitions.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_STATUS, WORKFLOW_ACTION, type MethodName, type OrderStatus, type WorkflowAction } from '../../../preload/api.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { createTestApp, insertOrders, TEST_NOW } from '../../support/app.js';
import { call, createWorld, H, orderIn, refusal, snapshot, version, type World } from './support.js';

const ALL: OrderStatus[] = ['received', 'in_progress', 'objecting', 'returned', 'replied', 'callback_done'];
const OPEN: OrderStatus[] = ['received', 'in_progress', 'objecting', 'replied'];

/** From which statuses each command is legal, and where it leads (undefined: status unchanged). */
const EXPECTED: Record<WorkflowAction, { from: OrderStatus[]; to?: OrderStatus }> = {
  accept: { from: ['received'], to: 'in_progress' },
  assign: { from: ['in_progress'] },
  contact: { from: ['in_progress', 'objecting'] },
  reply: { from: ['in_progress'], to: 'replied' },
  recordCallback: { from: ['replied'], to: 'callback_done' },
  reopen: { from: ['callback_done'], to: 'in_progress' },
  raiseObjection: { from: ['received', 'in_progress'], to: 'objecting' },
  decideObjection: { from: ['objecting'], to: 'in_progress' }, // the args below reject the objection
  requestExtension: { from: ['in_progress'] },
  decideExtension: { from: ['in_progress'] },
  setDifficult: { from: OPEN },
  setUnreasonable: { from: [...OPEN, 'callback_done'] },
  setSupervised: { from: OPEN },
  setTag: { from: ALL },
  linkDuplicate: { from: ['received', 'in_progress'] },
  unlinkDuplicate: { from: OPEN },
  copyReplyToDuplicates: { from: ['replied', 'callback_done'] },
};

let app: AppRuntime;
let w: World;

/** Puts in place what the command needs besides the status; returns its arguments. */
async function prepare(action: WorkflowAction, orderId: number): Promise<Record<string, unknown>> {
  const db = app.handle.db;
  switch (action) {
    case 'accept':
    case 'reopen':
    case 'unlinkDuplicate':
    case 'copyReplyToDuplicates':
      if (action === 'unlinkDuplicate') {
        const master = await orderIn(app, 'in_progress');
        await db.updateTable('orders').set({ duplicate_of: master }).where('id', '=', orderId).execute();
      }
      if (action === 'copyReplyToDuplicates') {
        const [dup] = (await insertOrders(app, [{ status: 'in_progress' }])) as [number];
        await db.updateTable('orders').set({ duplicate_of: orderId }).where('id', '=', dup).execute();
        await db.updateTable('orders').set({ reply_text: '已处理。', reply_result: 'resolved' }).where('id', '=', orderId).execute();
      }
      return action === 'reopen' ? { reason: '诉求人仍不满意' } : {};
    case 'assign':
      return { lead: { unitId: w.chengguan, handlerStaffId: w.staffChengguan }, assists: [{ unitId: w.liuyingmen }] };
    case 'contact':
      return { method: 'phone', at: TEST_NOW - 600_000, summary: '电话联系诉求人，说明处理安排' };
    case 'reply':
      return { result: 'resolved', text: '已协调城管执法队清理占道摊点，诉求人认可。' };
    case 'recordCallback':
      return { at: TEST_NOW - H, valid: true, contacted: true, resolution: 'resolved', satisfaction: 'satisfied' };
    case 'raiseObjection':
      return { reason: '经核实，点位不在本街道辖区', evidence: '附辖区边界图' };
    case 'decideObjection':
      return { outcome: 'rejected', note: '属本街道管辖' };
    case 'requestExtension':
      return { reason: '需协调产权单位', extendBy: { amount: 5, unit: 'workingDays' } };
    case 'decideExtension':
      await db
        .insertInto('extension_requests')
        .values({ order_id: orderId, requested_at: TEST_NOW - H, reason: '需协调', requested_due_at: TEST_NOW + 400 * H, status: 'pending', decided_at: null, decision_note: null })
        .execute();
      return { approved: true, note: '同意延期' };
    case 'setDifficult':
      return { on: true, reason: '产权不清，短期无法解决', escalateTo: '区住建委' };
    case 'setUnreasonable':
      return { on: true, reason: '诉求超出政策规定范围' };
    case 'setSupervised':
      return { on: true, note: '街道主任督办' };
    case 'setTag':
      return { tag: 'monthly-topic', on: true };
    case 'linkDuplicate':
      return { masterId: await orderIn(app, 'in_progress') };
  }
}

beforeAll(async () => {
  app = await createTestApp();
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.close();
});

describe.each(ALL)('an order in status %s', (status) => {
  it.each(WORKFLOW_ACTION.codes)('%s', async (action) => {
    const orderId = await orderIn(app, status, { category: '城市管理/市容环境/占道经营' });
    const args = await prepare(action, orderId);
    const v = await version(app, orderId);
    const offered = (await call(app, 'orders.get', { id: orderId })).allowedActions.includes(action);
    const method = `workflow.${action}` as MethodName;
    const send = () => call(app, method, { ...args, orderId, version: v } as never, '李娜');
    const rule = EXPECTED[action];

    if (rule.from.includes(status)) {
      expect(offered).toBe(true);
      const res = (await send()) as { order: { status: OrderStatus; version: number; timeline: Array<{ actor: string; orderVersion: number | null }> } };
      expect(res.order.status).toBe(rule.to ?? status);
      expect(res.order.version).toBe(v + 1);
      expect(res.order.timeline[0]).toMatchObject({ actor: '李娜', orderVersion: v + 1 });
    } else {
      expect(offered).toBe(false);
      const before = snapshot(app);
      const message = await refusal(send(), 'ILLEGAL_TRANSITION');
      expect(message).toContain(`「${ORDER_STATUS.label[status]}」`);
      expect(message).toContain(WORKFLOW_ACTION.label[action]);
      expect(snapshot(app)).toEqual(before);
    }
  });
});
