/**
 * One data row of the file → one imported order, or the reason it is rejected. Only two things reject
 * a row (the rule): no 工单编号, or a 受理时间 that is missing or unreadable. Anything else that
 * cannot be read is left out of the order and reported as a warning, so a clerk sees it and no row is
 * lost over a detail.
 *
 * Absent and empty cells become absent fields: an update never erases what the street already has.
 */
import type { AppealType, CallbackResolution, Satisfaction, Source } from '../../../preload/contract/enums.js';
import type { ColumnMapping } from './header.js';
import {
  categoryPath,
  cellText,
  parseAppealType,
  parseDateCell,
  parseDueCell,
  parseOrderNo,
  parsePhone,
  parseResolution,
  parseSatisfaction,
  parseSource,
  parseYesNo,
  splitCategory,
  type DueCell,
} from './normalize.js';
import type { Cell } from './read.js';

export interface ImportedCallback {
  at: number;
  valid: boolean;
  contacted: boolean;
  resolution: CallbackResolution;
  satisfaction: Satisfaction;
}

/** An order as the file states it (JSON-safe: it is staged on disk and crosses the worker boundary). */
export interface ImportedOrder {
  /** Spreadsheet row number. */
  row: number;
  orderNo: string;
  receivedAt: number;
  dispatchedAt?: number;
  source?: Source;
  appealType?: AppealType;
  /** 一级/二级/三级 */
  category?: string;
  content?: string;
  citizenName?: string;
  citizenPhone?: string;
  address?: string;
  residentialArea?: string;
  community?: string;
  leadUnit?: string;
  due?: DueCell;
  platformStatus?: string;
  callback?: ImportedCallback;
}

export type RowOutcome = { ok: true; order: ImportedOrder } | { ok: false; row: number; reason: string } | { ok: 'blank' };

const MAX_ORDER_NO = 64;
const MAX_SHOWN_ROWS = 5;

/** Warnings folded by kind: "「派单时间」无法识别，已按受理时间计（共 3 行：第 4、9、12 行）". */
export class WarningLog {
  private readonly items = new Map<string, { message: string; rows: number[]; count: number }>();
  add(key: string, message: string, row?: number): void {
    let item = this.items.get(key);
    if (!item) {
      if (this.items.size >= 200) return;
      this.items.set(key, (item = { message, rows: [], count: 0 }));
    }
    item.count++;
    if (row !== undefined && item.rows.length < MAX_SHOWN_ROWS) item.rows.push(row);
  }
  list(): string[] {
    return [...this.items.values()].map((w) => {
      if (w.rows.length === 0) return w.message;
      const more = w.count > w.rows.length ? '等' : '';
      return `${w.message}（共 ${w.count} 行：第 ${w.rows.join('、')} 行${more}）`;
    });
  }
}

const text = (cells: readonly Cell[], col: number | undefined): string | null => (col === undefined ? null : cellText(cells[col]));

/** Column index by field, for the fields this file has. */
export function columnsByField(mapping: ColumnMapping): Partial<Record<string, number>> {
  const out: Partial<Record<string, number>> = {};
  for (const [index, field] of mapping.fields) out[field] = index;
  return out;
}

