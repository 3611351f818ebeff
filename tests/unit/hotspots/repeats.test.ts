/** Recurring addresses and duplicate clusters (same phone; same 小区 + category with similar content). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { bigramSet, jaccard, weeklyHotspots } from '../../../main/services/hotspots/index.js';
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
const COLD = '家中暖气不热，室内温度只有十四五度，老人孩子受不了，希望尽快派人检修。';
const COLD_AGAIN = '家里暖气不热，室内温度只有十五度，老人孩子受不了，希望尽快派人来检修。';
const LEAK = '楼道顶部暖气管道漏水，地面结冰很滑，请物业马上处理。';

describe('recurring addresses', () => {
  it('groups one flat written three ways within 30 days; a fourth call 40 days ago and another flat do not count', async () => {
    const { east } = await communities(app);
    const ids = await place(app, [
      { receivedAt: nov(5), address: '春园小区3号楼2单元501室', communityId: east, category: HEATING }, // 30 days back from 11-30 00:00 is 10-31: in
      { receivedAt: nov(24), address: '春园小区３号楼２单元５０１', communityId: east, category: HEATING },
      { receivedAt: nov(27), address: ' 春园小区 3号楼 2单元 501 ', communityId: east, category: '物业管理/物业服务/电梯故障' },
      { receivedAt: nov(29, 23) - 40 * 86_400_000, address: '春园小区3号楼2单元501', communityId: east },
      { receivedAt: nov(24), address: '春园小区3号楼2单元502', communityId: east },
      { receivedAt: nov(25), address: '春园小区3号楼2单元502', communityId: east },
    ]);
    const h = await weeklyHotspots(app.handle.db, WEEK_DATE);
    expect(h.addresses.items).toHaveLength(1);
    expect(h.addresses.items[0]).toMatchObject({ key: '春园小区3号楼2单元501', count: 3, weekCount: 2, communityName: '东园社区', categories: ['供暖', '物业管理'], orderIds: ids.slice(0, 3) });
    expect(h.addresses.note).toBe('同一地址近 30 天 ≥ 3 件视为重复地址');
  });

  it('does not list a bare 小区 name as a recurring address', async () => {
    await place(app, [24, 25, 26].map((d) => ({ receivedAt: nov(d), address: '春园小区', area: '春园小区' })));
    expect((await weeklyHotspots(app.handle.db, WEEK_DATE)).addresses.items).toEqual([]);
  });
});

describe('duplicate clusters', () => {
  it('links the same phone within the window (masked in the label), but not 20 days apart, and never 保密', async () => {
    const ids = await place(app, [
      { receivedAt: nov(20), citizenPhone: '13800001111', content: '甲' },
      { receivedAt: nov(24), citizenPhone: '138-0000-1111', content: '乙' },
      { receivedAt: nov(4), citizenPhone: '13900002222', content: '丙' },
      { receivedAt: nov(24), citizenPhone: '13900002222', content: '丁' },
      { receivedAt: nov(24), citizenPhone: '保密', content: '戊' },
      { receivedAt: nov(25), citizenPhone: '保密', content: '己' },
    ]);
    const h = await weeklyHotspots(app.handle.db, WEEK_DATE);
    expect(h.clusters.items).toHaveLength(1);
    expect(h.clusters.items[0]).toMatchObject({ reason: 'phone', phone: '138****1111', count: 2, similarity: null, orderIds: [ids[0], ids[1]] });
    expect(h.clusters.items[0]!.label).toContain('来电号码 138****1111');
    expect(JSON.stringify(h)).not.toContain('13800001111');
  });

  it('links the same 小区 and category when the contents are alike, not when they differ or the category differs', async () => {
    expect(jaccard(bigramSet(COLD), bigramSet(COLD_AGAIN))).toBeGreaterThanOrEqual(0.5);
    expect(jaccard(bigramSet(COLD), bigramSet(LEAK))).toBeLessThan(0.2);
    const ids = await place(app, [
      { receivedAt: nov(21), area: '春园小区', category: HEATING, content: COLD },
      { receivedAt: nov(24), area: '春园小区', category: HEATING, content: COLD_AGAIN },
      { receivedAt: nov(25), area: '春园小区', category: HEATING, content: LEAK },
      { receivedAt: nov(25), area: '春园小区', category: '物业管理/物业服务/维修不及时', content: COLD },
      { receivedAt: nov(25), area: '秋园小区', category: HEATING, content: COLD },
    ]);
    const h = await weeklyHotspots(app.handle.db, WEEK_DATE);
    expect(h.clusters.items).toHaveLength(1);
    const c = h.clusters.items[0]!;
    expect(c).toMatchObject({ reason: 'content', phone: null, residentialArea: '春园小区', category: HEATING, count: 2, orderIds: [ids[0], ids[1]] });
    expect(c.similarity).toBeGreaterThanOrEqual(0.5);
    expect(c.label).toMatch(/^春园小区 · 供暖\/居民供暖\/室温不达标：2 件，同小区同类且内容相近（内容相似度 0\.\d+）$/);
  });

  it('lists only clusters that touch the week', async () => {
    await place(app, [
      { receivedAt: nov(17), area: '春园小区', category: HEATING, content: COLD },
      { receivedAt: nov(18), area: '春园小区', category: HEATING, content: COLD_AGAIN },
    ]);
    expect((await weeklyHotspots(app.handle.db, WEEK_DATE)).clusters.items).toEqual([]);
    expect((await weeklyHotspots(app.handle.db, '2026-11-18')).clusters.items).toHaveLength(1);
  });
});
