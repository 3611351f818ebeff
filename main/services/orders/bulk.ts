/**
 * Bulk actions: accept, assign lead/assist, set flags and tags on a selection of orders or on every
 * order matching a filter.
 *
 * Each order runs the very command a clerk runs on one order (workflow/command.ts applyOrderCommand
 * with the same per-order work: version check, state machine, its own event), all in ONE transaction,
 * each order under a SAVEPOINT: an order the command refuses is rolled back alone and listed with the
 * command's Chinese reason; the others stay. The preview runs exactly the same and rolls everything
 * back, so it shows the very timeline lines the apply will write. The apply takes the versions the
 * preview showed: an order changed since is refused, not overwritten. ordersChanged is told once.
 */
import { sql } from 'kysely';
import { AppError, isAppError } from '../../../preload/contract/errors.js';
import { ORDER_TAG, type BulkAction, type BulkItem, type BulkOutcome, type MethodArgs, MAX_BULK_ORDERS } from '../../../preload/api.js';
import type { WorkflowAction } from '../../../preload/contract/methods/workflowRecords.js';
import type { ServiceContext } from '../context.js';
import { applyAssign } from '../workflow/assignment.js';
import { applyOrderCommand, busyRefusal, type CommandScope } from '../workflow/command.js';
import { applySetDifficult, applySetSupervised, applySetTag, applySetUnreasonable } from '../workflow/flags.js';
import { applyAccept } from '../workflow/intake.js';
import type { OrderGrid } from './grid.js';

interface Work {
  action: WorkflowAction;
  apply: (scope: CommandScope) => Promise<void>;
  /** Why an order needed nothing (the command wrote no event). */
  unchanged: string;
}

/** Keeps each order's other assists and handlers; the new lead replaces the old one. */
function bulkAssign(a: Extract<BulkAction, { kind: 'assign' }>) {
  return async (scope: CommandScope): Promise<void> => {
    const current = await scope.trx
      .selectFrom('order_units')
      .select(['unit_id', 'role', 'handler_staff_id'])
      .where('order_id', '=', scope.order.id)
      .execute();
    const old = current.find((u) => u.role === 'lead');
    const lead = a.lead ?? (old ? { unitId: old.unit_id, handlerStaffId: old.handler_staff_id } : null);
    if (!lead) throw new AppError('INVALID_INPUT', '该工单尚未指定主办单位，请同时选择主办单位。');
    const assists = current.filter((u) => u.role === 'assist' && u.unit_id !== lead.unitId).map((u) => ({ unitId: u.unit_id, handlerStaffId: u.handler_staff_id }));
    for (const add of a.assists ?? []) {
      if (add.unitId !== lead.unitId && !assists.some((x) => x.unitId === add.unitId)) assists.push({ unitId: add.unitId, handlerStaffId: add.handlerStaffId ?? null });
    }
    await applyAssign({ lead, assists, ...(a.overrideReason ? { overrideReason: a.overrideReason } : {}) })(scope);
  };
}

function workOf(a: BulkAction): Work {
  switch (a.kind) {
    case 'accept':
      return { action: 'accept', apply: applyAccept, unchanged: '无需签收' };
    case 'assign':
      return { action: 'assign', apply: bulkAssign(a), unchanged: '已是所选的主办、协办单位，无需修改' };
    case 'setDifficult':
      return { action: 'setDifficult', apply: applySetDifficult(a), unchanged: a.on ? '已是疑难件（原因与上报对象相同）' : '本来就不是疑难件' };
    case 'setSupervised':
      return { action: 'setSupervised', apply: applySetSupervised(a), unchanged: a.on ? '已是督办件' : '本来就不是督办件' };
    case 'setUnreasonable':
      return { action: 'setUnreasonable', apply: applySetUnreasonable(a), unchanged: a.on ? '已标记为不合理诉求（内容相同）' : '本来就没有不合理诉求标记' };
    case 'setTag': {
      const label = ORDER_TAG.label[a.tag];
      return { action: 'setTag', apply: applySetTag(a), unchanged: a.on ? `已有标签「${label}」` : `本来就没有标签「${label}」` };
    }
  }
}

