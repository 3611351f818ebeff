/**
 * The 三率 computed by hand (DESIGN §4) and checked through the API, including what is left out
 * (咨询, approved 不合理诉求 / 重复件, invalid callbacks), the w₁ / w₂ weights, empty groups and the
 * drill-down: every figure's orders are exactly the callbacks it counted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASSESSMENT_MEASURE, DEFAULT_ASSESSMENT_FORMULAS, type AssessmentFigures, type AssessmentMeasure } from '../../../preload/api.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { call, callback, calledBack, createStreet, order, setSetting, type Street } from './support.js';

let s: Street;
beforeEach(async () => {
  s = await createStreet();
});
afterEach(() => s.app.close());

const NOVEMBER = { kind: 'month', month: '2026-11' } as const;
const nov = (day: number, hour = 10) => fromBeijing(2026, 11, day, hour);

/**
 * 六营门社区 in November: ten callbacks that count, three left out by the formula, one invalid.
 *   counted: c1–c5 已联系/已解决/满意; c6 部分解决/基本满意; c7 未解决/不满意 (不合理诉求, not yet approved);
 *            c8 未联系/已解决/未评价; c9 已解决/基本满意; c10 已解决/满意 (重复件, not yet approved)
 *   left out: x1 咨询; x2 approved 不合理诉求; x3 approved 重复件.  Invalid: v0 不满意.
 */
async function november(): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (let i = 1; i <= 5; i++) ids[`c${i}`] = await calledBack(s, nov(i));
  ids.c6 = await calledBack(s, nov(6), { resolution: 'partial', satisfaction: 'basic' });
  ids.c7 = await calledBack(s, nov(7), { resolution: 'unresolved', satisfaction: 'unsatisfied' }, { unreasonable: 'flagged' });
  ids.c8 = await calledBack(s, nov(8), { contacted: false, satisfaction: 'none' });
  ids.c9 = await calledBack(s, nov(9), { satisfaction: 'basic' });
  ids.c10 = await calledBack(s, nov(10), {}, { duplicate: 'linked' });
  ids.x1 = await calledBack(s, nov(11), {}, { appealType: 'consult' });
  ids.x2 = await calledBack(s, nov(12), { resolution: 'unresolved', satisfaction: 'unsatisfied' }, { unreasonable: 'approved' });
  ids.x3 = await calledBack(s, nov(13), { resolution: 'unresolved', satisfaction: 'unsatisfied' }, { duplicate: 'approved' });
  ids.v0 = await calledBack(s, nov(14), { valid: false, resolution: 'unresolved', satisfaction: 'unsatisfied' });
  // Outside November on both sides: never counted.
  await calledBack(s, fromBeijing(2026, 10, 31, 23, 59), { satisfaction: 'unsatisfied' });
  await calledBack(s, fromBeijing(2026, 12, 1, 0, 0), { satisfaction: 'unsatisfied' });
  return ids;
}

