/**
 * 首页's own queries seek indexes instead of scanning a million orders: the intake by day reads the
 * covering received_at index, the month's intake a received_at range, the trend's callbacks the two
 * narrow assessment indexes, and the overdue / soon-due lists the status + deadline index.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type RawBuilder } from 'kysely';
import { createDb, type DbHandle } from '../../../db/connection.js';
import { migrate } from '../../../db/migrator.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { bucketQuery } from '../../../main/services/assessment/tally.js';
import { monthIntakeQuery, openOrdersQuery } from '../../../main/services/dashboard/summary.js';
import { dailyIntakeQuery, dayDim } from '../../../main/services/dashboard/trend.js';

const from = fromBeijing(2026, 10, 27);
const to = fromBeijing(2026, 11, 26);

for (const stats of [false, true]) {
  describe(`dashboard query plans (${stats ? 'with 1M-row statistics' : 'without statistics'})`, () => {
    let h: DbHandle;
    beforeAll(async () => {
      h = createDb(':memory:');
      await migrate(h, { appVersion: 'test' });
      if (stats) {
        h.sqlite.exec('ANALYZE');
        h.sqlite.exec(`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('orders', NULL, '1000000'), ('callbacks', NULL, '950000')`);
        h.sqlite.exec('ANALYZE sqlite_schema');
      }
    });

    function plan(q: RawBuilder<unknown>): string {
      const c = q.compile(h.db);
      const rows = h.sqlite.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...c.parameters) as Array<{ detail: string }>;
      return rows.map((r) => r.detail).join('\n');
    }

    it('intake per day reads only the covering received_at index', () => {
      expect(plan(dailyIntakeQuery(from, to))).toMatch(/SEARCH orders USING COVERING INDEX orders_received_at_sort \(received_at>\? AND received_at<\?\)/);
    });

    it("the month's intake by community and category seeks a received_at range", () => {
      const p = plan(monthIntakeQuery(from, to));
      expect(p).toMatch(/SEARCH orders USING (COVERING )?INDEX \w+ \(.*received_at>\? AND received_at<\?\)/);
      expect(p).not.toMatch(/SCAN orders/);
    });

    it("the trend's callbacks by day read the two narrow assessment indexes", () => {
      const p = plan(bucketQuery(dayDim, { from, to }));
      expect(p).toMatch(/SEARCH c USING COVERING INDEX callbacks_assessment \(valid=\? AND at>\? AND at<\?\)/);
      expect(p).toContain('SEARCH o USING COVERING INDEX orders_assessment (id=?)');
    });

    it('the overdue list seeks the open statuses by deadline', () => {
      const p = plan(openOrdersQuery(sql`o.handle_due_at < ${to}`, 8));
      expect(p).toContain('SEARCH o USING INDEX orders_status_handle_due (status=? AND handle_due_at<?)');
      expect(p).not.toMatch(/SCAN o\b/);
    });
  });
}
