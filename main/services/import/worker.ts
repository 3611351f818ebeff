/**
 * The ledger worker thread: runs one import session (preview, then commit) or one export on its own
 * connection to the same database file, so the thread that serves the UI never waits for a big file.
 * Killing it (cancel, or the process dying) mid-commit rolls the transaction back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDb } from '../../../db/connection.js';
import { isAppError } from '../../../preload/contract/errors.js';
import { APP_VERSION } from '../../version.js';
import { ChangeFeed, PushBus, type ServiceContext } from '../context.js';
import type { FromWorker, ToWorker, WorkerData } from './protocol.js';
import type { ImportSession } from './session.js';

const port = parentPort!;
const { dbPath, token } = workerData as WorkerData;
const post = (m: FromWorker) => port.postMessage(m);

let clock = Date.now();
const handle = createDb(dbPath);
const ctx: ServiceContext = { handle, now: () => clock, push: new PushBus(), changes: new ChangeFeed(), appVersion: APP_VERSION };
// Each job loads only what it needs (an export does not need the importer, a csv no exceljs).
let session: ImportSession | null = null;

async function importSession(): Promise<ImportSession> {
  if (!session) {
    const { ImportSession } = await import('./session.js');
    session = new ImportSession(ctx, token, (p) => post({ type: 'progress', ...p }));
  }
  return session;
}

async function run(msg: Exclude<ToWorker, { type: 'abort' }>): Promise<unknown> {
  switch (msg.type) {
    case 'preview':
      return (await importSession()).preview(msg.path, msg.preset);
    case 'commit':
      clock = msg.at;
      return (await importSession()).commit(msg.at, msg.actor);
    case 'rejected':
      return (await importSession()).rejected();
    case 'export': {
      clock = msg.now;
      const { exportLedger } = await import('../export/ledger.js');
      return exportLedger(ctx, msg.args, msg.actor);
    }
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'abort') {
    session?.cancel();
    return;
  }
  run(msg).then(
    (value) => post({ type: 'result', value }),
    (e: unknown) =>
      post(
        isAppError(e)
          ? { type: 'error', code: e.code, message: e.message }
          : { type: 'error', code: null, message: e instanceof Error ? (e.stack ?? e.message) : String(e) },
      ),
  );
});

// The host terminates us when done; close cleanly if it just lets go of the port.
port.on('close', () => {
  session?.dispose();
  void handle.close();
});
