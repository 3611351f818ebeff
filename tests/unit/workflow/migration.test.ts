/** Schema v2: the columns the workflow writes, and the index the stale-version message reads through. */
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../db/connection.js';
import { migrate } from '../../../db/migrator.js';
import { eventsAfterVersion } from '../../../main/services/events.js';

describe('migration 002-workflow', () => {
  it('adds events.order_version and the flag details, and "events after version v" seeks its index', async () => {
    const h = createDb(':memory:');
    await migrate(h, { appVersion: 'test' });
    const columns = (table: string) => (h.sqlite.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns('events')).toContain('order_version');
    expect(columns('orders')).toEqual(expect.arrayContaining(['difficult_target', 'unreasonable_reason', 'supervised_note']));
    h.sqlite.exec('ANALYZE');
    h.sqlite.exec(`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('events', NULL, '5000000')`);
    const q = h.db
      .selectFrom('events')
      .selectAll()
      .where('order_id', '=', 1)
      .where('order_version', '>', 3)
      .orderBy('order_version')
      .orderBy('id')
      .compile();
    const plan = (h.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH events USING INDEX events_order_version \(order_id=\? AND order_version>\?\)/);
    // The service's own query has the same shape.
    expect(await eventsAfterVersion(h.db, 1, 3)).toEqual([]);
    await h.close();
  });
});