describe('the 三率 by hand', () => {
  it('counts valid callbacks, leaves out 咨询 and approved 不合理诉求 / 重复件, and weighs 部分解决 0 and 基本满意 0.9', async () => {
    await november();
    const kpi = await call(s, 'assessment.kpi', { period: NOVEMBER, by: 'community' });
    // 响应率 9/10; 解决率 (8 + 0 × 1)/10; 满意率 (6 + 0.9 × 2)/10; 得分 100 × (0.09 + 0.4 + 0.312).
    const expected = {
      validCallbacks: 10, contacted: 9, resolved: 8, partial: 1, unresolved: 1, satisfied: 6, basic: 2, unsatisfied: 1, unrated: 1, excluded: 3,
      responseRate: 0.9, resolutionRate: 0.8, satisfactionRate: 0.78, score: 80.2,
    };
    expect(kpi.total).toEqual(expected);
    expect(kpi.groups).toEqual([
      { key: String(s.liuyingmen), label: '六营门社区', ...expected },
      {
        key: String(s.donggaodi), label: '东高地社区',
        validCallbacks: 0, contacted: 0, resolved: 0, partial: 0, unresolved: 0, satisfied: 0, basic: 0, unsatisfied: 0, unrated: 0, excluded: 0,
        responseRate: null, resolutionRate: null, satisfactionRate: null, score: null,
      },
    ]);
    expect(kpi.period).toMatchObject({ label: '2026年11月', firstDay: '2026-11-01', lastDay: '2026-11-30' });
    expect(kpi.formulas).toHaveLength(1);
  });

  it('uses the configured w₁ (部分解决) and w₂ (基本满意)', async () => {
    await november();
    await setSetting(s, 'assessment.formulas', [{ ...DEFAULT_ASSESSMENT_FORMULAS[0]!, partialResolvedWeight: 0.5, basicSatisfiedWeight: 1 }]);
    const { total } = await call(s, 'assessment.kpi', { period: NOVEMBER });
    // 解决率 (8 + 0.5 × 1)/10 = 0.85; 满意率 (6 + 1 × 2)/10 = 0.8; 得分 100 × (0.09 + 0.425 + 0.32) = 83.5.
    expect(total).toMatchObject({ resolutionRate: 0.85, satisfactionRate: 0.8, score: 83.5 });
  });

  it('counts 咨询 once the formula no longer excludes it', async () => {
    await november();
    await setSetting(s, 'assessment.formulas', [{ ...DEFAULT_ASSESSMENT_FORMULAS[0]!, exclude: { appealTypes: [], unreasonableApproved: true, duplicateApproved: true } }]);
    const { total } = await call(s, 'assessment.kpi', { period: NOVEMBER });
    expect(total).toMatchObject({ validCallbacks: 11, excluded: 2, satisfied: 7, satisfactionRate: 0.8 }); // (7 + 0.9 × 2)/11
  });

  it('gives null rates — never NaN — when there is no valid callback', async () => {
    await calledBack(s, nov(3), { valid: false });
    await calledBack(s, nov(4), {}, { appealType: 'consult' });
    const kpi = await call(s, 'assessment.kpi', { period: NOVEMBER, by: 'category' });
    expect(kpi.total).toMatchObject({ validCallbacks: 0, excluded: 1, responseRate: null, resolutionRate: null, satisfactionRate: null, score: null });
    // The consult's category still appears (it had a callback), with "—" figures.
    expect(kpi.groups).toEqual([expect.objectContaining({ key: '城市管理', validCallbacks: 0, score: null })]);
    expect(JSON.stringify(kpi)).not.toContain('NaN');
  });

  it('counts every callback of an order called back twice in the period (after 二次办理), and lists the order once', async () => {
    const id = await calledBack(s, nov(3), { resolution: 'unresolved', satisfaction: 'unsatisfied' }, { reopenCount: 1 });
    await callback(s, id, nov(10));
    const { total } = await call(s, 'assessment.kpi', { period: NOVEMBER });
    expect(total).toMatchObject({ validCallbacks: 2, satisfied: 1, unsatisfied: 1, satisfactionRate: 0.5 });
    const valid = await call(s, 'assessment.orders', { period: NOVEMBER, measure: 'valid' });
    expect(valid).toMatchObject({ count: 2, orderIds: [id] });
  });
});

