/**
 * Contract methods of the orders grid and the order detail: filtered, sorted pages, positions, counts,
 * the pickers' lists, one order.
 */
import { z } from 'zod';
import { APPEAL_TYPE, ORDER_STATUS, SOURCE, TIER } from '../enums.js';
import { method } from '../method.js';
import { epochMs, id } from '../scalars.js';
import { OrderFilter } from './orderFilter.js';
import { DEADLINE_BAND, workflowDetailFields } from './workflowRecords.js';

export * from './orderFilter.js';

/** Columns the grid can sort on; each has an index (see db/migrations/001-initial.ts). */
export const ORDER_SORT_COLUMNS = ['orderNo', 'receivedAt', 'appealType', 'category', 'community', 'status', 'handleDueAt'] as const;
export type OrderSortColumn = (typeof ORDER_SORT_COLUMNS)[number];

export const OrderSort = z.object({
  column: z.enum(ORDER_SORT_COLUMNS),
  direction: z.enum(['asc', 'desc']),
});
export type OrderSort = z.infer<typeof OrderSort>;

/** What the grid and the detail share. */
export const OrderSummary = z.object({
  id,
  orderNo: z.string(),
  receivedAt: epochMs,
  appealType: z.enum(APPEAL_TYPE.codes),
  category: z.string(),
  communityId: id.nullable(),
  communityName: z.string().nullable(),
  status: z.enum(ORDER_STATUS.codes),
  tier: z.enum(TIER.codes),
  handleDueAt: epochMs,
  version: z.number().int().positive(),
});

/** One grid row: every field a column may show (personal data masked, content clipped). */
export const OrderGridRow = OrderSummary.extend({
  dispatchedAt: epochMs,
  acceptedAt: epochMs.nullable(),
  source: z.enum(SOURCE.codes),
  firstContactDueAt: epochMs,
  firstContactAt: epochMs.nullable(),
  repliedAt: epochMs.nullable(),
  closedAt: epochMs.nullable(),
  /** The countdown colour bands, with the warning hours of the settings. */
  firstContactBand: z.enum(DEADLINE_BAND.codes),
  handleBand: z.enum(DEADLINE_BAND.codes),
  /** The first characters of the content (the detail has all of it). */
  contentPreview: z.string(),
  address: z.string(),
  residentialArea: z.string().nullable(),
  citizenName: z.string().nullable(),
  citizenPhoneMasked: z.string().nullable(),
  leadUnitName: z.string().nullable(),
  assistUnitNames: z.array(z.string()),
  /** Handlers (经办人) of the lead and assist units, lead first. */
  handlerNames: z.array(z.string()),
  difficult: z.boolean(),
  supervised: z.boolean(),
  unreasonable: z.boolean(),
  /** The master order when this one is a 重复件. */
  duplicateOf: id.nullable(),
  tags: z.array(z.string()),
  reopenCount: z.number().int().nonnegative(),
  platformStatus: z.string().nullable(),
});
export type OrderGridRow = z.infer<typeof OrderGridRow>;

export const OrderDetail = OrderSummary.extend({
  dispatchedAt: epochMs,
  source: z.enum(SOURCE.codes),
  content: z.string(),
  citizenName: z.string().nullable(),
  /** Masked for display (138****5678), or '保密'. */
  citizenPhoneMasked: z.string().nullable(),
  address: z.string(),
  residentialArea: z.string().nullable(),
  firstContactDueAt: epochMs,
  firstContactAt: epochMs.nullable(),
  repliedAt: epochMs.nullable(),
  replyText: z.string().nullable(),
  leadUnit: z.string().nullable(),
  assistUnits: z.array(z.string()),
  ...workflowDetailFields,
});
export type OrderDetail = z.infer<typeof OrderDetail>;

/** A picker option: the name, its 拼音首字母 ("lymsq" for 六营门社区) and full pinyin, lowercase. */
const spelled = { initials: z.string(), spell: z.string() };
const CodeOption = z.object({ code: z.string(), label: z.string(), ...spelled });
export const OrderFacets = z.object({
  communities: z.array(z.object({ id, name: z.string(), ...spelled })),
  departments: z.array(z.object({ id, name: z.string(), ...spelled })),
  staff: z.array(z.object({ id, name: z.string(), unitId: id.nullable(), ...spelled })),
  /** Every level of the taxonomy; `pathInitials` spells the whole path (csgl/srhj/zdjy). */
  categories: z.array(z.object({ path: z.string(), name: z.string(), level: z.number().int(), pathInitials: z.string(), ...spelled })),
  statuses: z.array(CodeOption),
  appealTypes: z.array(CodeOption),
  sources: z.array(CodeOption),
  tiers: z.array(CodeOption),
  tags: z.array(CodeOption),
});
export type OrderFacets = z.infer<typeof OrderFacets>;

/** The most rows one page may ask for (the grid asks 100 at a time). */
export const MAX_PAGE_ROWS = 500;

export const orderMethods = {
  'orders.page': method(
    z
      .object({
        sort: OrderSort,
        startRow: z.number().int().min(0),
        endRow: z.number().int().min(1),
        filter: OrderFilter.optional(),
      })
      .strict()
      .refine((a) => a.endRow > a.startRow && a.endRow - a.startRow <= MAX_PAGE_ROWS, {
        message: `endRow 必须大于 startRow，且一次最多 ${MAX_PAGE_ROWS} 行`,
      }),
    z.object({ rows: z.array(OrderGridRow), rowCount: z.number().int().nonnegative() }),
    '工单表格的一页（在数据库中筛选、排序）；rowCount 为符合筛选的总数',
  ),
  'orders.position': method(
    z.object({ sort: OrderSort, orderId: id, filter: OrderFilter.optional() }).strict(),
    z.object({ index: z.number().int().nonnegative().nullable() }),
    '某工单在给定筛选与排序下的行号（不符合筛选或不存在时为 null）',
  ),
  'orders.count': method(
    z.object({ filter: OrderFilter.optional() }).strict(),
    z.object({ count: z.number().int().nonnegative() }),
    '符合筛选条件的工单数',
  ),
  'orders.facets': method(z.object({}).strict(), OrderFacets, '筛选选择器的选项（社区、科室、人员、分类、状态等），附拼音首字母'),
  'orders.get': method(z.object({ id }).strict(), OrderDetail, '工单详情'),
} as const;
