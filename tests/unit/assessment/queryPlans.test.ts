/**
 * The assessment's queries seek their indexes (migration 006) instead of scanning a million orders:
 * a month's callbacks come from callbacks_assessment alone and each order's facts from
 * orders_assessment; 存量 at a past moment seeks orders_replied_at; 首办 is driven by the callbacks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RawBuilder } from 'kysely';
import { createDb, type DbHandle } from '../../../db/connection.js';
import { migrate } from '../../../db/migrator.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { groupDim } from '../../../main/services/assessment/groups.js';
import { bucketQuery, rowQuery } from '../../../main/services/assessment/tally.js';
import { backlogRows, closedRows, intakeRows } from '../../../main/services/assessment/volume.js';
import { pendingQuery } from '../../../main/services/assessment/forecast.js';

const month = { from: fromBeijing(2026, 10, 1), to: fromBeijing(2026, 11, 1) };

/**
 * Twice: without statistics (a clerk's database: only seeding runs ANALYZE) and with table sizes like a
 * seeded million-order database's.
 */
for (const stats of [false, true]) {
  describe(`assessment query plans (${stats ? 'with 1M-row statistics' : 'without statistics'})`, () => {
    let h: DbHandle;
    beforeAll(async () => {
      h = createDb(':memory:');
      await migrate(h, { appVersion: 'test' });
      if (stats) {
        h.sqlite.exec('ANALYZE');
        h.sqlite.exec(`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('orders', NULL, '1000000'), ('callbacks', NULL, '950000')`);
        h.sqlite.exec('ANALYZE sqlite_schema'); // reload the statistics
      }
    });

    function plan(q: RawBuilder<unknown>): string {
      const c = q.compile(h.db);
      const rows = h.sqlite.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...c.parameters) as Array<{ detail: string }>;
      return rows.map((r) => r.detail).join('\n');
    }

    for (const by of ['none', 'community'] as const) {
      it(`a month's 三率 (${by}) reads only the two narrow indexes`, () => {
        const p = plan(bucketQuery(groupDim(by, 'top'), month));
        expect(p).toMatch(/SEARCH c USING COVERING INDEX callbacks_assessment \(valid=\? AND at>\? AND at<\?\)/);
        expect(p).toContain('SEARCH o USING COVERING INDEX orders_assessment (id=?)');
        expect(p).not.toMatch(/SCAN (c|o)\b/);
      });
    }

    it('the drill-down of one community uses the same indexes', () => {
      const p = plan(rowQuery(groupDim('community', 'top'), month, '3'));
      expect(p).toContain('COVERING INDEX callbacks_assessment');
      expect(p).toContain('COVERING INDEX orders_assessment');
    });

    it('by lead unit, the 主办 row is one seek per order', () => {
      const p = plan(bucketQuery(groupDim('department', 'top'), month));
      expect(p).toContain('COVERING INDEX callbacks_assessment');
      expect(p).toMatch(/SEARCH lo USING (COVERING )?INDEX order_units_one_lead \(order_id=\?\)/);
    });

    it('存量 at a past moment seeks the orders replied after it', () => {
      const p = plan(backlogRows(groupDim('community', 'top'), month.to, false));
      expect(p).toContain('SEARCH o USING INDEX orders_replied_at (replied_at>?)');
      expect(p).not.toMatch(/SCAN o\b/);
    });

    it('首办 is driven by the period\'s callbacks, not by every closed order', () => {
      const p = plan(closedRows(groupDim('community', 'top'), month.from, month.to));
      expect(p.split('\n')[0]).toMatch(/^SEARCH c USING (COVERING )?INDEX callbacks_/);
      expect(p).toContain('SEARCH o USING INTEGER PRIMARY KEY (rowid=?)');
      expect(p).not.toMatch(/SCAN (c|o)\b/);
    });

    it('增量 and the forecast\'s pending orders seek', () => {
      expect(plan(intakeRows(groupDim('community', 'top'), month.from, month.to))).toMatch(/SEARCH o USING (COVERING )?INDEX/);
      const pending = plan(pendingQuery(groupDim('community', 'top'), month.to));
      expect(pending).toMatch(/SEARCH o USING INDEX orders_status_\w+ \(status=\?/);
      expect(pending).not.toMatch(/SCAN o\b/);
    });
  });
}