export function readRecord(
  cells: readonly Cell[],
  row: number,
  col: Partial<Record<string, number>>,
  date1904: boolean,
  warnings: WarningLog,
): RowOutcome {
  if (cells.every((c) => cellText(c) === null)) return { ok: 'blank' };

  const orderNo = col.orderNo === undefined ? null : parseOrderNo(cells[col.orderNo]);
  if (orderNo === null) return { ok: false, row, reason: '缺少工单编号' };
  if (orderNo.length > MAX_ORDER_NO) return { ok: false, row, reason: `工单编号过长（超过 ${MAX_ORDER_NO} 个字符）` };
  const received = col.receivedAt === undefined ? null : parseDateCell(cells[col.receivedAt], date1904);
  if (received === null) return { ok: false, row, reason: '受理时间为空' };
  if (received === 'invalid') return { ok: false, row, reason: `受理时间无法识别：「${text(cells, col.receivedAt)?.slice(0, 40) ?? ''}」` };

  const order: ImportedOrder = { row, orderNo, receivedAt: received };
  const set = <K extends keyof ImportedOrder>(key: K, value: ImportedOrder[K] | null | undefined) => {
    if (value !== null && value !== undefined) order[key] = value;
  };

  if (col.dispatchedAt !== undefined) {
    const d = parseDateCell(cells[col.dispatchedAt], date1904);
    if (d === 'invalid') warnings.add('dispatchedAt', '「派单时间」无法识别，已按受理时间计', row);
    else set('dispatchedAt', d);
  }
  set('source', parseSource(text(cells, col.source)));
  const appeal = text(cells, col.appealType);
  const appealType = parseAppealType(appeal);
  if (appealType === 'other' && appeal !== null && appeal !== '其他') warnings.add(`appeal:${appeal}`, `诉求类型「${appeal.slice(0, 20)}」无法识别，记为「其他」`, row);
  set('appealType', appealType);

  const levels = [col.category1, col.category2, col.category3].map((c) => text(cells, c)).filter((t): t is string => t !== null);
  set('category', categoryPath(levels.length > 0 ? levels.flatMap((l) => splitCategory(l)) : splitCategory(text(cells, col.category))));

  set('content', text(cells, col.content));
  set('citizenName', text(cells, col.citizenName));
  set('citizenPhone', col.citizenPhone === undefined ? null : parsePhone(cells[col.citizenPhone]));
  set('address', text(cells, col.address));
  set('residentialArea', text(cells, col.residentialArea));
  set('community', text(cells, col.community));
  set('leadUnit', text(cells, col.leadUnit));
  set('platformStatus', text(cells, col.platformStatus));

  if (col.handleDue !== undefined) {
    const due = parseDueCell(cells[col.handleDue], date1904);
    if (due === 'invalid') warnings.add('handleDue', '「办理时限」无法识别，已按时限档位计算', row);
    else set('due', due);
  }

  readCallback(cells, row, col, date1904, warnings, order);
  return { ok: true, order };
}

function readCallback(
  cells: readonly Cell[],
  row: number,
  col: Partial<Record<string, number>>,
  date1904: boolean,
  warnings: WarningLog,
  order: ImportedOrder,
): void {
  const at = col.callbackAt === undefined ? null : parseDateCell(cells[col.callbackAt], date1904);
  const valid = col.callbackValid === undefined ? null : parseYesNo(cells[col.callbackValid]);
  const contacted = col.callbackContacted === undefined ? null : parseYesNo(cells[col.callbackContacted]);
  const resolution = col.callbackResolved === undefined ? null : parseResolution(cells[col.callbackResolved]);
  const satisfaction = col.callbackSatisfaction === undefined ? null : parseSatisfaction(cells[col.callbackSatisfaction]);
  const anyAnswer = valid !== null || contacted !== null || resolution !== null || satisfaction !== null;
  if (at === null) {
    if (anyAnswer) warnings.add('callbackNoTime', '有回访结果但没有回访时间，该回访未导入', row);
    return;
  }
  if (at === 'invalid') {
    warnings.add('callbackAt', '「回访时间」无法识别，该回访未导入', row);
    return;
  }
  for (const [field, value, label] of [
    ['callbackResolved', resolution, '是否解决'],
    ['callbackSatisfaction', satisfaction, '满意度'],
  ] as const) {
    const raw = text(cells, col[field]);
    if (value === null && raw !== null) warnings.add(field, `「${label}」的值「${raw.slice(0, 10)}」无法识别，按${field === 'callbackResolved' ? '未解决' : '未评价'}记`, row);
  }
  order.callback = {
    at,
    // A callback the platform lists without saying otherwise counts as valid.
    valid: valid ?? true,
    contacted: contacted ?? false,
    resolution: resolution ?? 'unresolved',
    satisfaction: satisfaction ?? 'none',
  };
}
