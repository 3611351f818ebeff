/**
 * A small street for the workflow tests, orders put straight into any status with the rows that status
 * implies, a snapshot of every table a command may touch, and a typed call through the dispatcher
 * (so contract validation runs) with a named clerk as the actor.
 */
import type { MethodInput, MethodName, MethodOutput } from '../../../preload/api.js';
import { AppError, type ErrorCode } from '../../../preload/contract/errors.js';
import type { OrderStatus } from '../../../preload/contract/enums.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { insertOrders, insertUnits, TEST_NOW, type TestOrder } from '../../support/app.js';

export const H = 3_600_000;

export interface World {
  /** 六营门社区: duty list 城市管理/市容环境 (a subtree). */
  liuyingmen: number;
  /** 东高地社区: duty list 住房管理/物业管理/物业服务 (one leaf). */
  donggaodi: number;
  chengguan: number;
  fangguan: number;
  /** Staff of 城管科 and of 六营门社区. */
  staffChengguan: number;
  staffLiuyingmen: number;
}

export async function createWorld(app: AppRuntime): Promise<World> {
  const [liuyingmen, donggaodi, chengguan, fangguan] = (await insertUnits(app, [
    { kind: 'community', name: '六营门社区', sortOrder: 1 },
    { kind: 'community', name: '东高地社区', sortOrder: 2 },
    { kind: 'department', name: '城管科', sortOrder: 10 },
    { kind: 'department', name: '房管科', sortOrder: 11 },
  ])) as [number, number, number, number];
  const db = app.handle.db;
  await db
    .insertInto('unit_duties')
    .values([
      { unit_id: liuyingmen, category_path: '城市管理/市容环境' },
      { unit_id: donggaodi, category_path: '住房管理/物业管理/物业服务' },
    ])
    .execute();
  const staff = async (name: string, unit_id: number) =>
    (await db.insertInto('staff').values({ name, unit_id, phone: null }).returning('id').executeTakeFirstOrThrow()).id;
  return { liuyingmen, donggaodi, chengguan, fangguan, staffChengguan: await staff('赵刚', chengguan), staffLiuyingmen: await staff('钱丽', liuyingmen) };
}

/**
 * An order in `status`, with what that status implies: accepted orders have accepted_at, objecting ones
 * a pending objection, replied ones a reply, callback_done ones an unhappy callback (so 二次办理 applies),
 * returned ones an upheld objection.
 */
export async function orderIn(app: AppRuntime, status: OrderStatus, o: TestOrder = {}): Promise<number> {
  const [id] = (await insertOrders(app, [{ ...o, status }])) as [number];
  const db = app.handle.db;
  if (status !== 'received') await db.updateTable('orders').set({ accepted_at: TEST_NOW - 20 * H }).where('id', '=', id).execute();
  if (status === 'objecting' || status === 'returned') {
    await db
      .insertInto('objections')
      .values({
        order_id: id,
        raised_at: TEST_NOW - 2 * H,
        reason: '点位不在本街道辖区',
        evidence: null,
        status: status === 'objecting' ? 'pending' : 'upheld',
        decided_at: status === 'returned' ? TEST_NOW - H : null,
        outcome_note: null,
      })
      .execute();
    if (status === 'returned') await db.updateTable('orders').set({ closed_at: TEST_NOW - H }).where('id', '=', id).execute();
  }
  if (status === 'replied' || status === 'callback_done') {
    await db
      .updateTable('orders')
      .set({ replied_at: TEST_NOW - 3 * H, reply_result: 'resolved', reply_text: '已协调物业公司修复楼道照明。', first_contact_at: TEST_NOW - 10 * H })
      .where('id', '=', id)
      .execute();
  }
  if (status === 'callback_done') {
    await db
      .insertInto('callbacks')
      .values({ order_id: id, at: TEST_NOW - 2 * H, valid: 1, contacted: 1, resolution: 'unresolved', satisfaction: 'unsatisfied', note: null, origin: 'test' })
      .execute();
    await db.updateTable('orders').set({ closed_at: TEST_NOW - 2 * H, first_time_resolved: 0 }).where('id', '=', id).execute();
  }
  return id;
}

const TABLES = ['orders', 'events', 'contacts', 'callbacks', 'extension_requests', 'objections', 'order_units', 'order_tags'] as const;

/** Every row of every table a workflow command may write. */
export function snapshot(app: AppRuntime): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, app.handle.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

export async function version(app: AppRuntime, orderId: number): Promise<number> {
  return (await app.handle.db.selectFrom('orders').select('version').where('id', '=', orderId).executeTakeFirstOrThrow()).version;
}

/** Calls a method through the dispatcher (input and output validated) as `actor`; throws the AppError it answers. */
export async function call<K extends MethodName>(app: AppRuntime, name: K, args: MethodInput<K>, actor = '王芳'): Promise<MethodOutput<K>> {
  const res = await app.dispatch(name, JSON.parse(JSON.stringify(args)), { actor, transport: 'in-process' });
  if ('error' in res) throw new AppError(res.error.code, res.error.message);
  return res.reply as MethodOutput<K>;
}

/** Calls with the order's current version. */
export async function act<K extends MethodName>(
  app: AppRuntime,
  name: K,
  orderId: number,
  args: Omit<MethodInput<K>, 'orderId' | 'version'>,
  actor = '王芳',
): Promise<MethodOutput<K>> {
  return call(app, name, { ...args, orderId, version: await version(app, orderId) } as unknown as MethodInput<K>, actor);
}

export async function refusal(promise: Promise<unknown>, code: ErrorCode): Promise<string> {
  const e = await promise.then(
    () => {
      throw new Error(`expected ${code}, got a reply`);
    },
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw e;
  if (e.code !== code) throw new Error(`expected ${code}, got ${e.code}: ${e.message}`);
  return e.message;
}
