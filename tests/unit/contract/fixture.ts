/**
 * A small street for the contract suite: five units and fourteen orders whose sort keys tie, differ
 * in case, include Chinese and the empty category, and whose communities are NOT in id order — so a
 * sort that silently falls back to insertion order, or drops the id tie-break, shows.
 */
import type { OrderSortColumn } from '../../../preload/api.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { assignUnit, insertOrders, insertUnits, TEST_NOW, type TestOrder } from '../../support/app.js';

export interface Fixture {
  communityIds: number[];
  departmentIds: number[];
  orderIds: number[];
  /** An order with a lead and an assist unit, a real phone and a name. */
  detailOrderId: number;
  /** An order whose citizen asked for confidentiality. */
  confidentialOrderId: number;
}

export const STREET_NAME = '测试街道';
const H = 3_600_000;

export async function seedFixture(app: AppRuntime): Promise<Fixture> {
  await app.handle.db.insertInto('app_meta').values({ key: 'street_name', value: STREET_NAME }).execute();
  // Inserted so that sort_order disagrees with id order.
  const communityIds = await insertUnits(app, [
    { kind: 'community', name: '北里社区', sortOrder: 3 },
    { kind: 'community', name: '南街社区', sortOrder: 1 },
    { kind: 'community', name: '东园社区', sortOrder: 2 },
  ]);
  const departmentIds = await insertUnits(app, [
    { kind: 'department', name: '城管科', sortOrder: 2 },
    { kind: 'department', name: '综治办', sortOrder: 1 },
  ]);
  const [c1, c2, c3] = communityIds as [number, number, number];
  const t = TEST_NOW;
  const orders: TestOrder[] = [
    { orderNo: 'B2026030001', receivedAt: t - 5 * H, appealType: 'complaint', category: '城市管理/市容环境/占道经营', communityId: c3, status: 'received', handleDueAt: t + 10 * H },
    { orderNo: 'a2026030002', receivedAt: t - 9 * H, appealType: 'help', category: '', communityId: null, status: 'in_progress', handleDueAt: t + 2 * H },
    { orderNo: 'B2026030003', receivedAt: t - 5 * H, appealType: 'consult', category: '住房管理/物业管理/物业服务', communityId: c1, status: 'replied', handleDueAt: t + 10 * H },
    { orderNo: 'A2026030004', receivedAt: t - 1 * H, appealType: 'complaint', category: '城市管理/市容环境/占道经营', communityId: c2, status: 'received', handleDueAt: t + 48 * H },
    { orderNo: 'C2026030005', receivedAt: t - 30 * H, appealType: 'report', category: '市场监管/食品安全/无证经营', communityId: c3, status: 'objecting', handleDueAt: t - 3 * H },
    { orderNo: '2026030006', receivedAt: t - 2 * H, appealType: 'suggest', category: '城市管理/环境卫生/垃圾清运', communityId: null, status: 'callback_done', handleDueAt: t + 2 * H },
    { orderNo: 'B2026030007', receivedAt: t - 9 * H, appealType: 'complaint', category: '住房管理/物业管理/物业服务', communityId: c1, status: 'in_progress', handleDueAt: t + 100 * H },
    { orderNo: 'b2026030008', receivedAt: t - 40 * H, appealType: 'praise', category: '', communityId: c2, status: 'returned', handleDueAt: t - 20 * H },
    { orderNo: 'Z2026030009', receivedAt: t - 3 * H, appealType: 'help', category: '城市管理/市容环境/占道经营', communityId: c3, status: 'in_progress', handleDueAt: t + 10 * H },
    { orderNo: '中2026030010', receivedAt: t - 7 * H, appealType: 'other', category: '交通管理/停车管理/违章停车', communityId: c2, status: 'received', handleDueAt: t + 5 * H },
    { orderNo: 'A2026030011', receivedAt: t - 5 * H, appealType: 'complaint', category: '城市管理/环境卫生/垃圾清运', communityId: c1, status: 'replied', handleDueAt: t + 5 * H },
    { orderNo: 'A2026030012', receivedAt: t - 12 * H, appealType: 'consult', category: '住房管理/物业管理/物业服务', communityId: null, status: 'in_progress', handleDueAt: t + 30 * H },
    { orderNo: 'D2026030013', receivedAt: t - 0.5 * H, appealType: 'complaint', category: '交通管理/停车管理/违章停车', communityId: c3, status: 'received', handleDueAt: t + 24 * H, citizenName: '李小明', citizenPhone: '13912345678' },
    { orderNo: 'D2026030014', receivedAt: t - 6 * H, appealType: 'report', category: '市场监管/食品安全/无证经营', communityId: c1, status: 'in_progress', handleDueAt: t + 48 * H, citizenName: '保密', citizenPhone: '保密' },
  ];
  const orderIds = await insertOrders(app, orders);
  const detailOrderId = orderIds[12] as number;
  await assignUnit(app, detailOrderId, departmentIds[0] as number, 'lead');
  await assignUnit(app, detailOrderId, c3, 'assist');
  return { communityIds, departmentIds, orderIds, detailOrderId, confidentialOrderId: orderIds[13] as number };
}

interface OrderRow {
  id: number;
  order_no: string;
  received_at: number;
  appeal_type: string;
  category: string;
  community_id: number | null;
  status: string;
  handle_due_at: number;
}

/** The sort the grid promises, written independently in JS: key (binary string order), then id. */
const SORT_KEY: Record<OrderSortColumn, (o: OrderRow) => string | number> = {
  orderNo: (o) => o.order_no,
  receivedAt: (o) => o.received_at,
  appealType: (o) => o.appeal_type,
  category: (o) => o.category,
  // Orders without a community come first (key 0), then by community id.
  community: (o) => o.community_id ?? 0,
  status: (o) => o.status,
  handleDueAt: (o) => o.handle_due_at,
};

function compareKeys(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function expectedOrder(app: AppRuntime, column: OrderSortColumn, direction: 'asc' | 'desc'): Promise<number[]> {
  const rows: OrderRow[] = await app.handle.db
    .selectFrom('orders')
    .select(['id', 'order_no', 'received_at', 'appeal_type', 'category', 'community_id', 'status', 'handle_due_at'])
    .execute();
  const key = SORT_KEY[column];
  const sign = direction === 'asc' ? 1 : -1;
  return rows.sort((a, b) => sign * (compareKeys(key(a), key(b)) || a.id - b.id)).map((r) => r.id);
}
