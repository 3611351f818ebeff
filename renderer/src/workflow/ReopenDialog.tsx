/** 二次办理: after an unsatisfied or unresolved callback the order goes back to 办理中 (confirmed first). */
import { useState } from 'react';
import { Dialog } from '../ui/Dialog.js';
import { Field } from '../ui/Field.js';
import { OrderBrief, Unavailable, type ActionDialogProps } from './OrderBrief.js';
import { useCommand } from './useCommand.js';

export function ReopenDialog({ order, onUpdated, onDone, onCancel, offered }: ActionDialogProps & { offered?: boolean }) {
  const cmd = useCommand(order, onUpdated);
  const [reason, setReason] = useState('');
  const submit = async () => {
    const out = await cmd.run('workflow.reopen', reason.trim() ? { reason } : {});
    if (out) onDone({ order: out.order, notice: `工单 ${out.order.orderNo} 已转二次办理` });
  };
  return (
    <Dialog
      title="二次办理"
      submitLabel="二次办理"
      onSubmit={submit}
      onCancel={onCancel}
      busy={cmd.busy}
      error={cmd.error}
      submitDisabled={!order.allowedActions.includes('reopen')}
      confirm={<p>确认二次办理工单 {order.orderNo}？工单将回到「办理中」，本单不再计为首办。</p>}
      testId="dialog-reopen"
    >
      <OrderBrief order={order} />
      <Unavailable order={order} action="reopen" />
      <p className="dialog__text">
        {offered ? '回访结果为不满意或未解决，可以二次办理。' : '最近一次有效回访为不满意或未解决。'}如暂不办理，可取消，之后仍可在工单详情中选择「二次办理」。
      </p>
      <Field label="二次办理说明" wide hint="可不填">
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} placeholder="如：回访不满意，重新联系诉求人核实情况" />
      </Field>
    </Dialog>
  );
}
