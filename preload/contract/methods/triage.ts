/**
 * Contract methods of the triage workbench (issue 4): saved views with live counts, each clerk's column
 * layouts, and bulk actions on a selection or on every order matching a filter (preview, then apply).
 */
import { z } from 'zod';
import { method } from '../method.js';
import { epochMs, id } from '../scalars.js';
import { OrderFilter } from './orderFilter.js';
import { OrderSort } from './orders.js';
import { ORDER_TAG } from './workflowRecords.js';

/** The built-in views of the left rail, in their order. */
export const BUILTIN_VIEW = {
  codes: ['pending', 'mine', 'dueSoon', 'overdue', 'awaitingCallback', 'secondRound', 'duplicates', 'difficult', 'thisWeek'] as const,
  label: {
    pending: '待签收',
    mine: '我的待办',
    dueSoon: '即将超时',
    overdue: '已超时',
    awaitingCallback: '待回访',
    secondRound: '不满意/二次办理',
    duplicates: '重复件',
    difficult: '疑难',
    thisWeek: '本周新增',
  },
} as const;
export type BuiltinView = (typeof BUILTIN_VIEW.codes)[number];
/** The layout key of the grid when no view is chosen (全部工单). */
export const ALL_ORDERS_VIEW_KEY = 'all';

/** One column of an AG Grid column state (colId, width, hide, pinned, sort …), kept as the grid gives it. */
export const ColumnStateEntry = z
  .object({ colId: z.string().min(1).max(100) })
  .catchall(z.union([z.string().max(200), z.number(), z.boolean(), z.null()]));
export const ColumnState = z.array(ColumnStateEntry).max(200, { error: '列太多' });
export type ColumnState = z.infer<typeof ColumnState>;

const viewName = z
  .string({ error: '请填写视图名称' })
  .trim()
  .min(1, { error: '请填写视图名称' })
  .max(40, { error: '视图名称不能超过 40 字' });

export const SavedView = z.object({
  /** Stable key: the built-in code ('pending' …) or 'v' + the id of a clerk's view. */
  key: z.string(),
  builtin: z.enum(BUILTIN_VIEW.codes).nullable(),
  /** The clerk's view id; null for built-ins. */
  id: id.nullable(),
  name: z.string(),
  filter: OrderFilter,
  sort: OrderSort,
  /** The calling clerk's own layout of this view if saved, else the view's. */
  columnState: ColumnState.nullable(),
  /** Who created it (null for built-ins). */
  owner: z.string().nullable(),
  shared: z.boolean(),
  /** The caller created it: may rename, reorder, share and delete it. */
  own: z.boolean(),
  /** 我的待办 needs the clerk's staff id; without one it shows nothing. */
  needsStaff: z.boolean(),
  /** Why the view cannot run (e.g. its stored filter is from an older version); null when fine. */
  problem: z.string().nullable(),
  version: z.number().int().positive().nullable(),
});
export type SavedView = z.infer<typeof SavedView>;

const staffArg = { staffId: id.optional() };

// ---- Bulk actions ---------------------------------------------------------------------------------

/** The most orders one bulk action may touch. */
export const MAX_BULK_ORDERS = 5000;

const optionalText = (what: string, max: number) => z.string().trim().max(max, { error: `${what}不能超过 ${max} 字` }).optional();
const UnitAssignment = z.object({ unitId: id, handlerStaffId: id.nullable().optional() }).strict();

export const BulkAction = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('accept') }).strict(),
    z
      .object({
        kind: z.literal('assign'),
        /** The new lead (主办) of every order; omitted: each keeps its lead. */
        lead: UnitAssignment.optional(),
        /** Assists (协办) added to each order's assists. */
        assists: z.array(UnitAssignment).max(50).optional(),
        overrideReason: optionalText('超职责主办理由', 500),
      })
      .strict()
      .refine((a) => a.lead !== undefined || (a.assists?.length ?? 0) > 0, { error: '请选择主办单位或协办单位' }),
    z
      .object({ kind: z.literal('setDifficult'), on: z.boolean(), reason: optionalText('疑难原因', 2000), escalateTo: optionalText('上报对象', 200) })
      .strict()
      .refine((a) => !a.on || (!!a.reason && !!a.escalateTo), { error: '标记疑难须填写原因和上报对象' }),
    z.object({ kind: z.literal('setSupervised'), on: z.boolean(), note: optionalText('督办说明', 1000) }).strict(),
    z
      .object({ kind: z.literal('setUnreasonable'), on: z.boolean(), reason: optionalText('不合理诉求说明', 2000), approved: z.boolean().optional() })
      .strict()
      .refine((a) => !a.on || !!a.reason, { error: '标记不合理诉求须写明理由' }),
    z.object({ kind: z.literal('setTag'), tag: z.enum(ORDER_TAG.codes, { error: '未知的标签' }), on: z.boolean() }).strict(),
  ],
  { error: '未知的批量操作' },
);
export type BulkAction = z.infer<typeof BulkAction>;

