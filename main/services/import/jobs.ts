/**
 * The ledger service the handlers and the CLI call: import sessions by token (preview → commit, or
 * cancel) and exports. On a database file the work runs in a worker thread with its own connection
 * (worker.ts), so the UI thread keeps serving while a big file is read or written; an in-memory database
 * (tests) cannot be shared with a thread, so the same code runs inline there.
 *
 * After a commit that changed orders, the change feed is told (grid caches, the orders.changed push).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportPreview, ImportResult, RejectedRow } from '../../../preload/contract/methods/ledger.js';
import { AppError, ERROR_CODES, type ErrorCode } from '../../../preload/contract/errors.js';
import type { ServiceContext } from '../context.js';
import { exportLedger, type LedgerExportArgs } from '../export/ledger.js';
import { findPreset } from './presets.js';
import type { FromWorker, ToWorker, WorkerData } from './protocol.js';
import { ImportSession, type ProgressListener } from './session.js';
import { stagingPathFor, stringsPathFor, sweepStaleScratch } from './stage.js';

export type RunMode = 'auto' | 'inline' | 'worker';

/** A previewed session not committed within this time is dropped (its scratch file deleted). */
const SESSION_IDLE_MS = 30 * 60_000;
const MAX_SESSIONS = 8;

interface Runner {
  preview(path: string, presetName: string | undefined): Promise<ImportPreview>;
  commit(at: number, actor: string): Promise<ImportResult>;
  rejected(): Promise<RejectedRow[]>;
  /** Stops whatever runs (a commit in a worker is rolled back) and frees everything. */
  cancel(): void;
}

/**
 * The worker's heap cap. What an import holds is bounded (staged rows and shared strings spill to disk
 * past their budgets), but V8 lets garbage pile up to several times the live data before collecting; a
 * cap makes it collect sooner and keeps the process's RSS within the bounds.
 */
const WORKER_HEAP_MB = 320;

const cancelledError = () => new AppError('IMPORT_CANCELLED', '导入已取消，未写入任何内容。');
const workerUrl = new URL('./worker.js', import.meta.url);

function fromWorkerError(m: Extract<FromWorker, { type: 'error' }>): Error {
  if (m.code !== null && (ERROR_CODES as readonly string[]).includes(m.code)) return new AppError(m.code as ErrorCode, m.message);
  return new Error(m.message);
}

/** One worker thread, one request at a time. */
class WorkerClient {
  private readonly worker: Worker;
  private pending: { resolve(v: unknown): void; reject(e: unknown): void } | null = null;
  private dead = false;
  private stopReason: Error | null = null;

  constructor(data: WorkerData, onProgress: ProgressListener) {
    this.worker = new Worker(workerUrl, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.worker.on('message', (m: FromWorker) => {
      if (m.type === 'progress') onProgress(m);
      else this.settle(m.type === 'result' ? null : fromWorkerError(m), m.type === 'result' ? m.value : undefined);
    });
    this.worker.on('error', (e) => {
      const outOfMemory = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.settle(outOfMemory ? new AppError('IMPORT_TOO_LARGE', '文件过大：处理所需内存超出限制，已中止，数据未作改动。请把文件拆分后分批导入。') : e, undefined);
    });
    // An idle worker (a preview awaiting the clerk's decision) must not keep the process alive.
    this.worker.unref();
    this.worker.on('exit', () => {
      this.dead = true;
      this.settle(this.stopReason ?? new AppError('INTERNAL', '导入进程意外退出，数据未作改动。请重试。'), undefined);
    });
  }

  private settle(error: unknown, value: unknown): void {
    const p = this.pending;
    this.pending = null;
    if (!this.dead) this.worker.unref();
    if (!p) return;
    if (error) p.reject(error);
    else p.resolve(value);
  }

  request<T>(msg: Exclude<ToWorker, { type: 'abort' }>): Promise<T> {
    if (this.dead) return Promise.reject(this.stopReason ?? cancelledError());
    if (this.pending) return Promise.reject(new AppError('IMPORT_SESSION', '该导入会话正在处理上一个请求，请稍候。'));
    return new Promise<T>((resolve, reject) => {
      this.pending = { resolve: resolve as (v: unknown) => void, reject };
      this.worker.ref();
      this.worker.postMessage(msg);
    });
  }

  stop(reason: Error): void {
    this.stopReason = reason;
    void this.worker.terminate();
  }
}

class WorkerRunner implements Runner {
  private readonly client: WorkerClient;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly token: string,
    onProgress: ProgressListener,
  ) {
    this.client = new WorkerClient({ dbPath: ctx.handle.path, token }, onProgress);
  }
  async preview(path: string, presetName: string | undefined): Promise<ImportPreview> {
    const preset = presetName ? await findPreset(this.ctx, presetName) : null;
    return this.client.request({ type: 'preview', path, preset });
  }
  async commit(at: number, actor: string): Promise<ImportResult> {
    try {
      return await this.client.request<ImportResult>({ type: 'commit', at, actor });
    } finally {
      this.client.stop(cancelledError());
    }
  }
  rejected(): Promise<RejectedRow[]> {
    return this.client.request({ type: 'rejected' });
  }
  cancel(): void {
    this.client.stop(cancelledError());
    // Stopped mid-way, the worker could not delete its scratch files itself.
    rmSync(stagingPathFor(this.token), { force: true });
    rmSync(stringsPathFor(this.token), { force: true });
  }
}

