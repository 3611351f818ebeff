/**
 * The two ledger file formats behind one interface. Both write to a temporary file next to the target
 * and rename it into place at the end, so the target never holds half a ledger (a failed or cancelled
 * export leaves whatever was there before).
 *
 *  - xlsx: exceljs's streaming WorkbookWriter (rows are flushed as they come: bounded memory), Chinese
 *    headers in bold, the header row frozen, an autofilter over it, column widths, dates as real Excel
 *    dates shown in Beijing wall-clock time.
 *  - csv: UTF-8 with a BOM (Excel and WPS then read the Chinese right), CRLF line ends, and formula
 *    injection made inert: a cell starting with = + - @ tab or CR gets a leading apostrophe.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { BEIJING_OFFSET_MS, DAY_MS, formatBeijing } from '../../../preload/contract/time.js';
import type { CellValue, ColumnDef } from './columns.js';

export interface LedgerWriter {
  /** One data row, values in column order (datetime columns: epoch ms). */
  row(values: readonly CellValue[]): Promise<void>;
  /** A closing line (the 三率 totals), in bold where the format allows. */
  footer(values: ReadonlyArray<string | null>): Promise<void>;
  /** Finish and move the file into place. */
  end(): Promise<void>;
  /** Drop the temporary file. */
  abort(): Promise<void>;
}

const tempPathFor = (path: string) => `${path}.${process.pid}.${Date.now()}.part`;

export async function xlsxWriter(path: string, columns: readonly ColumnDef[]): Promise<LedgerWriter> {
  // Loaded on demand: a csv export (or import) need not pay for exceljs.
  const { default: ExcelJS } = await import('exceljs');
  const temp = tempPathFor(path);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.kind === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : c.kind === 'score' ? { numFmt: '0.##' } : {},
  }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  const kinds = columns.map((c) => c.kind);
  const cells: unknown[] = new Array(columns.length);
  return {
    async row(values) {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        // exceljs writes a Date as its UTC wall clock: shift so Excel shows Beijing time.
        cells[i] = kinds[i] === 'datetime' && typeof v === 'number' ? new Date(v + BEIJING_OFFSET_MS) : v;
      }
      ws.addRow(cells).commit();
    },
    async footer(values) {
      const r = ws.addRow([...values]);
      r.font = { bold: true };
      r.commit();
    },
    async end() {
      ws.commit();
      await wb.commit();
      await rename(temp, path);
    },
    async abort() {
      await rm(temp, { force: true });
    },
  };
}

/** Characters that make a spreadsheet program read a cell as a formula: = + - @ tab CR. */
const FORMULA_START = new Set([61, 43, 45, 64, 9, 13]);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;

/** Makes a cell inert for spreadsheet programs and quotes it when needed. */
export function csvCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (value === '') return '';
  const s = FORMULA_START.has(value.charCodeAt(0)) ? `'${value}` : value;
  const quote = /[",\r\n]/.test(s) || isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1));
  return quote ? `"${s.replace(/"/g, '""')}"` : s;
}

/** 'YYYY-MM-DD HH:mm:ss' in Beijing time; the day part is cached (a ledger has few distinct days). */
const dayText = new Map<number, string>();
function csvDateTime(ms: number): string {
  const local = ms + BEIJING_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  let date = dayText.get(day);
  if (date === undefined) {
    date = formatBeijing(day * DAY_MS - BEIJING_OFFSET_MS).slice(0, 10);
    if (dayText.size > 100_000) dayText.clear();
    dayText.set(day, date);
  }
  const secs = Math.floor((local - day * DAY_MS) / 1000);
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${date} ${two(Math.floor(secs / 3600))}:${two(Math.floor(secs / 60) % 60)}:${two(secs % 60)}`;
}

export function csvWriter(path: string, columns: readonly ColumnDef[]): LedgerWriter {
  const temp = tempPathFor(path);
  const out: WriteStream = createWriteStream(temp, { encoding: 'utf8' });
  let failure: unknown = null;
  out.on('error', (e) => (failure = e));
  const kinds = columns.map((c) => c.kind);
  const write = async (line: string) => {
    if (failure) throw failure;
    if (!out.write(line)) await once(out, 'drain');
  };
  let pending = `\uFEFF${columns.map((c) => csvCell(c.header)).join(',')}\r\n`;
  const flushEvery = 64 * 1024;
  return {
    async row(values) {
      let line = '';
      for (let i = 0; i < values.length; i++) {
        const v = values[i] ?? null;
        if (i > 0) line += ',';
        line += kinds[i] === 'datetime' && typeof v === 'number' ? csvDateTime(v) : csvCell(v);
      }
      pending += `${line}\r\n`;
      if (pending.length >= flushEvery) {
        const chunk = pending;
        pending = '';
        await write(chunk);
      }
    },
    async footer(values) {
      pending += `${values.map((v) => csvCell(v)).join(',')}\r\n`;
    },
    async end() {
      await write(pending);
      pending = '';
      out.end();
      await once(out, 'finish');
      if (failure) throw failure;
      await rename(temp, path);
    },
    async abort() {
      out.destroy();
      await rm(temp, { force: true });
    },
  };
}