const ROLLBACK = Symbol('preview: roll back');

async function runBulk(
  ctx: ServiceContext,
  actor: string,
  action: BulkAction,
  targets: Array<{ orderId: number; version: number | null }>,
  mode: 'preview' | 'apply',
): Promise<{ outcome: BulkOutcome; changed: Set<number> }> {
  const work = workOf(action);
  const outcome: BulkOutcome = { matched: targets.length, changes: [], unchanged: [], refused: [] };
  const changed = new Set<number>();
  const now = ctx.now();
  try {
    await ctx.handle.db.transaction().execute(async (trx) => {
      // The write lock first, so another process's writer waits for us rather than failing us half-way.
      await sql`UPDATE orders SET version = version WHERE id = ${targets[0]?.orderId ?? 0}`.execute(trx);
      const ids = targets.map((t) => t.orderId);
      const known = new Map<number, { order_no: string; version: number }>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await trx.selectFrom('orders').select(['id', 'order_no', 'version']).where('id', 'in', ids.slice(i, i + 500)).execute();
        for (const r of rows) known.set(r.id, r);
      }
      for (const t of targets) {
        const o = known.get(t.orderId);
        if (!o) {
          outcome.refused.push({ orderId: t.orderId, orderNo: '', version: null, text: `工单不存在（内部编号 ${t.orderId}），可能已被删除。` });
          continue;
        }
        const version = t.version ?? o.version;
        const item = (text: string, v: number = version): BulkItem => ({ orderId: t.orderId, orderNo: o.order_no, version: v, text });
        const touched = new Set<number>();
        // The command's own timeline lines and the order's version after it, as it commits them.
        const lines: string[] = [];
        let after = version;
        const apply = (scope: CommandScope) =>
          work.apply({
            ...scope,
            async commit(patch, event, on) {
              const v = await scope.commit(patch, event, on);
              if (!on || on.id === scope.order.id) {
                lines.push(event.summary);
                after = v;
              }
              return v;
            },
          });
        await sql`SAVEPOINT bulk_order`.execute(trx);
        try {
          await applyOrderCommand(trx, now, actor, work.action, { orderId: t.orderId, version }, apply, touched);
          await sql`RELEASE bulk_order`.execute(trx);
        } catch (e) {
          await sql`ROLLBACK TO bulk_order`.execute(trx);
          await sql`RELEASE bulk_order`.execute(trx);
          if (!isAppError(e)) throw e;
          outcome.refused.push(item(e.message));
          continue;
        }
        if (touched.size === 0) {
          outcome.unchanged.push(item(work.unchanged));
          continue;
        }
        for (const id of touched) changed.add(id);
        // The preview hands back the version to apply against; the apply reports the new one.
        outcome.changes.push(item(lines.join('；'), mode === 'apply' ? after : version));
      }
      if (mode === 'preview') throw ROLLBACK;
    });
  } catch (e) {
    if (e !== ROLLBACK) throw busyRefusal(e);
  }
  return { outcome, changed };
}

export async function bulkPreview(ctx: ServiceContext, grid: OrderGrid, actor: string, args: MethodArgs<'bulk.preview'>): Promise<BulkOutcome> {
  const ids =
    args.selection.kind === 'ids'
      ? [...new Set(args.selection.ids)]
      : await grid.matchingIds(args.selection.filter, { column: 'receivedAt', direction: 'desc' }, MAX_BULK_ORDERS);
  if (ids.length === 0) return { matched: 0, changes: [], unchanged: [], refused: [] };
  return (await runBulk(ctx, actor, args.action, ids.map((orderId) => ({ orderId, version: null })), 'preview')).outcome;
}

export async function bulkApply(ctx: ServiceContext, actor: string, args: MethodArgs<'bulk.apply'>): Promise<BulkOutcome> {
  const seen = new Set<number>();
  const targets = args.orders.filter((o) => !seen.has(o.orderId) && seen.add(o.orderId));
  const { outcome, changed } = await runBulk(ctx, actor, args.action, targets, 'apply');
  if (changed.size > 0) ctx.changes.ordersChanged(`bulk.${args.action.kind}`, changed.size);
  return outcome;
}
