/**
 * Flags and tags on an order: 疑难 (reason + where it was escalated, Art. 20), 不合理诉求 (with its 核减
 * approval), 督办, and the 每月一题 tag. Setting a flag to what it already is changes nothing and
 * writes no event.
 */
import type { CommandResult, MethodArgs } from '../../../preload/api.js';
import type { OrderUpdate } from '../../../db/schema.js';
import { ORDER_TAG } from '../../../preload/contract/methods/workflowRecords.js';
import type { ServiceContext } from '../context.js';
import type { Fields } from '../events.js';
import type { CommandScope } from './command.js';
import { clip, runAndDescribe } from './run.js';

/** Commits `patch` only when it changes something; the event's before/after are just the changed fields. */
async function commitIfChanged(scope: CommandScope, patch: OrderUpdate, kind: string, summary: string): Promise<void> {
  const before: Fields = {};
  const after: Fields = {};
  for (const [k, v] of Object.entries(patch)) {
    const old = (scope.order as unknown as Record<string, unknown>)[k];
    if (old !== v) {
      before[k] = old;
      after[k] = v;
    }
  }
  if (Object.keys(after).length === 0) return;
  await scope.commit(patch, { kind, summary, before, after });
}

/** What each flag command sets (without the order and version): bulk actions run the same work. */
type Work<K extends 'workflow.setDifficult' | 'workflow.setUnreasonable' | 'workflow.setSupervised' | 'workflow.setTag'> = Omit<MethodArgs<K>, 'orderId' | 'version'>;

export function setDifficult(ctx: ServiceContext, actor: string, args: MethodArgs<'workflow.setDifficult'>): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'setDifficult', args, applySetDifficult(args));
}

export function applySetDifficult(args: Work<'workflow.setDifficult'>) {
  return (scope: CommandScope): Promise<void> =>
    args.on
      ? commitIfChanged(
          scope,
          { difficult: 1, difficult_reason: args.reason!, difficult_target: args.escalateTo! },
          'difficult_set',
          `标记为疑难件，上报${args.escalateTo}：${clip(args.reason!)}`,
        )
      : commitIfChanged(scope, { difficult: 0, difficult_reason: null, difficult_target: null }, 'difficult_cleared', '取消疑难标记');
}

export function setUnreasonable(ctx: ServiceContext, actor: string, args: MethodArgs<'workflow.setUnreasonable'>): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'setUnreasonable', args, applySetUnreasonable(args));
}

export function applySetUnreasonable(args: Work<'workflow.setUnreasonable'>) {
  return (scope: CommandScope): Promise<void> => {
    if (!args.on) {
      return commitIfChanged(scope, { unreasonable: 0, unreasonable_approved: 0, unreasonable_reason: null }, 'unreasonable_cleared', '取消不合理诉求标记');
    }
    const approved = args.approved ?? scope.order.unreasonable_approved === 1;
    return commitIfChanged(
      scope,
      { unreasonable: 1, unreasonable_approved: approved ? 1 : 0, unreasonable_reason: args.reason! },
      'unreasonable_set',
      `标记为不合理诉求${approved ? '（核减已获批）' : ''}：${clip(args.reason!)}`,
    );
  };
}

export function setSupervised(ctx: ServiceContext, actor: string, args: MethodArgs<'workflow.setSupervised'>): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'setSupervised', args, applySetSupervised(args));
}

export function applySetSupervised(args: Work<'workflow.setSupervised'>) {
  return (scope: CommandScope): Promise<void> =>
    args.on
      ? commitIfChanged(scope, { supervised: 1, supervised_note: args.note || null }, 'supervised_set', `设为督办件${args.note ? `：${clip(args.note)}` : ''}`)
      : commitIfChanged(scope, { supervised: 0, supervised_note: null }, 'supervised_cleared', '取消督办');
}

export function setTag(ctx: ServiceContext, actor: string, args: MethodArgs<'workflow.setTag'>): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'setTag', args, applySetTag(args));
}

export function applySetTag(args: Work<'workflow.setTag'>) {
  return async ({ trx, order, commit }: CommandScope): Promise<void> => {
    const has = await trx.selectFrom('order_tags').select('tag').where('order_id', '=', order.id).where('tag', '=', args.tag).executeTakeFirst();
    if (!!has === args.on) return;
    const label = ORDER_TAG.label[args.tag];
    if (args.on) await trx.insertInto('order_tags').values({ order_id: order.id, tag: args.tag }).execute();
    else await trx.deleteFrom('order_tags').where('order_id', '=', order.id).where('tag', '=', args.tag).execute();
    await commit(
      {},
      {
        kind: args.on ? 'tag_added' : 'tag_removed',
        summary: args.on ? `加上标签「${label}」` : `去掉标签「${label}」`,
        before: { [args.tag]: !args.on },
        after: { [args.tag]: args.on },
      },
    );
  };
}
