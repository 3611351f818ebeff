/**
 * Contract methods of the ledger (台账): importing the 12345 platform's export (preview, then commit),
 * the user's column-mapping presets, and exporting ledgers in the district's formats.
 */
import { z } from 'zod';
import { EXPORT_COLUMN, EXPORT_PRESET, IMPORT_FIELD } from '../ledgerLabels.js';
import { method } from '../method.js';
import { OrderFilter, OrderSort } from './orders.js';

export { EXPORT_COLUMN, EXPORT_PRESET, IMPORT_FIELD, type ExportColumn, type ExportPreset, type ImportField } from '../ledgerLabels.js';

const filePath = z.string().trim().min(1, '请选择文件').max(4096, '文件路径过长');
/** A client may name its import session up front, so it can follow progress and cancel before the preview returns. */
const token = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '导入会话标识格式不正确');
const count = z.number().int().nonnegative();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

export const RejectedRow = z.object({ row: z.number().int().positive(), reason: z.string() });
export type RejectedRow = z.infer<typeof RejectedRow>;

/** One upstream change to an existing order, as the preview lists it. */
export const UpstreamChange = z.object({
  kind: z.enum(['status', 'deadline', 'callback', 'fields']),
  /** Chinese name of what changed (工单状态, 办理时限, 回访, 诉求内容 …). */
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type UpstreamChange = z.infer<typeof UpstreamChange>;

export const UpdatedOrder = z.object({ row: z.number().int().positive(), orderNo: z.string(), changes: z.array(UpstreamChange) });
export type UpdatedOrder = z.infer<typeof UpdatedOrder>;

export const ImportPreview = z.object({
  token,
  file: z.object({
    name: z.string(),
    kind: z.enum(['xlsx', 'csv']),
    /** csv only: utf-8, gbk, utf-16le, utf-16be. */
    encoding: z.string().nullable(),
    sheet: z.string().nullable(),
    /** Spreadsheet row number of the header row (1-based, as Excel shows it). */
    headerRow: z.number().int().positive(),
  }),
  new: count,
  updated: count,
  unchanged: count,
  /** The first rejected rows (all of them are counted in rejectedCount). */
  rejected: z.array(RejectedRow),
  rejectedCount: count,
  duplicatesInFile: count,
  /** Header names of columns the import does not use: listed, never silently dropped. */
  ignoredColumns: z.array(z.string()),
  mappedColumns: z.array(z.object({ column: z.string(), field: z.enum(IMPORT_FIELD.codes) })),
  /** The first updated orders with what changed upstream. */
  changes: z.array(UpdatedOrder),
  /** Categories not yet in the taxonomy that a commit will add. */
  newCategories: z.array(z.string()),
  /** Things the clerk should know (unknown communities, unreadable 办理时限 …), in Chinese. */
  warnings: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  new: count,
  updated: count,
  unchanged: count,
  rejectedCount: count,
  duplicatesInFile: count,
  categoriesAdded: count,
  events: count,
  ms: count,
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportPreset = z.object({
  name: z.string().trim().min(1, '请填写方案名称').max(40, '方案名称最多 40 个字'),
  /** Spreadsheet row number of the header (1-based); null = find it automatically. */
  headerRow: z.number().int().positive().max(1000).nullable(),
  /** Header text in the file → what it means. Overrides the built-in alias table. */
  columns: z.record(z.string().trim().min(1).max(100), z.enum(IMPORT_FIELD.codes)),
});
export type ImportPreset = z.infer<typeof ImportPreset>;

export const LedgerFilter = z.object({
  /** 受理时间 from this Beijing day (inclusive). */
  from: day.optional(),
  /** 受理时间 up to this Beijing day (inclusive). */
  to: day.optional(),
});
export type LedgerFilter = z.infer<typeof LedgerFilter>;

export const ledgerMethods = {
  'import.preview': method(
    z.object({ path: filePath, preset: z.string().trim().min(1).max(40).optional(), token: token.optional() }).strict(),
    ImportPreview,
    '读取平台导出的表格并预览：新增、更新、未变、拒绝的行数及上游变化（不写入）',
  ),
  'import.commit': method(z.object({ token }).strict(), ImportResult, '确认导入：一次事务写入预览过的内容'),
  'import.cancel': method(z.object({ token }).strict(), z.object({ cancelled: z.boolean() }), '取消导入（读取中或预览后），不写入任何内容'),
  'import.presets.list': method(z.object({}).strict(), z.array(ImportPreset), '用户保存的列映射方案'),
  'import.presets.save': method(ImportPreset.strict(), ImportPreset, '保存（新建或覆盖）一个列映射方案'),
  'export.columns': method(
    z.object({}).strict(),
    z.object({
      columns: z.array(z.object({ key: z.enum(EXPORT_COLUMN.codes), label: z.string() })),
      presets: z.array(z.object({ key: z.enum(EXPORT_PRESET.codes), label: z.string(), columns: z.array(z.enum(EXPORT_COLUMN.codes)) })),
    }),
    '台账导出的可选列与预设',
  ),
  'export.ledger': method(
    z
      .object({
        preset: z.enum(EXPORT_PRESET.codes),
        /** The column chooser's choice, in order; default: the preset's columns. */
        columns: z.array(z.enum(EXPORT_COLUMN.codes)).min(1, '至少选择一列').max(100).optional(),
        ...LedgerFilter.shape,
        /** "What the grid shows": the grid's sort; default 受理时间 newest first. */
        sort: OrderSort.optional(),
        /** "What the grid shows": the grid's filter too (its view, filter bar, search or drill-down). */
        filter: OrderFilter.optional(),
        withPhones: z.boolean().default(false),
        format: z.enum(['xlsx', 'csv']),
        path: filePath,
      })
      .strict()
      .refine((a) => !a.from || !a.to || a.from <= a.to, { message: '开始日期不能晚于结束日期' }),
    z.object({ rows: count, path: z.string() }),
    '导出台账（xlsx 或 csv），并记录一条导出事件',
  ),
} as const;
