/**
 * Contract of the hotspots for 主动治理 (issue 6 item 5, DESIGN §1 `proactive`, §5): for the Monday-to-
 * Sunday week (Beijing time) containing a date, four sections — categories rising per community against
 * the previous weeks (spike flag), recurring addresses, clusters of likely repeat requests, and the
 * community × category heat table. Every item carries the ids of exactly the orders behind it, so the UI
 * and the 周汇报 can open the grid on them.
 *
 * The rules (⚙) are three settings, `hotspots.spike`, `hotspots.recurring` and `hotspots.duplicates`,
 * whose schemas live here so methods/settings.ts can list them without importing anything else.
 */
import { z } from 'zod';
import { method } from '../method.js';
import { epochMs, id } from '../scalars.js';
import { AssessmentDay } from './assessmentSettings.js';

// ---- settings (⚙) ----------------------------------------------------------------------------

const int = (what: string, min: number, max: number) =>
  z.number({ error: `${what}必须是数字` }).int(`${what}必须是整数`).min(min, `${what}应在 ${min}–${max} 之间`).max(max, `${what}应在 ${min}–${max} 之间`);

/** A category of this week is flagged when count ≥ factor × the average of the previous weeks AND count ≥ minOrders. */
export const HotspotSpikeRule = z
  .object({
    factor: z.number({ error: '激增倍数必须是数字' }).min(1, '激增倍数应在 1–20 之间').max(20, '激增倍数应在 1–20 之间'),
    minOrders: int('激增最少件数', 1, 1000),
    baselineWeeks: int('对比周数', 1, 52),
    /** 1 = 一级分类, 2 = 二级, 3 = 完整三级分类. */
    categoryLevel: int('分类层级', 1, 3),
    topPerCommunity: int('每个社区列出的分类数', 1, 20),
  })
  .strict();
export type HotspotSpikeRule = z.infer<typeof HotspotSpikeRule>;

/** An address is recurring with ≥ minOrders orders in the `days` days up to the week's end. */
export const HotspotRecurringRule = z.object({ minOrders: int('重复地址最少件数', 2, 1000), days: int('重复地址统计天数', 1, 366) }).strict();
export type HotspotRecurringRule = z.infer<typeof HotspotRecurringRule>;

/**
 * Orders within `windowDays` of each other are one cluster when they share the citizen's phone (if
 * byPhone), or the same 小区 and category with contents at least `similarity` alike (character-bigram
 * Jaccard, 0–1).
 */
export const HotspotDuplicateRule = z
  .object({
    windowDays: int('疑似重复件间隔天数', 1, 90),
    similarity: z.number({ error: '内容相似度必须是数字' }).min(0.1, '内容相似度应在 0.1–1 之间').max(1, '内容相似度应在 0.1–1 之间'),
    byPhone: z.boolean({ error: '应为“是”或“否”' }),
  })
  .strict();
export type HotspotDuplicateRule = z.infer<typeof HotspotDuplicateRule>;

export const DEFAULT_HOTSPOT_SPIKE: HotspotSpikeRule = { factor: 2, minOrders: 3, baselineWeeks: 8, categoryLevel: 2, topPerCommunity: 3 };
export const DEFAULT_HOTSPOT_RECURRING: HotspotRecurringRule = { minOrders: 3, days: 30 };
export const DEFAULT_HOTSPOT_DUPLICATES: HotspotDuplicateRule = { windowDays: 7, similarity: 0.5, byPhone: true };

const LEVEL_LABEL = ['', '一级分类', '二级分类', '三级分类'] as const;

export function describeSpikeRule(r: HotspotSpikeRule): string {
  return `本周件数 ≥ 前 ${r.baselineWeeks} 周周均的 ${r.factor} 倍且 ≥ ${r.minOrders} 件视为激增（按${LEVEL_LABEL[r.categoryLevel]}，每社区列前 ${r.topPerCommunity} 类）`;
}
export function describeRecurringRule(r: HotspotRecurringRule): string {
  return `同一地址近 ${r.days} 天 ≥ ${r.minOrders} 件视为重复地址`;
}
export function describeDuplicateRule(r: HotspotDuplicateRule): string {
  const phone = r.byPhone ? '同一来电号码，或' : '';
  return `${r.windowDays} 天内${phone}同一小区、同一分类且内容相似度 ≥ ${r.similarity} 视为疑似重复件`;
}

// ---- the week's hotspots ---------------------------------------------------------------------

const orderIds = z.array(id);

