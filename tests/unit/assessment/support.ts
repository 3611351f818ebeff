/**
 * A small street for the assessment tests, with orders and callbacks put straight into the tables
 * (times given as Beijing wall clock), and typed calls through the dispatcher so contract validation
 * runs on every answer.
 */
import type { MethodInput, MethodName, MethodOutput } from '../../../preload/api.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { AppealType, OrderStatus } from '../../../preload/contract/enums.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { openApp, type AppRuntime } from '../../../main/runtime.js';
import { createTestApp, insertOrders, insertUnits } from '../../support/app.js';

/** 2026-11-25 09:00 Beijing: inside November, after the 19th. */
export const NOW = fromBeijing(2026, 11, 25, 9);

export interface Street {
  app: AppRuntime;
  liuyingmen: number;
  donggaodi: number;
  chengguan: number;
  fangguan: number;
  /** 赵刚 of 城管科. */
  zhaogang: number;
  /** A master order for 重复件 links: returned long ago, so it shows in no figure of 2026. */
  master: number;
}

/** In memory, or in the file `path` (for the CLI, which opens it again). */
export async function createStreet(now = NOW, path?: string): Promise<Street> {
  const app = path === undefined ? await createTestApp({ now: () => now }) : await openApp(path, { now: () => now });
  const [liuyingmen, donggaodi, chengguan, fangguan] = (await insertUnits(app, [
    { kind: 'community', name: '六营门社区', sortOrder: 1 },
    { kind: 'community', name: '东高地社区', sortOrder: 2 },
    { kind: 'department', name: '城管科', sortOrder: 10 },
    { kind: 'department', name: '房管科', sortOrder: 11 },
  ])) as [number, number, number, number];
  const zhaogang = (await app.handle.db.insertInto('staff').values({ name: '赵刚', unit_id: chengguan, phone: null }).returning('id').executeTakeFirstOrThrow()).id;
  const [master] = (await insertOrders(app, [{ orderNo: 'MASTER', receivedAt: fromBeijing(2025, 1, 1, 9), status: 'returned', communityId: null }])) as [number];
  await app.handle.db.updateTable('orders').set({ closed_at: fromBeijing(2025, 1, 2, 9) }).where('id', '=', master).execute();
  return { app, liuyingmen, donggaodi, chengguan, fangguan, zhaogang, master };
}

export interface OrderSpec {
  community?: number | null;
  appealType?: AppealType;
  category?: string;
  status?: OrderStatus;
  receivedAt?: number;
  handleDueAt?: number;
  unreasonable?: 'no' | 'flagged' | 'approved';
  duplicate?: 'no' | 'linked' | 'approved';
  firstContactAt?: number | null;
  repliedAt?: number | null;
  closedAt?: number | null;
  firstTimeResolved?: 0 | 1 | null;
  reopenCount?: number;
  lead?: { unitId: number; handlerStaffId?: number | null };
}

/** One order; returns its id. */
export async function order(s: Street, o: OrderSpec = {}): Promise<number> {
  const db = s.app.handle.db;
  const [id] = (await insertOrders(s.app, [
    {
      communityId: o.community === undefined ? s.liuyingmen : o.community,
      appealType: o.appealType ?? 'complaint',
      category: o.category ?? '城市管理/市容环境/占道经营',
      status: o.status ?? 'callback_done',
      receivedAt: o.receivedAt ?? fromBeijing(2026, 10, 20, 9),
      handleDueAt: o.handleDueAt,
    },
  ])) as [number];
  await db
    .updateTable('orders')
    .set({
      unreasonable: o.unreasonable && o.unreasonable !== 'no' ? 1 : 0,
      unreasonable_approved: o.unreasonable === 'approved' ? 1 : 0,
      duplicate_of: o.duplicate && o.duplicate !== 'no' ? s.master : null,
      duplicate_approved: o.duplicate === 'approved' ? 1 : 0,
      first_contact_at: o.firstContactAt === undefined ? fromBeijing(2026, 10, 20, 10) : o.firstContactAt,
      replied_at: o.repliedAt ?? null,
      closed_at: o.closedAt ?? null,
      first_time_resolved: o.firstTimeResolved ?? null,
      reopen_count: o.reopenCount ?? 0,
    })
    .where('id', '=', id)
    .execute();
  if (o.lead) {
    await db
      .insertInto('order_units')
      .values({ order_id: id, unit_id: o.lead.unitId, role: 'lead', handler_staff_id: o.lead.handlerStaffId ?? null, assigned_at: NOW, assigned_by: 'test', override_reason: null })
      .execute();
  }
  return id;
}

export interface CallbackSpec {
  valid?: boolean;
  contacted?: boolean;
  resolution?: 'resolved' | 'partial' | 'unresolved';
  satisfaction?: 'satisfied' | 'basic' | 'unsatisfied' | 'none';
}

/** A callback at `at` (defaults: valid, contacted, resolved, satisfied). */
export async function callback(s: Street, orderId: number, at: number, c: CallbackSpec = {}): Promise<void> {
  await s.app.handle.db
    .insertInto('callbacks')
    .values({
      order_id: orderId,
      at,
      valid: c.valid === false ? 0 : 1,
      contacted: c.contacted === false ? 0 : 1,
      resolution: c.resolution ?? 'resolved',
      satisfaction: c.satisfaction ?? 'satisfied',
      note: null,
      origin: 'test',
    })
    .execute();
}

/** An order with one callback; returns the order id. */
export async function calledBack(s: Street, at: number, c: CallbackSpec = {}, o: OrderSpec = {}): Promise<number> {
  const id = await order(s, o);
  await callback(s, id, at, c);
  return id;
}

export async function call<K extends MethodName>(s: Street, name: K, args: MethodInput<K>): Promise<MethodOutput<K>> {
  const res = await s.app.dispatch(name, JSON.parse(JSON.stringify(args)), { actor: '王芳', transport: 'in-process' });
  if ('error' in res) throw new AppError(res.error.code, res.error.message);
  return res.reply as MethodOutput<K>;
}

/** Saves a setting over whatever version it has. */
export async function setSetting(s: Street, key: 'assessment.formulas' | 'assessment.monthStartDay' | 'reports.dailyWindowHour', value: unknown): Promise<void> {
  const current = await call(s, 'settings.get', { key });
  await call(s, 'settings.set', { key, value, version: current.version } as MethodInput<'settings.set'>);
}
