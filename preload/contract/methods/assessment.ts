/**
 * Contract methods of the assessment (issue 6, DESIGN §4): the 三率 and 综合得分 of a period by group,
 * the orders behind any figure (drill-down), the forecast of what open orders can still change, and
 * 存量 / 增量 / 首办 by the same groups. Rates are fractions 0–1 and the score 0–100; a group with no
 * valid callbacks has null rates (the UI shows "—"), never NaN.
 */
import { z } from 'zod';
import { ORDER_STATUS } from '../enums.js';
import { method } from '../method.js';
import { epochMs, id } from '../scalars.js';
import { AssessmentDay, AssessmentFormula } from './assessmentSettings.js';

// ---- periods ---------------------------------------------------------------------------------

export const PERIOD_KIND = {
  codes: ['day', 'week', 'month', 'range', 'dailyWindow'] as const,
  label: { day: '日', week: '周', month: '考核月', range: '自定义时段', dailyWindow: '日通报时间窗' },
} as const;

const AssessmentMonth = z.string({ error: '月份应为 YYYY-MM' }).regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份应为 2000–2099 年间的 YYYY-MM');

/**
 * A period in Beijing time. week: the Monday-to-Sunday week containing `date`. month: the assessment
 * month named `month` ('2026-11'), or the one containing `date`; with a start day of 19 (setting
 * assessment.monthStartDay) November runs 10-19 → 11-18. range: both days inclusive. dailyWindow: the
 * bulletin's window ending on `date` (12:00 yesterday → 12:00 today by default).
 */
export const AssessmentPeriod = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('day'), date: AssessmentDay }).strict(),
    z.object({ kind: z.literal('week'), date: AssessmentDay }).strict(),
    z
      .object({ kind: z.literal('month'), month: AssessmentMonth.optional(), date: AssessmentDay.optional() })
      .strict()
      .refine((p) => (p.month === undefined) !== (p.date === undefined), '考核月请给出月份（YYYY-MM）或其中的一天（YYYY-MM-DD），二者选一'),
    z
      .object({ kind: z.literal('range'), from: AssessmentDay, to: AssessmentDay })
      .strict()
      .refine((p) => p.from <= p.to, '开始日期不能晚于结束日期'),
    z.object({ kind: z.literal('dailyWindow'), date: AssessmentDay }).strict(),
  ],
  { error: '时段类型只能是日、周、考核月、自定义时段或日通报时间窗' },
);
export type AssessmentPeriod = z.infer<typeof AssessmentPeriod>;

/** A period resolved to instants: [from, to), to exclusive. */
export const ResolvedPeriod = z.object({
  kind: z.enum(PERIOD_KIND.codes),
  from: epochMs,
  to: epochMs,
  /** First and last Beijing day the period touches. */
  firstDay: z.string(),
  lastDay: z.string(),
  /** '2026年11月考核月（10月19日—11月18日）' */
  label: z.string(),
});
export type ResolvedPeriod = z.infer<typeof ResolvedPeriod>;

// ---- groups ----------------------------------------------------------------------------------

/** department = the order's 主办 unit (a 科室, or a community that leads); handler = the 主办's 经办人. */
export const ASSESSMENT_GROUP_BY = {
  codes: ['none', 'community', 'department', 'category', 'handler'] as const,
  label: { none: '合计', community: '社区', department: '主办单位', category: '问题分类', handler: '经办人' },
} as const;
export type AssessmentGroupBy = (typeof ASSESSMENT_GROUP_BY.codes)[number];

export const CATEGORY_LEVEL = { codes: ['top', 'full'] as const, label: { top: '一级分类', full: '完整分类' } } as const;

const grouping = {
  by: z.enum(ASSESSMENT_GROUP_BY.codes, { error: '分组只能是合计、社区、主办单位、问题分类或经办人' }).default('none'),
  categoryLevel: z.enum(CATEGORY_LEVEL.codes, { error: '分类层级只能是一级分类或完整分类' }).default('top'),
};

