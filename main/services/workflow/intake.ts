/** 签收 (accept): the street takes the order; received → in_progress. */
import type { CommandResult } from '../../../preload/api.js';
import type { ServiceContext } from '../context.js';
import { computeOrderDeadlines } from '../deadlines/index.js';
import type { OrderUpdate } from '../../../db/schema.js';
import type { Tier } from '../../../preload/contract/enums.js';
import type { CommandScope, CommandTarget } from './command.js';
import { runAndDescribe, when } from './run.js';
import { loadCalendar, readTiers, readWorkflowSettings } from './settings.js';

export function accept(ctx: ServiceContext, actor: string, args: CommandTarget): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'accept', args, applyAccept);
}

/** The accept command's work on one order (bulk actions run it too). */
export async function applyAccept({ trx, order, now, commit }: CommandScope): Promise<void> {
  const patch: OrderUpdate = { status: 'in_progress', accepted_at: now };
  let summary = '签收工单';
  const settings = await readWorkflowSettings(trx);
  // ⚙ clock start "at 签收": the tier's deadlines count from now. A deadline given by the imported
  // file or moved by an extension is not the tier default and stays.
  if (settings.clockStart === 'accepted' && order.due_source === 'tier') {
    const d = computeOrderDeadlines(now, order.tier as Tier, await readTiers(trx), await loadCalendar(trx));
    patch.first_contact_due_at = d.firstContactDueAt;
    patch.handle_due_at = d.handleDueAt;
    patch.calendar_missing = d.calendarMissing ? 1 : 0;
    summary += `，时限自签收起算：首次联系 ${when(d.firstContactDueAt)} 前，办结 ${when(d.handleDueAt)} 前`;
  }
  await commit(patch, {
    kind: 'accepted',
    summary,
    before: { status: order.status, acceptedAt: null, firstContactDueAt: order.first_contact_due_at, handleDueAt: order.handle_due_at },
    after: {
      status: 'in_progress',
      acceptedAt: now,
      firstContactDueAt: patch.first_contact_due_at ?? order.first_contact_due_at,
      handleDueAt: patch.handle_due_at ?? order.handle_due_at,
    },
  });
}
