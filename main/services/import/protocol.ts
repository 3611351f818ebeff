/** Messages between the ledger host (jobs.ts) and its worker thread (worker.ts). */
import type { ImportPreset } from '../../../preload/contract/methods/ledger.js';
import type { LedgerExportArgs } from '../export/ledger.js';
import type { ImportPhase } from './session.js';

export interface WorkerData {
  dbPath: string;
  token: string;
}

export type ToWorker =
  | { type: 'preview'; path: string; preset: ImportPreset | null }
  | { type: 'commit'; at: number; actor: string }
  | { type: 'rejected' }
  | { type: 'export'; args: LedgerExportArgs; actor: string; now: number }
  | { type: 'abort' };

export type FromWorker =
  | { type: 'progress'; done: number; total: number; phase: ImportPhase }
  | { type: 'result'; value: unknown }
  | { type: 'error'; code: string | null; message: string };
