/**
 * Page breaks, decided here and nowhere else: the blocks are measured in millimetres with the same
 * sizes the stylesheet (css.ts) fixes — single-line table rows of a fixed height, paragraphs of a known
 * line height and characters per line — and cut into A4 sheets. A table that does not fit continues on
 * the next sheet under its repeated header; a heading never ends a sheet. So the preview, the paper and
 * the PDF show the same pages and the same 第 N 页 / 共 M 页.
 */
import type { Block, Cell, Column } from './model.js';

/** A4 and the sheet's margins (mm); css.ts uses the same numbers. */
export const PAGE = { width: 210, height: 297, top: 25, bottom: 24, left: 25, right: 25 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const CONTENT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

/** Sizes (mm) shared with the stylesheet. */
export const SIZE = {
  /** The title block of the first sheet (title, subtitle, issuer line, red rule). */
  docHead: 42,
  /** The 落款 at the end (street name and date). */
  signature: 26,
  heading1: 12,
  heading2: 9,
  paragraphLine: 7,
  paragraphGap: 2,
  /** Body type 12pt: characters of CJK width per line (indent of 2 taken off the first line below). */
  /** 160 mm holds 37.8 characters of 12 pt; a long number moved whole to the next line costs a few. */
  paragraphChars: 34,
  noteLine: 5.5,
  noteChars: 44,
  noteGap: 2,
  caption: 7,
  headerRow: 7.6,
  row: 7.3,
  tableGap: 4,
  chartCaption: 7,
  chartGap: 4,
} as const;

/** A block as placed on a sheet: a table may be a slice of its rows. */
export type Placed =
  | Exclude<Block, { kind: 'table' }>
  | { kind: 'table'; caption?: string; columns: Column[]; rows: Cell[][]; empty?: string; continued: boolean };

export interface Sheet {
  blocks: Placed[];
  first: boolean;
  last: boolean;
}

/** Width of a text in CJK character units (Latin letters and digits are about half). */
export function textUnits(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? 0.6 : 1;
  return w;
}

export function paragraphHeight(text: string): number {
  const lines = Math.max(1, Math.ceil((textUnits(text) + 2) / SIZE.paragraphChars));
  return lines * SIZE.paragraphLine + SIZE.paragraphGap;
}

function noteHeight(text: string): number {
  return Math.max(1, Math.ceil(textUnits(text) / SIZE.noteChars)) * SIZE.noteLine + SIZE.noteGap;
}

const tableHead = (caption: string | undefined) => (caption ? SIZE.caption : 0) + SIZE.headerRow + SIZE.tableGap;

export function blockHeight(b: Placed | Block): number {
  switch (b.kind) {
    case 'heading':
      return b.level === 1 ? SIZE.heading1 : SIZE.heading2;
    case 'paragraph':
      return paragraphHeight(b.text);
    case 'note':
      return noteHeight(b.text);
    case 'table':
      return tableHead(b.caption) + Math.max(1, b.rows.length) * SIZE.row;
    case 'chart':
      return SIZE.chartCaption + b.heightMm + SIZE.chartGap;
  }
}

/** The fewest rows worth starting a table with at the foot of a sheet. */
const MIN_ROWS = 3;

export function paginate(blocks: Block[]): Sheet[] {
  const sheets: Sheet[] = [];
  let current: Placed[] = [];
  let left = CONTENT_HEIGHT - SIZE.docHead;
  const newSheet = () => {
    sheets.push({ blocks: current, first: sheets.length === 0, last: false });
    current = [];
    left = CONTENT_HEIGHT;
  };
  const place = (b: Placed, h: number) => {
    current.push(b);
    left -= h;
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading') {
      // Keep a heading with the start of what follows it.
      const next = blocks[i + 1];
      const need = blockHeight(b) + (next ? Math.min(blockHeight(next), next.kind === 'table' ? tableHead(next.caption) + MIN_ROWS * SIZE.row : blockHeight(next)) : 0);
      if (need > left && current.length > 0) newSheet();
      place(b, blockHeight(b));
      continue;
    }
    if (b.kind !== 'table') {
      if (blockHeight(b) > left && current.length > 0) newSheet();
      place(b, blockHeight(b));
      continue;
    }
    // Tables: slice the rows over as many sheets as they need, the header repeated on each.
    let rows = b.rows;
    let continued = false;
    for (;;) {
      const head = tableHead(b.caption);
      const fit = Math.floor((left - head) / SIZE.row);
      if (rows.length === 0 ? fit < 1 : fit < Math.min(MIN_ROWS, rows.length)) {
        if (current.length > 0) {
          newSheet();
          continue;
        }
      }
      const take = rows.length === 0 ? 0 : Math.max(1, Math.min(rows.length, fit));
      const slice = rows.slice(0, take);
      const placed: Placed = { ...b, rows: slice, continued, ...(b.caption ? { caption: continued ? `${b.caption}（续）` : b.caption } : {}) };
      place(placed, head + Math.max(1, slice.length) * SIZE.row);
      rows = rows.slice(take);
      if (rows.length === 0) break;
      continued = true;
      newSheet();
    }
  }
  if (left < SIZE.signature) newSheet();
  sheets.push({ blocks: current, first: sheets.length === 0, last: true });
  return sheets;
}