/**
 * A group's key as text: a unit or staff id ('0' = none: no community, not assigned, no handler),
 * a category ('' = unclassified), or '' for by = none.
 */
const GroupKey = z.string().max(300);

// ---- the 三率 ----------------------------------------------------------------------------------

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable();

export const AssessmentFigures = z.object({
  /** Valid callbacks that count (after 核减). The denominator of every rate. */
  validCallbacks: count,
  contacted: count,
  resolved: count,
  partial: count,
  unresolved: count,
  satisfied: count,
  basic: count,
  unsatisfied: count,
  /** 未评价: in the denominator, counting 0 (see main/services/assessment/rates.ts). */
  unrated: count,
  /** Valid callbacks left out by the formula (咨询, approved 不合理诉求 / 重复件). */
  excluded: count,
  responseRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
  score: z.number().min(0).max(100).nullable(),
});
export type AssessmentFigures = z.infer<typeof AssessmentFigures>;

export const AssessmentGroup = AssessmentFigures.extend({ key: GroupKey, label: z.string() });
export type AssessmentGroup = z.infer<typeof AssessmentGroup>;

/** A formula and the part of the period it scored. */
export const FormulaInPeriod = z.object({ from: epochMs, to: epochMs, formula: AssessmentFormula, description: z.string() });

export const AssessmentKpi = z.object({
  period: ResolvedPeriod,
  by: z.enum(ASSESSMENT_GROUP_BY.codes),
  categoryLevel: z.enum(CATEGORY_LEVEL.codes),
  total: AssessmentFigures,
  groups: z.array(AssessmentGroup),
  formulas: z.array(FormulaInPeriod),
});
export type AssessmentKpi = z.infer<typeof AssessmentKpi>;

// ---- drill-down --------------------------------------------------------------------------------

/** What a figure counts. Callback measures count callbacks; the others count orders. */
export const ASSESSMENT_MEASURE = {
  codes: [
    'valid', 'contacted', 'notContacted', 'resolved', 'partial', 'unresolved',
    'satisfied', 'basic', 'unsatisfied', 'unrated', 'excluded',
    'intake', 'backlog', 'closed', 'firstTime', 'notFirstTime',
  ] as const,
  label: {
    valid: '有效回访',
    contacted: '已联系',
    notContacted: '未联系',
    resolved: '已解决',
    partial: '部分解决',
    unresolved: '未解决',
    satisfied: '满意',
    basic: '基本满意',
    unsatisfied: '不满意',
    unrated: '未评价',
    excluded: '核减（不计入考核）',
    intake: '增量（新收工单）',
    backlog: '存量（未办结工单）',
    closed: '回访结案工单',
    firstTime: '首办解决',
    notFirstTime: '非首办解决',
  },
} as const;
export type AssessmentMeasure = (typeof ASSESSMENT_MEASURE.codes)[number];

export const AssessmentOrders = z.object({
  /** '六营门社区 · 2026年11月考核月 · 不满意' */
  title: z.string(),
  measure: z.enum(ASSESSMENT_MEASURE.codes),
  /** Callbacks (callback measures) or orders (the others) — the figure the UI showed. */
  count,
  /** The distinct orders behind it, ascending; fewer than `count` when one order had several callbacks. */
  orderIds: z.array(id),
});
export type AssessmentOrders = z.infer<typeof AssessmentOrders>;

// ---- forecast ----------------------------------------------------------------------------------

const RatesOnly = z.object({ responseRate: rate, resolutionRate: rate, satisfactionRate: rate, score: z.number().min(0).max(100).nullable() });

export const FORECAST_STAGE = {
  codes: ['awaitingCallback', 'overdue', 'inHandling'] as const,
  label: { awaitingCallback: '已办结待回访', overdue: '已超时未办结', inHandling: '办理中（本期内到期）' },
} as const;

