/**
 * 派单异议: the street disputes the dispatch and the district rules on it (not a one-sided return —
 * Art. 14 首接负责). received | in_progress → objecting; upheld → returned (end), rejected → in_progress.
 * The time under review goes into paused_ms and, ⚙ workflow.objectionPausesClock (default on), pushes
 * the handle deadline later by the same amount: it does not count against the street.
 */
import type { CommandResult, MethodArgs } from '../../../preload/api.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { OrderUpdate } from '../../../db/schema.js';
import type { ServiceContext } from '../context.js';
import { withdrawPendingExtensions } from './extension.js';
import { clip, runAndDescribe, when } from './run.js';
import { readWorkflowSettings } from './settings.js';

export function raiseObjection(ctx: ServiceContext, actor: string, args: MethodArgs<'workflow.raiseObjection'>): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'raiseObjection', args, async ({ trx, order, now, commit }) => {
    await trx
      .insertInto('objections')
      .values({ order_id: order.id, raised_at: now, reason: args.reason, evidence: args.evidence || null, status: 'pending', decided_at: null, outcome_note: null })
      .execute();
    await commit(
      { status: 'objecting' },
      {
        kind: 'objection_raised',
        summary: `提出派单异议，提交区级审核：${clip(args.reason)}`,
        before: { status: order.status },
        after: { status: 'objecting', objection: { reason: args.reason, evidence: args.evidence || null } },
      },
    );
  });
}

/** "3小时20分" */
export function describeSpan(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return `${d ? `${d}天` : ''}${h ? `${h}小时` : ''}${m || (!d && !h) ? `${m}分钟` : ''}`;
}

export function decideObjection(ctx: ServiceContext, actor: string, args: MethodArgs<'workflow.decideObjection'>): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'decideObjection', args, async ({ trx, order, now, commit }) => {
    const pending = await trx
      .selectFrom('objections')
      .selectAll()
      .where('order_id', '=', order.id)
      .where('status', '=', 'pending')
      .orderBy('raised_at', 'desc')
      .executeTakeFirst();
    if (!pending) throw new AppError('ILLEGAL_TRANSITION', '工单当前状态为「异议审核中」，但找不到待审核的异议记录，无法登记审核结果。请联系管理员核查数据。');
    const paused = Math.max(0, now - pending.raised_at);
    const note = args.note || null;
    await trx.updateTable('objections').set({ status: args.outcome, decided_at: now, outcome_note: note }).where('id', '=', pending.id).execute();

    const patch: OrderUpdate = { paused_ms: order.paused_ms + paused };
    const span = describeSpan(paused);
    let summary: string;
    if (args.outcome === 'upheld') {
      patch.status = 'returned';
      patch.closed_at = now;
      summary = `区级审核：派单异议成立，工单已退回${note ? `（${note}）` : ''}`;
      if (await withdrawPendingExtensions(trx, order.id, now, '工单已退回，延期申请自动撤回')) summary += '（待审批的延期申请已撤回）';
    } else {
      patch.status = 'in_progress';
      // Raised before 签收: the district's "rejected" sends it to handling, which is taking it.
      if (order.accepted_at === null) patch.accepted_at = now;
      summary = `区级审核：派单异议被驳回，继续办理${note ? `（${note}）` : ''}`;
      if ((await readWorkflowSettings(trx)).objectionPausesClock) {
        patch.handle_due_at = order.handle_due_at + paused;
        summary += `；审核用时 ${span} 不计入，办理时限顺延至 ${when(patch.handle_due_at)}`;
      } else {
        summary += `；审核用时 ${span}`;
      }
    }
    await commit(patch, {
      kind: args.outcome === 'upheld' ? 'objection_upheld' : 'objection_rejected',
      summary,
      before: { status: order.status, pausedMs: order.paused_ms, handleDueAt: order.handle_due_at },
      after: { status: patch.status, pausedMs: patch.paused_ms, handleDueAt: patch.handle_due_at ?? order.handle_due_at, outcomeNote: note },
    });
  });
}