export const BulkSelection = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('ids'), ids: z.array(id).min(1, { error: '请至少选择一件工单' }).max(MAX_BULK_ORDERS) }).strict(),
    /** Every order matching the filter, not only the rows loaded in the grid. */
    z.object({ kind: z.literal('filter'), filter: OrderFilter }).strict(),
  ],
  { error: '请指定所选工单或筛选条件' },
);

/** One order in a preview or a result: what changes (or changed), or why not. */
export const BulkItem = z.object({
  orderId: id,
  /** '' when the order does not exist. */
  orderNo: z.string(),
  /** Preview: the version to send to bulk.apply; apply: the version after the change; null when missing. */
  version: z.number().int().positive().nullable(),
  text: z.string(),
});
export type BulkItem = z.infer<typeof BulkItem>;

export const BulkOutcome = z.object({
  /** Orders in the selection. */
  matched: z.number().int().nonnegative(),
  /** Will change (preview) / changed (apply), each with its timeline line; apply gives the new versions. */
  changes: z.array(BulkItem),
  /** Already as asked: nothing to do, no event. */
  unchanged: z.array(BulkItem),
  /** Not possible, with the reason (e.g. 已签收, 不在职责清单内, changed since the preview). */
  refused: z.array(BulkItem),
});
export type BulkOutcome = z.infer<typeof BulkOutcome>;

export const triageMethods = {
  'views.list': method(
    z.object(staffArg).strict(),
    z.object({ views: z.array(SavedView), /** The clerk's layout of 全部工单 (no view chosen), if saved. */ allOrdersLayout: ColumnState.nullable() }),
    '左侧视图列表：内置视图与本人及共享的自定义视图',
  ),
  'views.counts': method(
    z.object(staffArg).strict(),
    z.object({ counts: z.record(z.string(), z.number().int().nonnegative().nullable()), at: epochMs }),
    '每个视图的实时工单数（一次取全部；我的待办未指定人员时为 null）',
  ),
  'views.create': method(
    z.object({ name: viewName, filter: OrderFilter, sort: OrderSort, columnState: ColumnState.optional(), shared: z.boolean().default(false) }).strict(),
    SavedView,
    '新建自定义视图（名称、筛选、排序、列设置）',
  ),
  'views.update': method(
    z
      .object({
        id,
        version: z.number({ error: '缺少视图版本号' }).int().positive(),
        name: viewName.optional(),
        filter: OrderFilter.optional(),
        sort: OrderSort.optional(),
        columnState: ColumnState.nullable().optional(),
        shared: z.boolean().optional(),
      })
      .strict(),
    SavedView,
    '修改自定义视图（改名、改筛选或排序、共享或取消共享）',
  ),
  'views.reorder': method(
    z.object({ ids: z.array(id).min(1).max(500) }).strict(),
    z.object({ views: z.array(SavedView) }),
    '调整本人自定义视图的顺序',
  ),
  'views.delete': method(z.object({ id }).strict(), z.object({ deleted: z.boolean() }), '删除本人的自定义视图'),
  'views.saveLayout': method(
    z.object({ key: z.string().min(1).max(40), columnState: ColumnState.nullable() }).strict(),
    z.object({ saved: z.boolean() }),
    '保存本人在某视图下的列布局（null 恢复默认）',
  ),
  'bulk.preview': method(
    z.object({ action: BulkAction, selection: BulkSelection }).strict(),
    BulkOutcome,
    '批量操作预览：逐件列出将修改的内容与不能执行的原因（不写入）',
  ),
  'bulk.apply': method(
    z
      .object({
        action: BulkAction,
        /** The orders of the preview with the versions it showed: one changed since is refused. */
        orders: z
          .array(z.object({ orderId: id, version: z.number().int().positive() }).strict())
          .min(1, { error: '请至少选择一件工单' })
          .max(MAX_BULK_ORDERS),
      })
      .strict(),
    BulkOutcome,
    '批量执行（一个事务；每件工单各记一条处理记录，不能执行的逐件说明原因）',
  ),
} as const;
