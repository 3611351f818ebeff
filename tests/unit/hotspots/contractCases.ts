/**
 * The contract suite's cases for the hotspots (spread into tests/unit/contract/suite.ts). They add no
 * orders: the week of the fixture (Monday 2026-03-02) is read as the other cases leave it, and every
 * figure is checked against the orders table itself.
 */
import { expect } from 'vitest';
import type { ApiClient } from '../../../preload/contract/client.js';
import type { hotspotsMethods } from '../../../preload/contract/methods/hotspots.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import type { AppRuntime } from '../../../main/runtime.js';

export type HotspotsMethodName = keyof typeof hotspotsMethods;
interface Case {
  happy: () => Promise<void>;
  invalid: unknown[];
}

export function hotspotsContractCases(env: () => { client: ApiClient; app: AppRuntime }): Record<HotspotsMethodName, Case> {
  return {
    'hotspots.week': {
      async happy() {
        const { client, app } = env();
        // Wednesday: the week is Monday 03-02 to Sunday 03-08, Beijing time.
        const h = await client.send('hotspots.week', { date: '2026-03-04' });
        const from = fromBeijing(2026, 3, 2);
        const to = fromBeijing(2026, 3, 9);
        expect(h.week).toMatchObject({ date: '2026-03-04', firstDay: '2026-03-02', lastDay: '2026-03-08', from, to, label: '2026年3月2日—3月8日' });
        const ids = (await app.handle.db.selectFrom('orders').select('id').where('received_at', '>=', from).where('received_at', '<', to).execute()).map((r) => r.id);
        expect(ids.length).toBeGreaterThan(0);
        expect(h.weekTotal).toBe(ids.length);
        // The heat table's cells hold exactly the week's orders, each once.
        const inCells = h.heat.rows.flatMap((r) => r.cells.flatMap((c) => c.orderIds));
        expect(inCells.sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
        expect(h.heat.total).toBe(ids.length);
        expect([h.categories.title, h.addresses.title, h.clusters.title]).toEqual(['分类激增', '重复地址', '疑似重复件']);
        expect(h.categories.note).toContain('前 8 周周均的 2 倍');
        // A week with no orders at all: empty sections, never an error.
        const empty = await client.send('hotspots.week', { date: '2021-01-06' });
        expect(empty).toMatchObject({ weekTotal: 0, categories: { items: [], spikeCount: 0 }, addresses: { items: [] }, clusters: { items: [] }, heat: { total: 0, columns: [] } });
      },
      invalid: [{}, { date: '2026-02-30' }, { date: '2026/03/02' }, { date: 20260302 }, { date: '2026-03-02', extra: 1 }],
    },
  };
}
