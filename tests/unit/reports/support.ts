/**
 * A fixed street for the report tests: 青塔街道 with two communities and one 科室, on Wednesday
 * 2026-11-25 09:00 (Beijing). The week 11-23—11-29 has six new orders, the week before four; the
 * figures the tests expect are worked out by hand next to the rows that make them.
 */
import type { AppealType, OrderStatus, Tier } from '../../../preload/contract/enums.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { openApp, type AppRuntime } from '../../../main/runtime.js';
import { writeMeta, META_STREET_NAME } from '../../../main/services/app.js';
import { createTestApp, insertOrders, insertUnits } from '../../support/app.js';

export const NOW = fromBeijing(2026, 11, 25, 9);
export const STREET = '青塔街道';

export interface ReportStreet {
  app: AppRuntime;
  liuyingmen: number;
  donggaodi: number;
  chengguan: number;
}

interface Spec {
  no: string;
  at: number;
  community: number;
  type?: AppealType;
  category?: string;
  status?: OrderStatus;
  tier?: Tier;
  due?: number;
  content?: string;
  repliedAt?: number;
  lead?: number;
  difficult?: boolean;
  callback?: { at: number; resolution?: 'resolved' | 'partial' | 'unresolved'; satisfaction?: 'satisfied' | 'basic' | 'unsatisfied' | 'none' };
}

async function add(app: AppRuntime, s: Spec): Promise<number> {
  const [id] = (await insertOrders(app, [
    {
      orderNo: s.no,
      receivedAt: s.at,
      communityId: s.community,
      appealType: s.type ?? 'complaint',
      category: s.category ?? '城市管理/市容环境/占道经营',
      status: s.status ?? 'callback_done',
      tier: s.tier ?? 'general',
      handleDueAt: s.due ?? s.at + 7 * 86_400_000,
      content: s.content ?? '市民反映小区门口有商贩占道经营，影响通行，希望尽快处理。',
    },
  ])) as [number];
  const db = app.handle.db;
  await db
    .updateTable('orders')
    .set({
      first_contact_at: s.at + 3_600_000,
      replied_at: s.repliedAt ?? (s.callback ? s.callback.at - 86_400_000 : null),
      closed_at: s.callback?.at ?? null,
      difficult: s.difficult ? 1 : 0,
    })
    .where('id', '=', id)
    .execute();
  if (s.lead) {
    await db.insertInto('order_units').values({ order_id: id, unit_id: s.lead, role: 'lead', handler_staff_id: null, assigned_at: s.at, assigned_by: 'test', override_reason: null }).execute();
  }
  if (s.callback) {
    await db
      .insertInto('callbacks')
      .values({ order_id: id, at: s.callback.at, valid: 1, contacted: 1, resolution: s.callback.resolution ?? 'resolved', satisfaction: s.callback.satisfaction ?? 'satisfied', note: null, origin: 'test' })
      .execute();
  }
  return id;
}

/** In memory, or in the file `path` (for the CLI). */
export async function createReportStreet(path?: string): Promise<ReportStreet> {
  const app = path === undefined ? await createTestApp({ now: () => NOW }) : await openApp(path, { now: () => NOW });
  await writeMeta(app.services.ctx, META_STREET_NAME, STREET);
  const [liuyingmen, donggaodi, chengguan] = (await insertUnits(app, [
    { kind: 'community', name: '六营门社区', sortOrder: 1 },
    { kind: 'community', name: '东高地社区', sortOrder: 2 },
    { kind: 'department', name: '城管科', sortOrder: 10 },
  ])) as [number, number, number];
  const d = (day: number, h: number) => fromBeijing(2026, 11, day, h);

  // The week before (11-16—11-22): four complaints in 六营门, two called back 满意 on 11-18.
  await add(app, { no: 'W0', at: d(17, 9), community: liuyingmen, lead: chengguan, callback: { at: d(18, 10) } });
  await add(app, { no: 'W1', at: d(17, 10), community: liuyingmen, lead: chengguan, callback: { at: d(18, 11) } });
  await add(app, { no: 'W2', at: d(17, 11), community: liuyingmen, status: 'replied', repliedAt: d(19, 9) });
  await add(app, { no: 'W3', at: d(17, 12), community: liuyingmen, status: 'replied', repliedAt: d(19, 10) });

  // This week (11-23—): six new orders.
  // 六营门: three complaints called back on 11-24 — 满意/已解决, 基本满意/已解决, 不满意/未解决:
  //   响应率 3/3 = 100%, 解决率 2/3 = 66.67%, 满意率 (1 + 0.9)/3 = 63.33%,
  //   得分 100 × (0.1 × 1 + 0.5 × 2/3 + 0.4 × 1.9/3) = 68.67 (last week: 2 of 2 满意 → 100).
  await add(app, { no: 'N1', at: d(23, 9), community: liuyingmen, lead: chengguan, callback: { at: d(24, 10) } });
  await add(app, { no: 'N2', at: d(23, 10), community: liuyingmen, lead: chengguan, callback: { at: d(24, 11), satisfaction: 'basic' } });
  await add(app, { no: 'N3', at: d(23, 11), community: liuyingmen, lead: chengguan, callback: { at: d(24, 13), resolution: 'unresolved', satisfaction: 'unsatisfied' } });
  // 东高地: two 供暖 requests still in handling (one urgent and past its deadline), one 咨询 replied.
  await add(app, { no: 'N4', at: d(24, 14), community: donggaodi, type: 'help', category: '供暖/居民供暖/室温不达标', status: 'in_progress', tier: 'urgent', due: d(24, 16), content: '东高地三街12号楼暖气不热，室温只有十四度，家中有老人。' });
  await add(app, { no: 'N5', at: d(24, 15), community: donggaodi, type: 'help', category: '供暖/居民供暖/室温不达标', status: 'in_progress', difficult: true });
  await add(app, { no: 'N6', at: d(25, 8), community: donggaodi, type: 'consult', category: '咨询/政策咨询', status: 'replied', repliedAt: d(25, 8) + 1_800_000 });
  return { app, liuyingmen, donggaodi, chengguan };
}
