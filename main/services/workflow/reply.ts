/**
 * 办结 (reply), 回访 (callback) and 二次办理 (reopen):
 *   in_progress ──reply──► replied ──recordCallback──► callback_done ──reopen──► in_progress
 * 首办 (first_time_resolved) is decided by the first callback: 1 unless it was valid and unsatisfied or
 * unresolved; a reopened order is never 首办.
 */
import type { CommandResult, MethodArgs } from '../../../preload/api.js';
import { AppError } from '../../../preload/contract/errors.js';
import { CALLBACK_RESOLUTION, REPLY_RESULT, SATISFACTION } from '../../../preload/contract/enums.js';
import type { ServiceContext } from '../context.js';
import { isUnhappy } from './command.js';
import { withdrawPendingExtensions } from './extension.js';
import { clip, CLOCK_SKEW_MS, runAndDescribe, when } from './run.js';

export function reply(ctx: ServiceContext, actor: string, args: MethodArgs<'workflow.reply'>): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'reply', args, async ({ trx, order, now, commit }) => {
    const withdrawn = await withdrawPendingExtensions(trx, order.id, now, '工单已办结，延期申请自动撤回');
    await commit(
      { status: 'replied', replied_at: now, reply_result: args.result, reply_text: args.text },
      {
        kind: 'replied',
        summary: `办结反馈：${REPLY_RESULT.label[args.result]}。${clip(args.text)}${withdrawn ? '（待审批的延期申请已撤回）' : ''}`,
        before: { status: order.status, replyResult: order.reply_result, replyText: order.reply_text },
        after: { status: 'replied', replyResult: args.result, replyText: args.text },
      },
    );
  });
}

export function recordCallback(
  ctx: ServiceContext,
  actor: string,
  args: MethodArgs<'workflow.recordCallback'>,
): Promise<CommandResult & { reopenOffered: boolean }> {
  return runAndDescribe(ctx, actor, 'recordCallback', args, async ({ trx, order, now, commit }) => {
    if (args.at > now + CLOCK_SKEW_MS) throw new AppError('INVALID_INPUT', `回访时间 ${when(args.at)} 晚于现在，请检查。`);
    if (order.replied_at !== null && args.at < order.replied_at) {
      throw new AppError('INVALID_INPUT', `回访时间 ${when(args.at)} 早于办结时间 ${when(order.replied_at)}，请检查。`);
    }
    const row = {
      valid: args.valid ? 1 : 0,
      contacted: args.contacted ? 1 : 0,
      resolution: args.resolution,
      satisfaction: args.satisfaction,
    };
    const unhappy = isUnhappy(row);
    await trx.insertInto('callbacks').values({ order_id: order.id, at: args.at, ...row, note: args.note || null, origin: 'manual' }).execute();
    const firstTime = order.reopen_count > 0 ? 0 : unhappy ? 0 : 1;
    const parts = [
      args.valid ? '有效回访' : '无效回访',
      args.contacted ? '已联系' : '未联系',
      CALLBACK_RESOLUTION.label[args.resolution],
      SATISFACTION.label[args.satisfaction],
    ];
    await commit(
      { status: 'callback_done', closed_at: args.at, first_time_resolved: firstTime },
      {
        kind: 'callback_recorded',
        summary: `记录回访（${when(args.at)}）：${parts.join('，')}${unhappy ? '；可二次办理' : ''}`,
        before: { status: order.status, firstTimeResolved: order.first_time_resolved },
        after: { status: 'callback_done', firstTimeResolved: firstTime, callback: { at: args.at, ...row, note: args.note || null } },
      },
    );
    return { reopenOffered: unhappy };
  });
}

export function reopen(ctx: ServiceContext, actor: string, args: MethodArgs<'workflow.reopen'>): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'reopen', args, async ({ order, commit }) => {
    const count = order.reopen_count + 1;
    await commit(
      { status: 'in_progress', reopen_count: count, first_time_resolved: 0, closed_at: null },
      {
        kind: 'reopened',
        summary: `回访不满意或未解决，二次办理（第 ${count} 次）${args.reason ? `：${args.reason}` : ''}`,
        before: { status: order.status, reopenCount: order.reopen_count, firstTimeResolved: order.first_time_resolved },
        after: { status: 'in_progress', reopenCount: count, firstTimeResolved: 0 },
      },
    );
  });
}
