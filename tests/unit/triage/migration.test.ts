/** Migration 005 on a database that already holds orders: the search index is filled from them. */
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../db/connection.js';
import { migrate } from '../../../db/migrator.js';
import { migrations } from '../../../db/migrations/registry.js';
import { compileSearch, matchCount, rebuildSearchIndex } from '../../../db/search.js';

describe('migration 005', () => {
  it('indexes the orders a database already holds, and keeps indexing new ones', async () => {
    const h = createDb(':memory:');
    try {
      await migrate(h, { appVersion: 'test', registry: migrations.filter((m) => m.version < 5) });
      const order = (order_no: string, content: string) => ({
        order_no, received_at: 1, dispatched_at: 1, source: 'hotline', appeal_type: 'complaint', category: '', content, address: '西营小区',
        status: 'received', tier: 'general', first_contact_due_at: 2, handle_due_at: 3, due_source: 'tier', created_at: 1, updated_at: 1,
      });
      await h.db.insertInto('orders').values([order('A1', '楼道灯不亮'), order('A2', '电梯故障')]).execute();
      await migrate(h, { appVersion: 'test' });
      const count = async (q: string) => Number((await matchCount(compileSearch(q)!).execute(h.db)).rows[0]!.n);
      expect(await count('楼道')).toBe(1);
      expect(await count('小区')).toBe(2);
      await h.db.insertInto('orders').values(order('A3', '楼道堆物')).execute();
      expect(await count('楼道')).toBe(2);
      // The repair: emptied, then rebuilt from the orders.
      h.sqlite.exec(`INSERT INTO orders_search(orders_search) VALUES ('delete-all')`);
      expect(await count('楼道')).toBe(0);
      rebuildSearchIndex(h.sqlite);
      expect(await count('楼道')).toBe(2);
    } finally {
      await h.close();
    }
  });
});
