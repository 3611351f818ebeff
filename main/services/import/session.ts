/**
 * One import, from file to commit: detect the file, stream its rows, find the header, normalise and
 * stage each row (rejections with their row numbers), then plan every staged order against the
 * database for the preview. commit() replays the staged rows in one transaction.
 *
 * The same class runs inline (in-memory databases, tests) and inside the import worker (worker.ts),
 * which opens its own connection so that the UI's thread never waits for a big file.
 */
import { createOrderSync, writeStamp } from '../../../db/bulk.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { ImportPreset, ImportPreview, ImportResult } from '../../../preload/contract/methods/ledger.js';
import type { ServiceContext } from '../context.js';
import { commitStaged } from './commit.js';
import { detectFile, type DetectedFile } from './detect.js';
import { assertRequiredColumns, HEADER_SEARCH_ROWS, isHeader, mapHeader, noHeaderError, type ColumnMapping } from './header.js';
import { missingCategories, PLAN_KIND, planRow, PlanTally, type PlannedKinds } from './plan.js';
import { readRows, type ReadOptions } from './read.js';
import { columnsByField, readRecord, WarningLog } from './record.js';
import { loadReference } from './reference.js';
import { StagingStore, stringsPathFor } from './stage.js';

export type ImportPhase = 'read' | 'plan' | 'commit';
export type ProgressListener = (p: { done: number; total: number; phase: ImportPhase }) => void;

const LISTED_REJECTIONS = 200;
const PLAN_YIELD_EVERY = 5000;

