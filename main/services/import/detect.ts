/**
 * What kind of file the clerk picked, decided by its content — never by its name (a platform's ".xls"
 * is often an HTML page, a ".csv" may be GBK): an xlsx (zip) workbook, a text table (csv / tab-separated)
 * and its encoding, or something we refuse with a message that says what to do instead.
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../preload/contract/errors.js';

export type TextEncoding = 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';

export interface DetectedFile {
  path: string;
  name: string;
  size: number;
  kind: 'xlsx' | 'csv';
  /** csv only. */
  encoding: TextEncoding | null;
  /** Bytes of a byte-order mark to skip (csv only). */
  bomLength: number;
}

const SAMPLE_BYTES = 64 * 1024;
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buf: Buffer, sig: number[]) => sig.every((b, i) => buf[i] === b);

/** Binary formats people mistake for spreadsheets, by their magic numbers. */
const OTHER_FORMATS: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'PDF 文档'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片'],
  [[0xff, 0xd8, 0xff], 'JPEG 图片'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF 图片'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR 压缩包'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z 压缩包'],
  [[0x1f, 0x8b], 'gzip 压缩包'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'SQLite 数据库'],
];

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function unreadable(name: string, why: string): AppError {
  return new AppError('IMPORT_UNREADABLE', `无法导入「${name}」：${why}`);
}

/**
 * A zip ends with its central directory ("end of central directory" record within the last 64 KiB).
 * A download cut short has none: refuse it before reading half a workbook.
 */
async function assertCompleteZip(path: string, name: string, size: number): Promise<void> {
  const tailLength = Math.min(size, 65_557);
  const tail = await readAt(path, size - tailLength, tailLength);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) return;
  }
  throw unreadable(name, '文件不完整或已损坏（可能下载或拷贝未完成）。请重新从平台导出后再导入。');
}

/** An OLE2 container is either a legacy .xls or an xlsx protected by a password (EncryptedPackage). */
async function describeOle(path: string, name: string, size: number): Promise<AppError> {
  const marker = Buffer.from('EncryptedPackage', 'utf16le');
  const chunk = 1024 * 1024;
  // The directory sits near the start or the end; scanning both ends suffices in practice.
  const head = await readAt(path, 0, Math.min(size, chunk));
  const tail = size > chunk ? await readAt(path, Math.max(chunk, size - chunk), Math.min(chunk, size - chunk)) : Buffer.alloc(0);
  if (head.includes(marker) || tail.includes(marker)) {
    return new AppError(
      'IMPORT_ENCRYPTED',
      `无法导入「${name}」：文件设置了打开密码（已加密）。请在 Excel 或 WPS 中打开，去掉密码后另存为 .xlsx，再导入。`,
    );
  }
  return unreadable(name, '这是旧版 Excel 97-2003 格式（.xls），本程序只读取 .xlsx 和 .csv。请在 Excel 或 WPS 中另存为「Excel 工作簿（.xlsx）」后再导入。');
}

/**
 * GBK / GB18030 byte structure, checked by hand: Node's GBK decoder (ICU) silently drops some invalid
 * bytes (0xFF) even with fatal: true, so it cannot tell a GBK file from a damaged or foreign one alone.
 * Fed chunk by chunk; a sequence cut at a chunk's end is carried over.
 */
export class GbkChecker {
  private carry: number[] = [];
  /** False at the first byte sequence GBK does not allow. */
  check(chunk: Uint8Array): boolean {
    const bytes = this.carry.length ? Uint8Array.from([...this.carry, ...chunk]) : chunk;
    this.carry = [];
    const n = bytes.length;
    let i = 0;
    while (i < n) {
      const b = bytes[i]!;
      if (b < 0x80 || b === 0x80) {
        i++;
        continue;
      }
      if (b === 0xff) return false;
      if (i + 1 >= n) break;
      const t = bytes[i + 1]!;
      if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) {
        i += 2;
        continue;
      }
      if (t < 0x30 || t > 0x39) return false;
      // GB18030 four-byte sequence: lead, 0x30-0x39, 0x81-0xFE, 0x30-0x39.
      if (i + 3 >= n) break;
      const u = bytes[i + 2]!;
      const v = bytes[i + 3]!;
      if (u < 0x81 || u > 0xfe || v < 0x30 || v > 0x39) return false;
      i += 4;
    }
    this.carry = Array.from(bytes.subarray(i));
    return true;
  }
  /** True when the text did not end inside a character. */
  get complete(): boolean {
    return this.carry.length === 0;
  }
}

