/**
 * The contract suite's cases for the workflow methods (spread into tests/unit/contract/suite.ts): each
 * happy path works on orders of its own, inserted for it, so the fixture's orders stay as the other
 * cases expect them.
 */
import { expect } from 'vitest';
import type { workflowMethods } from '../../../preload/contract/methods/workflow.js';
import type { ApiClient } from '../../../preload/contract/client.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { OrderStatus } from '../../../preload/contract/enums.js';
import type { AppRuntime } from '../../../main/runtime.js';
import type { Fixture } from '../contract/fixture.js';
import { TEST_NOW } from '../../support/app.js';
import { orderIn } from './support.js';

export type WorkflowMethodName = keyof typeof workflowMethods;
interface Case {
  happy: () => Promise<void>;
  invalid: unknown[];
}
export interface SuiteEnv {
  client: ApiClient;
  app: AppRuntime;
  fx: Fixture;
}

export function workflowContractCases(env: () => SuiteEnv): Record<WorkflowMethodName, Case> {
  const c = () => env().client;
  /** A fresh order in `status` and the version to send with it. */
  const fresh = async (status: OrderStatus) => {
    const id = await orderIn(env().app, status, { category: '城市管理/市容环境/占道经营' });
    return { orderId: id, version: (await c().send('orders.get', { id })).version };
  };
  const dept = () => env().fx.departmentIds[0]!;
  /** Shapes every command refuses: no version, a zero version, unknown keys. */
  const badTarget = [{ orderId: 1 }, { orderId: 1, version: 0 }, { orderId: 0, version: 1 }, { orderId: 1, version: 1, sneaky: true }];

  return {
    'workflow.accept': {
      async happy() {
        const t = await fresh('received');
        const { order } = await c().send('workflow.accept', t);
        expect(order).toMatchObject({ id: t.orderId, status: 'in_progress', version: t.version + 1 });
        expect(order.timeline[0]).toMatchObject({ kind: 'accepted', actor: expect.stringMatching(/./) });
        // Accepting again is refused by the state machine, in Chinese.
        const e = await c().send('workflow.accept', { orderId: t.orderId, version: order.version }).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('ILLEGAL_TRANSITION');
      },
      invalid: badTarget,
    },
    'workflow.assignOptions': {
      async happy() {
        const t = await fresh('in_progress');
        const opts = await c().send('workflow.assignOptions', { orderId: t.orderId });
        expect(opts.units.find((u) => u.id === dept())).toMatchObject({ kind: 'department', inDuty: true });
      },
      invalid: [{}, { orderId: 'x' }, { orderId: 1, version: 1 }],
    },
    'workflow.assign': {
      async happy() {
        const t = await fresh('in_progress');
        const { order } = await c().send('workflow.assign', { ...t, lead: { unitId: dept() }, assists: [] });
        expect(order.lead?.unitId).toBe(dept());
      },
      invalid: [...badTarget, { orderId: 1, version: 1 }, { orderId: 1, version: 1, lead: { unitId: 1, role: 'lead' } }, { orderId: 1, version: 1, lead: { unitId: 1 }, assists: [{}] }],
    },
    'workflow.contact': {
      async happy() {
        const t = await fresh('in_progress');
        const { order } = await c().send('workflow.contact', { ...t, method: 'visit', at: TEST_NOW, summary: '上门了解情况' });
        expect(order.firstContactAt).toBe(TEST_NOW);
      },
      invalid: [...badTarget, { orderId: 1, version: 1, method: 'email', at: 1, summary: 'x' }, { orderId: 1, version: 1, method: 'phone', at: -1, summary: 'x' }, { orderId: 1, version: 1, method: 'phone', at: 1, summary: '' }],
    },
    'workflow.reply': {
      async happy() {
        const t = await fresh('in_progress');
        const { order } = await c().send('workflow.reply', { ...t, result: 'untrue', text: '经核实，反映情况不属实。' });
        expect(order).toMatchObject({ status: 'replied', replyResult: 'untrue' });
      },
      invalid: [...badTarget, { orderId: 1, version: 1, result: '已解决', text: 'x' }, { orderId: 1, version: 1, result: 'resolved' }, { orderId: 1, version: 1, result: 'resolved', text: 'x'.repeat(5001) }],
    },
    'workflow.recordCallback': {
      async happy() {
        const t = await fresh('replied');
        const res = await c().send('workflow.recordCallback', { ...t, at: TEST_NOW, valid: true, contacted: true, resolution: 'partial', satisfaction: 'unsatisfied' });
        expect(res).toMatchObject({ reopenOffered: true, order: { status: 'callback_done' } });
      },
      invalid: [...badTarget, { orderId: 1, version: 1, at: 1, valid: 1, contacted: true, resolution: 'resolved', satisfaction: 'satisfied' }, { orderId: 1, version: 1, at: 1, valid: true, contacted: true, resolution: 'resolved', satisfaction: 'happy' }],
    },
    'workflow.reopen': {
      async happy() {
        const t = await fresh('callback_done');
        const { order } = await c().send('workflow.reopen', { ...t, reason: '回访不满意' });
        expect(order).toMatchObject({ status: 'in_progress', reopenCount: 1 });
      },
      invalid: [...badTarget, { orderId: 1, version: 1, reason: 42 }],
    },
    'workflow.raiseObjection': {
      async happy() {
        const t = await fresh('received');
        const { order } = await c().send('workflow.raiseObjection', { ...t, reason: '点位不在本街道辖区' });
        expect(order.status).toBe('objecting');
      },
      invalid: [...badTarget, { orderId: 1, version: 1 }, { orderId: 1, version: 1, reason: '  ' }],
    },
    'workflow.decideObjection': {
      async happy() {
        const t = await fresh('objecting');
        const { order } = await c().send('workflow.decideObjection', { ...t, outcome: 'upheld', note: '同意退回' });
        expect(order.status).toBe('returned');
      },
      invalid: [...badTarget, { orderId: 1, version: 1, outcome: 'maybe' }, { orderId: 1, version: 1 }],
    },
    'workflow.requestExtension': {
      async happy() {
        const t = await fresh('in_progress');
        const { order } = await c().send('workflow.requestExtension', { ...t, reason: '需协调产权单位', extendBy: { amount: 3, unit: 'workingDays' } });
        expect(order.extensions[0]).toMatchObject({ status: 'pending' });
      },
      invalid: [
        ...badTarget,
        { orderId: 1, version: 1, reason: '需协调' },
        { orderId: 1, version: 1, reason: '需协调', requestedDueAt: 5, extendBy: { amount: 1, unit: 'hours' } },
        { orderId: 1, version: 1, reason: '需协调', extendBy: { amount: 1, unit: 'weeks' } },
      ],
    },
    'workflow.decideExtension': {
      async happy() {
        const t = await fresh('in_progress');
        const asked = await c().send('workflow.requestExtension', { ...t, reason: '需协调', extendBy: { amount: 2, unit: 'calendarDays' } });
        const { order } = await c().send('workflow.decideExtension', { orderId: t.orderId, version: asked.order.version, approved: true });
        expect(order).toMatchObject({ dueSource: 'extension', handleDueAt: asked.order.extensions[0]!.requestedDueAt });
      },
      invalid: [...badTarget, { orderId: 1, version: 1, approved: 'yes' }, { orderId: 1, version: 1 }],
    },
    'workflow.setDifficult': {
      async happy() {
        const t = await fresh('in_progress');
        const { order } = await c().send('workflow.setDifficult', { ...t, on: true, reason: '产权不清', escalateTo: '区住建委' });
        expect(order.flags).toMatchObject({ difficult: true, difficultTarget: '区住建委' });
      },
      invalid: [...badTarget, { orderId: 1, version: 1, on: true, reason: '产权不清' }, { orderId: 1, version: 1 }],
    },
    'workflow.setUnreasonable': {
      async happy() {
        const t = await fresh('callback_done');
        const { order } = await c().send('workflow.setUnreasonable', { ...t, on: true, reason: '超出政策范围', approved: true });
        expect(order.flags).toMatchObject({ unreasonable: true, unreasonableApproved: true });
      },
      invalid: [...badTarget, { orderId: 1, version: 1, on: true }],
    },
    'workflow.setSupervised': {
      async happy() {
        const t = await fresh('replied');
        const { order } = await c().send('workflow.setSupervised', { ...t, on: true });
        expect(order.flags.supervised).toBe(true);
      },
      invalid: [...badTarget, { orderId: 1, version: 1, on: 'true' }],
    },
    'workflow.setTag': {
      async happy() {
        const t = await fresh('returned');
        const { order } = await c().send('workflow.setTag', { ...t, tag: 'monthly-topic', on: true });
        expect(order.tags).toEqual(['monthly-topic']);
      },
      invalid: [...badTarget, { orderId: 1, version: 1, tag: 'vip', on: true }],
    },
    'workflow.linkDuplicate': {
      async happy() {
        const master = await fresh('in_progress');
        const t = await fresh('received');
        const { order } = await c().send('workflow.linkDuplicate', { ...t, masterId: master.orderId });
        expect(order.duplicateOf?.id).toBe(master.orderId);
      },
      invalid: [...badTarget, { orderId: 1, version: 1 }, { orderId: 1, version: 1, masterId: 2, masterOrderNo: 'A1' }],
    },
    'workflow.unlinkDuplicate': {
      async happy() {
        const master = await fresh('in_progress');
        const t = await fresh('in_progress');
        const linked = await c().send('workflow.linkDuplicate', { ...t, masterId: master.orderId });
        const { order } = await c().send('workflow.unlinkDuplicate', { orderId: t.orderId, version: linked.order.version });
        expect(order.duplicateOf).toBeNull();
      },
      invalid: badTarget,
    },
    'workflow.copyReplyToDuplicates': {
      async happy() {
        const master = await fresh('replied');
        const dup = await fresh('in_progress');
        await c().send('workflow.linkDuplicate', { ...dup, masterId: master.orderId });
        const version = (await c().send('orders.get', { id: master.orderId })).version;
        const res = await c().send('workflow.copyReplyToDuplicates', { orderId: master.orderId, version });
        expect(res.copied.map((o) => o.id)).toEqual([dup.orderId]);
        expect(res.skipped).toEqual([]);
      },
      invalid: badTarget,
    },
    'orders.timeline': {
      async happy() {
        const t = await fresh('received');
        await c().send('workflow.accept', t);
        const events = await c().send('orders.timeline', { id: t.orderId });
        expect(events).toEqual([expect.objectContaining({ kind: 'accepted', actor: expect.stringMatching(/./), before: expect.objectContaining({ status: 'received' }) })]);
      },
      invalid: [{}, { id: 0 }, { id: 1, extra: 1 }],
    },
  };
}
