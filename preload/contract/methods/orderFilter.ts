/**
 * The grid's filter: every dimension optional, dimensions AND-ed, values within a dimension OR-ed.
 * An empty list means "no constraint" (a picker with nothing ticked), never "nothing matches".
 * It runs in the database (main/services/orders/filters.ts); saved views store it as JSON.
 */
import { z } from 'zod';
import { APPEAL_TYPE, ORDER_STATUS, SOURCE, TIER } from '../enums.js';
import { epochMs, id } from '../scalars.js';

/** Instants [from, to): from inclusive, to exclusive (the UI sends Beijing day boundaries). */
export const TimeRange = z
  .object({ from: epochMs.optional(), to: epochMs.optional() })
  .strict()
  .refine((r) => r.from === undefined || r.to === undefined || r.from < r.to, { error: '开始时间必须早于结束时间' });
export type TimeRange = z.infer<typeof TimeRange>;

/** Relative receiving periods in Beijing time, resolved when the filter runs (weeks start on Monday). */
export const RECEIVED_PERIOD = {
  codes: ['today', 'thisWeek', 'thisMonth'] as const,
  label: { today: '今天', thisWeek: '本周', thisMonth: '本月' },
} as const;

/** A deadline band to look for: 即将超时 (due within the warning hours) or 已超时, of one of the two deadlines. */
export const DeadlineBandFilter = z
  .object({ kind: z.enum(['firstContact', 'handle']), band: z.enum(['soon', 'overdue']) })
  .strict();
export type DeadlineBandFilter = z.infer<typeof DeadlineBandFilter>;

const set = <T extends z.ZodType>(item: T, max = 500) => z.array(item).max(max, { error: `一次最多选择 ${max} 项` }).optional();

export const OrderFlagsFilter = z
  .object({
    difficult: z.boolean().optional(),
    supervised: z.boolean().optional(),
    duplicate: z.boolean().optional(),
    unreasonable: z.boolean().optional(),
    monthlyTopic: z.boolean().optional(),
  })
  .strict();

export const OrderFilter = z
  .object({
    statuses: set(z.enum(ORDER_STATUS.codes)),
    appealTypes: set(z.enum(APPEAL_TYPE.codes)),
    sources: set(z.enum(SOURCE.codes)),
    tiers: set(z.enum(TIER.codes)),
    /** Community unit ids; 0 = orders without a community. */
    communityIds: set(z.number().int().nonnegative()),
    /** Orders led (主办) by any of these units. */
    leadUnitIds: set(id),
    /** Orders assisted (协办) by any of these units. */
    assistUnitIds: set(id),
    /** Orders with any of these staff as handler (经办人) of a lead or assist unit. */
    handlerStaffIds: set(id),
    /** 我的: orders with this staff member as a handler (accounts come later: the UI sends its staff id). */
    mineStaffId: id.optional(),
    /** Category path prefixes, whole segments ('城市管理' covers 城市管理/…); '' = unclassified. */
    categories: set(z.string().max(300), 200),
    receivedAt: TimeRange.optional(),
    receivedIn: z.enum(RECEIVED_PERIOD.codes).optional(),
    handleDueAt: TimeRange.optional(),
    firstContactDueAt: TimeRange.optional(),
    /** true: must carry the flag; false: must not. */
    flags: OrderFlagsFilter.optional(),
    /** Any of these bands (OR): e.g. first contact 已超时 or handling 已超时. */
    deadlineBands: z.array(DeadlineBandFilter).max(4).optional(),
    /** 不满意/二次办理: in 二次办理 now, or closed after an unhappy callback of the last 30 days. */
    secondRound: z.boolean().optional(),
    /**
     * Exactly these orders (a drill-down from the dashboard, a report or a hotspot: the ids come from
     * assessment.orders or the hotspot itself). Not offered in the grid's own filter UI.
     */
    orderIds: z.array(id).max(50_000, { error: '一次最多指定 50000 件工单' }).optional(),
    /** The search box: content, address, order number, phone (full, start or last 4), citizen name. */
    search: z.string().max(200, { error: '搜索内容不能超过 200 字' }).optional(),
  })
  .strict();
export type OrderFilter = z.infer<typeof OrderFilter>;
