/**
 * `PRAGMA integrity_check` / `quick_check` of a database file in a worker thread, over the worker's own
 * read-only connection, so a check of a 2 GB file (17 s warm, over a minute cold) never freezes the
 * window or the browser-mode server: the main thread keeps serving while the worker reads.
 *
 * The worker is a small CommonJS script passed as text (`eval: true`), not a file: in the installed app
 * the code lives inside app.asar, and an eval worker does not depend on the worker loader reading files
 * from the archive. It `require`s better-sqlite3 by the absolute path the main thread resolved, and is
 * handed the native addon's path outside the archive (app.asar.unpacked, see electron-builder.yml), so
 * the addon is loaded the way the main thread loads it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** 'full' = integrity_check (also compares every index with its table); 'quick' = quick_check. */
export type CheckMode = 'full' | 'quick';

export interface FileVerdict {
  ok: boolean;
  /** What SQLite reported (or why the file could not be read); empty when ok. */
  problems: string[];
  /** Another connection held the file locked for longer than the wait: no verdict on the data. */
  busy: boolean;
  /** Where it stopped: writing the copy (`copyFrom`) or checking. */
  stage: 'copy' | 'check';
  /** The error's code (SQLITE_FULL, SQLITE_CANTOPEN…) when something threw. */
  code: string | null;
}

const require = createRequire(import.meta.url);

/** better-sqlite3's entry, resolved once by the main thread (inside app.asar when packaged). */
const DRIVER = require.resolve('better-sqlite3');

/** The compiled addon outside the archive when there is one (packaged app), else null (let the driver find it). */
function nativeBinding(): string | null {
  const addon = join(dirname(DRIVER), '..', 'build', 'Release', 'better_sqlite3.node');
  const unpacked = addon.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  return unpacked !== addon && existsSync(unpacked) ? unpacked : null;
}

const SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const busyCode = (code) => code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
(async () => {
  let db = null;
  let verdict;
  let stage = 'copy';
  try {
    const Database = require(w.driver);
    const opts = (o) => (w.nativeBinding ? Object.assign(o, { nativeBinding: w.nativeBinding }) : o);
    if (w.copyFrom) {
      const source = new Database(w.copyFrom, opts({ readonly: true, fileMustExist: true, timeout: w.timeoutMs }));
      try {
        await source.backup(w.path);
      } finally {
        source.close();
      }
      const copy = new Database(w.path, opts({ fileMustExist: true }));
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
    }
    stage = 'check';
    db = new Database(w.path, opts({ readonly: true, fileMustExist: true, timeout: w.timeoutMs }));
    const rows = db.pragma((w.mode === 'full' ? 'integrity_check' : 'quick_check') + '(' + w.max + ')');
    verdict = { problems: rows.map((r) => String(Object.values(r)[0])).filter((t) => t !== 'ok'), busy: false, stage, code: null };
  } catch (e) {
    const code = e && e.code ? String(e.code) : null;
    verdict = { problems: [e && e.message ? String(e.message) : String(e)], busy: busyCode(code), stage, code };
  } finally {
    // Closed before answering: whoever gets the verdict may need the file to itself (a restore).
    if (db) db.close();
  }
  parentPort.postMessage(verdict);
})();
`;

export interface CheckOptions {
  mode?: CheckMode;
  /** At most this many problems are reported (default 10). */
  max?: number;
  /** How long to wait for a lock (default 5 s). */
  timeoutMs?: number;
  /**
   * Write `path` first, as a copy of this database file (SQLite's online backup API from a read-only
   * connection, then switched to a rollback journal: one self-contained file), and check the copy.
   * The whole backup then runs off the main thread, the final fsync of a 2 GB copy included.
   */
  copyFrom?: string;
}

/** A check that runs; `stop` ends the thread (SQLite finishes the statement it is in first). */
export interface RunningCheck {
  done: Promise<FileVerdict>;
  stop(): Promise<void>;
}

export function startFileCheck(path: string, options: CheckOptions = {}): RunningCheck {
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: {
      path,
      copyFrom: options.copyFrom ?? null,
      driver: DRIVER,
      nativeBinding: nativeBinding(),
      mode: options.mode ?? 'full',
      max: options.max ?? 10,
      timeoutMs: options.timeoutMs ?? 5000,
    },
  });
  // Not unref'd: a command awaiting the verdict (jiesu backup) has nothing else keeping it alive. A
  // quitting app stops its checks (RunningCheck.stop) or exits the process, which ends the thread.
  let settled = false;
  const done = new Promise<FileVerdict>((resolve) => {
    const finish = (v: Omit<FileVerdict, 'ok'>) => {
      if (settled) return;
      settled = true;
      resolve({ ok: !v.busy && v.problems.length === 0, ...v });
    };
    // Settled when the thread has ended (its connection is closed by then), with what it said.
    let said: Omit<FileVerdict, 'ok'> = { problems: ['检查被中止'], busy: false, stage: 'check', code: null };
    worker.once('message', (m: Omit<FileVerdict, 'ok'>) => (said = m));
    worker.once('error', (e) => (said = { problems: [e instanceof Error ? e.message : String(e)], busy: false, stage: 'check', code: null }));
    worker.once('exit', () => finish(said));
  });
  return {
    done,
    async stop() {
      if (!settled) await worker.terminate();
    },
  };
}

/** Checks `path` in a worker thread; resolves with the verdict (never rejects). */
export function checkFileInWorker(path: string, options: CheckOptions = {}): Promise<FileVerdict> {
  return startFileCheck(path, options).done;
}
