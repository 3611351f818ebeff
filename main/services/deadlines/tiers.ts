/**
 * The deadline tiers (DESIGN §3 ⚙): how long each tier gives for handling and for the first contact.
 * Stored as a JSON setting under TIERS_SETTING_KEY; DEFAULT_TIERS applies when nothing is stored.
 */
import { z } from 'zod';
import { TIER, type Tier } from '../../../preload/contract/enums.js';
import { AppError } from '../../../preload/contract/errors.js';

export const TIERS_SETTING_KEY = 'deadlines.tiers';

export const DURATION_UNITS = ['hours', 'calendarDays', 'workingDays'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** Shown after the amount: "2小时", "3个自然日", "7个工作日". */
export const DURATION_UNIT_LABEL: Record<DurationUnit, string> = {
  hours: '小时',
  calendarDays: '个自然日',
  workingDays: '个工作日',
};

/** Upper bounds that catch a typo (700 instead of 7) without limiting any real practice. */
const MAX_AMOUNT: Record<DurationUnit, number> = { hours: 24 * 366, calendarDays: 366, workingDays: 250 };

export const durationSchema = z
  .object({
    amount: z.number({ error: '时长必须是数字' }).int('时长必须是整数').positive('时长必须大于 0'),
    unit: z.enum(DURATION_UNITS, { error: '时长单位只能是小时、自然日或工作日' }),
  }, { error: '缺少时长或格式不正确' })
  .refine((d) => d.amount <= MAX_AMOUNT[d.unit], { error: '时长过长，请检查是否多输了位数' });
export type Duration = z.infer<typeof durationSchema>;

export const tierRuleSchema = z.object({
  /** 办理时限 */
  handle: durationSchema,
  /** 首次联系时限 */
  firstContact: durationSchema,
}, { error: '缺少该档时限或格式不正确' });
export type TierRule = z.infer<typeof tierRuleSchema>;

export const tierTableSchema = z.object({
  urgent: tierRuleSchema,
  utility: tierRuleSchema,
  general: tierRuleSchema,
  complex: tierRuleSchema,
} satisfies Record<Tier, typeof tierRuleSchema>, { error: '时限设置应为四档（紧急、24小时、一般、复杂）的表' });
export type TierTable = Record<Tier, TierRule>;

export const DEFAULT_TIERS: TierTable = {
  urgent: { handle: { amount: 2, unit: 'hours' }, firstContact: { amount: 2, unit: 'hours' } },
  utility: { handle: { amount: 24, unit: 'hours' }, firstContact: { amount: 2, unit: 'hours' } },
  general: { handle: { amount: 7, unit: 'workingDays' }, firstContact: { amount: 24, unit: 'hours' } },
  complex: { handle: { amount: 15, unit: 'workingDays' }, firstContact: { amount: 24, unit: 'hours' } },
};

/** "7个工作日" */
export function describeDuration(d: Duration): string {
  return `${d.amount}${DURATION_UNIT_LABEL[d.unit]}`;
}

/** Validates a tier table (as stored or as edited by the admin); refuses it with a Chinese message. */
export function parseTierTable(value: unknown): TierTable {
  const result = tierTableSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const [tier, field] = (issue?.path ?? []) as [string?, string?];
  const where = [
    tier && tier in TIER.label ? `「${TIER.label[tier as Tier]}」` : '',
    field === 'handle' ? '办理时限' : field === 'firstContact' ? '首次联系时限' : '',
  ].join('');
  throw new AppError('INVALID_INPUT', `时限设置无效：${where ? `${where}：` : ''}${issue?.message ?? '格式不正确'}`);
}

/** The tier table stored as JSON text, or the defaults when nothing is stored yet. */
export function readTierTable(valueJson: string | null | undefined): TierTable {
  if (valueJson === null || valueJson === undefined) return DEFAULT_TIERS;
  let value: unknown;
  try {
    value = JSON.parse(valueJson);
  } catch (e) {
    throw new AppError('INVALID_INPUT', '时限设置不是有效的 JSON，无法读取。', { cause: e });
  }
  return parseTierTable(value);
}
