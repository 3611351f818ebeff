/**
 * 派单异议: raising one (reason, evidence) sends the order to the district's review; recording the
 * district's decision (upheld → 已退回, rejected → back to 办理中) is confirmed first, it cannot be undone.
 */
import { useState } from 'react';
import { formatTime } from '../orders/format.js';
import { Dialog } from '../ui/Dialog.js';
import { Choices, Field } from '../ui/Field.js';
import { OrderBrief, Unavailable, type ActionDialogProps } from './OrderBrief.js';
import { useCommand } from './useCommand.js';

export function RaiseObjectionDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const submit = async () => {
    if (!reason.trim()) return cmd.setError('请填写异议理由。');
    const out = await cmd.run('workflow.raiseObjection', { reason, ...(evidence.trim() ? { evidence } : {}) });
    if (out) onDone({ order: out.order, notice: `工单 ${out.order.orderNo} 已提出派单异议，等待区级审核` });
  };
  return (
    <Dialog title="提出派单异议" submitLabel="提交异议" onSubmit={submit} onCancel={onCancel} busy={cmd.busy} error={cmd.error} submitDisabled={!order.allowedActions.includes('raiseObjection')} testId="dialog-raise-objection">
      <OrderBrief order={order} />
      <Unavailable order={order} action="raiseObjection" />
      <p className="dialog__text">按首接负责原则，异议由区级审核：审核期间工单为「异议审核中」，仍可记录联系。</p>
      <div className="form-grid">
        <Field label="异议理由" required wide>
          <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} placeholder="如：问题地址位于相邻街道辖区，不属本街道管辖" />
        </Field>
        <Field label="证明材料说明" wide hint="可不填">
          <textarea rows={2} value={evidence} onChange={(e) => setEvidence(e.target.value)} maxLength={2000} placeholder="如：附辖区界线图、产权单位证明" />
        </Field>
      </div>
    </Dialog>
  );
}

type Outcome = 'rejected' | 'upheld';
const OUTCOMES = [
  { value: 'rejected', label: '异议驳回（继续办理）' },
  { value: 'upheld', label: '异议成立（工单退回）' },
] as const;

export function DecideObjectionDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const pending = [...order.objections].reverse().find((o) => o.status === 'pending');

  const submit = async () => {
    if (!outcome) return cmd.setError('请选择审核结果。');
    const out = await cmd.run('workflow.decideObjection', { outcome, ...(note.trim() ? { note } : {}) });
    if (out) onDone({ order: out.order, notice: outcome === 'upheld' ? `工单 ${out.order.orderNo} 异议成立，已退回` : `工单 ${out.order.orderNo} 异议被驳回，继续办理` });
  };
  const confirm =
    outcome === 'upheld' ? (
      <p>确认登记「异议成立」？工单 {order.orderNo} 将退回，不再由本街道办理。登记后不能撤销。</p>
    ) : (
      <p>确认登记「异议驳回」？工单 {order.orderNo} 回到「办理中」继续办理；审核期间的用时按设置不计入办理时限。登记后不能撤销。</p>
    );
  return (
    <Dialog
      title="登记异议审核结果"
      submitLabel="登记结果"
      onSubmit={submit}
      onCancel={onCancel}
      busy={cmd.busy}
      error={cmd.error}
      confirm={outcome ? confirm : undefined}
      danger={outcome === 'upheld'}
      submitDisabled={!order.allowedActions.includes('decideObjection')}
      testId="dialog-decide-objection"
    >
      <OrderBrief order={order} />
      <Unavailable order={order} action="decideObjection" />
      {pending && (
        <div className="record-box">
          <div className="record-box__head">异议（{formatTime(pending.raisedAt)} 提出）</div>
          <div>{pending.reason}</div>
          {pending.evidence && <div className="record-box__muted">证明材料：{pending.evidence}</div>}
        </div>
      )}
      <Choices legend="区级审核结果" name="objection-outcome" value={outcome} options={OUTCOMES} onChange={setOutcome} />
      <Field label="审核意见" wide hint="可不填">
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      </Field>
    </Dialog>
  );
}
