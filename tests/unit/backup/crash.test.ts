/**
 * Crash tests: a real child process (tests/support/crashChild.ts, run from the compiled dist/) does one
 * big piece of work — an import, a bulk accept, a migration — and is SIGKILLed at a random moment of
 * it, 20 times each. After every kill the database must open, pass integrity_check and hold either all
 * of the interrupted work or none of it. The counts are printed (and checked: both outcomes occur).
 */
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../../db/connection.js';
import { currentSchemaVersion, migrate } from '../../../db/migrator.js';
import { migrations } from '../../../db/migrations/registry.js';
import { openApp } from '../../../main/runtime.js';
import { insertUnits } from '../../support/app.js';
import { PLATFORM_HEADER, platformRow, writeCsv } from '../ledger/support.js';
import { addOrders, tempDir } from './support.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const CHILD = join(ROOT, 'dist', 'tests', 'support', 'crashChild.js');
const CHILD_SOURCE = join(ROOT, 'tests', 'support', 'crashChild.ts');
const RUNS = 20;
const IMPORT_ROWS = 400;
const BULK_ORDERS = 80;
const MIGRATE_ORDERS = 1500;
/** Children run three at a time: some boot (≈ 0.5 s of module loading) while another works. */
const LANES = 3;
/** Generous: 20 real child processes per case; on a loaded 2-core CI machine the import case took 45 s. */
const TIMEOUT_MS = 180_000;

let tmp: ReturnType<typeof tempDir>;
const summary: string[] = [];

/** The compiled child must exist and be current; `tsc -b` builds it (other projects' errors do not stop the emit). */
function ensureBuilt(): void {
  const fresh = () => existsSync(CHILD) && existsSync(join(ROOT, 'dist', 'main', 'runtime.js')) && statSync(CHILD).mtimeMs >= statSync(CHILD_SOURCE).mtimeMs;
  if (fresh()) return;
  try {
    execFileSync('npx', ['tsc', '-b'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // Type errors elsewhere in the tree still emit; the check below decides.
  }
  if (!fresh()) throw new Error(`could not build ${CHILD}`);
}

/** Makes `path` one self-contained file (no -wal), so a plain copy of it is a whole database. */
function settle(path: string): void {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = DELETE');
  db.close();
}

interface ChildRun {
  /** Finished before the kill landed. */
  completed: boolean;
  workMs: number | null;
}

/** Runs the child; once it prints READY, kills it after `killAfterMs` (null: let it finish). */
function runChild(args: string[], killAfterMs: number | null): Promise<ChildRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== null && !timer && out.includes('READY\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      const m = /DONE (\d+)/.exec(out);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${err}`));
      else resolveRun({ completed: m !== null, workMs: m ? Number(m[1]) : null });
    });
  });
}

/** Opens the killed database as the program would (WAL recovery included) and checks it. */
function inspect<T>(path: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(path);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return read(db);
  } finally {
    db.close();
  }
}

type Outcome = 'all' | 'none';

/**
 * Calibrates the work's length with full runs, then kills 20 runs at uniformly random moments of it
 * (some land after the end when a run is quicker than calibrated: those must hold all of it).
 */
async function crashLoop(name: string, template: string, args: (db: string) => string[], check: (db: string) => Outcome) {
  // Calibrated as the kills run: LANES children at once (the work takes longer than alone).
  const fulls = Array.from({ length: LANES }, (_, i) => join(tmp.dir, `${name}-full-${i}.db`));
  for (const full of fulls) copyFileSync(template, full);
  const calib = await Promise.all(fulls.map((full) => runChild(args(full), null)));
  for (const [i, full] of fulls.entries()) {
    expect(calib[i]!.completed).toBe(true);
    expect(check(full)).toBe('all');
  }
  const workMs = Math.max(...calib.map((c) => c.workMs ?? 0), 5);
  const counts = { all: 0, none: 0, finishedBeforeKill: 0 };
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < RUNS; i = next++) {
      const db = join(tmp.dir, `${name}-${i}.db`);
      copyFileSync(template, db);
      const run = await runChild(args(db), Math.random() * workMs);
      const outcome = check(db);
      counts[outcome]++;
      if (run.completed) {
        counts.finishedBeforeKill++;
        expect(outcome).toBe('all');
      }
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  summary.push(`${name}: ${RUNS} kills (work ≈ ${workMs} ms) → all ${counts.all}, none ${counts.none}, finished before the kill ${counts.finishedBeforeKill}`);
  return counts;
}

