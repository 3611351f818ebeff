/**
 * The report document: what a 日通报 / 周汇报 / 月度分析 says, independent of how it is printed. The
 * builders (daily.ts, weekly.ts, monthly.ts) produce it from the database; layout.ts cuts it into A4
 * pages, html.ts draws the pages (preview, print, PDF) and docx.ts writes the same blocks for Word.
 */
import type { AssessmentGroupBy, AssessmentMeasure, AssessmentPeriod, ResolvedPeriod } from '../../../preload/contract/methods/assessment.js';

export { REPORT_KIND, type ReportKind } from '../../../preload/contract/methods/reports.js';
import type { ReportKind } from '../../../preload/contract/methods/reports.js';
import type { OrderFilter } from '../../../preload/contract/methods/orderFilter.js';

/** Where a figure leads when clicked: the arguments of `assessment.orders`. */
export interface Drill {
  period: AssessmentPeriod;
  by: AssessmentGroupBy;
  group?: string;
  measure: AssessmentMeasure;
}

/** A table cell: text, optionally a figure that drills down to its orders. */
export interface Cell {
  text: string;
  drill?: Drill;
  /** Or the exact orders behind it (hotspots, order lists), with the title the grid shows above them. */
  orders?: { ids: number[]; title: string };
  /** Or a grid filter that selects them (counts of new orders by type, community, category). */
  filter?: { filter: OrderFilter; title: string };
}

export interface Column {
  label: string;
  /** Share of the table's width, in any unit (they are normalised). */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  /** A note in smaller type (e.g. "另有 12 件未列出"). */
  | { kind: 'note'; text: string }
  | { kind: 'table'; caption?: string; columns: Column[]; rows: Cell[][]; empty?: string }
  /** An ECharts option rendered server-side; width and height in millimetres on the page. */
  | { kind: 'chart'; caption: string; option: Record<string, unknown>; widthMm: number; heightMm: number };

export interface ReportDoc {
  kind: ReportKind;
  streetName: string;
  /** '六里桥街道接诉即办工作周汇报' */
  title: string;
  /** The period's label under the title. */
  subtitle: string;
  period: ResolvedPeriod;
  /** '2026年11月27日' — the 落款 date (the day the report is made). */
  issuedOn: string;
  /** The suggested file name without extension: 周汇报-2026年11月23日—11月29日. */
  fileName: string;
  blocks: Block[];
}

/** A cell without drill-down. */
export const cell = (text: string | number): Cell => ({ text: String(text) });
