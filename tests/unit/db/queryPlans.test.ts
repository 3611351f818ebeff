/** Every grid sort is served by its index: no full sort of the table (no TEMP B-TREE FOR ORDER BY). */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../../db/connection.js';
import { migrate } from '../../../db/migrator.js';
import { ORDER_SORT_COLUMNS } from '../../../preload/api.js';
import { keyAtQuery, pageQuery, rowsBeforeQuery } from '../../../main/services/orders/gridQueries.js';
import { SORT_KEYS } from '../../../main/services/orders/sortKeys.js';

let h: DbHandle;
beforeAll(async () => {
  h = createDb(':memory:');
  await migrate(h, { appVersion: 'test' });
  // Statistics like a real database's, so the planner decides as it would at 1M rows.
  h.sqlite.exec('ANALYZE');
  h.sqlite.exec(`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('orders', NULL, '1000000')`);
});

function plan(compiled: { sql: string; parameters: readonly unknown[] }): string {
  const rows = h.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('\n');
}

describe('grid sort query plans', () => {
  for (const column of ORDER_SORT_COLUMNS) {
    for (const desc of [false, true]) {
      it(`${column} ${desc ? 'desc' : 'asc'}: pages, anchors and positions seek ${SORT_KEYS[column].index}`, () => {
        const key = SORT_KEYS[column];
        const ix = `COVERING INDEX ${key.index}`;
        const sample = column === 'receivedAt' || column === 'handleDueAt' || column === 'community' ? 5 : 'x';
        const cursor = { key: sample, id: 10 };
        const first = plan(pageQuery(h.db, key, desc, null, 0, 100).compile());
        expect(first).toContain(`SCAN orders USING ${ix}`);
        const keyset = plan(pageQuery(h.db, key, desc, cursor, 20, 100).compile());
        // The rest of the current group: a seek on (key, id). The following groups: a seek on the key.
        const sameGroup = key.unique ? '=\\?\\)' : `=\\? AND (id|rowid)${desc ? '<' : '>'}\\?\\)`;
        expect(keyset).toMatch(new RegExp(`SEARCH orders USING ${ix} \\(.*${sameGroup}`));
        expect(keyset).toMatch(new RegExp(`SEARCH orders USING ${ix} \\([^=]*${desc ? '<' : '>'}\\?\\)`));
        expect(keyset).not.toMatch(/SCAN orders(?! USING)/);
        const anchor = plan(keyAtQuery(h.db, key, desc, 500_000).compile());
        expect(anchor).toContain(ix);
        expect(anchor).not.toContain('TEMP B-TREE');
        const before = plan(rowsBeforeQuery(h.db, key, desc, cursor).compile());
        // The rest of the group seeks the sort index; the groups before it may be counted on any index
        // led by the key (a composite of migration 005 serves as well).
        expect(before).toMatch(new RegExp(`SEARCH orders USING ${ix} \\(.*=\\?`));
        const keyColumn = key.sqlText.startsWith('coalesce') ? '<expr>' : key.sqlText;
        expect(before).toMatch(new RegExp(`SEARCH orders USING COVERING INDEX \\w+ \\(${keyColumn}${desc ? '>' : '<'}\\?\\)`));
      });
    }
  }
});
