/** An order's whole life as a clerk walks it: 待签收 → 签收 → 办理中 → 办结 → 已回访 → 二次办理 → 已回访. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { createTestApp, TEST_NOW } from '../../support/app.js';
import { act, call, createWorld, H, orderIn, refusal, type World } from './support.js';

let app: AppRuntime;
let w: World;
let clock: number;
let pushes: Array<{ reason: string; count: number }>;

beforeEach(async () => {
  clock = TEST_NOW;
  app = await createTestApp({ now: () => clock });
  w = await createWorld(app);
  pushes = [];
  app.push.subscribe((name, payload) => {
    if (name === 'orders.changed') pushes.push(payload as { reason: string; count: number });
  });
});
afterEach(async () => {
  await app?.close();
});

describe('the order’s life', () => {
  it('walks from received to callback_done and through a reopen, every step in the timeline', async () => {
    const id = await orderIn(app, 'received', { category: '城市管理/市容环境/占道经营' });
    let o = (await act(app, 'workflow.accept', id, {}, '王芳')).order;
    expect(o).toMatchObject({ status: 'in_progress', acceptedAt: TEST_NOW });

    clock += 10 * 60_000;
    o = (await act(app, 'workflow.assign', id, { lead: { unitId: w.liuyingmen, handlerStaffId: w.staffLiuyingmen }, assists: [{ unitId: w.chengguan }] })).order;
    expect(o.lead).toMatchObject({ name: '六营门社区', handlerName: '钱丽', assignedBy: '王芳', overrideReason: null });
    expect(o.assists.map((a) => a.name)).toEqual(['城管科']);
    expect(o.leadUnit).toBe('六营门社区');

    clock += H;
    o = (await act(app, 'workflow.contact', id, { method: 'phone', at: clock - 5 * 60_000, summary: '电话联系，约定明早现场查看' })).order;
    expect(o.firstContactAt).toBe(clock - 5 * 60_000);
    expect(o.firstContactBand).toBe('met');

    clock += 5 * H;
    o = (await act(app, 'workflow.reply', id, { result: 'resolved', text: '已联合城管执法队清理占道摊点。' })).order;
    expect(o).toMatchObject({ status: 'replied', repliedAt: clock, replyResult: 'resolved', handleBand: 'met' });

    clock += 24 * H;
    const cb = await act(app, 'workflow.recordCallback', id, { at: clock - H, valid: true, contacted: true, resolution: 'unresolved', satisfaction: 'unsatisfied', note: '摊点又回来了' });
    expect(cb.reopenOffered).toBe(true);
    expect(cb.order).toMatchObject({ status: 'callback_done', firstTimeResolved: false, closedAt: clock - H });
    expect(cb.order.allowedActions).toContain('reopen');

    clock += H;
    o = (await act(app, 'workflow.reopen', id, { reason: '回访未解决' })).order;
    expect(o).toMatchObject({ status: 'in_progress', reopenCount: 1, firstTimeResolved: false, closedAt: null });

    clock += 24 * H;
    await act(app, 'workflow.reply', id, { result: 'resolved', text: '二次办理：设置隔离桩，摊点已清除。' });
    const cb2 = await act(app, 'workflow.recordCallback', id, { at: clock, valid: true, contacted: true, resolution: 'resolved', satisfaction: 'satisfied' });
    expect(cb2.reopenOffered).toBe(false);
    // Reopened once: never 首办 again, even when the second callback is satisfied.
    expect(cb2.order).toMatchObject({ status: 'callback_done', firstTimeResolved: false });
    expect(cb2.order.allowedActions).not.toContain('reopen');

    const timeline = await call(app, 'orders.timeline', { id });
    expect(timeline.map((e) => e.kind)).toEqual([
      'callback_recorded',
      'replied',
      'reopened',
      'callback_recorded',
      'replied',
      'contacted',
      'assigned',
      'accepted',
    ]);
    expect(timeline.every((e) => e.actor === '王芳')).toBe(true);
    expect(timeline.map((e) => e.orderVersion)).toEqual([9, 8, 7, 6, 5, 4, 3, 2]);
    expect(timeline.at(-1)).toMatchObject({ before: { status: 'received' }, after: { status: 'in_progress' } });
    expect(cb2.order.timeline).toEqual(timeline);
    expect(cb2.order.callbacks.map((c) => c.satisfaction)).toEqual(['unsatisfied', 'satisfied']);
    // Each committed command told the grid and the windows once.
    expect(pushes).toHaveLength(8);
    expect(pushes[0]).toEqual({ reason: 'workflow.accept', count: 1 });
  });

  it('a satisfied callback offers no 二次办理 and refuses reopen', async () => {
    const id = await orderIn(app, 'replied');
    const cb = await act(app, 'workflow.recordCallback', id, { at: TEST_NOW, valid: true, contacted: true, resolution: 'resolved', satisfaction: 'satisfied' });
    expect(cb.reopenOffered).toBe(false);
    expect(cb.order.firstTimeResolved).toBe(true);
    const message = await refusal(act(app, 'workflow.reopen', id, {}), 'ILLEGAL_TRANSITION');
    expect(message).toContain('已回访');
    expect(message).toContain('二次办理');
  });

  it('an invalid callback (not reached) does not offer 二次办理 even if unresolved', async () => {
    const id = await orderIn(app, 'replied');
    const cb = await act(app, 'workflow.recordCallback', id, { at: TEST_NOW, valid: false, contacted: false, resolution: 'unresolved', satisfaction: 'none' });
    expect(cb.reopenOffered).toBe(false);
  });

  it('the first contact stamps firstContactAt once; a later one leaves it, an earlier one logged late moves it back', async () => {
    const id = await orderIn(app, 'in_progress', { receivedAt: TEST_NOW - 20 * H });
    const first = TEST_NOW - 3 * H;
    await act(app, 'workflow.contact', id, { method: 'visit', at: first, summary: '上门查看现场' });
    let o = (await act(app, 'workflow.contact', id, { method: 'sms', at: TEST_NOW - H, summary: '短信告知进度' })).order;
    expect(o.firstContactAt).toBe(first);
    expect(o.contacts.map((c) => c.method)).toEqual(['visit', 'sms']);
    expect(o.timeline[0]!.summary).toMatch(/^联系诉求人（短信/);
    expect(o.timeline[1]!.summary).toMatch(/^首次联系诉求人（上门/);
    o = (await act(app, 'workflow.contact', id, { method: 'phone', at: first - H, summary: '补录：当天先打过电话' })).order;
    expect(o.firstContactAt).toBe(first - H);
  });

  it('refuses contact and callback times in the future or before the order existed, changing nothing', async () => {
    const id = await orderIn(app, 'in_progress');
    expect(await refusal(act(app, 'workflow.contact', id, { method: 'phone', at: TEST_NOW + 2 * H, summary: '电话' }), 'INVALID_INPUT')).toContain('晚于现在');
    expect(await refusal(act(app, 'workflow.contact', id, { method: 'phone', at: TEST_NOW - 1000 * H, summary: '电话' }), 'INVALID_INPUT')).toContain('早于派单时间');
    const replied = await orderIn(app, 'replied');
    expect(
      await refusal(act(app, 'workflow.recordCallback', replied, { at: TEST_NOW - 50 * H, valid: true, contacted: true, resolution: 'resolved', satisfaction: 'satisfied' }), 'INVALID_INPUT'),
    ).toContain('早于办结时间');
    const rows = await app.handle.db.selectFrom('events').select('id').execute();
    expect(rows).toHaveLength(0);
  });

  it('the contract refuses empty reasons and unknown codes before the service runs', async () => {
    const id = await orderIn(app, 'in_progress');
    expect(await refusal(act(app, 'workflow.reply', id, { result: 'resolved', text: '   ' }), 'INVALID_INPUT')).toContain('请填写答复内容');
    await refusal(act(app, 'workflow.reply', id, { result: 'done' as never, text: '好了' }), 'INVALID_INPUT');
    expect(await refusal(act(app, 'workflow.setDifficult', id, { on: true, reason: '产权不清' }), 'INVALID_INPUT')).toContain('上报对象');
  });
});

describe('flags and tags', () => {
  it('sets and clears 疑难, 不合理诉求, 督办 and 每月一题, each in the timeline; repeating a setting writes nothing', async () => {
    const id = await orderIn(app, 'in_progress');
    let o = (await act(app, 'workflow.setDifficult', id, { on: true, reason: '涉及产权不清，短期无法解决', escalateTo: '区住建委' })).order;
    expect(o.flags).toMatchObject({ difficult: true, difficultReason: '涉及产权不清，短期无法解决', difficultTarget: '区住建委' });
    o = (await act(app, 'workflow.setUnreasonable', id, { on: true, reason: '要求超出政策规定', approved: true })).order;
    expect(o.flags).toMatchObject({ unreasonable: true, unreasonableApproved: true, unreasonableReason: '要求超出政策规定' });
    o = (await act(app, 'workflow.setSupervised', id, { on: true, note: '街道主任督办' })).order;
    expect(o.flags).toMatchObject({ supervised: true, supervisedNote: '街道主任督办' });
    o = (await act(app, 'workflow.setTag', id, { tag: 'monthly-topic', on: true })).order;
    expect(o.tags).toEqual(['monthly-topic']);
    const v = o.version;
    o = (await act(app, 'workflow.setTag', id, { tag: 'monthly-topic', on: true })).order;
    expect(o.version).toBe(v);
    o = (await act(app, 'workflow.setDifficult', id, { on: false })).order;
    expect(o.flags).toMatchObject({ difficult: false, difficultReason: null, difficultTarget: null });
    o = (await act(app, 'workflow.setTag', id, { tag: 'monthly-topic', on: false })).order;
    expect(o.tags).toEqual([]);
    expect(o.timeline.map((e) => e.kind)).toEqual(['tag_removed', 'difficult_cleared', 'tag_added', 'supervised_set', 'unreasonable_set', 'difficult_set']);
    expect(o.timeline.at(-1)!.summary).toContain('上报区住建委');
  });
});
