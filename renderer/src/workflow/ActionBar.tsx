/**
 * The detail pane's buttons: exactly the actions the order allows now (never one the backend would
 * refuse), grouped as in the context menu, the main road's next step highlighted.
 */
import type { OrderDetail, WorkflowAction } from '../../../preload/api.js';
import { ACTION_GROUPS, PRIMARY_ACTIONS, SHORTCUT_OF, actionLabel } from './actions.js';
import { useOptionalSession } from '../accounts/SessionContext.js';

export function ActionBar({ order, onAction }: { order: OrderDetail; onAction(action: WorkflowAction): void }) {
  const session = useOptionalSession();
  const allowed = new Set(order.allowedActions);
  const groups = ACTION_GROUPS.map((g) => ({ ...g, actions: g.actions.filter((a) => allowed.has(a)) })).filter((g) => g.actions.length > 0);
  if (groups.length === 0) {
    // allowedActions is narrowed to the account's role: a role that may run no command only reads.
    const readOnly = session && !ACTION_GROUPS.some((g) => g.actions.some((a) => session.can(`workflow.${a}`)));
    return <p className="actionbar__none">{readOnly ? '当前账号只能查看，不能办理工单。' : '该工单已结束，没有可办理的操作。'}</p>;
  }
  return (
    <div className="actionbar" role="toolbar" aria-label="工单操作">
      {groups.map((g) => (
        <div key={g.name} className="actionbar__group" role="group" aria-label={g.name}>
          {g.actions.map((a) => (
            <button
              key={a}
              type="button"
              className={`btn btn--small${PRIMARY_ACTIONS.has(a) ? ' btn--primary' : ''}`}
              onClick={() => onAction(a)}
              title={SHORTCUT_OF[a] ? `快捷键 ${SHORTCUT_OF[a]}（在表格中）` : undefined}
              data-action={a}
            >
              {actionLabel(a, order)}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
