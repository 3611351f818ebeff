/**
 * The ⚙ values of the assessment (DESIGN §4) as setting schemas: the 三率 formula table with effective
 * dates, the assessment month's start day and the daily bulletin's window. Kept apart from
 * methods/settings.ts (which lists them among all settings) and from methods/assessment.ts (the
 * methods that read them), so both can import these without a cycle.
 */
import { z } from 'zod';
import { APPEAL_TYPE } from '../enums.js';

/** A real calendar day 'YYYY-MM-DD' between 2000 and 2099. */
export const AssessmentDay = z
  .string({ error: '日期应为 YYYY-MM-DD' })
  .regex(/^20\d{2}-\d{2}-\d{2}$/, '日期应为 2000–2099 年间的 YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, '不是真实的日期');

const weight = (what: string) =>
  z.number({ error: `${what}必须是数字` }).min(0, `${what}不能小于 0`).max(1, `${what}不能大于 1`);

/** The 三率's share of the 综合得分; they must add up to 1 so the score stays on 0–100. */
export const AssessmentWeights = z
  .object({ response: weight('响应率权重'), resolution: weight('解决率权重'), satisfaction: weight('满意率权重') })
  .strict()
  .refine((w) => Math.abs(w.response + w.resolution + w.satisfaction - 1) < 1e-9, '三率权重之和必须等于 1');

/** Which callbacks are left out of the 三率 (核减). */
export const AssessmentExclusions = z
  .object({
    appealTypes: z
      .array(z.enum(APPEAL_TYPE.codes, { error: '未知的诉求类型' }))
      .max(APPEAL_TYPE.codes.length)
      .refine((a) => new Set(a).size === a.length, '诉求类型不能重复'),
    /** 不合理诉求 once approved (unreasonable = 1 and unreasonable_approved = 1). */
    unreasonableApproved: z.boolean({ error: '应为“是”或“否”' }),
    /** 重复件 once approved (duplicate_of set and duplicate_approved = 1). */
    duplicateApproved: z.boolean({ error: '应为“是”或“否”' }),
  })
  .strict();

export const AssessmentFormula = z
  .object({
    /** The first Beijing day this formula applies to; it applies until the next entry's date. */
    effectiveFrom: AssessmentDay,
    weights: AssessmentWeights,
    /** w₁: how much a 部分解决 counts in the 解决率. */
    partialResolvedWeight: weight('部分解决折算系数'),
    /** w₂: how much a 基本满意 counts in the 满意率. */
    basicSatisfiedWeight: weight('基本满意折算系数'),
    exclude: AssessmentExclusions,
  })
  .strict();
export type AssessmentFormula = z.infer<typeof AssessmentFormula>;

export const AssessmentFormulaTable = z
  .array(AssessmentFormula)
  .min(1, '至少要有一条考核公式')
  .max(50, '考核公式最多 50 条')
  .refine((list) => new Set(list.map((f) => f.effectiveFrom)).size === list.length, '同一生效日期只能有一条考核公式');

/** 1 = calendar month; 19 = the 19th of one month to the 18th of the next. At most 28: every month has it. */
export const MonthStartDay = z
  .number({ error: '考核月起始日必须是数字' })
  .int('考核月起始日必须是整数')
  .min(1, '考核月起始日应在 1–28 之间')
  .max(28, '考核月起始日应在 1–28 之间');

/** The daily bulletin runs from this hour yesterday to this hour today (Beijing). */
export const DailyWindowHour = z
  .number({ error: '日通报时间窗必须是数字' })
  .int('日通报时间窗必须是整点')
  .min(0, '日通报时间窗应在 0–23 点之间')
  .max(23, '日通报时间窗应在 0–23 点之间');

/** DESIGN §4 defaults; the first formula also covers callbacks before its date. */
export const DEFAULT_ASSESSMENT_FORMULAS: AssessmentFormula[] = [
  {
    // The regulation (《北京市接诉即办工作条例》) is in force from this day.
    effectiveFrom: '2021-09-24',
    weights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 },
    partialResolvedWeight: 0,
    basicSatisfiedWeight: 0.9,
    exclude: { appealTypes: ['consult'], unreasonableApproved: true, duplicateApproved: true },
  },
];
export const DEFAULT_MONTH_START_DAY = 1;
export const DEFAULT_DAILY_WINDOW_HOUR = 12;

/** A one-line Chinese description of a formula, for the settings page, events and reports. */
export function describeFormula(f: AssessmentFormula): string {
  const w = f.weights;
  const excluded = [
    ...f.exclude.appealTypes.map((t) => APPEAL_TYPE.label[t]),
    ...(f.exclude.unreasonableApproved ? ['已核准的不合理诉求'] : []),
    ...(f.exclude.duplicateApproved ? ['已核准的重复件'] : []),
  ];
  return (
    `自 ${f.effectiveFrom} 起：综合得分 = 100 ×（响应率 × ${w.response} + 解决率 × ${w.resolution} + 满意率 × ${w.satisfaction}），` +
    `部分解决按 ${f.partialResolvedWeight} 计，基本满意按 ${f.basicSatisfiedWeight} 计，` +
    `不计入考核：${excluded.length ? excluded.join('、') : '无'}`
  );
}
