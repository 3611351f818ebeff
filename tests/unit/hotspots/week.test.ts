/** The week's edges in Beijing time, the spike rule and the heat table, on hand-built orders. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { weeklyHotspots } from '../../../main/services/hotspots/index.js';
import { setSetting } from '../../../main/services/settings.js';
import { DEFAULT_HOTSPOT_SPIKE } from '../../../preload/contract/methods/hotspots.js';
import { createTestApp } from '../../support/app.js';
import { communities, nov, place, WEEK_DATE } from './support.js';

let app: AppRuntime;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

const HEATING = '供暖/居民供暖/室温不达标';
const PARKING = '交通管理/停车管理/违章停车';
const NOISE = '噪声/社会生活噪声/装修噪声';

describe('the week', () => {
  it('runs Monday 00:00 to Sunday 24:00 Beijing time, whatever day of it is asked', async () => {
    const ids = await place(app, [
      { receivedAt: nov(22, 23, 59, 59) }, // Sunday before: out
      { receivedAt: nov(23, 0, 0, 0) }, // Monday 00:00 Beijing = Sunday 16:00 UTC: in
      { receivedAt: nov(29, 23, 59, 59) }, // Sunday 23:59:59: in
      { receivedAt: nov(30, 0, 0, 0) }, // next Monday: out
    ]);
    for (const date of ['2026-11-23', WEEK_DATE, '2026-11-29']) {
      const h = await weeklyHotspots(app.handle.db, date);
      expect(h.week).toMatchObject({ firstDay: '2026-11-23', lastDay: '2026-11-29', label: '2026年11月23日—11月29日' });
      expect(h.weekTotal).toBe(2);
      expect(h.heat.rows.flatMap((r) => r.cells.flatMap((c) => c.orderIds)).sort()).toEqual([ids[1], ids[2]].sort());
    }
  });
});

describe('category spikes', () => {
  async function build() {
    const { east, west } = await communities(app);
    // Previous 8 weeks (from Monday 09-28): 东园 供暖 once a week, 西营 停车 twice a week.
    const before = [];
    for (let w = 1; w <= 8; w++) {
      const at = nov(23) - w * 7 * 86_400_000;
      before.push({ receivedAt: at, communityId: east, category: HEATING }, { receivedAt: at, communityId: west, category: PARKING }, { receivedAt: at + 3_600_000, communityId: west, category: PARKING });
    }
    await place(app, before);
    // This week: 东园 供暖 ×3 (3 ≥ 2 × 1: spike), 西营 停车 ×3 (3 < 2 × 2: not), 西营 噪声 ×2 (new but below 3).
    const week = await place(app, [
      { receivedAt: nov(24), communityId: east, category: HEATING },
      { receivedAt: nov(25), communityId: east, category: HEATING },
      { receivedAt: nov(26), communityId: east, category: HEATING },
      { receivedAt: nov(24), communityId: west, category: PARKING },
      { receivedAt: nov(25), communityId: west, category: PARKING },
      { receivedAt: nov(26), communityId: west, category: PARKING },
      { receivedAt: nov(27), communityId: west, category: NOISE },
      { receivedAt: nov(28), communityId: west, category: NOISE },
    ]);
    return { east, west, week };
  }

  it('flags 3 against a weekly average of 1, not 3 against 2, nor a new topic below the minimum', async () => {
    const { week } = await build();
    const h = await weeklyHotspots(app.handle.db, WEEK_DATE);
    expect(h.categories.baselineWeeks).toBe(8);
    expect(h.categories.spikeCount).toBe(1);
    const [first, ...rest] = h.categories.items;
    expect(first).toMatchObject({ communityName: '东园社区', category: '供暖/居民供暖', count: 3, baselineAverage: 1, ratio: 3, spike: true });
    expect(first!.label).toBe('东园社区 · 供暖/居民供暖：本周 3 件，前 8 周周均 1 件（3 倍）');
    expect(first!.orderIds).toEqual(week.slice(0, 3));
    expect(rest.find((i) => i.category === '交通管理/停车管理')).toMatchObject({ count: 3, baselineAverage: 2, spike: false });
    expect(rest.find((i) => i.category === '噪声/社会生活噪声')).toMatchObject({ count: 2, ratio: null, spike: false });
  });

  it('follows the settings: a lower factor flags 西营 停车, a lower minimum flags the new 噪声', async () => {
    await build();
    await setSetting(app.services.ctx, 'admin', { key: 'hotspots.spike', value: { ...DEFAULT_HOTSPOT_SPIKE, factor: 1.5, minOrders: 2 }, version: 0 });
    const h = await weeklyHotspots(app.handle.db, WEEK_DATE);
    expect(h.categories.items.filter((i) => i.spike).map((i) => `${i.communityName}/${i.category}`).sort()).toEqual(
      ['东园社区/供暖/居民供暖', '西营社区/交通管理/停车管理', '西营社区/噪声/社会生活噪声'].sort(),
    );
    expect(h.categories.note).toContain('1.5 倍且 ≥ 2 件');
  });

  it('flags nothing when the database has no earlier weeks to compare with', async () => {
    const { east } = await communities(app);
    await place(app, [1, 2, 3, 4].map((d) => ({ receivedAt: nov(23 + d), communityId: east, category: HEATING })));
    const h = await weeklyHotspots(app.handle.db, WEEK_DATE);
    expect(h.categories).toMatchObject({ baselineWeeks: 0, spikeCount: 0 });
    expect(h.categories.items[0]!.label).toContain('此前无可对比的数据');
  });
});

describe('heat table', () => {
  it('counts the week per community and 一级分类, most frequent column first, with fifths of the largest cell', async () => {
    const { east, west } = await communities(app);
    await place(app, [
      ...[1, 2, 3, 4, 5].map((k) => ({ receivedAt: nov(24, k), communityId: east, category: HEATING })),
      { receivedAt: nov(24), communityId: west, category: HEATING },
      { receivedAt: nov(25), communityId: west, category: PARKING },
      { receivedAt: nov(25), communityId: west, category: PARKING },
      { receivedAt: nov(26), communityId: null, category: '' },
      { receivedAt: nov(16), communityId: east, category: PARKING }, // last week: not counted
    ]);
    const h = await weeklyHotspots(app.handle.db, WEEK_DATE);
    expect(h.heat.columns.map((c) => [c.label, c.total])).toEqual([['供暖', 6], ['交通管理', 2], ['未分类', 1]]);
    expect(h.heat.rows.map((r) => [r.communityName, r.total, r.cells.map((c) => c.count)])).toEqual([
      ['东园社区', 5, [5, 0, 0]],
      ['西营社区', 3, [1, 2, 0]],
      ['未指定社区', 1, [0, 0, 1]],
    ]);
    expect(h.heat.max).toBe(5);
    expect(h.heat.rows.map((r) => r.cells.map((c) => c.level))).toEqual([[5, 0, 0], [1, 2, 0], [0, 0, 1]]);
    expect(h.heat.total).toBe(9);
  });
});
