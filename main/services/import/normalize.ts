/**
 * Reading single cells the way a clerk means them: dates as Excel serials or in the usual text forms
 * (zone-less means Beijing time), deadlines as a date or a duration ("7个工作日"), category paths with any
 * of the usual separators, 保密 phones, full-width digits, yes/no answers and the platform's wording of
 * statuses and callback results. Pure functions: no database, no clock.
 */
import type { AppealType, CallbackResolution, OrderStatus, Satisfaction, Source } from '../../../preload/contract/enums.js';
import { BEIJING_OFFSET_MS, parseBeijing } from '../../../preload/contract/time.js';
import type { Duration } from '../deadlines/index.js';
import type { Cell } from './read.js';

const DAY_MS = 86_400_000;
/** Excel day 0 (1899-12-30) in the 1900 date system; the 1904 system starts 1462 days later. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_1904_OFFSET_DAYS = 1462;

/** Full-width ASCII (０-９, Ａ-Ｚ, ：, －…) and the ideographic space folded to plain ASCII. */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/**
 * Our csv export makes cells starting with = + - @ tab or CR inert with a leading apostrophe (formula
 * injection); reading such a cell back removes it again, so export → import round-trips.
 */
function unneutralize(text: string): string {
  return text.length > 1 && text.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** The text of a cell, trimmed; null when empty. Numbers keep all their digits (no 1.38e10). */
export function cellText(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  let text: string;
  if (typeof cell === 'string') text = cell;
  else if (typeof cell === 'number') text = Number.isInteger(cell) && Math.abs(cell) < 1e21 ? cell.toFixed(0) : String(cell);
  else if (typeof cell === 'boolean') text = cell ? '是' : '否';
  else text = excelDateText(cell);
  text = unneutralize(text.replace(/^[\s\u3000\ufeff]+|[\s\u3000]+$/g, ''));
  return text === '' ? null : text;
}

function excelDateText(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** An Excel serial day number (wall-clock time) as a Beijing instant, to the second. */
export function fromExcelSerial(serial: number, date1904 = false): number | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = date1904 ? serial + EXCEL_1904_OFFSET_DAYS : serial;
  const wallMs = Math.round((EXCEL_EPOCH_MS + days * DAY_MS) / 1000) * 1000;
  return wallMs - BEIJING_OFFSET_MS;
}

/** The forms parseBeijing does not know: fractions of a second, compact digits, Chinese hour marks. */
function reformDate(text: string): string {
  let t = halfWidth(text).trim().replace(/\s+/g, ' ');
  // 20261122, 20261122 1430, 20261122143000
  const compact = /^(\d{4})(\d{2})(\d{2})(?:[ T]?(\d{2})(\d{2})(\d{2})?)?$/.exec(t);
  if (compact) {
    const [, y, mo, d, h, mi, s] = compact;
    t = `${y}-${mo}-${d}${h ? ` ${h}:${mi}:${s ?? '00'}` : ''}`;
  }
  return t
    .replace(/(:\d{2})\.\d{1,6}$/, '$1') // 14:30:00.000
    .replace(/(\d{1,2}:\d{2}(?::\d{2})?)\s*(?:\+0?8(?::?00)?)$/, '$1') // explicit +08:00 without a T
    .replace(/日\s*/, '日 ')
    .replace(/分$/, '')
    .replace(/^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)\s+(\d{1,2})时$/, '$1 $2:00');
}

/** Instants this app can mean (its holiday calendar spans 2000–2099): anything else is a misread cell. */
const EARLIEST = Date.UTC(2000, 0, 1) - BEIJING_OFFSET_MS;
const LATEST = Date.UTC(2100, 0, 1) - BEIJING_OFFSET_MS;

/**
 * A date/time cell: an Excel serial, a Date (wall clock), or text. null = empty; 'invalid' = unreadable
 * or outside 2000–2099 (a bare 7 in a date column is not 1900-01-07).
 */
export function parseDateCell(cell: Cell | undefined, date1904 = false): number | null | 'invalid' {
  const at = parseAnyDate(cell, date1904);
  return typeof at === 'number' && (at < EARLIEST || at >= LATEST) ? 'invalid' : at;
}

function parseAnyDate(cell: Cell | undefined, date1904: boolean): number | null | 'invalid' {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) {
    const ms = cell.getTime();
    return Number.isNaN(ms) ? 'invalid' : ms - BEIJING_OFFSET_MS;
  }
  if (typeof cell === 'number') return fromExcelSerial(cell, date1904) ?? 'invalid';
  const text = cellText(cell);
  if (text === null) return null;
  const folded = halfWidth(text);
  // A serial that travelled through a csv as text ("46000.5").
  if (/^\d{5}(\.\d+)?$/.test(folded)) return fromExcelSerial(Number(folded), date1904) ?? 'invalid';
  return parseBeijing(reformDate(folded)) ?? 'invalid';
}

export type DueCell = { at: number } | { duration: Duration };