beforeAll(async () => {
  ensureBuilt();
  tmp = tempDir();
}, 300_000);
afterAll(() => {
  console.log(`crash tests:\n  ${summary.join('\n  ')}`);
  tmp?.remove();
});

describe('SIGKILL at a random moment leaves a database that opens, is intact, and holds all or none of the work', () => {
  it(`during an import of ${IMPORT_ROWS} rows (one transaction)`, async () => {
    const template = join(tmp.dir, 'import-template.db');
    const app = await openApp(template);
    await insertUnits(app, [
      { kind: 'community', name: '南街社区' },
      { kind: 'department', name: '城管科' },
    ]);
    await app.close();
    settle(template);
    const csv = join(tmp.dir, 'platform.csv');
    await writeCsv(csv, [PLATFORM_HEADER, ...Array.from({ length: IMPORT_ROWS }, (_, i) => platformRow({ no: `CR${String(i).padStart(6, '0')}` }))]);
    const counts = await crashLoop('import', template, (db) => ['import', db, csv], (db) =>
      inspect(db, (d) => {
        const n = (d.prepare("SELECT count(*) AS n FROM orders WHERE order_no LIKE 'CR%'").get() as { n: number }).n;
        const events = (d.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
        expect([0, IMPORT_ROWS]).toContain(n);
        if (n === 0) expect(events).toBe(0);
        return n === 0 ? 'none' : 'all';
      }),
    );
    expect(counts.all + counts.none).toBe(RUNS);
    expect(counts.none).toBeGreaterThan(0);
  }, TIMEOUT_MS);

  it(`during a bulk accept of ${BULK_ORDERS} orders (one transaction)`, async () => {
    const template = join(tmp.dir, 'bulk-template.db');
    const app = await openApp(template);
    await addOrders(app, BULK_ORDERS);
    await app.close();
    settle(template);
    const counts = await crashLoop('bulk accept', template, (db) => ['bulk', db], (db) =>
      inspect(db, (d) => {
        const accepted = (d.prepare("SELECT count(*) AS n FROM orders WHERE status = 'in_progress'").get() as { n: number }).n;
        const received = (d.prepare("SELECT count(*) AS n FROM orders WHERE status = 'received'").get() as { n: number }).n;
        const events = (d.prepare("SELECT count(*) AS n FROM events WHERE actor = '崩溃测试'").get() as { n: number }).n;
        expect(accepted + received).toBe(BULK_ORDERS);
        expect([0, BULK_ORDERS]).toContain(accepted);
        // Every accepted order has its timeline event, and none without.
        expect(events === 0).toBe(accepted === 0);
        return accepted === 0 ? 'none' : 'all';
      }),
    );
    expect(counts.none).toBeGreaterThan(0);
  }, TIMEOUT_MS);

  it(`during a migration (v4 → latest over ${MIGRATE_ORDERS} orders: full-text index, new indexes, new tables)`, async () => {
    const template = join(tmp.dir, 'migrate-template.db');
    const handle = createDb(template);
    await migrate(handle, { appVersion: 'crash-test', registry: migrations.slice(0, 4) });
    await addOrders({ handle }, MIGRATE_ORDERS);
    await handle.close();
    settle(template);
    // The version the child's migrations reach, read from the calibration run (the first one checked).
    let reached: number | null = null;
    const counts = await crashLoop('migration', template, (db) => ['migrate', db], (db) =>
      inspect(db, (d) => {
        const tables = new Set((d.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')").all() as Array<{ name: string }>).map((t) => t.name));
        const version = (d.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v;
        reached ??= version;
        const orders = (d.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
        expect(orders).toBe(MIGRATE_ORDERS);
        expect([4, reached]).toContain(version);
        // Schema and version move together: v5's objects are all there, or none are.
        const v5 = ['orders_search', 'saved_views', 'view_layouts', 'orders_awaiting_contact'].map((n) => tables.has(n));
        expect(v5.every((x) => x === (version === reached))).toBe(true);
        if (version === reached) expect((d.prepare('SELECT count(*) AS n FROM orders_search').get() as { n: number }).n).toBe(MIGRATE_ORDERS);
        return version === reached ? 'all' : 'none';
      }),
    );
    expect(reached).toBeGreaterThan(4);
    expect(counts.none).toBeGreaterThan(0);
    const latest = migrations[migrations.length - 1]!.version;
    // And the program opens what the kill left: a half-way database is migrated on the next start.
    const again = await openApp(join(tmp.dir, 'migration-0.db'));
    expect(await currentSchemaVersion(again.handle.db)).toBe(latest);
    await again.close();
  }, TIMEOUT_MS);
});
