/**
 * An order's `allowedActions` tells the UI which commands to offer: for a logged-in caller it is
 * narrowed to the commands that caller's role may run, so a 只读 clerk sees no 签收 button at all.
 * (The guard refuses them anyway; this only keeps the UI from offering what would be refused.)
 */
import type { MethodName } from '../../preload/api.js';
import type { Role } from '../../preload/contract/methods/accounts.js';
import { PERMISSIONS, roleMay } from './permissions.js';

function narrowActions(value: unknown, role: Role): void {
  if (typeof value !== 'object' || value === null) return;
  const o = value as { allowedActions?: unknown };
  if (!Array.isArray(o.allowedActions)) return;
  o.allowedActions = o.allowedActions.filter((a) => {
    const cap = PERMISSIONS[`workflow.${String(a)}` as MethodName] as (typeof PERMISSIONS)[MethodName] | undefined;
    return cap !== undefined && roleMay(role, cap);
  });
}

/** Narrows an order detail (orders.get) or a command's result ({order}) in place. */
export function narrowReply(reply: unknown, role: Role): unknown {
  narrowActions(reply, role);
  if (typeof reply === 'object' && reply !== null) narrowActions((reply as { order?: unknown }).order, role);
  return reply;
}
