/**
 * Finding the header row and what each column means. Platform exports put title and note rows above
 * the header and name the same column differently from one version to the next, so columns are matched
 * through an alias table (the list, and the names our own ledger export writes), overridden by
 * the clerk's saved mapping preset. Columns that match nothing are reported, never dropped silently.
 */
import { AppError } from '../../../preload/contract/errors.js';
import { IMPORT_FIELD, type ImportField } from '../../../preload/contract/ledgerLabels.js';
import type { ImportPreset } from '../../../preload/contract/methods/ledger.js';
import type { Cell } from './read.js';

type DataField = Exclude<ImportField, 'ignore'>;

export const ALIASES: Record<DataField, readonly string[]> = {
  orderNo: ['工单编号', '工单号', '诉求编号', '受理编号', '工单编码', '案件编号', '工单流水号', '流水号', '编号'],
  receivedAt: ['受理时间', '来电时间', '创建时间', '登记时间', '诉求时间', '受理日期', '来电日期', '工单创建时间'],
  dispatchedAt: ['派单时间', '派发时间', '下派时间', '交办时间', '转派时间', '派单日期'],
  source: ['诉求渠道', '来源', '诉求来源', '来电渠道', '渠道', '工单来源', '受理渠道'],
  appealType: ['诉求类型', '工单类型', '诉求性质', '来电类型', '问题性质'],
  category: ['问题分类', '诉求分类', '分类', '问题类别', '事项分类', '诉求类别', '问题类型'],
  category1: ['一级分类', '问题一级分类', '一级类别', '分类一级', '一级'],
  category2: ['二级分类', '问题二级分类', '二级类别', '分类二级', '二级'],
  category3: ['三级分类', '问题三级分类', '三级类别', '分类三级', '三级'],
  content: ['诉求内容', '主要内容', '来电内容', '问题描述', '诉求描述', '工单内容', '反映内容', '内容'],
  citizenName: ['诉求人', '来电人', '来电人姓名', '诉求人姓名', '市民姓名', '姓名', '联系人'],
  citizenPhone: ['联系电话', '来电人电话', '来电人电话/账号', '来电号码', '诉求人电话', '联系方式', '手机号', '电话', '回复电话'],
  address: ['诉求地址', '问题地址', '问题点位', '小区点位', '事发地址', '详细地址', '发生地址', '地址'],
  residentialArea: ['小区', '小区名称', '所在小区'],
  community: ['社区', '所属社区', '村/社区', '村社区', '社区(村)', '社区名称'],
  leadUnit: ['主办单位', '承办单位', '承办部门', '主办部门', '责任单位', '办理单位'],
  handleDue: ['办理时限', '时限', '办结时限', '处理时限', '办理期限', '截止时间', '期限'],
  platformStatus: ['工单状态', '状态', '处理状态', '办理状态'],
  callbackAt: ['回访时间', '回访日期'],
  callbackValid: ['是否有效回访', '有效回访'],
  callbackContacted: ['是否联系', '是否联系诉求人', '是否响应', '联系情况'],
  callbackResolved: ['是否解决', '问题是否解决', '解决情况'],
  callbackSatisfaction: ['满意度', '是否满意', '满意情况', '满意程度', '评价'],
};

/** Header text as compared: full-width folded, no spaces, no '*' (required marks), no trailing colon. */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s*:]/g, '').toLowerCase();
}

const ALIAS_INDEX = new Map<string, DataField>();
for (const [field, names] of Object.entries(ALIASES) as Array<[DataField, readonly string[]]>) {
  for (const n of names) ALIAS_INDEX.set(normalizeHeader(n), field);
}

export interface ColumnMapping {
  /** 1-based spreadsheet row of the header. */
  headerRow: number;
  sheet: number;
  sheetName: string;
  /** Column index → field, for the columns the import uses. */
  fields: Map<number, DataField>;
  ignoredColumns: string[];
  mapped: Array<{ column: string; field: ImportField }>;
  notes: string[];
}

function headerText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

/** Maps one candidate header row: the preset first, then the alias table. */
export function mapHeader(cells: readonly Cell[], preset: ImportPreset | null): Omit<ColumnMapping, 'headerRow' | 'sheet' | 'sheetName'> {
  const presetIndex = new Map<string, ImportField>();
  for (const [name, field] of Object.entries(preset?.columns ?? {})) presetIndex.set(normalizeHeader(name), field);
  const fields = new Map<number, DataField>();
  const used = new Map<DataField, string>();
  const ignoredColumns: string[] = [];
  const mapped: Array<{ column: string; field: ImportField }> = [];
  const notes: string[] = [];
  cells.forEach((cell, index) => {
    const text = headerText(cell);
    if (!text) return;
    const key = normalizeHeader(text);
    const field = presetIndex.get(key) ?? ALIAS_INDEX.get(key);
    if (field === 'ignore') {
      mapped.push({ column: text, field });
      return;
    }
    if (!field) {
      ignoredColumns.push(text);
      return;
    }
    const first = used.get(field);
    if (first !== undefined) {
      ignoredColumns.push(text);
      notes.push(`列「${text}」与列「${first}」都表示${IMPORT_FIELD.label[field]}，只导入前一列。`);
      return;
    }
    used.set(field, text);
    fields.set(index, field);
    mapped.push({ column: text, field });
  });
  return { fields, ignoredColumns, mapped, notes };
}

/** How many rows from the top of a sheet may hold titles and notes before the header. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Decides whether a row is the header: it names the order number and at least two more known columns
 * (a stray "编号" in a title row is not enough). A preset that fixes the header row decides alone.
 */
export function isHeader(mapping: ReturnType<typeof mapHeader>, row: number, preset: ImportPreset | null): boolean {
  if (preset?.headerRow) return row === preset.headerRow;
  const fields = new Set(mapping.fields.values());
  return fields.has('orderNo') && fields.size >= 3;
}

/** The header names the columns every row needs; otherwise the file cannot be imported. */
export function assertRequiredColumns(mapping: ColumnMapping, fileName: string): void {
  const fields = new Set(mapping.fields.values());
  const missing = (['orderNo', 'receivedAt'] as const).filter((f) => !fields.has(f));
  if (missing.length === 0) return;
  const hint = missing.map((f) => `「${IMPORT_FIELD.label[f]}」（可用列名：${ALIASES[f].slice(0, 4).join('、')}）`).join('、');
  throw new AppError(
    'IMPORT_NO_HEADER',
    `无法导入「${fileName}」：第 ${mapping.headerRow} 行的表头中找不到${hint}列。请检查表头，或保存一个列映射方案后再导入。`,
  );
}

export function noHeaderError(fileName: string, encodingHint: boolean): AppError {
  const hint = encodingHint ? '若文件不是 UTF-8 或 GBK 编码，请在 Excel 或 WPS 中另存为「CSV UTF-8」后再导入；' : '';
  return new AppError(
    'IMPORT_NO_HEADER',
    `无法导入「${fileName}」：前 ${HEADER_SEARCH_ROWS} 行中没有找到表头（应包含「工单编号」「受理时间」等列名）。${hint}如表头的列名与平台不同，请保存一个列映射方案后再导入。`,
  );
}
