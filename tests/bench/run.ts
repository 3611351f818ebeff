/**
 * `npm run bench`: seeds 1,000,000 orders into a fresh file, then measures what a clerk waits for,
 * each against the same work done with raw prepared better-sqlite3 statements in this process.
 * Medians of repeated runs. Not part of `npm test`.
 *
 *   BENCH_ORDERS=200000 npm run bench      smaller run
 *   BENCH_DB=/tmp/bench.db npm run bench   reuse a seeded file (seeded if missing)
 * The triage workbench's measures (filters, search, views, bulk) are in triage.ts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../main/runtime.js';
import { seedDemo } from '../../main/services/demo/seed.js';
import { ORDER_SORT_COLUMNS, type OrderSort } from '../../preload/api.js';
import { keyAtQuery, pageQuery } from '../../main/services/orders/gridQueries.js';
import { SORT_KEYS } from '../../main/services/orders/sortKeys.js';
import { printTable, time, type Row } from './measure.js';
import { benchTriage } from './triage.js';
import { decorations as gridDecorations } from '../../main/services/orders/rows.js';
import { benchAssessment } from './assessment.js';
import { benchDashboard } from './dashboard.js';
import { benchHotspots } from './hotspots.js';
import { benchReports } from './reports.js';
import { benchLedger } from './ledger.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const UNTIL = Date.UTC(2026, 10, 27, 10); // fixed end: the same data every run

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jiesu-bench-'));
  const path = process.env.BENCH_DB ?? join(dir, 'bench.db');
  const seeded = existsSync(path);
  // "Now" is the seed's end, so relative filters and views see a live street.
  const app = await openApp(path, { now: () => UNTIL });
  const rows: Row[] = [];
  const dispatchRows: Row[] = [];
  let allOk = true;
  try {
    if (!seeded) {
      console.log(`seeding ${ORDERS} orders into ${path} …`);
      const r = await seedDemo(app.handle, { seed: 42, orders: ORDERS, days: 730, until: UNTIL });
      const counts = app.handle.sqlite
        .prepare(`SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM callbacks) + (SELECT count(*) FROM order_units) AS n`)
        .get() as { n: number };
      const perSec = r.orders / (r.ms / 1000);
      printTable('Seeding', [{ what: `seed ${r.orders} orders (+${counts.n} history rows)`, ms: r.ms }]);
      console.log(`  → ${Math.round(perSec)} orders/s, ${Math.round((r.orders + counts.n) / (r.ms / 1000))} rows/s (target ≥ 50000 orders/s: ${perSec >= 50_000 ? 'ok' : 'MISS'})`);
      allOk = perSec >= 50_000 && allOk;
    }
    const { dispatch, handle } = app;
    const grid = app.services.grid;
    const total = await grid.count();
    const ctx = { actor: 'bench', transport: 'in-process' as const };

    for (const column of ORDER_SORT_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort: OrderSort = { column, direction };
        const key = SORT_KEYS[column];
        const desc = direction === 'desc';
        for (const [where, start] of [['start', 0], ['middle', Math.floor(total / 2)], ['end', total - 100]] as const) {
          // The service (Kysely templates, cursors, row mapping): the work the raw statements also do.
          const ours = await time(async () => {
            grid.invalidate(); // a cold jump every time: no cursor left from the previous run
            await grid.count();
            await grid.page(sort, start, start + 100);
          });
          // Through the dispatcher too (contract validation of input and of all 100 output rows), as the UI gets it.
          const viaDispatch = await time(async () => {
            grid.invalidate();
            await grid.count();
            const r = await dispatch('orders.page', { sort, startRow: start, endRow: start + 100 }, ctx);
            if ('error' in r) throw new Error(r.error.message);
          });
          dispatchRows.push({ what: `page ${column} ${direction} @${where}`, ms: viaDispatch.median, target: { ms: 20 } });
          // The same statements, prepared once, run raw.
          const fromEnd = total - start - 100;
          const nearEnd = fromEnd < start;
          const anchorSql = start === 0 || (nearEnd && fromEnd === 0) ? null : keyAtQuery(handle.db, key, nearEnd ? !desc : desc, nearEnd ? fromEnd - 1 : start - 1).compile();
          const anchorStmt = anchorSql ? handle.sqlite.prepare(anchorSql.sql) : null;
          const pageDesc = nearEnd ? !desc : desc;
          const firstPage = pageQuery(handle.db, key, pageDesc, null, 0, 100).compile();
          const probe = anchorStmt ? (anchorStmt.get(...anchorSql!.parameters) as { k: unknown; id: number }) : null;
          const cursorPage = probe ? pageQuery(handle.db, key, pageDesc, { key: probe.k, id: probe.id }, 0, 100).compile() : firstPage;
          const pageStmt = handle.sqlite.prepare(cursorPage.sql);
          const countStmt = handle.sqlite.prepare('SELECT count(*) AS n FROM orders');
          // A row also shows its units, handlers and tags, and its colour bands need the warning hours.
          const decorations = gridDecorations(handle.db).bind({ ids: '[]' });
          const decorationStmt = handle.sqlite.prepare(decorations.sql);
          const warnStmt = handle.sqlite.prepare("SELECT value_json FROM settings WHERE key = 'deadlines.warnWithinHours'");
          const raw = await time(() => {
            countStmt.get();
            warnStmt.get();
            let page: Array<{ id: number }>;
            if (anchorStmt) {
              const a = anchorStmt.get(...anchorSql!.parameters) as { k: unknown; id: number };
              const params = [...cursorPage.parameters];
              // same_group: key, id, take; later_groups: key, take; outer: limit
              params[0] = a.k;
              params[1] = a.id;
              params[3] = a.k;
              page = pageStmt.all(...params) as Array<{ id: number }>;
            } else {
              page = pageStmt.all(...cursorPage.parameters) as Array<{ id: number }>;
            }
            const ids = JSON.stringify(page.map((r) => r.id));
            decorationStmt.all(ids, ids);
          });
          rows.push({ what: `page ${column} ${direction} @${where}`, ms: ours.median, rawMs: raw.median, target: { ms: 20, ratio: 1.3 } });
        }
      }
    }
    // Scrolling on from a page already served: the keyset path with a remembered cursor.
    const sort: OrderSort = { column: 'receivedAt', direction: 'desc' };
    let next = Math.floor(total / 3);
    await grid.page(sort, next, next + 100);
    const scroll = await time(async () => {
      next += 100;
      const r = await dispatch('orders.page', { sort, startRow: next, endRow: next + 100 }, ctx);
      if ('error' in r) throw new Error(r.error.message);
    }, 30);
    rows.push({ what: 'next block while scrolling (receivedAt desc)', ms: scroll.median, target: { ms: 20 } });
    allOk = printTable(`Grid pages at ${total} orders: service vs raw statements (100 rows, cold jumps)`, rows) && allOk;
    allOk = printTable('The same pages through the dispatcher (input + output validated against the contract)', dispatchRows) && allOk;

    const counts: Row[] = [];
    const countCases: Array<[string, string, unknown[]]> = [
      ['count status = in_progress', "SELECT count(*) AS n FROM orders WHERE status = ?", ['in_progress']],
      ['count one community', 'SELECT count(*) AS n FROM orders WHERE coalesce(community_id, 0) = ?', [3]],
      ['count received in the last 30 days', 'SELECT count(*) AS n FROM orders WHERE received_at >= ?', [UNTIL - 30 * 86_400_000]],
      ['count category prefix 供暖/', "SELECT count(*) AS n FROM orders WHERE category >= ? AND category < ?", ['供暖/', '供暖0']],
    ];
    for (const [what, sqlText, params] of countCases) {
      const stmt = handle.sqlite.prepare(sqlText);
      const raw = await time(() => stmt.get(...params));
      const ours = await time(() => app.handle.db.executeQuery({ sql: sqlText, parameters: params, query: { kind: 'RawNode' } as never, queryId: { queryId: 'bench' } }));
      counts.push({ what, ms: ours.median, rawMs: raw.median, target: { ms: 20, ratio: 1.3 } });
    }
    allOk = printTable('Filtered counts', counts) && allOk;
    allOk = (await benchTriage(app, UNTIL)) && allOk;
    allOk = (await benchAssessment(app, UNTIL)) && allOk;
    allOk = (await benchDashboard(app)) && allOk;
    allOk = (await benchHotspots(app, UNTIL)) && allOk;
    allOk = (await benchReports(app, UNTIL)) && allOk;
  } finally {
    await app.close();
    if (!process.env.BENCH_DB) rmSync(dir, { recursive: true, force: true });
  }
  // Import and export of 100k-row files, each in a fresh child process (RSS measured per phase).
  if (process.env.BENCH_SKIP_LEDGER !== '1') allOk = (await benchLedger()) && allOk;
  console.log(allOk ? '\nall targets met' : '\nsome targets missed (see MISS above)');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
