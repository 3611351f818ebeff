/**
 * Streaming rows of an xlsx workbook with exceljs's WorkbookReader: the zip is read as a stream and each
 * worksheet's rows arrive one at a time, so memory stays bounded whatever the row count (shared strings
 * are cached — they are the workbook's text table).
 *
 * Styles are not read: a date cell therefore arrives as its Excel serial number, and the importer, which
 * knows which columns hold dates, converts it (normalize.ts). That is both faster and independent of how
 * the platform formatted its cells.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { AppError, isAppError } from '../../../preload/contract/errors.js';
import type { DetectedFile } from './detect.js';
import { SharedStringTable } from './sharedStrings.js';
import { verifyZip, ZipDamage } from './zip.js';

/** A cell as the importer sees it. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** 0-based index of the worksheet in the workbook. */
  sheet: number;
  sheetName: string;
  /** Spreadsheet row number (1-based, as Excel shows it). */
  row: number;
  cells: Cell[];
}

export interface XlsxReadOptions {
  maxCell: number;
  signal?: AbortSignal | undefined;
  onBytes?: ((n: number) => void) | undefined;
  /** Where the shared-string table spills, if it must. */
  stringsPath?: string | undefined;
  /** Told once the workbook's date system is known (1904-based workbooks from old Mac Excel). */
  onDate1904?: ((date1904: boolean) => void) | undefined;
}

/** exceljs's cell values: rich text, formulas (their cached result), hyperlinks, errors. */
function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text?: string }>; result?: unknown; text?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text ?? '').join('');
    if ('formula' in o || 'sharedFormula' in o) return toCell(o.result);
    if ('error' in o) return null;
    if (typeof o.text === 'string') return o.text;
    if (o.text && typeof o.text === 'object') return toCell(o.text);
  }
  return null;
}

/**
 * exceljs 4.4's streaming reader decodes every zip chunk on its own, so a Chinese character whose UTF-8
 * bytes straddle two chunks turns into '\uFFFD' (seen in real exports: "10号楼" read as "10��楼").
 * Its XML parts are therefore handed over as text decoded across chunk boundaries; exceljs passes
 * strings through untouched. The hooks are the reader's own per-part parse steps.
 */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** A copy of the text in its own memory (not a view into, or a chain of, larger strings). */
function flatCopy(text: string): string {
  return text.length < 16 ? text : (` ${text}`).slice(1);
}

interface ReaderParts {
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

function createWorkbookReader(excel: typeof ExcelJS, stream: Readable, table: SharedStringTable): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new excel.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const parts = reader as unknown as ReaderParts;
  const asText = (entry: NodeJS.ReadableStream) => Readable.from(utf8Text(entry as AsyncIterable<Buffer>));
  const { _parseRels, _parseWorkbook, _parseSharedStrings, _parseWorksheet } = parts;
  parts._parseRels = (entry) => _parseRels.call(reader, asText(entry));
  parts._parseWorkbook = (entry) => _parseWorkbook.call(reader, asText(entry));
  // The shared-string table is built here rather than by exceljs's cache: its strings are cut out of
  // the XML text, and each cut would keep its whole chunk of that text alive (the table of a 200,000-row
  // export then costs over half a gigabyte). Each string is copied out flat.
  const internals = reader as unknown as { options: { sharedStrings: string }; sharedStrings: unknown[] | undefined };
  parts._parseSharedStrings = async function* (entry) {
    internals.options.sharedStrings = 'emit';
    try {
      for await (const item of _parseSharedStrings.call(reader, asText(entry))) {
        const { text } = item as { text: unknown };
        const value = toCell(text);
        table.push(typeof value === 'string' ? flatCopy(value) : value);
      }
    } finally {
      internals.options.sharedStrings = 'cache';
    }
    table.finish();
    internals.sharedStrings = table.asArray();
  };
  parts._parseWorksheet = (iterator, sheetNo) => _parseWorksheet.call(reader, utf8Text(iterator), sheetNo);
  return reader;
}

function broken(file: DetectedFile, e: unknown): AppError {
  const detail = e instanceof Error && e.message ? `（${e.message.slice(0, 120)}）` : '';
  return new AppError(
    'IMPORT_UNREADABLE',
    `无法导入「${file.name}」：文件已损坏或不是有效的 Excel 工作簿${detail}。请重新从平台导出，或在 Excel/WPS 中打开后另存为 .xlsx 再导入。`,
    { cause: e },
  );
}

/** Every row of every worksheet, in workbook order. */
export async function* xlsxRows(file: DetectedFile, options: XlsxReadOptions): AsyncGenerator<SheetRow> {
  try {
    await verifyZip(file.path, options.signal);
  } catch (e) {
    if (e instanceof ZipDamage) {
      throw new AppError('IMPORT_UNREADABLE', `无法导入「${file.name}」：文件已损坏（${e.message}），可能下载或拷贝不完整。请重新从平台导出后再导入。`, { cause: e });
    }
    throw broken(file, e);
  }
  // Loaded on demand (a csv import need not pay for exceljs), and before the file starts flowing.
  const { default: excel } = await import('exceljs');
  const stream = createReadStream(file.path, { highWaterMark: 256 * 1024 });
  if (options.onBytes) stream.on('data', (chunk) => options.onBytes!(chunk.length));
  // A read error (the file vanished) surfaces through the zip parser; keep the stream from throwing unhandled.
  let streamError: unknown = null;
  stream.on('error', (e) => {
    streamError = e;
  });
  const table = new SharedStringTable(undefined, options.stringsPath);
  const reader = createWorkbookReader(excel, stream, table);
  let sheetIndex = -1;
  let reportedDateSystem = false;
  try {
    for await (const ws of reader) {
      sheetIndex++;
      if (!reportedDateSystem) {
        reportedDateSystem = true;
        const props = (reader as unknown as { properties?: { date1904?: boolean; model?: { date1904?: boolean } } }).properties;
        options.onDate1904?.(Boolean(props?.date1904 ?? props?.model?.date1904));
      }
      const sheetName = (ws as unknown as { name?: string }).name ?? `Sheet${sheetIndex + 1}`;
      for await (const r of ws) {
        if (options.signal?.aborted) throw new AppError('IMPORT_CANCELLED', '导入已取消，未写入任何内容。');
        const values = r.values as unknown[];
        const cells: Cell[] = new Array(Math.max(0, values.length - 1));
        for (let i = 1; i < values.length; i++) {
          const c = toCell(values[i]);
          if (typeof c === 'string' && c.length > options.maxCell) {
            throw new AppError(
              'IMPORT_TOO_LARGE',
              `无法导入「${file.name}」：工作表「${sheetName}」第 ${r.number} 行有一个单元格超过 ${options.maxCell} 个字符（表格软件单元格的上限），文件可能已损坏。`,
            );
          }
          cells[i - 1] = c;
        }
        yield { sheet: sheetIndex, sheetName, row: r.number, cells };
      }
    }
  } catch (e) {
    if (isAppError(e)) throw e;
    throw broken(file, streamError ?? e);
  } finally {
    stream.destroy();
    table.close();
  }
  if (streamError) throw broken(file, streamError);
  if (sheetIndex < 0) throw broken(file, new Error('其中没有工作表'));
}
