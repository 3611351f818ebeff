/**
 * The search box over content, address, order number, phone and citizen name, as a clerk uses it:
 * 2-character words (which SQLite's trigram tokenizer cannot find), single characters, long terms,
 * digits and letters inside Chinese text, punctuation that must not join words, phones, order numbers,
 * and the index following every insert, update and delete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSearch, searchTokens } from '../../../db/search.js';
import type { OrderFilter, OrderSort } from '../../../preload/api.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { seedDemo } from '../../../main/services/demo/seed.js';
import { createTestApp, insertOrders, insertUnits, TEST_NOW, type TestOrder } from '../../support/app.js';
import { call } from '../workflow/support.js';

describe('tokens and queries', () => {
  it('indexes Chinese runs as overlapping bigrams plus their last character, other runs as words', () => {
    const t = searchTokens('D2026030013', '西营小区23号楼，电梯坏了。', '万源路8号', '李小明', '139-1234-5678').split(' ');
    expect(t).toEqual(expect.arrayContaining(['d2026030013', '西营', '营小', '小区', '区', '23', '号楼', '楼', '电梯', '梯坏', '坏了', '了', '万源', '源路', '路', '8', '号', '李小', '小明', '明', '13912345678', '5678']));
    // Punctuation separates runs: no token spans '，'.
    expect(t).not.toContain('楼电');
  });

  it('gives nothing for a confidential name or phone', () => {
    expect(searchTokens('X1', '', '', '保密', '保密')).toBe('x1');
  });

  it('answers a 2-character or 1-character term from the index alone; longer ones are re-checked', () => {
    expect(compileSearch('小区')).toMatchObject({ match: '"小区"', rechecks: [] });
    expect(compileSearch('区')).toMatchObject({ match: '"区"*', rechecks: [] });
    expect(compileSearch('5678')).toMatchObject({ match: '"5678"*', rechecks: [] });
    expect(compileSearch('西营小区')).toMatchObject({ match: '"西营" AND "营小" AND "小区"', rechecks: ['西营小区'] });
    expect(compileSearch('3号楼')).toMatchObject({ rechecks: ['3号楼'] });
    expect(compileSearch('，。！')).toBeNull();
    expect(compileSearch('  ')).toBeNull();
  });
});

describe('searching orders', () => {
  let app: AppRuntime;
  const ids: Record<string, number> = {};
  const sort: OrderSort = { column: 'receivedAt', direction: 'desc' };

  const found = async (search: string, extra: OrderFilter = {}) => {
    const r = await call(app, 'orders.page', { sort, startRow: 0, endRow: 100, filter: { ...extra, search } });
    expect(r.rowCount).toBe(r.rows.length);
    return r.rows.map((row) => row.orderNo).sort();
  };

  beforeAll(async () => {
    app = await createTestApp();
    const [community] = await insertUnits(app, [{ kind: 'community', name: '六营门社区' }]);
    const orders: Array<[string, TestOrder]> = [
      ['S01', { content: '西营小区23号楼电梯故障，老人上下楼困难', address: '西营小区23号楼', citizenName: '李小明', citizenPhone: '13912345678', status: 'in_progress', communityId: community }],
      ['S02', { content: '大小，区域内夜间施工噪音扰民', address: '万源路8号院', citizenPhone: '13800005678' }],
      ['S03', { content: '西营，小区门口占道经营', address: '南苑路口', status: 'in_progress' }],
      ['S04', { content: '3号楼2单元楼道灯不亮', address: '东高地三角地', citizenName: '保密', citizenPhone: '保密' }],
      ['S05', { content: '23号楼楼顶漏水', address: '六营门北里', citizenPhone: '010-6788 1234' }],
      ['S06', { content: 'ＡＢＣ小区３号楼地下室漏水', address: '' }],
      ['S07', { content: '西营小，小区绿化差', address: '' }],
      ['D2026030013', { content: '噪音', address: '' }],
      ['d2026040001', { content: '噪音', address: '' }],
    ];
    for (const [orderNo, o] of orders) {
      const [id] = await insertOrders(app, [{ citizenName: null, citizenPhone: null, ...o, orderNo, receivedAt: TEST_NOW - Object.keys(ids).length * 3_600_000 - 60_000 }]);
      ids[orderNo] = id!;
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('finds a 2-character word, and never across punctuation', async () => {
    expect(await found('小区')).toEqual(['S01', 'S03', 'S06', 'S07']); // not S02: 大小，区域
    expect(await found('营小')).toEqual(['S01', 'S07']); // not S03: 西营，小区
    expect(await found('电梯')).toEqual(['S01']);
  });

  it('finds a single character wherever it stands, also at the end of a run', async () => {
    expect(await found('梯')).toEqual(['S01']);
    expect(await found('民')).toEqual(['S02']); // the last character before the end
    expect(await found('差')).toEqual(['S07']);
  });

  it('finds a long term only where its characters stand together', async () => {
    expect(await found('西营小区')).toEqual(['S01']); // S07 holds 西营, 营小 and 小区, apart
    expect(await found('电梯故障')).toEqual(['S01']);
    expect(await found('老人上下楼困难')).toEqual(['S01']);
    expect(await found('西营小区门口')).toEqual([]);
  });

  it('finds mixed Chinese and digits from the start of a number (3号楼 is not 23号楼)', async () => {
    expect(await found('3号楼')).toEqual(['S04', 'S06']);
    expect(await found('23号楼')).toEqual(['S01', 'S05']);
    expect(await found('号楼2单元')).toEqual(['S04']);
    expect(await found('8号院')).toEqual(['S02']);
  });

  it('treats full-width letters and digits as the ordinary ones, and ignores case', async () => {
    expect(await found('abc小区3号楼')).toEqual(['S06']);
    expect(await found('ＡＢＣ')).toEqual(['S06']);
  });

  it('finds a phone by the whole number (however written), its start or its last four digits', async () => {
    expect(await found('13912345678')).toEqual(['S01']);
    expect(await found('139-1234-5678')).toEqual(['S01']);
    expect(await found('139123')).toEqual(['S01']);
    expect(await found('5678')).toEqual(['S01', 'S02']);
    expect(await found('1234')).toEqual(['S05']); // 010-6788 1234: last four digits
    expect(await found('12345')).toEqual([]); // the middle of a number is not searched
    expect(await found('保密')).toEqual([]);
  });

  it('finds an order by the start of its number, in either case', async () => {
    expect(await found('D2026')).toEqual(['D2026030013', 'd2026040001']);
    expect(await found('d202603')).toEqual(['D2026030013']);
  });

  it('finds the citizen by name, unless confidential', async () => {
    expect(await found('李小明')).toEqual(['S01']);
    expect(await found('小明')).toEqual(['S01']);
  });

  it('needs every term of a query with spaces', async () => {
    expect(await found('小区 漏水')).toEqual(['S06']);
    expect(await found('西营 电梯')).toEqual(['S01']);
    expect(await found('，')).toHaveLength(9); // nothing searchable: no constraint
  });

  it('combines with filters and sorts in the database', async () => {
    expect(await found('小区', { statuses: ['in_progress'] })).toEqual(['S01', 'S03']);
    const byNo = await call(app, 'orders.page', { sort: { column: 'orderNo', direction: 'desc' }, startRow: 0, endRow: 10, filter: { search: '小区' } });
    expect(byNo.rows.map((r) => r.orderNo)).toEqual(['S07', 'S06', 'S03', 'S01']);
    expect(await call(app, 'orders.count', { filter: { search: '小区', statuses: ['in_progress'] } })).toEqual({ count: 2 });
    expect(await call(app, 'orders.position', { sort, orderId: ids.S03!, filter: { search: '小区' } })).toEqual({ index: 1 });
    expect(await call(app, 'orders.position', { sort, orderId: ids.S02!, filter: { search: '小区' } })).toEqual({ index: null });
  });

  it('follows updates and deletes of the order (the index is kept by triggers)', async () => {
    const db = app.handle.db;
    await db.updateTable('orders').set({ content: '供暖不热，室温低' }).where('id', '=', ids.S03!).execute();
    await db.updateTable('orders').set({ citizen_phone: '13700001111' }).where('id', '=', ids.S02!).execute();
    app.services.ctx.changes.ordersChanged('test', 2);
    expect(await found('小区')).toEqual(['S01', 'S06', 'S07']);
    expect(await found('供暖')).toEqual(['S03']);
    expect(await found('1111')).toEqual(['S02']);
    expect(await found('5678')).toEqual(['S01']);
    // A write that does not touch the searchable text leaves the index alone.
    await db.updateTable('orders').set({ status: 'replied' }).where('id', '=', ids.S01!).execute();
    await db.deleteFrom('orders').where('id', '=', ids.S07!).execute();
    app.services.ctx.changes.ordersChanged('test', 2);
    expect(await found('小区')).toEqual(['S01', 'S06']);
    expect(await found('绿化')).toEqual([]);
  });
});

describe('the seeder leaves the index complete', () => {
  it('every seeded order is found by its number, and a word finds exactly the orders holding it', async () => {
    const app = await createTestApp();
    try {
      await seedDemo(app.handle, { seed: 3, orders: 400, days: 30, until: TEST_NOW });
      const orders = await app.handle.db.selectFrom('orders').select(['id', 'order_no', 'content', 'address']).execute();
      for (const o of orders.filter((_, i) => i % 20 === 0)) {
        const r = await call(app, 'orders.page', { sort: { column: 'orderNo', direction: 'asc' }, startRow: 0, endRow: 10, filter: { search: o.order_no } });
        expect(r.rows.map((x) => x.id)).toContain(o.id);
      }
      const word = '小区';
      const expected = orders.filter((o) => o.content.includes(word) || o.address.includes(word)).length;
      expect(expected).toBeGreaterThan(0);
      expect(await call(app, 'orders.count', { filter: { search: word } })).toEqual({ count: expected });
    } finally {
      await app.close();
    }
  });
});
