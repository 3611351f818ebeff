/** The lead suggestion: ranking, reasons a clerk can check, and a query that stays an index seek. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { pastLeadsQuery } from '../../../main/services/admin/suggest.js';
import type { ApiClient } from '../../../preload/contract/client.js';
import { DAY_MS } from '../../../preload/contract/time.js';
import { assignUnit, createTestApp, insertOrders, insertUnits, TEST_NOW } from '../../support/app.js';
import { clientOf, insertCategories } from './support.js';

let app: AppRuntime;
let client: ApiClient;
let liuyingmen: number;
let chunyuan: number;
let wuye: number;
let chengguan: number;

const CATEGORY = '物业管理/设施维修/电梯故障';

/** Orders of one 小区, received `daysAgo` days before now, each led by `lead`. */
async function history(area: string, lead: number, count: number, daysAgo: number, category = CATEGORY): Promise<void> {
  const ids = await insertOrders(app, Array.from({ length: count }, () => ({ receivedAt: TEST_NOW - daysAgo * DAY_MS, category })));
  for (const id of ids) {
    await app.handle.db.updateTable('orders').set({ residential_area: area }).where('id', '=', id).execute();
    await assignUnit(app, id, lead, 'lead');
  }
}

async function newOrder(area: string | null, communityId: number | null, category = CATEGORY): Promise<number> {
  const [id] = (await insertOrders(app, [{ receivedAt: TEST_NOW, category, communityId }])) as [number];
  await app.handle.db.updateTable('orders').set({ residential_area: area }).where('id', '=', id).execute();
  return id;
}

beforeEach(async () => {
  app = await createTestApp();
  client = clientOf(app);
  await insertCategories(app, [CATEGORY, '市容环卫/环境卫生/垃圾分类']);
  [liuyingmen, chunyuan, wuye, chengguan] = (await insertUnits(app, [
    { kind: 'community', name: '六营门社区', sortOrder: 1 },
    { kind: 'community', name: '春园社区', sortOrder: 2 },
    { kind: 'department', name: '物业管理办公室', sortOrder: 3 },
    { kind: 'department', name: '城市管理办公室', sortOrder: 4 },
  ])) as [number, number, number, number];
  await client.send('units.setDuties', { unitId: liuyingmen, paths: ['物业管理'] });
  await client.send('units.setDuties', { unitId: chunyuan, paths: ['市容环卫'] });
});
afterEach(() => app.close());

describe('orders.suggestLead', () => {
  it('ranks by the 小区’s recent leads, the routing rules and the duty list, with reasons', async () => {
    await history('六营门小区', liuyingmen, 12, 3);
    await history('六营门小区', wuye, 3, 10);
    await history('六营门小区', chengguan, 20, 45); // older than 30 days: not counted
    await history('春园小区', chengguan, 5, 1); // another 小区
    await client.send('routing.upsert', { categoryPrefix: '物业管理', unitId: wuye });
    const orderId = await newOrder('六营门小区', liuyingmen);

    const s = await client.send('orders.suggestLead', { orderId });
    expect(s.map((x) => [x.unitName, x.reasons])).toEqual([
      ['六营门社区', ['该小区近30天12件由六营门社区主办（其中「物业管理」类12件）', '工单所属社区，职责清单含「物业管理」']],
      ['物业管理办公室', ['该小区近30天3件由物业管理办公室主办（其中「物业管理」类3件）', '按分类规则：物业管理 → 物业管理办公室']],
    ]);
    expect(s[0]!.reason).toBe('该小区近30天12件由六营门社区主办（其中「物业管理」类12件）；工单所属社区，职责清单含「物业管理」');
    expect(s[0]!.score).toBeGreaterThan(s[1]!.score);
  });

  it('who led the 小区’s matters of the same kind outweighs who led more of other kinds', async () => {
    await history('六营门小区', chengguan, 10, 5, '市容环卫/环境卫生/垃圾分类');
    await history('六营门小区', wuye, 3, 5);
    const orderId = await newOrder('六营门小区', null);
    expect((await client.send('orders.suggestLead', { orderId })).map((x) => x.reason)).toEqual([
      '该小区近30天3件由物业管理办公室主办（其中「物业管理」类3件）',
      '该小区近30天10件由城市管理办公室主办',
    ]);
  });

  it('a more specific routing rule outranks a general one; deactivated units are never suggested', async () => {
    await client.send('routing.upsert', { categoryPrefix: '物业管理', unitId: chengguan });
    await client.send('routing.upsert', { categoryPrefix: '物业管理/设施维修', unitId: wuye });
    const orderId = await newOrder(null, null);
    expect((await client.send('orders.suggestLead', { orderId })).map((x) => x.reason)).toEqual([
      '按分类规则：物业管理/设施维修 → 物业管理办公室',
      '按分类规则：物业管理 → 城市管理办公室',
    ]);
    await client.send('units.update', { id: wuye, active: false });
    expect((await client.send('orders.suggestLead', { orderId })).map((x) => x.unitName)).toEqual(['城市管理办公室']);
  });

  it('puts a community whose duty list does not cover the category after the others, marked (Art. 17)', async () => {
    // 春园社区 led this 小区's property orders (strong history), but its duty list covers 市容环卫 only.
    await history('春园小区', chunyuan, 6, 2);
    await client.send('routing.upsert', { categoryPrefix: '物业管理', unitId: wuye });
    const orderId = await newOrder('春园小区', chunyuan);
    const s = await client.send('orders.suggestLead', { orderId });
    expect(s.map((x) => [x.unitName, x.outsideDuty])).toEqual([['物业管理办公室', false], ['春园社区', true]]);
    expect(s[1]!.reasons).toEqual(['该小区近30天6件由春园社区主办（其中「物业管理」类6件）', '不在该社区职责清单内，由其主办需填写理由']);
  });

  it('has nothing to suggest for an unclassified order without history', async () => {
    const orderId = await newOrder(null, liuyingmen, '');
    expect(await client.send('orders.suggestLead', { orderId })).toEqual([]);
  });
});

describe('suggestion query plan', () => {
  function plan(): string {
    const q = pastLeadsQuery(app.handle.db, '六营门小区', TEST_NOW - 30 * DAY_MS, 1, '物业管理').compile();
    const rows = app.handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as Array<{ detail: string }>;
    return rows.map((r) => r.detail).join('\n');
  }
  function expectSeeks(p: string): void {
    expect(p).toMatch(/SEARCH o USING (COVERING )?INDEX orders_area_received \(residential_area=\? AND received_at>\?\)/);
    expect(p).toMatch(/SEARCH ou USING (COVERING )?INDEX \S+ \(order_id=\?/);
    expect(p).not.toMatch(/SCAN (o|ou)\b/);
  }

  it('seeks orders(residential_area, received_at), then each order’s lead — without statistics', () => {
    expectSeeks(plan());
  });

  it('and with statistics of a million orders, where walking every lead would look tempting', () => {
    const { sqlite } = app.handle;
    sqlite.exec('ANALYZE');
    sqlite.exec(`DELETE FROM sqlite_stat1 WHERE tbl IN ('orders', 'order_units')`);
    sqlite.exec(`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('orders', NULL, '1000000'), ('order_units', NULL, '1500000')`);
    sqlite.exec('ANALYZE sqlite_schema'); // reload the statistics
    expectSeeks(plan());
  });
});
