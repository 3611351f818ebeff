/**
 * 首页 by hand, on a small street at 2026-11-25 09:00 (calendar assessment months: November runs
 * 11-01 → 12-01, October is the 环比). Every count is checked against the orders the grid lists for
 * the figure's filter: clicking a figure must open exactly that many orders.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBeijing } from '../../../preload/contract/time.js';
import { call, callback, createStreet, order, setSetting, type Street } from '../assessment/support.js';

let s: Street;
const o: Record<string, number> = {};
const at = (m: number, d: number, h = 10) => fromBeijing(2026, m, d, h);

beforeEach(async () => {
  s = await createStreet();
  // The fixture's master order (已退回) is never contacted: the grid's 首次联系 band counts any uncontacted order
  // whatever its status (reported to the lead), which is not this test's point.
  await s.app.handle.db.updateTable('orders').set({ first_contact_at: fromBeijing(2025, 1, 1, 10) }).where('id', '=', s.master).execute();
  const urban = '城市管理/市容环境/占道经营';
  const housing = '住房管理/物业服务';
  // Today: one 待签收 due this evening (即将超时), one 办理中 at 东高地 due next week.
  o.T1 = await order(s, { status: 'received', receivedAt: at(11, 25, 8), handleDueAt: at(11, 25, 20), category: urban, firstContactAt: null });
  o.T2 = await order(s, { community: s.donggaodi, status: 'in_progress', receivedAt: at(11, 25, 7), handleDueAt: at(11, 30), category: housing });
  // Earlier in November: two overdue (one never contacted), one replied (its deadline no longer runs).
  o.T3 = await order(s, { status: 'in_progress', receivedAt: at(11, 10, 9), handleDueAt: at(11, 17), category: `${housing}/电梯`, firstContactAt: null });
  o.T4 = await order(s, { community: null, status: 'received', receivedAt: at(11, 12), handleDueAt: at(11, 24, 18), category: '' });
  o.T5 = await order(s, { status: 'replied', receivedAt: at(11, 5), handleDueAt: at(11, 12), repliedAt: at(11, 11) });
  // Callbacks: November 六营门 满意 (100 分), 东高地 未解决·基本满意 (46 分); October 已解决·不满意 (60 分).
  o.C1 = await order(s, { receivedAt: at(10, 20) });
  await callback(s, o.C1, at(11, 10));
  o.C2 = await order(s, { community: s.donggaodi, receivedAt: at(10, 21) });
  await callback(s, o.C2, at(11, 12), { resolution: 'unresolved', satisfaction: 'basic' });
  o.C3 = await order(s, { receivedAt: at(10, 20) });
  await callback(s, o.C3, at(10, 28), { satisfaction: 'unsatisfied' });
});
afterEach(() => s.app.close());

/** The ids the grid lists for a filter (sorted), through the same API the 工单 view uses. */
async function gridIds(filter: object): Promise<number[]> {
  const page = await call(s, 'orders.page', { sort: { column: 'receivedAt', direction: 'asc' }, startRow: 0, endRow: 500, filter } as never);
  return (page as { rows: Array<{ id: number }> }).rows.map((r) => r.id).sort((a, b) => a - b);
}
const ids = (...keys: string[]) => keys.map((k) => o[k]!).sort((a, b) => a - b);