function isValid(encoding: string, sample: Buffer): boolean {
  if (encoding === 'gbk' && !new GbkChecker().check(sample)) return false;
  try {
    // stream: true tolerates a character cut at the end of the sample.
    new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM: every other byte is NUL in mostly-ASCII text. */
function utf16Guess(sample: Buffer): TextEncoding | null {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

function textEncoding(name: string, sample: Buffer): { encoding: TextEncoding; bomLength: number } {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3 };
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 };
  const wide = utf16Guess(sample);
  if (wide) return { encoding: wide, bomLength: 0 };
  if (sample.includes(0)) throw unreadable(name, '这不是表格文件（内容是二进制数据）。请选择平台导出的 .xlsx 或 .csv 文件。');
  if (isValid('utf-8', sample)) return { encoding: 'utf-8', bomLength: 0 };
  if (isValid('gbk', sample)) return { encoding: 'gbk', bomLength: 0 };
  throw new AppError(
    'IMPORT_ENCODING',
    `无法导入「${name}」：文字编码无法识别（既不是 UTF-8 也不是 GBK）。请在 Excel 或 WPS 中打开后另存为「CSV UTF-8（逗号分隔）」或 .xlsx，再导入。`,
  );
}

/** Looks at the file's first bytes (and its end, for a zip) and says how to read it. */
export async function detectFile(path: string): Promise<DetectedFile> {
  const name = basename(path);
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw unreadable(name, '所选路径不是文件。');
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    throw unreadable(name, code === 'ENOENT' ? '文件不存在，可能已被移动或删除。' : code === 'EACCES' || code === 'EPERM' ? '没有读取该文件的权限。' : '文件无法打开。');
  }
  if (size === 0) throw new AppError('IMPORT_EMPTY', `无法导入「${name}」：文件是空的（0 字节）。`);
  const sample = await readAt(path, 0, Math.min(size, SAMPLE_BYTES));

  if (startsWith(sample, ZIP_LOCAL) || startsWith(sample, ZIP_EMPTY)) {
    await assertCompleteZip(path, name, size);
    return { path, name, size, kind: 'xlsx', encoding: null, bomLength: 0 };
  }
  if (startsWith(sample, OLE)) throw await describeOle(path, name, size);
  for (const [sig, what] of OTHER_FORMATS) {
    if (startsWith(sample, sig)) throw unreadable(name, `这是${what}，不是表格文件。请选择平台导出的 .xlsx 或 .csv 文件。`);
  }

  const { encoding, bomLength } = textEncoding(name, sample);
  const head = new TextDecoder(encoding).decode(sample.subarray(bomLength, bomLength + 4096)).trimStart().slice(0, 400).toLowerCase();
  if (head.trim() === '' && size <= bomLength + SAMPLE_BYTES && new TextDecoder(encoding).decode(sample.subarray(bomLength)).trim() === '') {
    throw new AppError('IMPORT_EMPTY', `无法导入「${name}」：文件中没有任何内容。`);
  }
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<table')) {
    throw unreadable(name, '这是网页格式的表格（扩展名虽为 .xls，内容实为 HTML）。请用 Excel 或 WPS 打开后另存为 .xlsx，再导入。');
  }
  if (head.startsWith('<?xml') && head.includes('spreadsheet')) {
    throw unreadable(name, '这是 Excel 2003 XML 表格。请用 Excel 或 WPS 打开后另存为 .xlsx，再导入。');
  }
  return { path, name, size, kind: 'csv', encoding, bomLength };
}