const cancelled = () => new AppError('IMPORT_CANCELLED', '导入已取消，未写入任何内容。');
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ImportSession {
  private staging: StagingStore | null = null;
  private file: DetectedFile | null = null;
  private mapping: ColumnMapping | null = null;
  private planned: PlannedKinds | null = null;
  private readonly abort = new AbortController();
  private readonly warnings = new WarningLog();
  private state: 'new' | 'reading' | 'ready' | 'committing' | 'done' = 'new';

  constructor(
    private readonly ctx: ServiceContext,
    readonly token: string,
    private readonly onProgress: ProgressListener = () => undefined,
    private readonly options: Pick<ReadOptions, 'maxCell'> & { stagingDir?: string; memoryChars?: number } = {},
  ) {}

  get ready(): boolean {
    return this.state === 'ready';
  }

  cancel(): void {
    this.abort.abort();
    this.dispose();
  }

  dispose(): void {
    this.staging?.close();
    this.staging = null;
    if (this.state !== 'done') this.state = 'done';
  }

  async preview(path: string, preset: ImportPreset | null): Promise<ImportPreview> {
    if (this.state !== 'new') throw new AppError('IMPORT_SESSION', '该导入会话已使用过，请重新选择文件。');
    this.state = 'reading';
    try {
      const file = (this.file = await detectFile(path));
      const staging = (this.staging = new StagingStore(this.token, this.options.stagingDir, this.options.memoryChars));
      await this.stageRows(file, staging, preset);
      if (this.abort.signal.aborted) throw cancelled();
      return await this.plan(file, staging);
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  private async stageRows(file: DetectedFile, staging: StagingStore, preset: ImportPreset | null): Promise<void> {
    let date1904 = false;
    let lastReport = 0;
    const signal = this.abort.signal;
    const rows = readRows(file, {
      signal,
      maxCell: this.options.maxCell,
      onDate1904: (v) => (date1904 = v),
      stringsPath: stringsPathFor(this.token, this.options.stagingDir),
      onBytes: (bytes) => {
        if (bytes - lastReport >= 512 * 1024 || bytes === file.size) {
          lastReport = bytes;
          this.onProgress({ done: Math.min(bytes, file.size), total: file.size, phase: 'read' });
        }
      },
    });
    let mapping: ColumnMapping | null = null;
    let col: ReturnType<typeof columnsByField> = {};
    let sheet = -1;
    let searched = 0;
    let anyContent = false;
    // A preset may put the header further down than the automatic search looks.
    const searchRows = Math.max(HEADER_SEARCH_ROWS, preset?.headerRow ?? 0);
    for await (const r of rows) {
      if (signal.aborted) throw cancelled();
      if (mapping) {
        // Only the sheet that holds the header is imported.
        if (r.sheet !== mapping.sheet) break;
        const outcome = readRecord(r.cells, r.row, col, date1904, this.warnings);
        if (outcome.ok === true) staging.add(outcome.order);
        else if (outcome.ok === false) staging.reject(outcome.row, outcome.reason);
        continue;
      }
      if (r.sheet !== sheet) {
        sheet = r.sheet;
        searched = 0;
      }
      const blank = r.cells.every((c) => c === null || String(c).trim() === '');
      if (blank || searched >= searchRows) continue;
      anyContent = true;
      searched++;
      const candidate = mapHeader(r.cells, preset);
      if (isHeader(candidate, r.row, preset)) {
        mapping = { ...candidate, headerRow: r.row, sheet: r.sheet, sheetName: r.sheetName };
        assertRequiredColumns(mapping, file.name);
        col = columnsByField(mapping);
        for (const note of mapping.notes) this.warnings.add(note, note);
      }
    }
    if (!mapping) {
      if (!anyContent) throw new AppError('IMPORT_EMPTY', `无法导入「${file.name}」：文件中没有任何数据。`);
      throw noHeaderError(file.name, file.kind === 'csv' && file.encoding === 'gbk');
    }
    this.mapping = mapping;
    staging.finish();
  }

  private async plan(file: DetectedFile, staging: StagingStore): Promise<ImportPreview> {
    const mapping = this.mapping!;
    const ref = await loadReference(this.ctx);
    const sync = createOrderSync(this.ctx.handle.sqlite);
    const tally = new PlanTally();
    const total = staging.distinct;
    const kinds = new Uint8Array(total);
    const stamp = writeStamp(this.ctx.handle.sqlite);
    let done = 0;
    this.onProgress({ done, total, phase: 'plan' });
    for (const imp of staging.orders()) {
      const existing = sync.findOrder(imp.orderNo);
      const plan = planRow(imp, existing, existing ? sync.callbacksOf(existing.id) : [], ref, this.warnings);
      kinds[done] = PLAN_KIND[plan.kind];
      tally.add(imp, plan);
      if (++done % PLAN_YIELD_EVERY === 0) {
        this.onProgress({ done, total, phase: 'plan' });
        // Let a cancel request in.
        await nextTick();
        if (this.abort.signal.aborted) throw cancelled();
      }
    }
    this.onProgress({ done: total, total, phase: 'plan' });
    // Keep the findings only if nothing was written while they were made.
    this.planned = writeStamp(this.ctx.handle.sqlite) === stamp ? { stamp, kinds } : null;
    this.state = 'ready';
    return {
      token: this.token,
      file: {
        name: file.name,
        kind: file.kind,
        encoding: file.encoding,
        sheet: file.kind === 'xlsx' ? mapping.sheetName : null,
        headerRow: mapping.headerRow,
      },
      new: tally.new,
      updated: tally.updated,
      unchanged: tally.unchanged,
      rejected: staging.rejected(LISTED_REJECTIONS),
      rejectedCount: staging.rejectedCount,
      duplicatesInFile: staging.duplicates,
      ignoredColumns: mapping.ignoredColumns,
      mappedColumns: mapping.mapped,
      changes: tally.changes,
      newCategories: missingCategories(staging.categories(), ref).slice(0, 100),
      warnings: this.warnings.list(),
    };
  }

  /** Every rejected row (the CLI prints them all). */
  rejected(): Array<{ row: number; reason: string }> {
    if (!this.staging) throw new AppError('IMPORT_SESSION', '导入会话已结束。');
    return this.staging.rejected();
  }

  async commit(at: number, actor: string): Promise<ImportResult> {
    if (this.state !== 'ready' || !this.staging || !this.file) {
      throw new AppError('IMPORT_SESSION', '没有可提交的导入预览（可能已提交、已取消或已过期），请重新选择文件。');
    }
    this.state = 'committing';
    const started = Date.now();
    const staging = this.staging;
    try {
      const ref = await loadReference(this.ctx);
      const counts = commitStaged(this.ctx.handle, staging, ref, new WarningLog(), {
        at,
        actor,
        fileName: this.file.name,
        planned: this.planned,
        onProgress: (done, total) => this.onProgress({ done, total, phase: 'commit' }),
      });
      return {
        ...counts,
        rejectedCount: staging.rejectedCount,
        duplicatesInFile: staging.duplicates,
        ms: Date.now() - started,
      };
    } finally {
      this.dispose();
    }
  }
}
