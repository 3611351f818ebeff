/**
 * The forecast, by hand: 六营门社区 has ten callbacks this month (nine good, one 未解决/不满意); which
 * open orders can still move its rates, and to what, if their callback is good or bad.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBeijing } from '../../../preload/contract/time.js';
import { call, calledBack, createStreet, order, type Street } from './support.js';

let s: Street;
beforeEach(async () => {
  s = await createStreet();
});
afterEach(() => s.app.close());

const at = (m: number, d: number, h = 10) => fromBeijing(2026, m, d, h);
/** 100 × (0.1 R + 0.5 S + 0.4 M), the default formula, computed independently of the engine. */
const score = (r: number, sol: number, m: number) => 100 * (0.1 * r + 0.5 * sol + 0.4 * m);

async function street() {
  for (let d = 1; d <= 9; d++) await calledBack(s, at(11, d));
  await calledBack(s, at(11, 10), { resolution: 'unresolved', satisfaction: 'unsatisfied' });
  const o: Record<string, number> = {};
  o.P1 = await order(s, { status: 'replied', handleDueAt: at(11, 20), repliedAt: at(11, 20) });
  o.P2 = await order(s, { status: 'in_progress', handleDueAt: at(11, 24), firstContactAt: null });
  o.P3 = await order(s, { community: s.donggaodi, status: 'in_progress', handleDueAt: at(11, 28) });
  // Not listed: due after the month, a 咨询, returned, 异议审核中.
  await order(s, { status: 'in_progress', handleDueAt: at(12, 5) });
  await order(s, { status: 'replied', appealType: 'consult', handleDueAt: at(11, 20) });
  await order(s, { status: 'returned', handleDueAt: at(11, 20) });
  await order(s, { status: 'objecting', handleDueAt: at(11, 20) });
  return o;
}

describe('forecast', () => {
  it('lists the orders that can still move this month, awaiting callback first, with both outcomes', async () => {
    const o = await street();
    const f = await call(s, 'assessment.forecast', { by: 'community' });
    expect(f).toMatchObject({ open: true, asOf: fromBeijing(2026, 11, 25, 9), pendingCount: 3, period: { label: '2026年11月' } });
    expect(f.items.map((i) => [i.orderId, i.stage, i.stageLabel, i.groupLabel])).toEqual([
      [o.P1, 'awaitingCallback', '已办结待回访', '六营门社区'],
      [o.P2, 'overdue', '已超时未办结', '六营门社区'],
      [o.P3, 'inHandling', '办理中（本期内到期）', '东高地社区'],
    ]);
    const [p1, p2, p3] = f.items as [typeof f.items[0], typeof f.items[0], typeof f.items[0]];
    expect(p1.groupNow).toEqual({ responseRate: 1, resolutionRate: 0.9, satisfactionRate: 0.9, score: 91 });
    // Good: 10 of 11 resolved and satisfied. Bad: 9 of 11.
    expect(p1.ifGood.satisfactionRate).toBe(0.909091);
    expect(p1.ifGood.score).toBeCloseTo(score(1, 10 / 11, 10 / 11), 3);
    expect(p1.ifBad).toMatchObject({ responseRate: 1, resolutionRate: 0.818182, satisfactionRate: 0.818182 });
    expect(p1.ifBad.score).toBeCloseTo(score(1, 9 / 11, 9 / 11), 3);
    expect(p1.explanation).toBe(
      '若回访满意、已解决：六营门社区满意率 90.00% → 90.91%，解决率 90.00% → 90.91%，综合得分 91.00 → 91.82（+0.82）；' +
        '若不满意、未解决：满意率 → 81.82%，解决率 → 81.82%，综合得分 → 83.64（−7.36）。',
    );
    // Nobody contacted P2's citizen yet: the bad outcome is also 未联系.
    expect(p2.ifBad.responseRate).toBe(0.909091);
    expect(p2.ifBad.score).toBeCloseTo(score(10 / 11, 9 / 11, 9 / 11), 3);
    expect(p2.explanation).toContain('若不满意、未解决（且未联系）：');
    expect(p2.explanation).toContain('响应率 → 90.91%');
    // 东高地社区 has no callback yet: "—" now, and one callback decides everything.
    expect(p3.groupNow).toEqual({ responseRate: null, resolutionRate: null, satisfactionRate: null, score: null });
    expect(p3.ifGood).toEqual({ responseRate: 1, resolutionRate: 1, satisfactionRate: 1, score: 100 });
    expect(p3.ifBad).toEqual({ responseRate: 1, resolutionRate: 0, satisfactionRate: 0, score: 10 });
    expect(p3.explanation).toContain('东高地社区满意率 — → 100.00%');
    // The street: now, and if all three went well / badly (P2 then also 未联系).
    expect(f.now.score).toBe(91);
    expect(f.ifAllGood.satisfactionRate).toBe(Number((12 / 13).toFixed(6)));
    expect(f.ifAllGood.score).toBeCloseTo(score(1, 12 / 13, 12 / 13), 3);
    expect(f.ifAllBad.responseRate).toBe(Number((12 / 13).toFixed(6)));
    expect(f.ifAllBad.score).toBeCloseTo(score(12 / 13, 9 / 13, 9 / 13), 3);
    expect(p1.totalIfBad.score).toBeCloseTo(score(1, 9 / 11, 9 / 11), 3);
  });

  it('keeps to the limit but counts every pending order', async () => {
    await street();
    const f = await call(s, 'assessment.forecast', { limit: 1 });
    expect(f.items).toHaveLength(1);
    expect(f.pendingCount).toBe(3);
    expect(f.items[0]!.groupLabel).toBe('全街道');
  });

  it('says a finished period can no longer move', async () => {
    await street();
    const f = await call(s, 'assessment.forecast', { period: { kind: 'month', month: '2026-10' } });
    expect(f).toMatchObject({ open: false, pendingCount: 0, items: [] });
    expect(f.ifAllGood).toEqual(f.now);
  });
});
