/** Contract methods of the orders grid and the order detail: sorted pages, positions, one order. */
import { z } from 'zod';
import { APPEAL_TYPE, ORDER_STATUS, SOURCE, TIER } from '../enums.js';
import { method } from '../method.js';
import { epochMs, id } from '../scalars.js';

/** Columns the grid can sort on; each has an index (see db/migrations/001-initial.ts). */
export const ORDER_SORT_COLUMNS = ['orderNo', 'receivedAt', 'appealType', 'category', 'community', 'status', 'handleDueAt'] as const;
export type OrderSortColumn = (typeof ORDER_SORT_COLUMNS)[number];

export const OrderSort = z.object({
  column: z.enum(ORDER_SORT_COLUMNS),
  direction: z.enum(['asc', 'desc']),
});
export type OrderSort = z.infer<typeof OrderSort>;

export const OrderGridRow = z.object({
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
export type OrderGridRow = z.infer<typeof OrderGridRow>;

export const OrderDetail = OrderGridRow.extend({
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
});
export type OrderDetail = z.infer<typeof OrderDetail>;

/** The most rows one page may ask for (the grid asks 100 at a time). */
export const MAX_PAGE_ROWS = 500;

export const orderMethods = {
  'orders.page': method(
    z
      .object({
        sort: OrderSort,
        startRow: z.number().int().min(0),
        endRow: z.number().int().min(1),
      })
      .strict()
      .refine((a) => a.endRow > a.startRow && a.endRow - a.startRow <= MAX_PAGE_ROWS, {
        message: `endRow 必须大于 startRow，且一次最多 ${MAX_PAGE_ROWS} 行`,
      }),
    z.object({ rows: z.array(OrderGridRow), rowCount: z.number().int().nonnegative() }),
    '工单表格的一页（数据库中排序）',
  ),
  'orders.position': method(
    z.object({ sort: OrderSort, orderId: id }).strict(),
    z.object({ index: z.number().int().nonnegative().nullable() }),
    '某工单在给定排序下的行号（用于排序后保持位置）',
  ),
  'orders.get': method(z.object({ id }).strict(), OrderDetail, '工单详情'),
} as const;