export const HotspotWeekInfo = z.object({
  date: z.string(),
  /** Monday and Sunday, 'YYYY-MM-DD' (Beijing). */
  firstDay: z.string(),
  lastDay: z.string(),
  /** [from, to) instants. */
  from: epochMs,
  to: epochMs,
  /** '2026年11月23日—11月29日' */
  label: z.string(),
});

export const HotspotCategoryItem = z.object({
  /** 0 = no community on the order. */
  communityId: z.number().int().nonnegative(),
  communityName: z.string(),
  /** The category path cut to the rule's level ('' = unclassified). */
  category: z.string(),
  categoryLabel: z.string(),
  count: z.number().int().nonnegative(),
  /** Average per week over the previous weeks that have data. */
  baselineAverage: z.number().nonnegative(),
  /** count ÷ baselineAverage; null when there was nothing before (a new topic). */
  ratio: z.number().nonnegative().nullable(),
  spike: z.boolean(),
  label: z.string(),
  orderIds,
});
export type HotspotCategoryItem = z.infer<typeof HotspotCategoryItem>;

export const HotspotAddressItem = z.object({
  /** The normalized address the orders share. */
  key: z.string(),
  /** The address as most of its orders wrote it. */
  address: z.string(),
  communityName: z.string(),
  count: z.number().int().positive(),
  /** How many of them were received this week. */
  weekCount: z.number().int().nonnegative(),
  firstAt: epochMs,
  lastAt: epochMs,
  /** 一级分类 of its orders, most frequent first. */
  categories: z.array(z.string()),
  label: z.string(),
  orderIds,
});
export type HotspotAddressItem = z.infer<typeof HotspotAddressItem>;

export const CLUSTER_REASON = {
  codes: ['phone', 'content', 'both'] as const,
  label: { phone: '同一来电号码', content: '同小区同类且内容相近', both: '同一来电号码且内容相近' },
} as const;

export const HotspotClusterItem = z.object({
  reason: z.enum(CLUSTER_REASON.codes),
  reasonLabel: z.string(),
  /** Masked (138****5678) when the cluster shares a phone. */
  phone: z.string().nullable(),
  residentialArea: z.string().nullable(),
  category: z.string().nullable(),
  communityName: z.string(),
  /** Highest bigram Jaccard among the content links (null for phone-only clusters). */
  similarity: z.number().min(0).max(1).nullable(),
  count: z.number().int().min(2),
  firstAt: epochMs,
  lastAt: epochMs,
  label: z.string(),
  orderIds,
});
export type HotspotClusterItem = z.infer<typeof HotspotClusterItem>;

export const HotspotHeatCell = z.object({
  count: z.number().int().nonnegative(),
  /** 0 = none, 1–5 = share of the table's largest cell, in fifths (the colour scale). */
  level: z.number().int().min(0).max(5),
  orderIds,
});
export const HotspotHeatTable = z.object({
  title: z.string(),
  note: z.string(),
  /** 一级分类, most orders first. */
  columns: z.array(z.object({ category: z.string(), label: z.string(), total: z.number().int().nonnegative() })),
  rows: z.array(
    z.object({ communityId: z.number().int().nonnegative(), communityName: z.string(), total: z.number().int().nonnegative(), cells: z.array(HotspotHeatCell) }),
  ),
  total: z.number().int().nonnegative(),
  max: z.number().int().nonnegative(),
});
export type HotspotHeatTable = z.infer<typeof HotspotHeatTable>;

function section<T extends z.ZodType>(item: T) {
  return z.object({
    title: z.string(),
    /** The rule in force, in Chinese. */
    note: z.string(),
    items: z.array(item),
    /** Items left out beyond the display limit (the largest are kept). */
    omitted: z.number().int().nonnegative(),
  });
}

export const WeeklyHotspots = z.object({
  week: HotspotWeekInfo,
  /** Orders received in the week. */
  weekTotal: z.number().int().nonnegative(),
  /** Top categories per community, each flagged when it spikes; spikes first. */
  categories: section(HotspotCategoryItem).extend({ spikeCount: z.number().int().nonnegative(), baselineWeeks: z.number().int().nonnegative() }),
  addresses: section(HotspotAddressItem),
  clusters: section(HotspotClusterItem),
  heat: HotspotHeatTable,
});
export type WeeklyHotspots = z.infer<typeof WeeklyHotspots>;

export const hotspotsMethods = {
  'hotspots.week': method(
    z.object({ date: AssessmentDay }).strict(),
    WeeklyHotspots,
    '某日所在周（周一至周日）的主动治理热点：分类激增、重复地址、疑似重复件、社区×分类热力表',
  ),
} as const;
