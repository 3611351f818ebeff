/**
 * The process the crash tests kill (tests/unit/backup/crash.test.ts). Run from the compiled dist/:
 *   node dist/tests/support/crashChild.js <import|bulk|migrate> <db> [file]
 * It prepares, prints READY, does the one big piece of work the test interrupts, prints `DONE <ms>`
 * (how long the work took) and exits. The parent SIGKILLs it at a random moment after READY.
 */
// Imported per mode: loading the whole runtime costs half a second the migration run does not need.
const runtime = () => import('../../main/runtime.js');

const [mode, dbPath, file] = process.argv.slice(2);

function ready(): number {
  process.stdout.write('READY\n');
  return performance.now();
}

function done(started: number): void {
  process.stdout.write(`DONE ${Math.round(performance.now() - started)}\n`);
}

async function runImport(): Promise<void> {
  const app = await (await runtime()).openApp(dbPath!);
  const preview = await app.services.ledger.preview({ path: file! });
  const started = ready();
  await app.services.ledger.commit(preview.token, '崩溃测试');
  done(started);
  app.services.ledger.close();
  await app.close();
}

async function runBulk(): Promise<void> {
  const app = await (await runtime()).openApp(dbPath!);
  const orders = await app.handle.db.selectFrom('orders').select(['id as orderId', 'version']).where('status', '=', 'received').orderBy('id').execute();
  const started = ready();
  const res = await app.dispatch('bulk.apply', { action: { kind: 'accept' }, orders }, { actor: '崩溃测试', transport: 'in-process' });
  if ('error' in res) throw new Error(`${res.error.code}: ${res.error.message}`);
  done(started);
  await app.close();
}

async function runMigrate(): Promise<void> {
  const { createDb } = await import('../../db/connection.js');
  const { migrate } = await import('../../db/migrator.js');
  const handle = createDb(dbPath!);
  const started = ready();
  await migrate(handle, { appVersion: 'crash-test' });
  done(started);
  await handle.close();
}

const modes: Record<string, () => Promise<void>> = { import: runImport, bulk: runBulk, migrate: runMigrate };
const run = mode ? modes[mode] : undefined;
if (!run || !dbPath) {
  process.stderr.write('usage: crashChild <import|bulk|migrate> <db> [file]\n');
  process.exit(2);
}
run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
