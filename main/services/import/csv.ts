/**
 * A streaming reader for text tables (RFC 4180 csv as Excel and WPS write it, or tab-separated
 * "Unicode text"): bytes are decoded chunk by chunk (UTF-8, GBK or UTF-16, found by detect.ts), records
 * are split as they arrive, so a file of any length is read in bounded memory.
 *
 * Quoting as Excel does it: a field that starts with '"' runs to the matching quote ('""' is one quote)
 * and may hold delimiters and line breaks; a quote inside an unquoted field is just a character.
 * Each record is one spreadsheet row (a quoted line break does not start a new row).
 */
import { createReadStream } from 'node:fs';
import { AppError } from '../../../preload/contract/errors.js';
import { GbkChecker, type DetectedFile } from './detect.js';

export interface CsvReadOptions {
  /** The longest cell accepted (Excel's own limit is 32,767 characters). */
  maxCell: number;
  signal?: AbortSignal | undefined;
  /** Called with the byte count of every chunk read (for progress). */
  onBytes?: ((n: number) => void) | undefined;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const MAX_COLUMNS = 2000;

/** The delimiter of the table: whichever of , \t ; occurs most in its first lines (outside quotes). */
export function guessDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 20);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    let count = 0;
    for (const line of lines) {
      let inQ = false;
      for (const ch of line) {
        if (ch === '"') inQ = !inQ;
        else if (ch === d && !inQ) count++;
      }
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

async function* decodeFile(file: DetectedFile, options: CsvReadOptions): AsyncGenerator<string> {
  const decoder = new TextDecoder(file.encoding ?? 'utf-8', { fatal: true, ignoreBOM: true });
  const stream = createReadStream(file.path, { start: file.bomLength, highWaterMark: 256 * 1024 });
  const gbk = file.encoding === 'gbk' ? new GbkChecker() : null;
  let decodedChars = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) throw new AppError('IMPORT_CANCELLED', '导入已取消，未写入任何内容。');
      options.onBytes?.(chunk.length);
      let text: string;
      try {
        if (gbk && !gbk.check(chunk)) throw new Error('invalid GBK sequence');
        text = decoder.decode(chunk, { stream: true });
      } catch (e) {
        throw new AppError(
          'IMPORT_ENCODING',
          `无法导入「${file.name}」：文件开头是 ${file.encoding === 'gbk' ? 'GBK' : file.encoding?.toUpperCase()} 编码，但约第 ${decodedChars} 个字符之后的内容编码不一致（可能由不同编码的文件拼接而成）。请在 Excel 或 WPS 中另存为「CSV UTF-8」后再导入。`,
          { cause: e },
        );
      }
      decodedChars += text.length;
      if (text) yield text;
    }
    if (gbk && !gbk.complete) throw new Error('GBK text ends inside a character');
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (typeof (e as { syscall?: unknown }).syscall === 'string') {
      throw new AppError('IMPORT_UNREADABLE', `无法导入「${file.name}」：读取文件时出错（文件可能被移动、删除或正被其他程序占用）。`, { cause: e });
    }
    throw new AppError('IMPORT_ENCODING', `无法导入「${file.name}」：文件末尾的文字编码不完整（文件可能被截断）。`, { cause: e });
  } finally {
    stream.destroy();
  }
}

function tooLarge(file: DetectedFile, row: number, maxCell: number): AppError {
  return new AppError(
    'IMPORT_TOO_LARGE',
    `无法导入「${file.name}」：第 ${row} 行有一个单元格超过 ${maxCell} 个字符（表格软件单元格的上限），文件可能已损坏，或某处引号未配对。请检查该行后再导入。`,
  );
}

/**
 * The record splitter: fed decoded text chunk by chunk, returns the rows completed by each chunk.
 * State (inside quotes, a quote or CR at a chunk's end) carries over between chunks.
 */