describe('dashboard.summary', () => {
  it('counts the desk now, and each figure opens exactly its orders in the grid', async () => {
    const d = await call(s, 'dashboard.summary', {});
    expect(d.today).toBe('2026-11-25');
    expect(d.desk.todayIntake.count).toBe(2);
    expect(d.desk.awaitingAccept.count).toBe(2);
    expect(d.desk.dueSoon.count).toBe(1);
    expect(d.desk.overdue.count).toBe(2);
    expect(d.desk.contactOverdue.count).toBe(1);
    expect(await gridIds(d.desk.todayIntake.filter)).toEqual(ids('T1', 'T2'));
    expect(await gridIds(d.desk.awaitingAccept.filter)).toEqual(ids('T1', 'T4'));
    expect(await gridIds(d.desk.dueSoon.filter)).toEqual(ids('T1'));
    expect(await gridIds(d.desk.overdue.filter)).toEqual(ids('T3', 'T4'));
    expect(await gridIds(d.desk.contactOverdue.filter)).toEqual(ids('T3'));
  });

  it('gives the month with its 三率 and the previous month for 环比', async () => {
    const { month } = await call(s, 'dashboard.summary', {});
    expect(month.period).toMatchObject({ firstDay: '2026-11-01', lastDay: '2026-11-30' });
    expect(month.previous).toMatchObject({ firstDay: '2026-10-01', lastDay: '2026-10-31' });
    expect(month.intake.count).toBe(5);
    expect(await gridIds(month.intake.filter)).toEqual(ids('T1', 'T2', 'T3', 'T4', 'T5'));
    expect(month.previousIntake).toBe(3);
    expect(month.backlog.count).toBe(4);
    // (100 + 46) / 2 = 73; 满意率 (1 + 0.9) / 2.
    expect(month.kpi).toMatchObject({ validCallbacks: 2, responseRate: 1, resolutionRate: 0.5, satisfactionRate: 0.95, score: 73 });
    expect(month.previousKpi).toMatchObject({ validCallbacks: 1, resolutionRate: 1, satisfactionRate: 0, score: 60 });
  });

  it('ranks communities by score with their intake, and splits the intake by first-level category', async () => {
    const d = await call(s, 'dashboard.summary', {});
    expect(d.communities.map((c) => [c.label, c.score, c.intake.count])).toEqual([
      ['六营门社区', 100, 3],
      ['东高地社区', 46, 1],
    ]);
    expect(await gridIds(d.communities[1]!.intake.filter)).toEqual(ids('T2'));
    expect(d.categories.map((c) => [c.label, c.count])).toEqual([
      ['住房管理', 2],
      ['城市管理', 2],
      ['未分类', 1],
    ]);
    expect(await gridIds(d.categories[0]!.filter)).toEqual(ids('T2', 'T3'));
    expect(await gridIds(d.categories[2]!.filter)).toEqual(ids('T4'));
  });

  it('lists overdue orders most overdue first and those due soon, with their community', async () => {
    const d = await call(s, 'dashboard.summary', { listLimit: 5 });
    expect(d.overdueList.map((i) => [i.id, i.communityName])).toEqual([
      [o.T3, '六营门社区'],
      [o.T4, null],
    ]);
    expect(d.dueSoonList.map((i) => i.id)).toEqual([o.T1]);
    const one = await call(s, 'dashboard.summary', { listLimit: 1 });
    expect(one.overdueList.map((i) => i.id)).toEqual([o.T3]);
  });

  it('follows the assessment month start day', async () => {
    await setSetting(s, 'assessment.monthStartDay', 19);
    const { month } = await call(s, 'dashboard.summary', {});
    // 11-25 falls in the December assessment month (11-19 → 12-18); nothing was called back in it yet.
    expect(month.period).toMatchObject({ firstDay: '2026-11-19', lastDay: '2026-12-18' });
    expect(month.kpi).toMatchObject({ validCallbacks: 0, score: null, responseRate: null });
    // The November assessment month (10-19 → 11-18) holds all three callbacks: (100 + 46 + 60) / 3.
    expect(month.previousKpi).toMatchObject({ validCallbacks: 3, score: 68.6667 });
    expect(month.intake.count).toBe(2);
  });
});

describe('dashboard.trend', () => {
  it('gives each of the last days its intake and the 三率 of its callbacks, "—" (null) without callbacks', async () => {
    const t = await call(s, 'dashboard.trend', {});
    expect(t.days).toHaveLength(30);
    expect(t.days[0]!.day).toBe('2026-10-27');
    expect(t.days.at(-1)).toMatchObject({ day: '2026-11-25', intake: 2, validCallbacks: 0, score: null, satisfactionRate: null });
    const day = (d: string) => t.days.find((x) => x.day === d)!;
    expect(day('2026-10-28')).toMatchObject({ validCallbacks: 1, score: 60, satisfactionRate: 0 });
    expect(day('2026-11-10')).toMatchObject({ intake: 1, validCallbacks: 1, score: 100 });
    expect(day('2026-11-12')).toMatchObject({ intake: 1, validCallbacks: 1, score: 46, satisfactionRate: 0.9, resolutionRate: 0 });
    // A day's figures are the assessment's own for that day.
    const kpi = await call(s, 'assessment.kpi', { period: { kind: 'day', date: '2026-11-12' } });
    expect(kpi.total.score).toBe(46);
    expect(t.days.reduce((a, x) => a + x.intake, 0)).toBe(5);
  });
});
