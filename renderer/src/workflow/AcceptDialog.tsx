/** 签收: the street takes the order (待签收 → 办理中). One key press opens it, Enter confirms. */
import { Dialog } from '../ui/Dialog.js';
import { formatTime } from '../orders/format.js';
import { OrderBrief, Unavailable, type ActionDialogProps } from './OrderBrief.js';
import { useCommand } from './useCommand.js';

export function AcceptDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const submit = async () => {
    const out = await cmd.run('workflow.accept', {});
    if (out) onDone({ order: out.order, notice: `已签收工单 ${out.order.orderNo}` });
  };
  return (
    <Dialog title="签收工单" submitLabel="签收" onSubmit={submit} onCancel={onCancel} busy={cmd.busy} error={cmd.error} submitDisabled={!order.allowedActions.includes('accept')} testId="dialog-accept">
      <OrderBrief order={order} />
      <Unavailable order={order} action="accept" />
      <p className="dialog__text">
        签收后工单进入「办理中」。首次联系时限 {formatTime(order.firstContactDueAt)}，办理时限 {formatTime(order.handleDueAt)}。
      </p>
    </Dialog>
  );
}