export const ForecastItem = z.object({
  orderId: id,
  orderNo: z.string(),
  status: z.enum(ORDER_STATUS.codes),
  stage: z.enum(FORECAST_STAGE.codes),
  stageLabel: z.string(),
  handleDueAt: epochMs,
  groupKey: GroupKey,
  groupLabel: z.string(),
  /** The group's rates now, if this order's callback is good (已联系、已解决、满意), and if it is bad. */
  groupNow: RatesOnly,
  ifGood: RatesOnly,
  ifBad: RatesOnly,
  /** The street's total if this callback is good / bad. */
  totalIfGood: RatesOnly,
  totalIfBad: RatesOnly,
  /** In Chinese, one or two sentences. */
  explanation: z.string(),
});
export type ForecastItem = z.infer<typeof ForecastItem>;

export const AssessmentForecast = z.object({
  period: ResolvedPeriod,
  asOf: epochMs,
  /** false when the period is over: nothing can change it any more. */
  open: z.boolean(),
  by: z.enum(ASSESSMENT_GROUP_BY.codes),
  now: RatesOnly,
  /** If the callback of every pending order (pendingCount, not only the listed ones) fell in the period and were good / bad. */
  ifAllGood: RatesOnly,
  ifAllBad: RatesOnly,
  pendingCount: count,
  items: z.array(ForecastItem),
  /** How the forecast is made, in Chinese (shown under the table). */
  method: z.string(),
});
export type AssessmentForecast = z.infer<typeof AssessmentForecast>;

// ---- 存量 / 增量 / 首办 --------------------------------------------------------------------------

export const VolumeFigures = z.object({
  /** 增量: orders received in the period. */
  intake: count,
  /** 存量: orders open (待签收 / 异议审核中 / 办理中) at `backlogAt`. */
  backlog: count,
  /** Orders closed by a callback in the period: the 首办 denominator. */
  closed: count,
  firstTime: count,
  firstTimeRate: rate,
});
export type VolumeFigures = z.infer<typeof VolumeFigures>;

export const AssessmentVolume = z.object({
  period: ResolvedPeriod,
  by: z.enum(ASSESSMENT_GROUP_BY.codes),
  categoryLevel: z.enum(CATEGORY_LEVEL.codes),
  /** The moment of the 存量: the period's end, or now while the period runs. */
  backlogAt: epochMs,
  total: VolumeFigures,
  groups: z.array(VolumeFigures.extend({ key: GroupKey, label: z.string() })),
});
export type AssessmentVolume = z.infer<typeof AssessmentVolume>;

// ---- methods ------------------------------------------------------------------------------------

export const assessmentMethods = {
  'assessment.kpi': method(z.object({ period: AssessmentPeriod, ...grouping }).strict(), AssessmentKpi, '某时段的三率与综合得分（可按社区、主办单位、分类、经办人分组）'),
  'assessment.orders': method(
    z
      .object({
        period: AssessmentPeriod,
        ...grouping,
        /** Absent: the whole street (the total row). */
        group: GroupKey.optional(),
        measure: z.enum(ASSESSMENT_MEASURE.codes, { error: '未知的考核指标' }),
      })
      .strict(),
    AssessmentOrders,
    '某个考核数字背后的工单（下钻）',
  ),
  'assessment.forecast': method(
    z
      .object({
        /** Default: the assessment month containing today. */
        period: AssessmentPeriod.optional(),
        by: grouping.by,
        categoryLevel: grouping.categoryLevel,
        limit: z.number().int().min(1, '条数至少为 1').max(500, '一次最多 500 条').default(100),
      })
      .strict(),
    AssessmentForecast,
    '本期仍可能影响三率的在办工单及影响大小',
  ),
  'assessment.volume': method(z.object({ period: AssessmentPeriod, ...grouping }).strict(), AssessmentVolume, '存量、增量与首办率（按同样的分组）'),
} as const;
