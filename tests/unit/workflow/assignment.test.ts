/** 派单 and the Art. 17 duty-list guard. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { withinDuties } from '../../../main/services/workflow/index.js';
import { createTestApp, TEST_NOW } from '../../support/app.js';
import { act, call, createWorld, orderIn, refusal, snapshot, type World } from './support.js';

let app: AppRuntime;
let w: World;
let clock: number;
beforeEach(async () => {
  clock = TEST_NOW;
  app = await createTestApp({ now: () => clock });
  w = await createWorld(app);
});
afterEach(async () => {
  await app?.close();
});

const units = async (orderId: number) =>
  app.handle.db.selectFrom('order_units').selectAll().where('order_id', '=', orderId).orderBy('unit_id').execute();

describe('duty lists (Art. 17)', () => {
  it('match a listed path and its subtree, on whole path segments only', () => {
    const duties = ['城市管理/市容环境', '住房管理/物业管理/物业服务'];
    expect(withinDuties('城市管理/市容环境', duties)).toBe(true);
    expect(withinDuties('城市管理/市容环境/占道经营', duties)).toBe(true);
    expect(withinDuties('住房管理/物业管理/物业服务', duties)).toBe(true);
    expect(withinDuties('城市管理/市容环境卫生/x', duties)).toBe(false);
    expect(withinDuties('城市管理', duties)).toBe(false);
    expect(withinDuties('', duties)).toBe(false);
    expect(withinDuties('城市管理/市容环境', [''])).toBe(false);
  });

  it('a community leads a category in its duty list without a reason', async () => {
    const id = await orderIn(app, 'in_progress', { category: '城市管理/市容环境/占道经营' });
    const o = (await act(app, 'workflow.assign', id, { lead: { unitId: w.liuyingmen }, assists: [] })).order;
    expect(o.lead).toMatchObject({ name: '六营门社区', overrideReason: null });
  });

  it('a community outside its duty list is refused without a written reason, and nothing changes', async () => {
    const id = await orderIn(app, 'in_progress', { category: '市场监管/食品安全/无证经营' });
    const before = snapshot(app);
    const message = await refusal(act(app, 'workflow.assign', id, { lead: { unitId: w.liuyingmen }, assists: [] }), 'INVALID_INPUT');
    expect(message).toContain('六营门社区');
    expect(message).toContain('市场监管/食品安全/无证经营');
    expect(message).toContain('第十七条');
    expect(snapshot(app)).toEqual(before);
    // A blank reason is no reason.
    await refusal(act(app, 'workflow.assign', id, { lead: { unitId: w.liuyingmen }, assists: [], overrideReason: '   ' }), 'INVALID_INPUT');
    expect(snapshot(app)).toEqual(before);
  });

  it('with a written reason the override is applied, kept on the row and in the event', async () => {
    const id = await orderIn(app, 'in_progress', { category: '市场监管/食品安全/无证经营' });
    const reason = '市场所人手不足，经街道主任同意由社区先行劝导';
    const o = (await act(app, 'workflow.assign', id, { lead: { unitId: w.liuyingmen }, assists: [{ unitId: w.chengguan }], overrideReason: reason })).order;
    expect(o.lead).toMatchObject({ name: '六营门社区', overrideReason: reason });
    expect((await units(id)).find((u) => u.role === 'lead')?.override_reason).toBe(reason);
    expect(o.timeline[0]!.summary).toContain(`超出职责清单主办，理由：${reason}`);
    expect(o.timeline[0]!.after).toMatchObject({ overrideReason: reason });
    // Adding an assist later keeps the lead and its reason without asking again.
    const again = (await act(app, 'workflow.assign', id, { lead: { unitId: w.liuyingmen }, assists: [{ unitId: w.chengguan }, { unitId: w.fangguan }] })).order;
    expect(again.lead?.overrideReason).toBe(reason);
    expect(again.assists.map((a) => a.name)).toEqual(['城管科', '房管科']);
  });

  it('departments are not limited by duty lists; an unclassified order needs a reason for a community', async () => {
    const id = await orderIn(app, 'in_progress', { category: '' });
    await act(app, 'workflow.assign', id, { lead: { unitId: w.fangguan }, assists: [] });
    await refusal(act(app, 'workflow.assign', id, { lead: { unitId: w.donggaodi }, assists: [] }), 'INVALID_INPUT');
  });

  it('assignOptions marks which units may lead the order’s category and lists their staff', async () => {
    const id = await orderIn(app, 'in_progress', { category: '住房管理/物业管理/物业服务' });
    const opts = await call(app, 'workflow.assignOptions', { orderId: id });
    const byName = Object.fromEntries(opts.units.map((u) => [u.name, u]));
    expect(opts.category).toBe('住房管理/物业管理/物业服务');
    expect(byName['东高地社区']!.inDuty).toBe(true);
    expect(byName['六营门社区']!.inDuty).toBe(false);
    expect(byName['城管科']).toMatchObject({ inDuty: true, staff: [{ name: '赵刚' }] });
  });
});

describe('assignment', () => {
  it('one lead, assists, handlers; re-assigning keeps the first assignment time of units that stay', async () => {
    const id = await orderIn(app, 'in_progress', { category: '城市管理/市容环境/占道经营' });
    await act(app, 'workflow.assign', id, { lead: { unitId: w.chengguan, handlerStaffId: w.staffChengguan }, assists: [{ unitId: w.liuyingmen }] }, '王芳');
    clock += 3_600_000;
    const o = (await act(app, 'workflow.assign', id, { lead: { unitId: w.liuyingmen, handlerStaffId: w.staffLiuyingmen }, assists: [{ unitId: w.fangguan }] }, '李娜')).order;
    expect(o.lead).toMatchObject({ name: '六营门社区', handlerName: '钱丽', assignedAt: clock, assignedBy: '李娜' });
    expect(o.assists).toEqual([expect.objectContaining({ name: '房管科', assignedAt: clock })]);
    expect(o.timeline[0]).toMatchObject({
      kind: 'assigned',
      actor: '李娜',
      before: { lead: { name: '城管科' }, assists: [{ name: '六营门社区' }] },
      after: { lead: { name: '六营门社区' }, assists: [{ name: '房管科' }] },
    });
    expect(o.timeline[0]!.summary).toMatch(/^调整派单：主办 六营门社区（经办人 钱丽）；协办 房管科/);
    clock += 3_600_000;
    const kept = (await act(app, 'workflow.assign', id, { lead: { unitId: w.liuyingmen, handlerStaffId: w.staffLiuyingmen }, assists: [{ unitId: w.fangguan }, { unitId: w.chengguan }] })).order;
    expect(kept.lead?.assignedAt).toBe(clock - 3_600_000);
    // The same assignment again is no change: no event, no new version.
    const same = (await act(app, 'workflow.assign', id, { lead: { unitId: w.liuyingmen, handlerStaffId: w.staffLiuyingmen }, assists: [{ unitId: w.fangguan }, { unitId: w.chengguan }] })).order;
    expect(same.version).toBe(kept.version);
  });

  it('refuses a lead that is also an assist, a unit twice, an unknown unit and a handler of another unit', async () => {
    const id = await orderIn(app, 'in_progress');
    const before = snapshot(app);
    expect(await refusal(act(app, 'workflow.assign', id, { lead: { unitId: w.chengguan }, assists: [{ unitId: w.chengguan }] }), 'INVALID_INPUT')).toContain('主办单位不能同时是协办单位');
    await refusal(act(app, 'workflow.assign', id, { lead: { unitId: w.chengguan }, assists: [{ unitId: w.fangguan }, { unitId: w.fangguan }] }), 'INVALID_INPUT');
    expect(await refusal(act(app, 'workflow.assign', id, { lead: { unitId: 9999 }, assists: [] }), 'INVALID_INPUT')).toContain('9999');
    expect(await refusal(act(app, 'workflow.assign', id, { lead: { unitId: w.fangguan, handlerStaffId: w.staffChengguan }, assists: [] }), 'INVALID_INPUT')).toContain('不属于「房管科」');
    expect(snapshot(app)).toEqual(before);
  });
});
