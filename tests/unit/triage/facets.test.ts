/** The pickers' lists: every community, department, staff member, category and enumeration, spelled in pinyin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { spelling } from '../../../main/services/orders/pinyin.js';
import { createTestApp } from '../../support/app.js';
import { call, createWorld } from '../workflow/support.js';

describe('picker lists with 拼音首字母', () => {
  let app: AppRuntime;
  beforeAll(async () => {
    app = await createTestApp();
    await createWorld(app);
    await app.handle.db
      .insertInto('categories')
      .values([
        { path: '城市管理', level: 1, parent_path: null, name: '城市管理', sort_order: 1 },
        { path: '城市管理/市容环境', level: 2, parent_path: '城市管理', name: '市容环境', sort_order: 2 },
      ])
      .execute();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('spells names so "lym" finds 六营门社区, reading polyphonic characters in context', () => {
    expect(spelling('六营门社区')).toEqual({ initials: 'lymsq', spell: 'liuyingmenshequ' });
    expect(spelling('重庆路社区').initials).toBe('cqlsq');
    expect(spelling('城市管理/市容环境')).toEqual({ initials: 'csgl/srhj', spell: 'chengshiguanli/shironghuanjing' });
    expect(spelling('Ａ区3号院').initials).toBe('aq3hy');
  });

  it('orders.facets lists what the pickers offer', async () => {
    const f = await call(app, 'orders.facets', {});
    expect(f.communities.map((c) => [c.name, c.initials])).toEqual([['六营门社区', 'lymsq'], ['东高地社区', 'dgdsq']]);
    expect(f.departments.map((d) => d.name)).toEqual(['城管科', '房管科']);
    expect(f.staff.map((s) => s.name).sort()).toEqual(['赵刚', '钱丽'].sort());
    expect(f.categories).toEqual([
      { path: '城市管理', name: '城市管理', level: 1, pathInitials: 'csgl', initials: 'csgl', spell: 'chengshiguanli' },
      { path: '城市管理/市容环境', name: '市容环境', level: 2, pathInitials: 'csgl/srhj', initials: 'srhj', spell: 'shironghuanjing' },
    ]);
    expect(f.statuses.find((s) => s.code === 'received')).toEqual({ code: 'received', label: '待签收', initials: 'dqs', spell: 'daiqianshou' });
    expect(f.tags).toEqual([{ code: 'monthly-topic', label: '每月一题', initials: 'myyt', spell: 'meiyueyiti' }]);
  });
});
