/**
 * The shape every public command shares: run it on one order (command.ts), then answer with the order
 * as it is after the commit, so the UI continues with the new version without a second round trip.
 */
import type { CommandResult } from '../../../preload/api.js';
import type { WorkflowAction } from '../../../preload/contract/methods/workflowRecords.js';
import type { ServiceContext } from '../context.js';
import { getOrderDetail } from '../orders/detail.js';
import { runOrderCommand, type CommandScope, type CommandTarget } from './command.js';

export async function runAndDescribe<R extends object = object>(
  ctx: ServiceContext,
  actor: string,
  action: WorkflowAction,
  target: CommandTarget,
  apply: (scope: CommandScope) => Promise<R | void>,
): Promise<CommandResult & R> {
  const { result } = await runOrderCommand(ctx, actor, action, target, apply);
  const order = await getOrderDetail(ctx, target.orderId);
  return { ...((result ?? {}) as R), order };
}

/** "2026-03-02 09:05" of a deadline or a time the clerk entered. */
export { formatBeijing as when } from '../../../preload/contract/time.js';

/** A clerk's clock may run a little ahead of the server's: allow this much "future". */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** At most `max` characters of a long text for a timeline summary. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
