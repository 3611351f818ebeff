/**
 * 延期 (Art. 15): a request gives a reason and the new deadline — either the date itself or a length
 * the deadline engine counts on from the current deadline (working days skip holidays and count 调休
 * Saturdays). The decision is recorded later: approved moves handle_due_at (due_source 'extension'),
 * rejected keeps it, with a note saying why.
 */
import type { CommandResult, MethodArgs } from '../../../preload/api.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { ServiceContext } from '../context.js';
import { dayIndexOfInstant, describeDuration, extendDue } from '../deadlines/index.js';
import type { Db } from '../events.js';
import { clip, runAndDescribe, when } from './run.js';
import { loadCalendar } from './settings.js';

/**
 * An order closed (办结, 退回) while a request waits: the request is moot, mark it withdrawn so it does
 * not hang as "待审批" forever. Returns how many were withdrawn (for the closing event's summary).
 */
export async function withdrawPendingExtensions(db: Db, orderId: number, now: number, why: string): Promise<number> {
  const res = await db
    .updateTable('extension_requests')
    .set({ status: 'withdrawn', decided_at: now, decision_note: why })
    .where('order_id', '=', orderId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

const NO_DATA_NOTE = '（期间有年份缺少节假日安排数据，按周末推算，请核对）';

export function requestExtension(ctx: ServiceContext, actor: string, args: MethodArgs<'workflow.requestExtension'>): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'requestExtension', args, async ({ trx, order, now, commit }) => {
    let due: number;
    let noData = false;
    let how = '';
    if (args.extendBy) {
      const r = extendDue(order.handle_due_at, args.extendBy, await loadCalendar(trx));
      due = r.due;
      noData = r.calendarMissing;
      how = `（顺延${describeDuration(args.extendBy)}）`;
    } else {
      due = args.requestedDueAt!;
      if (due <= order.handle_due_at) {
        throw new AppError('INVALID_INPUT', `申请的新时限 ${when(due)} 应晚于当前办理时限 ${when(order.handle_due_at)}。`);
      }
    }
    await trx
      .insertInto('extension_requests')
      .values({ order_id: order.id, requested_at: now, reason: args.reason, requested_due_at: due, status: 'pending', decided_at: null, decision_note: null })
      .execute();
    await commit(
      {},
      {
        kind: 'extension_requested',
        summary: `申请延期至 ${when(due)}${how}${noData ? NO_DATA_NOTE : ''}：${clip(args.reason)}`,
        before: { handleDueAt: order.handle_due_at },
        after: { requestedDueAt: due, reason: args.reason },
      },
    );
  });
}

export function decideExtension(ctx: ServiceContext, actor: string, args: MethodArgs<'workflow.decideExtension'>): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'decideExtension', args, async ({ trx, order, now, commit }) => {
    const pending = await trx
      .selectFrom('extension_requests')
      .selectAll()
      .where('order_id', '=', order.id)
      .where('status', '=', 'pending')
      .orderBy('requested_at', 'desc')
      .executeTakeFirst();
    if (!pending) throw new AppError('ILLEGAL_TRANSITION', '该工单没有待审批的延期申请，无法登记审批结果。请刷新后查看最新状态。');
    const note = args.note || null;
    if (!args.approved && !note) throw new AppError('INVALID_INPUT', '延期申请未获批准时，请填写说明（告知诉求人和经办人原因）。');
    await trx
      .updateTable('extension_requests')
      .set({ status: args.approved ? 'approved' : 'rejected', decided_at: now, decision_note: note })
      .where('id', '=', pending.id)
      .execute();
    if (!args.approved) {
      await commit(
        {},
        {
          kind: 'extension_rejected',
          summary: `延期申请未获批准，办理时限仍为 ${when(order.handle_due_at)}：${note}`,
          before: { extension: 'pending' },
          after: { extension: 'rejected', note },
        },
      );
      return;
    }
    const calendar = await loadCalendar(trx);
    const noData = calendar.lacksData(dayIndexOfInstant(order.handle_due_at), dayIndexOfInstant(pending.requested_due_at));
    await commit(
      { handle_due_at: pending.requested_due_at, due_source: 'extension', calendar_missing: order.calendar_missing === 1 || noData ? 1 : 0 },
      {
        kind: 'extension_approved',
        summary: `延期获批：办理时限 ${when(order.handle_due_at)} → ${when(pending.requested_due_at)}${note ? `（${note}）` : ''}${noData ? NO_DATA_NOTE : ''}`,
        before: { handleDueAt: order.handle_due_at, dueSource: order.due_source },
        after: { handleDueAt: pending.requested_due_at, dueSource: 'extension' },
      },
    );
  });
}
