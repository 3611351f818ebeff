/**
 * Periods in Beijing time and formulas with effective dates: a callback counts in the period its
 * callback time falls in, and is scored by the formula in force on its callback day.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ASSESSMENT_FORMULAS, type AssessmentFormula } from '../../../preload/api.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { resolvePeriod } from '../../../main/services/assessment/index.js';
import { call, calledBack, createStreet, setSetting, type Street } from './support.js';

let s: Street;
beforeEach(async () => {
  s = await createStreet();
});
afterEach(() => s.app.close());

const rules = (monthStartDay: number, dailyWindowHour = 12) => ({ monthStartDay, dailyWindowHour });

describe('periods', () => {
  it('resolves days, Monday-start weeks, calendar and 19th-start months, ranges and the bulletin window', () => {
    expect(resolvePeriod({ kind: 'day', date: '2026-11-19' }, rules(1))).toEqual({
      kind: 'day', from: fromBeijing(2026, 11, 19), to: fromBeijing(2026, 11, 20), firstDay: '2026-11-19', lastDay: '2026-11-19', label: '2026年11月19日',
    });
    // 2026-11-22 is a Sunday: its week is Mon 11-16 … Sun 11-22.
    expect(resolvePeriod({ kind: 'week', date: '2026-11-22' }, rules(1))).toMatchObject({ firstDay: '2026-11-16', lastDay: '2026-11-22', label: '2026年11月16日—11月22日（周）' });
    expect(resolvePeriod({ kind: 'week', date: '2026-11-16' }, rules(1))).toMatchObject({ firstDay: '2026-11-16', lastDay: '2026-11-22' });
    expect(resolvePeriod({ kind: 'month', month: '2026-02' }, rules(1))).toMatchObject({ firstDay: '2026-02-01', lastDay: '2026-02-28', label: '2026年2月' });
    expect(resolvePeriod({ kind: 'month', month: '2026-11' }, rules(19))).toEqual({
      kind: 'month', from: fromBeijing(2026, 10, 19), to: fromBeijing(2026, 11, 19), firstDay: '2026-10-19', lastDay: '2026-11-18', label: '2026年11月考核月（10月19日—11月18日）',
    });
    // January's assessment month starts in the previous December.
    expect(resolvePeriod({ kind: 'month', month: '2027-01' }, rules(19))).toMatchObject({ firstDay: '2026-12-19', lastDay: '2027-01-18' });
    // The month containing a day: the 18th still November, the 19th already December.
    expect(resolvePeriod({ kind: 'month', date: '2026-11-18' }, rules(19)).label).toBe('2026年11月考核月（10月19日—11月18日）');
    expect(resolvePeriod({ kind: 'month', date: '2026-11-19' }, rules(19)).label).toBe('2026年12月考核月（11月19日—12月18日）');
    expect(resolvePeriod({ kind: 'month', date: '2026-12-31' }, rules(19)).label).toBe('2027年1月考核月（12月19日—1月18日）');
    expect(resolvePeriod({ kind: 'range', from: '2026-11-01', to: '2026-11-30' }, rules(1))).toMatchObject({
      from: fromBeijing(2026, 11, 1), to: fromBeijing(2026, 12, 1), label: '2026年11月1日—2026年11月30日',
    });
    expect(resolvePeriod({ kind: 'dailyWindow', date: '2026-11-25' }, rules(1, 12))).toMatchObject({
      from: fromBeijing(2026, 11, 24, 12), to: fromBeijing(2026, 11, 25, 12), label: '2026年11月24日 12:00—11月25日 12:00',
    });
  });

  it('counts callbacks around midnight of the month start day (19th) in the right assessment month, in Beijing time', async () => {
    await setSetting(s, 'assessment.monthStartDay', 19);
    // 2026-10-18 23:59:59 Beijing is 15:59:59 UTC on the 18th; 2026-11-19 00:00 Beijing is 16:00 UTC on the 18th.
    const before = await calledBack(s, fromBeijing(2026, 10, 18, 23, 59, 59), { satisfaction: 'unsatisfied' });
    const first = await calledBack(s, fromBeijing(2026, 10, 19, 0, 0, 0));
    const last = await calledBack(s, fromBeijing(2026, 11, 18, 23, 59, 59), { satisfaction: 'basic' });
    const after = await calledBack(s, fromBeijing(2026, 11, 19, 0, 0, 0), { satisfaction: 'unsatisfied' });
    const month = async (m: string) => {
      const kpi = await call(s, 'assessment.kpi', { period: { kind: 'month', month: m } });
      const ids = await call(s, 'assessment.orders', { period: { kind: 'month', month: m }, measure: 'valid' });
      return { label: kpi.period.label, n: kpi.total.validCallbacks, rate: kpi.total.satisfactionRate, ids: ids.orderIds };
    };
    expect(await month('2026-11')).toEqual({ label: '2026年11月考核月（10月19日—11月18日）', n: 2, rate: 0.95, ids: [first, last] });
    expect(await month('2026-10')).toMatchObject({ n: 1, rate: 0, ids: [before] });
    expect(await month('2026-12')).toMatchObject({ n: 1, rate: 0, ids: [after] });
    // The same instants by calendar day: 11-19 starts at 00:00 Beijing, not 00:00 UTC.
    const day = await call(s, 'assessment.orders', { period: { kind: 'day', date: '2026-11-19' }, measure: 'valid' });
    expect(day.orderIds).toEqual([after]);
  });

  it('counts the bulletin window from 12:00 yesterday (inclusive) to 12:00 today (exclusive)', async () => {
    const inside = await calledBack(s, fromBeijing(2026, 11, 24, 12, 0));
    await calledBack(s, fromBeijing(2026, 11, 24, 11, 59, 59));
    await calledBack(s, fromBeijing(2026, 11, 25, 12, 0));
    const ids = await call(s, 'assessment.orders', { period: { kind: 'dailyWindow', date: '2026-11-25' }, measure: 'valid' });
    expect(ids.orderIds).toEqual([inside]);
    await setSetting(s, 'reports.dailyWindowHour', 17);
    const later = await call(s, 'assessment.kpi', { period: { kind: 'dailyWindow', date: '2026-11-25' } });
    expect(later.period.label).toBe('2026年11月24日 17:00—11月25日 17:00');
    expect(later.total.validCallbacks).toBe(1); // only 11-25 12:00 falls in 11-24 17:00 → 11-25 17:00
  });
});

describe('formula with effective dates', () => {
  it('scores each callback by the formula in force on its callback day when the formula changes mid-period', async () => {
    const from15: AssessmentFormula = {
      effectiveFrom: '2026-11-15',
      weights: { response: 0.2, resolution: 0.4, satisfaction: 0.4 },
      partialResolvedWeight: 0,
      basicSatisfiedWeight: 0.5,
      exclude: { appealTypes: [], unreasonableApproved: true, duplicateApproved: true },
    };
    // Stored newest first on purpose: the engine orders them by date.
    await setSetting(s, 'assessment.formulas', [from15, DEFAULT_ASSESSMENT_FORMULAS[0]]);
    const oldBasic = await calledBack(s, fromBeijing(2026, 11, 14, 23, 30), { satisfaction: 'basic' });
    const oldConsult = await calledBack(s, fromBeijing(2026, 11, 14, 10), {}, { appealType: 'consult' });
    const newBasic = await calledBack(s, fromBeijing(2026, 11, 15, 0, 30), { satisfaction: 'basic' });
    const newConsult = await calledBack(s, fromBeijing(2026, 11, 16, 10), {}, { appealType: 'consult' });
    const kpi = await call(s, 'assessment.kpi', { period: { kind: 'month', month: '2026-11' } });
    // Before the 15th: 基本满意 0.9, 咨询 left out; score points 0.1 + 0.5 + 0.4 × 0.9 = 0.96.
    // From the 15th: 基本满意 0.5, 咨询 counted; points 0.2 + 0.4 + 0.4 × 0.5 = 0.8 and 0.2 + 0.4 + 0.4 = 1.
    // 满意率 (0.9 + 0.5 + 1)/3 = 0.8; 得分 100 × (0.96 + 0.8 + 1)/3 = 92.
    expect(kpi.total).toMatchObject({ validCallbacks: 3, excluded: 1, responseRate: 1, resolutionRate: 1, satisfactionRate: 0.8, score: 92 });
    expect(kpi.formulas.map((f) => [f.from, f.to, f.formula.effectiveFrom])).toEqual([
      [fromBeijing(2026, 11, 1), fromBeijing(2026, 11, 15), '2021-09-24'],
      [fromBeijing(2026, 11, 15), fromBeijing(2026, 12, 1), '2026-11-15'],
    ]);
    expect(kpi.formulas[1]!.description).toContain('基本满意按 0.5 计');
    const of = async (measure: 'basic' | 'excluded' | 'valid') => (await call(s, 'assessment.orders', { period: { kind: 'month', month: '2026-11' }, measure })).orderIds;
    expect(await of('basic')).toEqual([oldBasic, newBasic]);
    expect(await of('excluded')).toEqual([oldConsult]);
    expect(await of('valid')).toEqual([oldBasic, newBasic, newConsult]);
    // A period entirely before the change uses only the old formula.
    const early = await call(s, 'assessment.kpi', { period: { kind: 'range', from: '2026-11-01', to: '2026-11-14' } });
    expect(early.formulas).toHaveLength(1);
    expect(early.total).toMatchObject({ validCallbacks: 1, satisfactionRate: 0.9, score: 96 });
  });

  it('refuses a formula table whose weights do not add up to 1, or two formulas on one day, in Chinese', async () => {
    const bad = { ...DEFAULT_ASSESSMENT_FORMULAS[0]!, weights: { response: 0.2, resolution: 0.5, satisfaction: 0.4 } };
    await expect(setSetting(s, 'assessment.formulas', [bad])).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('三率权重之和必须等于 1') });
    const twice = [DEFAULT_ASSESSMENT_FORMULAS[0], DEFAULT_ASSESSMENT_FORMULAS[0]];
    await expect(setSetting(s, 'assessment.formulas', twice)).rejects.toMatchObject({ message: expect.stringContaining('同一生效日期只能有一条考核公式') });
    await expect(setSetting(s, 'assessment.monthStartDay', 29)).rejects.toMatchObject({ message: expect.stringContaining('1–28') });
  });
});
