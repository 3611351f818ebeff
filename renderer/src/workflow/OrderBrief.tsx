/** What every workflow dialog is given, and the order line at its top (which order the clerk acts on). */
import type { OrderDetail, WorkflowAction } from '../../../preload/api.js';
import { WORKFLOW_ACTION } from '../../../preload/contract/methods/workflowRecords.js';
import { Chip } from '../orders/StatusChip.js';
import { formatCategory } from '../orders/format.js';

export interface ActionDone {
  order: OrderDetail;
  /** 回访 was unsatisfied or unresolved: the host offers 二次办理 next. */
  reopenOffered?: boolean;
  /** A line for the notice after the dialog closes. */
  notice?: string;
}

export interface ActionDialogProps {
  order: OrderDetail;
  /** The order changed (command answer, or reloaded after a stale version). */
  onUpdated(order: OrderDetail): void;
  onDone(done: ActionDone): void;
  onCancel(): void;
}

export function OrderBrief({ order }: { order: OrderDetail }) {
  return (
    <div className="order-brief">
      <span className="order-brief__no">工单 {order.orderNo}</span>
      <Chip status={order.status} />
      <span className="order-brief__cat">{formatCategory(order.category)}</span>
      {order.address && <span className="order-brief__addr">{order.address}</span>}
    </div>
  );
}

/** Shown when, after a reload, the order no longer allows what the dialog is for. */
export function Unavailable({ order, action }: { order: OrderDetail; action: WorkflowAction }) {
  if (order.allowedActions.includes(action)) return null;
  return (
    <p className="dialog__warn" role="status">
      该工单现在已不能「{WORKFLOW_ACTION.label[action]}」，请取消后查看工单的最新情况。
    </p>
  );
}