/** 办理时限: a due date, or a duration ("2小时", "7个工作日", "15天"). */
export function parseDueCell(cell: Cell | undefined, date1904 = false): DueCell | null | 'invalid' {
  if (cell === null || cell === undefined) return null;
  if (typeof cell !== 'string') {
    const at = parseDateCell(cell, date1904);
    return at === null || at === 'invalid' ? at : { at };
  }
  const text = cellText(cell);
  if (text === null) return null;
  const t = halfWidth(text).replace(/\s+/g, '').replace(/[内以]+$/, '');
  const m = /^(\d{1,4})(?:个)?(小时|h|工作日|个工作日|自然日|天|日)$/i.exec(t);
  if (m) {
    const amount = Number(m[1]);
    if (amount < 1) return 'invalid';
    const unit = m[2]!.toLowerCase();
    if (unit === '小时' || unit === 'h') return { duration: { amount, unit: 'hours' } };
    if (unit.endsWith('工作日')) return { duration: { amount, unit: 'workingDays' } };
    return { duration: { amount, unit: 'calendarDays' } };
  }
  const at = parseDateCell(cell, date1904);
  return at === null || at === 'invalid' ? at : { at };
}

/** Order numbers: full-width folded, no inner spaces. */
export function parseOrderNo(cell: Cell | undefined): string | null {
  const text = cellText(cell);
  return text === null ? null : halfWidth(text).replace(/\s+/g, '');
}

export const CONFIDENTIAL = '保密';

/** A phone: full-width digits folded, spaces dropped; "保密" (any wording of it) kept as the value 保密. */
export function parsePhone(cell: Cell | undefined): string | null {
  const text = cellText(cell);
  if (text === null) return null;
  if (text.includes('保密') || text.includes('不公开')) return CONFIDENTIAL;
  const t = halfWidth(text).replace(/[\s\u00a0]/g, '');
  if (t === '' || /^[-—/无]+$/.test(t)) return null;
  return t;
}

/** A category path from one cell: 城市管理->市容环境->占道经营, 城市管理/市容环境, 城市管理、市容环境 … */
export function splitCategory(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split(/\s*(?:->|-->|→|＞|>|\/|／|、|\\|＼|\|)\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * The stored path (一级/二级/三级, at most three levels). A deeper path keeps its tail in the third
 * level so nothing is lost; '/' inside a name would break the path, so it becomes '-'.
 */
export function categoryPath(parts: readonly string[]): string | null {
  const clean = parts.map((p) => p.replace(/\//g, '-')).filter((p) => p !== '');
  if (clean.length === 0) return null;
  const levels = clean.length > 3 ? [clean[0]!, clean[1]!, clean.slice(2).join('-')] : clean;
  return levels.join('/');
}

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '已联系', '有效', '联系']);
const NO = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '✗', '未联系', '无效', '未']);

/** 是/否 and its variants; null = empty or not a yes/no answer. */
export function parseYesNo(cell: Cell | undefined): boolean | null {
  if (typeof cell === 'boolean') return cell;
  const text = cellText(cell);
  if (text === null) return null;
  const t = halfWidth(text).toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}

export function parseResolution(cell: Cell | undefined): CallbackResolution | null {
  const text = cellText(cell);
  if (text === null) return null;
  if (/部分|基本解决/.test(text)) return 'partial';
  if (/^(否|未解决|没有解决|未|no|n|0)$/i.test(text) || text.startsWith('未解决')) return 'unresolved';
  if (/^(是|已解决|解决|yes|y|1)$/i.test(text)) return 'resolved';
  return null;
}

export function parseSatisfaction(cell: Cell | undefined): Satisfaction | null {
  const text = cellText(cell);
  if (text === null) return null;
  if (/^(基本满意|比较满意|一般)$/.test(text)) return 'basic';
  if (/不满意|^否$|^no$/i.test(text)) return 'unsatisfied';
  if (/满意|^是$|^yes$/i.test(text)) return 'satisfied';
  if (/未评价|未表态|不评价|无法评价|未回复|未作评价/.test(text)) return 'none';
  return null;
}

export function parseAppealType(text: string | null): AppealType | null {
  if (text === null) return null;
  if (text.includes('咨询')) return 'consult';
  if (text.includes('求助')) return 'help';
  if (text.includes('投诉')) return 'complaint';
  if (text.includes('举报')) return 'report';
  if (text.includes('建议') || text.includes('意见')) return 'suggest';
  if (text.includes('表扬') || text.includes('感谢')) return 'praise';
  return 'other';
}

export function parseSource(text: string | null): Source | null {
  if (text === null) return null;
  if (/热线|电话/.test(text)) return 'hotline';
  if (/领导|市长|信箱/.test(text)) return 'leader_mailbox';
  if (/主动|未诉先办|巡查/.test(text)) return 'proactive';
  if (/网|app|微信|微博|小程序/i.test(text)) return 'online';
  if (/12345/.test(text)) return 'hotline';
  return 'other';
}

/** The platform's wording of an order's status mapped onto our state machine; null = not recognised. */
export function parsePlatformStatus(text: string | null): OrderStatus | null {
  if (text === null) return null;
  const t = text.replace(/\s+/g, '');
  if (/已退回|已退单|退回成功|同意退回/.test(t)) return 'returned';
  if (/异议|退单审核|退回审核|申请退单/.test(t)) return 'objecting';
  if (/待办结|未办结|延期/.test(t)) return 'in_progress';
  if (/已回访|已评价|已结案|已归档|回访完成|已完结/.test(t)) return 'callback_done';
  if (/已办结|已反馈|已答复|待回访|办结|已完成|已处理/.test(t)) return 'replied';
  if (/待签收|待接单|未签收|已派单|待受理|待处理|新工单/.test(t)) return 'received';
  if (/办理中|处理中|已签收|在办|已受理/.test(t)) return 'in_progress';
  return null;
}
