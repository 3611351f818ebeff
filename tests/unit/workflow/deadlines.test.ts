/**
 * How the workflow moves deadlines: extensions counted by the engine across the 2026 National Day
 * holiday (Oct 1–7 off, Sat Oct 10 a 调休 workday), admin holiday overrides, the objection pause (⚙ on
 * by default), and the ⚙ clock start at 签收.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { createTestApp, insertOrders } from '../../support/app.js';
import { act, H, orderIn, refusal, snapshot } from './support.js';

let app: AppRuntime;
let clock: number;
const SEP30_EOD = fromBeijing(2026, 9, 30, 23, 59, 59);

beforeEach(async () => {
  clock = fromBeijing(2026, 9, 30, 10, 0);
  app = await createTestApp({ now: () => clock });
});
afterEach(async () => {
  await app?.close();
});

async function setSetting(key: string, value: unknown): Promise<void> {
  await app.handle.db.insertInto('settings').values({ key, value_json: JSON.stringify(value), updated_at: clock }).execute();
}

async function inProgressDueSep30(): Promise<number> {
  return orderIn(app, 'in_progress', { receivedAt: clock - 48 * H, handleDueAt: SEP30_EOD });
}

describe('extensions', () => {
  it('3 working days from Sep 30 skip the National Day holiday and count the 调休 Saturday: due Oct 10 23:59:59', async () => {
    const id = await inProgressDueSep30();
    let o = (await act(app, 'workflow.requestExtension', id, { reason: '需协调产权单位，已告知诉求人', extendBy: { amount: 3, unit: 'workingDays' } })).order;
    expect(o.handleDueAt).toBe(SEP30_EOD); // not moved until approved
    expect(o.extensions).toEqual([expect.objectContaining({ status: 'pending', requestedDueAt: fromBeijing(2026, 10, 10, 23, 59, 59) })]);
    expect(o.allowedActions).toContain('decideExtension');
    expect(o.allowedActions).not.toContain('requestExtension');
    clock += 2 * H;
    o = (await act(app, 'workflow.decideExtension', id, { approved: true, note: '同意' }, '街道主任')).order;
    expect(o).toMatchObject({ handleDueAt: fromBeijing(2026, 10, 10, 23, 59, 59), dueSource: 'extension', calendarMissing: false });
    expect(o.extensions[0]).toMatchObject({ status: 'approved', decidedAt: clock, decisionNote: '同意' });
    expect(o.timeline[0]).toMatchObject({ kind: 'extension_approved', actor: '街道主任', before: { handleDueAt: SEP30_EOD } });
    expect(o.timeline[0]!.summary).toContain('2026-09-30 23:59 → 2026-10-10 23:59');
  });

  it('an admin holiday override is honoured: with Oct 9 off, the same request ends on Mon Oct 12', async () => {
    await app.handle.db.insertInto('holiday_overrides').values({ day: '2026-10-09', kind: 'holiday', note: '测试调整' }).execute();
    const id = await inProgressDueSep30();
    const o = (await act(app, 'workflow.requestExtension', id, { reason: '等待施工队', extendBy: { amount: 3, unit: 'workingDays' } })).order;
    expect(o.extensions[0]!.requestedDueAt).toBe(fromBeijing(2026, 10, 12, 23, 59, 59));
  });

  it('deciding when no request is pending is refused in Chinese and changes nothing', async () => {
    const id = await inProgressDueSep30();
    const before = snapshot(app);
    expect(await refusal(act(app, 'workflow.decideExtension', id, { approved: true, note: '同意' }), 'ILLEGAL_TRANSITION')).toMatch(/延期/);
    expect(snapshot(app)).toEqual(before);
  });

  it('a rejected request keeps the deadline and needs a note', async () => {
    const id = await inProgressDueSep30();
    await act(app, 'workflow.requestExtension', id, { reason: '需协调', requestedDueAt: fromBeijing(2026, 10, 20, 18) });
    const before = snapshot(app);
    expect(await refusal(act(app, 'workflow.decideExtension', id, { approved: false }), 'INVALID_INPUT')).toContain('说明');
    expect(snapshot(app)).toEqual(before);
    const o = (await act(app, 'workflow.decideExtension', id, { approved: false, note: '理由不充分，请按期办结' })).order;
    expect(o).toMatchObject({ handleDueAt: SEP30_EOD, dueSource: 'tier' });
    expect(o.extensions[0]).toMatchObject({ status: 'rejected', decisionNote: '理由不充分，请按期办结' });
    expect(o.allowedActions).toContain('requestExtension');
  });

  it('refuses a requested deadline that is not later than the current one, and a second pending request', async () => {
    const id = await inProgressDueSep30();
    expect(await refusal(act(app, 'workflow.requestExtension', id, { reason: '需协调', requestedDueAt: SEP30_EOD }), 'INVALID_INPUT')).toContain('应晚于当前办理时限');
    await act(app, 'workflow.requestExtension', id, { reason: '需协调', extendBy: { amount: 2, unit: 'calendarDays' } });
    expect(await refusal(act(app, 'workflow.requestExtension', id, { reason: '再延', extendBy: { amount: 2, unit: 'calendarDays' } }), 'ILLEGAL_TRANSITION')).toContain('等待审批');
  });

  it('a request still waiting when the order is replied is withdrawn, not left pending forever', async () => {
    const id = await inProgressDueSep30();
    await act(app, 'workflow.requestExtension', id, { reason: '需协调', extendBy: { amount: 1, unit: 'workingDays' } });
    const o = (await act(app, 'workflow.reply', id, { result: 'resolved', text: '已提前办结。' })).order;
    expect(o.extensions[0]).toMatchObject({ status: 'withdrawn', decidedAt: clock });
    expect(o.handleDueAt).toBe(SEP30_EOD);
    expect(o.timeline[0]!.summary).toContain('延期申请已撤回');
  });

  it('flags a deadline counted into a year without holiday data', async () => {
    const id = await orderIn(app, 'in_progress', { receivedAt: clock - 48 * H, handleDueAt: fromBeijing(2098, 12, 30, 23, 59, 59) });
    const o = (await act(app, 'workflow.requestExtension', id, { reason: '远期', extendBy: { amount: 10, unit: 'workingDays' } })).order;
    expect(o.timeline[0]!.summary).toContain('缺少节假日安排数据');
    const approved = (await act(app, 'workflow.decideExtension', id, { approved: true })).order;
    expect(approved.calendarMissing).toBe(true);
  });
});

describe('objections', () => {
  it('the review time is added to paused_ms and pushes the handle deadline (default on); rejection returns to handling', async () => {
    const id = await inProgressDueSep30();
    let o = (await act(app, 'workflow.raiseObjection', id, { reason: '点位属相邻街道', evidence: '附边界图' })).order;
    expect(o.status).toBe('objecting');
    expect(o.objections).toEqual([expect.objectContaining({ status: 'pending', raisedAt: clock, evidence: '附边界图' })]);
    clock += 30 * H;
    o = (await act(app, 'workflow.decideObjection', id, { outcome: 'rejected', note: '经核实属本街道' }, '区中心')).order;
    expect(o).toMatchObject({ status: 'in_progress', pausedMs: 30 * H, handleDueAt: SEP30_EOD + 30 * H });
    expect(o.objections[0]).toMatchObject({ status: 'rejected', decidedAt: clock, outcomeNote: '经核实属本街道' });
    expect(o.timeline[0]!.summary).toContain('审核用时 1天6小时 不计入');
  });

  it('with the pause setting off, paused_ms is kept but the deadline stays', async () => {
    await setSetting('workflow.objectionPausesClock', false);
    const id = await inProgressDueSep30();
    await act(app, 'workflow.raiseObjection', id, { reason: '点位属相邻街道' });
    clock += 5 * H;
    const o = (await act(app, 'workflow.decideObjection', id, { outcome: 'rejected' })).order;
    expect(o).toMatchObject({ pausedMs: 5 * H, handleDueAt: SEP30_EOD });
  });

  it('upheld: the order is returned and closed (end)', async () => {
    const id = await orderIn(app, 'received', { receivedAt: clock - H });
    await act(app, 'workflow.raiseObjection', id, { reason: '不属本街道' });
    clock += 3 * H;
    const o = (await act(app, 'workflow.decideObjection', id, { outcome: 'upheld', note: '同意退回' })).order;
    expect(o).toMatchObject({ status: 'returned', closedAt: clock, pausedMs: 3 * H });
    expect(o.allowedActions).toEqual(['setTag']);
    expect(o.timeline.map((e) => e.kind)).toEqual(['objection_upheld', 'objection_raised']);
  });

  it('raised before 签收 and rejected: the order goes to handling as accepted now', async () => {
    const id = await orderIn(app, 'received', { receivedAt: clock - H });
    await act(app, 'workflow.raiseObjection', id, { reason: '不属本街道' });
    clock += H;
    const o = (await act(app, 'workflow.decideObjection', id, { outcome: 'rejected' })).order;
    expect(o).toMatchObject({ status: 'in_progress', acceptedAt: clock });
  });
});

describe('clock start ⚙', () => {
  it('at 签收: the tier deadlines count from the acceptance (7 working days over National Day → Oct 15)', async () => {
    await setSetting('deadlines.clockStart', 'accepted');
    clock = fromBeijing(2026, 9, 30, 16, 0);
    const [id] = (await insertOrders(app, [{ status: 'received', tier: 'general', receivedAt: clock - 20 * H }])) as [number];
    const o = (await act(app, 'workflow.accept', id, {})).order;
    expect(o.handleDueAt).toBe(fromBeijing(2026, 10, 15, 23, 59, 59));
    expect(o.firstContactDueAt).toBe(clock + 24 * H);
  });

  it('at 派单 (default): accepting leaves the deadlines; a deadline from the imported file is never recomputed', async () => {
    const [id] = (await insertOrders(app, [{ status: 'received', receivedAt: clock - 20 * H, handleDueAt: SEP30_EOD }])) as [number];
    expect((await act(app, 'workflow.accept', id, {})).order.handleDueAt).toBe(SEP30_EOD);
    await setSetting('deadlines.clockStart', 'accepted');
    const [imported] = (await insertOrders(app, [{ status: 'received', receivedAt: clock - 20 * H, handleDueAt: SEP30_EOD }])) as [number];
    await app.handle.db.updateTable('orders').set({ due_source: 'import' }).where('id', '=', imported).execute();
    expect((await act(app, 'workflow.accept', imported, {})).order.handleDueAt).toBe(SEP30_EOD);
  });
});