describe('drill-down', () => {
  const FIELD: Record<Exclude<AssessmentMeasure, 'intake' | 'backlog' | 'closed' | 'firstTime' | 'notFirstTime'>, (f: AssessmentFigures) => number> = {
    valid: (f) => f.validCallbacks,
    contacted: (f) => f.contacted,
    notContacted: (f) => f.validCallbacks - f.contacted,
    resolved: (f) => f.resolved,
    partial: (f) => f.partial,
    unresolved: (f) => f.unresolved,
    satisfied: (f) => f.satisfied,
    basic: (f) => f.basic,
    unsatisfied: (f) => f.unsatisfied,
    unrated: (f) => f.unrated,
    excluded: (f) => f.excluded,
  };

  it('returns, for every figure of every group, exactly the orders it counted', async () => {
    const ids = await november();
    const kpi = await call(s, 'assessment.kpi', { period: NOVEMBER, by: 'community' });
    for (const group of kpi.groups) {
      for (const [measure, field] of Object.entries(FIELD) as Array<[keyof typeof FIELD, (f: AssessmentFigures) => number]>) {
        const drill = await call(s, 'assessment.orders', { period: NOVEMBER, by: 'community', group: group.key, measure });
        expect(drill.count, `${group.label} ${measure}`).toBe(field(group));
        expect(drill.orderIds).toHaveLength(field(group)); // one callback per order here
      }
    }
    const of = async (measure: AssessmentMeasure) =>
      (await call(s, 'assessment.orders', { period: NOVEMBER, by: 'community', group: String(s.liuyingmen), measure })).orderIds;
    const sorted = (...keys: string[]) => keys.map((k) => ids[k]!).sort((a, b) => a - b);
    expect(await of('unsatisfied')).toEqual(sorted('c7'));
    expect(await of('basic')).toEqual(sorted('c6', 'c9'));
    expect(await of('partial')).toEqual(sorted('c6'));
    expect(await of('notContacted')).toEqual(sorted('c8'));
    expect(await of('unrated')).toEqual(sorted('c8'));
    expect(await of('excluded')).toEqual(sorted('x1', 'x2', 'x3'));
    expect(await of('valid')).toEqual(sorted('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10'));
    const title = await call(s, 'assessment.orders', { period: NOVEMBER, by: 'community', group: String(s.liuyingmen), measure: 'unsatisfied' });
    expect(title.title).toBe(`六营门社区 · 2026年11月 · ${ASSESSMENT_MEASURE.label.unsatisfied}`);
  });

  it('refuses a group key that is not a unit id', async () => {
    await expect(call(s, 'assessment.orders', { period: NOVEMBER, by: 'community', group: '六营门', measure: 'valid' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('不是有效的社区编号'),
    });
  });
});

describe('grouping', () => {
  it('groups by lead unit, by handler and by top-level or full category, naming the "none" groups', async () => {
    await calledBack(s, nov(2), {}, { lead: { unitId: s.chengguan, handlerStaffId: s.zhaogang }, category: '城市管理/市容环境/占道经营' });
    await calledBack(s, nov(3), { satisfaction: 'unsatisfied' }, { lead: { unitId: s.chengguan }, category: '城市管理/环境卫生/垃圾清运' });
    await calledBack(s, nov(4), {}, { lead: { unitId: s.liuyingmen }, category: '住房管理/物业管理/物业服务' });
    await calledBack(s, nov(5), {}, { category: '' });
    const by = async (b: 'department' | 'handler' | 'category', categoryLevel: 'top' | 'full' = 'top') =>
      (await call(s, 'assessment.kpi', { period: NOVEMBER, by: b, categoryLevel })).groups.map((g) => [g.label, g.validCallbacks, g.satisfactionRate]);
    // Active 科室 always listed; a community that led something after them; unassigned last.
    expect(await by('department')).toEqual([['城管科', 2, 0.5], ['房管科', 0, null], ['六营门社区', 1, 1], ['未派单', 1, 1]]);
    expect(await by('handler')).toEqual([['赵刚', 1, 1], ['未指定经办人', 3, Number((2 / 3).toFixed(6))]]);
    expect(await by('category')).toEqual([['城市管理', 2, 0.5], ['住房管理', 1, 1], ['未分类', 1, 1]]);
    expect(await by('category', 'full')).toEqual([
      ['城市管理/环境卫生/垃圾清运', 1, 0],
      ['城市管理/市容环境/占道经营', 1, 1],
      ['住房管理/物业管理/物业服务', 1, 1],
      ['未分类', 1, 1],
    ]);
    const inUnassigned = await call(s, 'assessment.orders', { period: NOVEMBER, by: 'department', group: '0', measure: 'valid' });
    expect(inUnassigned.title).toBe('未派单 · 2026年11月 · 有效回访');
    expect(inUnassigned.count).toBe(1);
  });
});

describe('a community with no orders', () => {
  it('is still listed, with "—" figures', async () => {
    await order(s, { community: s.liuyingmen, status: 'in_progress' });
    const kpi = await call(s, 'assessment.kpi', { period: NOVEMBER, by: 'community' });
    expect(kpi.groups.map((g) => [g.label, g.score])).toEqual([['六营门社区', null], ['东高地社区', null]]);
  });
});