export class CsvSplitter {
  private field = '';
  private record: string[] = [];
  private inQuotes = false;
  /** A quote ended the previous chunk while quoted: the next char decides ('""' or the field's end). */
  private quoteAtEnd = false;
  /** The current field began with a quote. */
  private quoted = false;
  private skipLf = false;
  /** Spreadsheet row number of the record being read. */
  row = 1;

  constructor(
    private readonly delim: number,
    private readonly maxCell: number,
    private readonly onTooLarge: (row: number) => Error,
    private readonly onTooWide: (row: number) => Error,
  ) {}

  private finishField(): void {
    this.record.push(this.field);
    if (this.record.length > MAX_COLUMNS) throw this.onTooWide(this.row);
    this.field = '';
    this.quoted = false;
  }

  push(chunk: string): string[][] {
    const out: string[][] = [];
    const n = chunk.length;
    const delim = this.delim;
    let i = 0;
    if (this.skipLf && n > 0 && chunk.charCodeAt(0) === LF) i = 1;
    if (n > 0) this.skipLf = false;
    if (this.quoteAtEnd && i < n) {
      this.quoteAtEnd = false;
      if (chunk.charCodeAt(i) === QUOTE) {
        this.field += '"';
        i++;
      } else {
        this.inQuotes = false;
      }
    }
    while (i < n) {
      if (this.inQuotes) {
        const q = chunk.indexOf('"', i);
        if (q === -1) {
          this.field += chunk.slice(i);
          i = n;
        } else {
          this.field += chunk.slice(i, q);
          i = q + 1;
          if (i >= n) this.quoteAtEnd = true;
          else if (chunk.charCodeAt(i) === QUOTE) {
            this.field += '"';
            i++;
          } else this.inQuotes = false;
        }
        if (this.field.length > this.maxCell) throw this.onTooLarge(this.row);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === delim) {
        this.finishField();
        i++;
      } else if (c === LF || c === CR) {
        this.finishField();
        out.push(this.record);
        this.record = [];
        this.row++;
        i++;
        if (c === CR) {
          if (i >= n) this.skipLf = true;
          else if (chunk.charCodeAt(i) === LF) i++;
        }
      } else if (c === QUOTE && this.field === '' && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
        i++;
      } else {
        let j = i + 1;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === delim || d === LF || d === CR) break;
          j++;
        }
        this.field += chunk.slice(i, j);
        if (this.field.length > this.maxCell) throw this.onTooLarge(this.row);
        i = j;
      }
    }
    return out;
  }

  /** The last record when the text does not end with a line break (an unclosed quote ends there too). */
  end(): string[][] {
    if (this.field === '' && this.record.length === 0 && !this.quoted) return [];
    this.finishField();
    const last = this.record;
    this.record = [];
    return [last];
  }
}

/** The records of a csv file, one array of cell texts per spreadsheet row (blank rows included as ['']). */
export async function* csvRecords(file: DetectedFile, options: CsvReadOptions): AsyncGenerator<string[]> {
  let splitter: CsvSplitter | null = null;
  let pending = '';
  const start = (text: string) =>
    new CsvSplitter(
      guessDelimiter(text).charCodeAt(0),
      options.maxCell,
      (row) => tooLarge(file, row, options.maxCell),
      (row) => new AppError('IMPORT_UNREADABLE', `无法导入「${file.name}」：第 ${row} 行超过 ${MAX_COLUMNS} 列，这不像平台导出的表格。`),
    );
  for await (const chunk of decodeFile(file, options)) {
    if (!splitter) {
      // Wait for enough text to see the first lines before choosing the delimiter.
      pending += chunk;
      if (pending.length < 16 * 1024) continue;
      splitter = start(pending);
      yield* splitter.push(pending);
      pending = '';
      continue;
    }
    yield* splitter.push(chunk);
  }
  if (!splitter) {
    splitter = start(pending);
    yield* splitter.push(pending);
  }
  yield* splitter.end();
}