class InlineRunner implements Runner {
  private readonly session: ImportSession;
  constructor(
    private readonly ctx: ServiceContext,
    token: string,
    onProgress: ProgressListener,
  ) {
    this.session = new ImportSession(ctx, token, onProgress);
  }
  async preview(path: string, presetName: string | undefined): Promise<ImportPreview> {
    const preset = presetName ? await findPreset(this.ctx, presetName) : null;
    return this.session.preview(path, preset);
  }
  commit(at: number, actor: string): Promise<ImportResult> {
    return this.session.commit(at, actor);
  }
  async rejected(): Promise<RejectedRow[]> {
    return this.session.rejected();
  }
  cancel(): void {
    this.session.cancel();
  }
}

interface SessionEntry {
  runner: Runner;
  timer: NodeJS.Timeout | null;
  busy: boolean;
}

export class LedgerJobs {
  private readonly sessions = new Map<string, SessionEntry>();
  private readonly useWorker: boolean;

  constructor(
    private readonly ctx: ServiceContext,
    mode: RunMode = 'auto',
  ) {
    const fileDb = ctx.handle.path !== ':memory:' && ctx.handle.path !== '';
    const workerBuilt = existsSync(fileURLToPath(workerUrl));
    if (mode === 'worker' && (!fileDb || !workerBuilt)) throw new Error('worker mode needs a database file and the compiled worker.js');
    this.useWorker = mode === 'worker' || (mode === 'auto' && fileDb && workerBuilt);
    // Scratch files of an import that a crash interrupted (35 MB or more each) would pile up in %TEMP%.
    sweepStaleScratch();
  }

  get runsInWorker(): boolean {
    return this.useWorker;
  }

  private runner(token: string): Runner {
    const onProgress: ProgressListener = (p) => this.ctx.push.emit('import.progress', { token, ...p });
    return this.useWorker ? new WorkerRunner(this.ctx, token, onProgress) : new InlineRunner(this.ctx, token, onProgress);
  }

  private entry(token: string): SessionEntry {
    const e = this.sessions.get(token);
    if (!e) throw new AppError('IMPORT_SESSION', '导入会话不存在或已过期（预览后 30 分钟未确认会自动取消），请重新选择文件。');
    return e;
  }

  private drop(token: string): void {
    const e = this.sessions.get(token);
    if (!e) return;
    if (e.timer) clearTimeout(e.timer);
    this.sessions.delete(token);
  }

  async preview(args: { path: string; preset?: string | undefined; token?: string | undefined }): Promise<ImportPreview> {
    const token = args.token ?? randomBytes(12).toString('base64url');
    if (this.sessions.has(token)) throw new AppError('IMPORT_SESSION', '该导入会话标识已在使用，请重新开始导入。');
    if (this.sessions.size >= MAX_SESSIONS) {
      // The oldest idle preview makes room.
      const idle = [...this.sessions].find(([, e]) => !e.busy);
      if (!idle) throw new AppError('IMPORT_SESSION', '同时进行的导入过多，请先完成或取消其他导入。');
      this.cancel(idle[0]);
    }
    const entry: SessionEntry = { runner: this.runner(token), timer: null, busy: true };
    this.sessions.set(token, entry);
    try {
      const preview = await entry.runner.preview(args.path, args.preset);
      entry.busy = false;
      entry.timer = setTimeout(() => this.cancel(token), SESSION_IDLE_MS);
      entry.timer.unref();
      return preview;
    } catch (e) {
      if (this.sessions.get(token) === entry) {
        this.drop(token);
        entry.runner.cancel();
      }
      throw e;
    }
  }

  /** Every rejected row of a previewed session (the preview lists only the first ones). */
  rejected(token: string): Promise<RejectedRow[]> {
    return this.entry(token).runner.rejected();
  }

  async commit(token: string, actor: string): Promise<ImportResult> {
    const entry = this.entry(token);
    if (entry.busy) throw new AppError('IMPORT_SESSION', '该导入仍在读取或提交中，请稍候。');
    entry.busy = true;
    if (entry.timer) clearTimeout(entry.timer);
    try {
      const result = await entry.runner.commit(this.ctx.now(), actor);
      const changed = result.new + result.updated;
      if (changed > 0) this.ctx.changes.ordersChanged('import', changed);
      return result;
    } finally {
      this.drop(token);
    }
  }

  /** Cancels a session in any state; true when there was one. A commit in a worker is rolled back. */
  cancel(token: string): boolean {
    const e = this.sessions.get(token);
    if (!e) return false;
    this.drop(token);
    e.runner.cancel();
    return true;
  }

  async exportLedger(args: LedgerExportArgs, actor: string): Promise<{ rows: number; path: string }> {
    if (!this.useWorker) return exportLedger(this.ctx, args, actor);
    const client = new WorkerClient({ dbPath: this.ctx.handle.path, token: randomBytes(12).toString('base64url') }, () => undefined);
    try {
      return await client.request({ type: 'export', args, actor, now: this.ctx.now() });
    } finally {
      client.stop(new AppError('EXPORT_FAILED', '导出已中止。'));
    }
  }

  /** Ends every session (the app is closing): nothing uncommitted is written. */
  close(): void {
    for (const token of [...this.sessions.keys()]) this.cancel(token);
  }
}
