/**
 * One stream of rows for any importable file: xlsx worksheets or a csv (as sheet 0), with byte progress
 * and cancellation. The importer above never knows which kind it reads.
 */
import type { DetectedFile } from './detect.js';
import { csvRecords } from './csv.js';
import { xlsxRows, type SheetRow } from './xlsx.js';

export type { Cell, SheetRow } from './xlsx.js';

/** Excel's own cell limit; a longer cell means a broken file (or an unclosed quote in a csv). */
export const MAX_CELL_CHARS = 32_767;

export interface ReadOptions {
  signal?: AbortSignal | undefined;
  /** Bytes of the file read so far. */
  onBytes?: ((total: number) => void) | undefined;
  onDate1904?: ((date1904: boolean) => void) | undefined;
  maxCell?: number;
  /** Scratch file for a large xlsx's shared strings. */
  stringsPath?: string | undefined;
}

export async function* readRows(file: DetectedFile, options: ReadOptions = {}): AsyncGenerator<SheetRow> {
  let bytes = 0;
  const onBytes = options.onBytes
    ? (n: number) => {
        bytes += n;
        options.onBytes!(bytes);
      }
    : undefined;
  const maxCell = options.maxCell ?? MAX_CELL_CHARS;
  if (file.kind === 'xlsx') {
    yield* xlsxRows(file, { maxCell, signal: options.signal, onBytes, onDate1904: options.onDate1904, stringsPath: options.stringsPath });
    return;
  }
  options.onDate1904?.(false);
  let row = 0;
  for await (const cells of csvRecords(file, { maxCell, signal: options.signal, onBytes })) {
    row++;
    yield { sheet: 0, sheetName: '', row, cells };
  }
}
