/**
 * 重复件 (Art. 11): an order repeating an open or finished matter is linked to a master order. One
 * level only — a master is never itself a duplicate and a duplicate never has duplicates — so there are
 * no chains and no cycles. The master lists its duplicates; its reply can be copied to the linked
 * orders still in handling, all in one transaction, each with its own event and version.
 */
import type { CommandResult, MethodArgs } from '../../../preload/api.js';
import type { OrderRow } from '../../../db/schema.js';
import { AppError } from '../../../preload/contract/errors.js';
import { ORDER_STATUS, type OrderStatus } from '../../../preload/contract/enums.js';
import type { ServiceContext } from '../context.js';
import { withdrawPendingExtensions } from './extension.js';
import { runAndDescribe } from './run.js';

export function linkDuplicate(ctx: ServiceContext, actor: string, args: MethodArgs<'workflow.linkDuplicate'>): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'linkDuplicate', args, async ({ trx, order, commit }) => {
    let q = trx.selectFrom('orders').selectAll();
    q = args.masterId !== undefined ? q.where('id', '=', args.masterId) : q.where('order_no', '=', args.masterOrderNo!);
    const master = await q.executeTakeFirst();
    const named = args.masterId !== undefined ? `内部编号 ${args.masterId}` : `工单编号 ${args.masterOrderNo}`;
    if (!master) throw new AppError('NOT_FOUND', `找不到主工单（${named}）。`);
    if (master.id === order.id) throw new AppError('INVALID_INPUT', '不能把工单关联为它自己的重复件。');
    if (master.duplicate_of !== null) {
      const root = await trx.selectFrom('orders').select('order_no').where('id', '=', master.duplicate_of).executeTakeFirst();
      throw new AppError('INVALID_INPUT', `工单 ${master.order_no} 本身是 ${root?.order_no ?? '另一工单'} 的重复件，不能作为主工单；请直接关联到 ${root?.order_no ?? '其主工单'}。`);
    }
    if (master.status === 'returned') throw new AppError('INVALID_INPUT', `工单 ${master.order_no} 已退回，不能作为主工单。`);
    await commit(
      { duplicate_of: master.id },
      { kind: 'duplicate_linked', summary: `关联为重复件，主工单 ${master.order_no}`, before: { duplicateOf: null }, after: { duplicateOf: master.id, masterOrderNo: master.order_no } },
    );
    await commit(
      {},
      { kind: 'duplicate_attached', summary: `工单 ${order.order_no} 关联为本单的重复件`, before: null, after: { duplicate: order.id, duplicateOrderNo: order.order_no } },
      master,
    );
  });
}

export function unlinkDuplicate(ctx: ServiceContext, actor: string, args: MethodArgs<'workflow.unlinkDuplicate'>): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'unlinkDuplicate', args, async ({ trx, order, commit }) => {
    const master = await trx.selectFrom('orders').selectAll().where('id', '=', order.duplicate_of!).executeTakeFirstOrThrow();
    await commit(
      { duplicate_of: null, duplicate_approved: 0 },
      { kind: 'duplicate_unlinked', summary: `解除与主工单 ${master.order_no} 的重复件关联`, before: { duplicateOf: master.id, masterOrderNo: master.order_no }, after: { duplicateOf: null } },
    );
    await commit(
      {},
      { kind: 'duplicate_detached', summary: `工单 ${order.order_no} 解除了与本单的重复件关联`, before: { duplicate: order.id, duplicateOrderNo: order.order_no }, after: null },
      master,
    );
  });
}

export interface Linked {
  id: number;
  orderNo: string;
  status: OrderStatus;
}

const SKIP_REASON: Partial<Record<OrderStatus, string>> = {
  received: '待签收，请先签收后再复制答复',
  objecting: '派单异议审核中',
  replied: '已办结',
  callback_done: '已回访',
  returned: '已退回',
};

export function copyReplyToDuplicates(
  ctx: ServiceContext,
  actor: string,
  args: MethodArgs<'workflow.copyReplyToDuplicates'>,
): Promise<CommandResult & { copied: Linked[]; skipped: Array<Linked & { reason: string }> }> {
  return runAndDescribe(ctx, actor, 'copyReplyToDuplicates', args, async ({ trx, order: master, now, commit }) => {
    const linked: OrderRow[] = await trx.selectFrom('orders').selectAll().where('duplicate_of', '=', master.id).orderBy('received_at').orderBy('id').execute();
    const copied: Linked[] = [];
    const skipped: Array<Linked & { reason: string }> = [];
    for (const o of linked) {
      const status = o.status as OrderStatus;
      const item = { id: o.id, orderNo: o.order_no, status };
      if (status !== 'in_progress') {
        skipped.push({ ...item, reason: SKIP_REASON[status] ?? ORDER_STATUS.label[status] });
        continue;
      }
      await withdrawPendingExtensions(trx, o.id, now, '已按主工单答复办结，延期申请自动撤回');
      await commit(
        { status: 'replied', replied_at: now, reply_result: master.reply_result, reply_text: master.reply_text },
        {
          kind: 'reply_copied',
          summary: `按主工单 ${master.order_no} 的答复办结`,
          before: { status, replyResult: o.reply_result, replyText: o.reply_text },
          after: { status: 'replied', replyResult: master.reply_result, replyText: master.reply_text, from: master.order_no },
        },
        o,
      );
      copied.push({ ...item, status: 'replied' });
    }
    if (copied.length > 0) {
      await commit({}, {
        kind: 'reply_shared',
        summary: `答复已复制到 ${copied.length} 件重复件：${copied.map((c) => c.orderNo).join('、')}`,
        before: null,
        after: { copiedTo: copied.map((c) => c.id) },
      });
    }
    return { copied, skipped };
  });
}
