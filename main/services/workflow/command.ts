/**
 * How every workflow command runs: one transaction that
 *   1. takes SQLite's write lock first (so a second process waits instead of failing half-way),
 *   2. refuses a stale `version` with what the other clerk changed since (STALE_VERSION),
 *   3. refuses an action the order's state does not allow (ILLEGAL_TRANSITION, transitions.ts),
 *   4. applies the change, bumping the order's version and writing its event(s) in the same transaction;
 * and only after the commit tells the ChangeFeed (grid caches, `orders.changed` push).
 * Anything thrown inside rolls the whole command back: a refused command changes nothing.
 */
import { sql, type Transaction } from 'kysely';
import type { Database, OrderRow, OrderUpdate } from '../../../db/schema.js';
import { AppError, isAppError } from '../../../preload/contract/errors.js';
import type { OrderStatus } from '../../../preload/contract/enums.js';
import type { WorkflowAction } from '../../../preload/contract/methods/workflowRecords.js';
import type { ServiceContext } from '../context.js';
import { describeEvent, eventsAfterVersion, recordEvent, type Db, type Fields } from '../events.js';
import { assertAllowed, type OrderState } from './transitions.js';

export interface CommandTarget {
  orderId: number;
  version: number;
}

export interface EventSpec {
  kind: string;
  summary: string;
  before?: Fields | null;
  after?: Fields | null;
}

export interface CommandScope {
  trx: Transaction<Database>;
  /** The order as it was when the command started (version already checked). */
  order: OrderRow;
  state: OrderState;
  now: number;
  actor: string;
  /**
   * Writes `patch` to an order (this one by default), bumps its version, records the event with the new
   * version. Several calls on the same order each bump once; the version guard makes a lost update
   * impossible even if something else wrote in between.
   */
  commit(patch: OrderUpdate, event: EventSpec, on?: OrderRow): Promise<number>;
}

/** Reads what the guards need beyond the status. */
export async function loadOrderState(db: Db, order: OrderRow): Promise<OrderState> {
  const pending = await db
    .selectFrom('extension_requests')
    .select('id')
    .where('order_id', '=', order.id)
    .where('status', '=', 'pending')
    .limit(1)
    .executeTakeFirst();
  const lastCallback = await db
    .selectFrom('callbacks')
    .select(['valid', 'resolution', 'satisfaction'])
    .where('order_id', '=', order.id)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const dup = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('duplicate_of', '=', order.id)
    .executeTakeFirstOrThrow();
  return {
    status: order.status as OrderStatus,
    pendingExtension: pending !== undefined,
    lastCallbackUnhappy: lastCallback !== undefined && isUnhappy(lastCallback),
    duplicateOf: order.duplicate_of,
    duplicateCount: Number(dup.n),
    hasReply: order.reply_text !== null && order.reply_text !== '',
  };
}

/** 二次办理 is offered after a valid callback that was unsatisfied or unresolved. */
export function isUnhappy(cb: { valid: number; resolution: string; satisfaction: string }): boolean {
  return cb.valid === 1 && (cb.satisfaction === 'unsatisfied' || cb.resolution === 'unresolved');
}

export function notFound(orderId: number): AppError {
  return new AppError('NOT_FOUND', `工单不存在（内部编号 ${orderId}），可能已被删除。`);
}

/** The STALE_VERSION refusal, listing what was recorded after the version the clerk saw. */
async function staleError(db: Db, order: OrderRow, seen: number): Promise<AppError> {
  const since = await eventsAfterVersion(db, order.id, seen);
  const head = `保存失败：工单 ${order.order_no} 在您打开之后已被修改（您看到的是第 ${seen} 版，现在是第 ${order.version} 版）`;
  if (since.length === 0) return new AppError('STALE_VERSION', `${head}。请刷新后重新操作。`);
  const shown = since.slice(-5).map(describeEvent);
  const more = since.length > shown.length ? `（另有 ${since.length - shown.length} 项更早的修改）` : '';
  return new AppError('STALE_VERSION', `${head}：${shown.join('；')}${more}。请刷新后重新操作。`);
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * The body of one command on one order, inside a transaction the caller owns: the version and state
 * checks, then `apply` through `scope.commit`. Orders it changes are added to `changed`. A bulk action
 * runs many of these in one transaction (main/services/orders/bulk.ts); runOrderCommand runs one.
 */
export async function applyOrderCommand<R>(
  trx: Transaction<Database>,
  now: number,
  actor: string,
  action: WorkflowAction,
  target: CommandTarget,
  apply: (scope: CommandScope) => Promise<R>,
  changed: Set<number>,
): Promise<R> {
  // A write first: SQLite takes the write lock now, before anything is read, so a concurrent writer
  // in another process makes us wait (busy_timeout) rather than fail after our reads.
  const locked = await sql`UPDATE orders SET version = version WHERE id = ${target.orderId}`.execute(trx);
  if (Number(locked.numAffectedRows ?? 0) === 0) throw notFound(target.orderId);
  const order = await trx.selectFrom('orders').selectAll().where('id', '=', target.orderId).executeTakeFirstOrThrow();
  if (order.version !== target.version) throw await staleError(trx, order, target.version);
  const state = await loadOrderState(trx, order);
  assertAllowed(action, state);
  const versions = new Map<number, number>();
  const scope: CommandScope = {
    trx,
    order,
    state,
    now,
    actor,
    async commit(patch, event, on = order) {
      const from = versions.get(on.id) ?? on.version;
      const next = from + 1;
      const res = await trx
        .updateTable('orders')
        .set({ ...patch, updated_at: now, version: next })
        .where('id', '=', on.id)
        .where('version', '=', from)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) {
        const fresh = await trx.selectFrom('orders').selectAll().where('id', '=', on.id).executeTakeFirst();
        throw fresh ? await staleError(trx, fresh, from) : notFound(on.id);
      }
      versions.set(on.id, next);
      changed.add(on.id);
      await recordEvent(trx, { orderId: on.id, actor, at: now, ...event, orderVersion: next });
      return next;
    },
  };
  return apply(scope);
}

/** SQLite's "database is locked" after busy_timeout, told to the clerk; anything else passes through. */
export function busyRefusal(e: unknown): unknown {
  if (isBusy(e) && !isAppError(e)) {
    return new AppError('STALE_VERSION', '另一个窗口或程序正在修改数据，本次操作未生效。请稍后刷新重试。', { cause: e });
  }
  return e;
}

/**
 * Runs one command on one order. `apply` does the work through `scope.commit`; its return value is
 * handed back after the commit. Returns the ids of every order the command changed, too.
 */
export async function runOrderCommand<R>(
  ctx: ServiceContext,
  actor: string,
  action: WorkflowAction,
  target: CommandTarget,
  apply: (scope: CommandScope) => Promise<R>,
): Promise<{ result: R; changed: number[] }> {
  const changed = new Set<number>();
  let result: R;
  try {
    result = await ctx.handle.db.transaction().execute((trx) => applyOrderCommand(trx, ctx.now(), actor, action, target, apply, changed));
  } catch (e) {
    throw busyRefusal(e);
  }
  if (changed.size > 0) ctx.changes.ordersChanged(`workflow.${action}`, changed.size);
  return { result, changed: [...changed] };
}
