/**
 * The import off the UI thread, on a real database file, from the compiled tree (a worker thread runs
 * compiled JavaScript: `npx tsc -b` must have run — `npm test` and the lead's check do it first):
 *  - the worker imports with its own connection while the main thread keeps answering;
 *  - cancelling a commit rolls it back;
 *  - a process SIGKILLed mid-commit leaves the database exactly as before, integrity_check ok.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { csvText, PLATFORM_HEADER, platformRow, tmpDir } from './support.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DIST_RUNTIME = join(ROOT, 'dist', 'main', 'runtime.js');
const FIXTURE_XLSX = join(ROOT, '..', 'shared', 'fixtures', 'platform-export-sample.xlsx');

let openApp: (path: string) => Promise<AppRuntime>;
let dir: string;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'main', 'services', 'import', 'worker.js'))) {
    throw new Error('compiled tree missing: run `npx tsc -b` before these tests');
  }
  ({ openApp } = (await import(pathToFileURL(DIST_RUNTIME).href)) as { openApp: typeof openApp });
  dir = tmpDir();
});

/** A platform csv of n orders (quick to write, slow enough to import to catch it mid-way). */
async function bigCsv(name: string, n: number): Promise<string> {
  const rows = [PLATFORM_HEADER, ...Array.from({ length: n }, (_, i) => platformRow({ no: `BIG${String(i).padStart(7, '0')}`, content: `第${i}条：市民反映楼道堆放杂物，存在消防隐患，希望尽快清理。`, status: i % 3 ? '已办结' : '办理中', callback: i % 3 ? ['2026-03-12 10:00:00', '是', '是', '是', '满意'] : null }))];
  const path = join(dir, name);
  await writeFile(path, csvText(rows));
  return path;
}

function counts(dbPath: string): { orders: number; events: number; callbacks: number; integrity: string } {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number | string }).n;
    return {
      orders: one('SELECT count(*) AS n FROM orders') as number,
      events: one('SELECT count(*) AS n FROM events') as number,
      callbacks: one('SELECT count(*) AS n FROM callbacks') as number,
      integrity: one('SELECT integrity_check AS n FROM pragma_integrity_check') as string,
    };
  } finally {
    db.close();
  }
}

describe('import in a worker thread', () => {
  it('imports on its own connection, reports progress, and keeps the main thread responsive', async () => {
    const dbPath = join(dir, 'worker.db');
    const app = await openApp(dbPath);
    try {
      expect(app.services.ledger.runsInWorker).toBe(true);
      const phases = new Set<string>();
      app.push.subscribe((name, payload) => {
        if (name === 'import.progress') phases.add((payload as { phase: string }).phase);
      });
      const first = await app.services.ledger.preview({ path: FIXTURE_XLSX });
      expect(first.new).toBe(120);
      const changed: number[] = [];
      app.push.subscribe((name, payload) => {
        if (name === 'orders.changed') changed.push((payload as { count: number }).count);
      });
      expect(await app.services.ledger.commit(first.token, '测试员')).toMatchObject({ new: 120 });
      expect(changed).toEqual([120]);
      expect([...phases].sort()).toEqual(['commit', 'plan', 'read']);
      // The main connection sees the worker's commit.
      expect((await app.services.grid.count())).toBe(120);

      // While a large file is read and written, the main thread keeps its timers on time (run inline,
      // this file's commit alone blocks the thread for several hundred milliseconds).
      const path = await bigCsv('responsive.csv', 30_000);
      let last = performance.now();
      let worstGap = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        worstGap = Math.max(worstGap, now - last);
        last = now;
      }, 5);
      let commitMs = 0;
      try {
        const p = await app.services.ledger.preview({ path });
        commitMs = (await app.services.ledger.commit(p.token, '测试员')).ms;
        // A block right at the end would not have let the timer run: count it too.
        worstGap = Math.max(worstGap, performance.now() - last);
      } finally {
        clearInterval(timer);
      }
      // Run inline, the thread would stall for the whole commit (worstGap ≈ commitMs); in the worker it
      // only sees message traffic. The bound leaves room for a loaded test machine.
      expect(worstGap).toBeLessThan(Math.max(300, commitMs / 3));
      expect(counts(dbPath)).toMatchObject({ orders: 30_120, integrity: 'ok' });
    } finally {
      app.services.ledger.close();
      await app.close();
    }
  }, 120_000);

  it('rolls a commit back when it is cancelled mid-way', async () => {
    const dbPath = join(dir, 'cancel.db');
    const app = await openApp(dbPath);
    try {
      const path = await bigCsv('cancel.csv', 40_000);
      const p = await app.services.ledger.preview({ path });
      const before = counts(dbPath);
      let cancelled = false;
      app.push.subscribe((name, payload) => {
        const pr = payload as { phase: string; token: string };
        if (name === 'import.progress' && pr.phase === 'commit' && !cancelled) {
          cancelled = true;
          expect(app.services.ledger.cancel(pr.token)).toBe(true);
        }
      });
      await expect(app.services.ledger.commit(p.token, '测试员')).rejects.toMatchObject({ code: 'IMPORT_CANCELLED' });
      expect(cancelled).toBe(true);
      expect(counts(dbPath)).toEqual(before);
      // The database is not left locked: the next import goes through.
      const again = await app.services.ledger.preview({ path: FIXTURE_XLSX });
      expect((await app.services.ledger.commit(again.token, '测试员')).new).toBe(120);
    } finally {
      app.services.ledger.close();
      await app.close();
    }
  }, 120_000);

  it('leaves the database exactly as before when the process is SIGKILLed mid-commit', async () => {
    const dbPath = join(dir, 'killed.db');
    const seed = await openApp(dbPath);
    const p = await seed.services.ledger.preview({ path: FIXTURE_XLSX });
    await seed.services.ledger.commit(p.token, '测试员');
    seed.services.ledger.close();
    await seed.close();
    const before = counts(dbPath);
    expect(before).toMatchObject({ orders: 120, integrity: 'ok' });

    const path = await bigCsv('killed.csv', 50_000);
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'jiesu.js'), 'import', path, '--db', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let killedWhileWriting = false;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (!killedWhileWriting && stderr.includes('写入中')) {
        killedWhileWriting = true;
        child.kill('SIGKILL');
      }
    });
    const { signal } = await exited;
    expect(killedWhileWriting, stderr).toBe(true);
    expect(signal).toBe('SIGKILL');
    expect(counts(dbPath)).toEqual(before);
  }, 120_000);
});
