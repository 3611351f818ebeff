/**
 * 重复件 (Art. 11): link this order to a master by its 工单编号, undo the link (confirmed), and on a
 * master copy its reply to the linked orders still in handling (confirmed; the result lists each one).
 */
import { useState } from 'react';
import type { MethodOutput } from '../../../preload/api.js';
import { Chip } from '../orders/StatusChip.js';
import { Dialog } from '../ui/Dialog.js';
import { Field } from '../ui/Field.js';
import { OrderBrief, Unavailable, type ActionDialogProps } from './OrderBrief.js';
import { useCommand } from './useCommand.js';

export function LinkDuplicateDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const [masterNo, setMasterNo] = useState('');
  const submit = async () => {
    if (!masterNo.trim()) return cmd.setError('请填写主工单的工单编号。');
    const out = await cmd.run('workflow.linkDuplicate', { masterOrderNo: masterNo.trim() });
    if (out) onDone({ order: out.order, notice: `已关联为工单 ${out.order.duplicateOf?.orderNo ?? masterNo.trim()} 的重复件` });
  };
  return (
    <Dialog title="关联为重复件" submitLabel="关联" onSubmit={submit} onCancel={onCancel} busy={cmd.busy} error={cmd.error} submitDisabled={!order.allowedActions.includes('linkDuplicate')} testId="dialog-link-duplicate">
      <OrderBrief order={order} />
      <Unavailable order={order} action="linkDuplicate" />
      <p className="dialog__text">本工单与另一工单反映的是同一事项时，关联到该主工单；主工单办结后可把答复复制到本单。</p>
      <Field label="主工单的工单编号" required>
        <input type="text" value={masterNo} onChange={(e) => setMasterNo(e.target.value)} maxLength={100} placeholder="如：2026031512345" />
      </Field>
    </Dialog>
  );
}

export function UnlinkDuplicateDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const master = order.duplicateOf?.orderNo ?? '主工单';
  const submit = async () => {
    const out = await cmd.run('workflow.unlinkDuplicate', {});
    if (out) onDone({ order: out.order, notice: `已解除与工单 ${master} 的重复件关联` });
  };
  return (
    <Dialog
      title="解除重复件关联"
      submitLabel="解除关联"
      onSubmit={submit}
      onCancel={onCancel}
      busy={cmd.busy}
      error={cmd.error}
      confirm={<p>确认解除工单 {order.orderNo} 与主工单 {master} 的重复件关联？之后本单需单独办理答复。</p>}
      danger
      submitDisabled={!order.allowedActions.includes('unlinkDuplicate')}
      testId="dialog-unlink-duplicate"
    >
      <OrderBrief order={order} />
      <Unavailable order={order} action="unlinkDuplicate" />
      <p className="dialog__text">本工单目前是主工单 {master} 的重复件。</p>
    </Dialog>
  );
}

type CopyResult = MethodOutput<'workflow.copyReplyToDuplicates'>;

export function CopyReplyDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const [result, setResult] = useState<CopyResult | null>(null);
  const open = order.duplicates.filter((d) => d.status === 'in_progress');
  const submit = async () => {
    const out = await cmd.run('workflow.copyReplyToDuplicates', {});
    if (out) setResult(out);
  };
  const close = () => (result ? onDone({ order: result.order, notice: `答复已复制到 ${result.copied.length} 件重复件` }) : onCancel());
  return (
    <Dialog
      title="复制答复到重复件"
      submitLabel="复制答复"
      onSubmit={submit}
      onCancel={close}
      busy={cmd.busy}
      error={cmd.error}
      confirm={result ? undefined : <p>确认把主工单 {order.orderNo} 的答复复制到 {open.length} 件办理中的重复件，并将它们一并办结？</p>}
      submitDisabled={!order.allowedActions.includes('copyReplyToDuplicates')}
      footer={
        result ? (
          <button type="button" className="btn btn--primary dialog__submit" onClick={close} autoFocus>
            完成
          </button>
        ) : undefined
      }
      testId="dialog-copy-reply"
    >
      <OrderBrief order={order} />
      <Unavailable order={order} action="copyReplyToDuplicates" />
      {result ? (
        <div className="copy-result" role="status">
          <p>已复制并办结 {result.copied.length} 件：{result.copied.map((c) => c.orderNo).join('、') || '无'}</p>
          {result.skipped.length > 0 && (
            <ul className="plain-list">
              {result.skipped.map((s) => (
                <li key={s.id}>
                  未复制 {s.orderNo}：{s.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <>
          <p className="dialog__text">只复制到「办理中」的重复件；其他状态的重复件保持不变。</p>
          <ul className="plain-list">
            {order.duplicates.map((d) => (
              <li key={d.id}>
                工单 {d.orderNo} <Chip status={d.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
