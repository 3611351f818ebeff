/**
 * 存量 / 增量 / 首办 by hand: intake is what was received in the period, backlog what was open at its
 * end (or now), 首办 the share of orders closed by a callback in the period that needed no 二次办理.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBeijing } from '../../../preload/contract/time.js';
import { call, callback, createStreet, NOW, order, type Street } from './support.js';

let s: Street;
beforeEach(async () => {
  s = await createStreet();
});
afterEach(() => s.app.close());

const at = (m: number, d: number, h = 10) => fromBeijing(2026, m, d, h);

/** The orders of the hand computation below; 六营门社区 unless said otherwise. */
async function street() {
  const o: Record<string, number> = {};
  o.A = await order(s, { status: 'in_progress', receivedAt: at(11, 3) });
  o.B = await order(s, { repliedAt: at(11, 8), firstTimeResolved: 1, closedAt: at(11, 10) });
  await callback(s, o.B, at(11, 10));
  // 二次办理: unhappy on 11-05, reopened, replied again and closed happily on 11-20 — not 首办.
  o.C = await order(s, { repliedAt: at(11, 18), firstTimeResolved: 0, reopenCount: 1, closedAt: at(11, 20) });
  await callback(s, o.C, at(11, 5), { satisfaction: 'unsatisfied' });
  await callback(s, o.C, at(11, 20));
  // Imported: no 首办 flag and no closed_at; the workflow's rule decides from the callback.
  o.D = await order(s, { repliedAt: at(11, 10) });
  await callback(s, o.D, at(11, 12));
  o.D2 = await order(s, { community: s.donggaodi, repliedAt: at(11, 11) });
  await callback(s, o.D2, at(11, 13), { resolution: 'unresolved', satisfaction: 'basic' });
  o.E = await order(s, { status: 'replied', receivedAt: at(10, 25), repliedAt: at(11, 2) });
  o.F = await order(s, { community: s.donggaodi, status: 'received', receivedAt: at(11, 10) });
  o.G = await order(s, { status: 'returned', receivedAt: at(11, 4), closedAt: at(11, 6) });
  o.G2 = await order(s, { status: 'returned', receivedAt: at(10, 30), closedAt: at(11, 2) });
  o.H = await order(s, { repliedAt: at(10, 26), firstTimeResolved: 1, closedAt: at(10, 28) });
  await callback(s, o.H, at(10, 28));
  // Reopened after an unhappy callback on 11-08: open again, so not closed in November.
  o.I = await order(s, { status: 'in_progress', repliedAt: at(11, 6), reopenCount: 1, firstTimeResolved: 0 });
  await callback(s, o.I, at(11, 8), { satisfaction: 'unsatisfied' });
  return o;
}

const NOVEMBER = { kind: 'month', month: '2026-11' } as const;
const OCTOBER = { kind: 'month', month: '2026-10' } as const;

describe('存量 / 增量 / 首办', () => {
  it('counts intake, backlog now and the 首办 rate of the running month, by community', async () => {
    await street();
    const v = await call(s, 'assessment.volume', { period: NOVEMBER, by: 'community' });
    expect(v.backlogAt).toBe(NOW);
    // Intake A F G; backlog A F I; closed B C D D2, of which B and D at the first handling.
    expect(v.total).toEqual({ intake: 3, backlog: 3, closed: 4, firstTime: 2, firstTimeRate: 0.5 });
    expect(v.groups).toEqual([
      { key: String(s.liuyingmen), label: '六营门社区', intake: 2, backlog: 2, closed: 3, firstTime: 2, firstTimeRate: 0.666667 },
      { key: String(s.donggaodi), label: '东高地社区', intake: 1, backlog: 1, closed: 1, firstTime: 0, firstTimeRate: 0 },
    ]);
  });

  it('drills down to the orders behind each figure', async () => {
    const o = await street();
    const ids = async (measure: 'intake' | 'backlog' | 'closed' | 'firstTime' | 'notFirstTime', period: typeof NOVEMBER | typeof OCTOBER = NOVEMBER) =>
      (await call(s, 'assessment.orders', { period, measure })).orderIds;
    const sorted = (...k: string[]) => k.map((x) => o[x]!).sort((a, b) => a - b);
    expect(await ids('intake')).toEqual(sorted('A', 'F', 'G'));
    expect(await ids('backlog')).toEqual(sorted('A', 'F', 'I'));
    expect(await ids('closed')).toEqual(sorted('B', 'C', 'D', 'D2'));
    expect(await ids('firstTime')).toEqual(sorted('B', 'D'));
    expect(await ids('notFirstTime')).toEqual(sorted('C', 'D2'));
    // October is over: its backlog is what was open at 11-01 00:00 — received before, replied or returned after.
    expect(await ids('backlog', OCTOBER)).toEqual(sorted('B', 'C', 'D', 'D2', 'E', 'G2', 'I'));
  });

  it('takes the backlog of a past period at its end', async () => {
    await street();
    const v = await call(s, 'assessment.volume', { period: OCTOBER });
    expect(v.backlogAt).toBe(fromBeijing(2026, 11, 1));
    expect(v.total).toMatchObject({ backlog: 7, closed: 1, firstTime: 1, firstTimeRate: 1 });
    expect(v.groups).toEqual([]);
  });

  it('has a null 首办 rate when nothing was closed', async () => {
    await order(s, { status: 'in_progress', receivedAt: at(11, 3) });
    const v = await call(s, 'assessment.volume', { period: NOVEMBER });
    expect(v.total).toEqual({ intake: 1, backlog: 1, closed: 0, firstTime: 0, firstTimeRate: null });
  });
});
