/**
 * 延期 (Art. 15): a request gives the reason told to the citizen and either the new deadline or how much
 * longer (N working days, counted by the deadline engine from the current deadline). The decision is
 * confirmed first: approval moves 办理时限.
 */
import { useState } from 'react';
import { formatTime } from '../orders/format.js';
import { Dialog } from '../ui/Dialog.js';
import { Choices, Field, readTime } from '../ui/Field.js';
import { OrderBrief, Unavailable, type ActionDialogProps } from './OrderBrief.js';
import { useCommand } from './useCommand.js';

type Unit = 'workingDays' | 'calendarDays' | 'hours';
const UNITS: ReadonlyArray<{ value: Unit; label: string }> = [
  { value: 'workingDays', label: '个工作日' },
  { value: 'calendarDays', label: '个自然日' },
  { value: 'hours', label: '小时' },
];
const HOW = [
  { value: 'by', label: '延长一段时间' },
  { value: 'until', label: '指定新的办理时限' },
] as const;

/** A date alone means the end of that day (the counting rule's 23:59:59). */
function readDue(text: string) {
  const t = text.trim();
  return readTime(/^\d{4}\D\d{1,2}\D\d{1,2}日?$/.test(t) ? `${t.replace(/日$/, '')} 23:59:59` : t, '新的办理时限');
}

export function RequestExtensionDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const [reason, setReason] = useState('');
  const [how, setHow] = useState<'by' | 'until'>('by');
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<Unit>('workingDays');
  const [until, setUntil] = useState('');

  const submit = async () => {
    if (!reason.trim()) return cmd.setError('请填写延期理由。');
    let span: { extendBy: { amount: number; unit: Unit } } | { requestedDueAt: number };
    if (how === 'by') {
      const n = Number(amount);
      if (!Number.isInteger(n) || n <= 0) return cmd.setError('请填写延长的时长（正整数）。');
      span = { extendBy: { amount: n, unit } };
    } else {
      const due = readDue(until);
      if (!due.ok) return cmd.setError(due.message);
      span = { requestedDueAt: due.ms };
    }
    const out = await cmd.run('workflow.requestExtension', { reason, ...span });
    if (out) onDone({ order: out.order, notice: `工单 ${out.order.orderNo} 已申请延期，等待审批` });
  };

  return (
    <Dialog title="申请延期" submitLabel="提交申请" onSubmit={submit} onCancel={onCancel} busy={cmd.busy} error={cmd.error} submitDisabled={!order.allowedActions.includes('requestExtension')} testId="dialog-request-extension">
      <OrderBrief order={order} />
      <Unavailable order={order} action="requestExtension" />
      <p className="dialog__text">当前办理时限：{formatTime(order.handleDueAt)}。延期理由须告知诉求人。</p>
      <div className="form-grid">
        <Field label="延期理由" required wide>
          <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} placeholder="如：需协调产权单位维修，预计两周完成" />
        </Field>
        <Choices legend="新的时限" name="ext-how" value={how} options={HOW} onChange={setHow} />
        {how === 'by' ? (
          <div className="field-row">
            <Field label="延长" required>
              <input type="number" aria-label="延长时长" min={1} max={366} value={amount} onChange={(e) => setAmount(e.target.value)} className="input--short" />
            </Field>
            <Field label="单位">
              <select value={unit} onChange={(e) => setUnit(e.target.value as Unit)}>
                {UNITS.map((u) => (
                  <option key={u.value} value={u.value}>
                    {u.label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        ) : (
          <Field label="新的办理时限（北京时间）" required hint="只填日期时为当天 23:59:59">
            <input type="text" value={until} onChange={(e) => setUntil(e.target.value)} placeholder="2026-03-20" />
          </Field>
        )}
      </div>
    </Dialog>
  );
}

const DECISIONS = [
  { value: 'approve', label: '批准' },
  { value: 'reject', label: '不批准' },
] as const;

export function DecideExtensionDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const [decision, setDecision] = useState<'approve' | 'reject' | ''>('');
  const [note, setNote] = useState('');
  const pending = [...order.extensions].reverse().find((x) => x.status === 'pending');

  const submit = async () => {
    if (!decision) return cmd.setError('请选择审批结果。');
    if (decision === 'reject' && !note.trim()) return cmd.setError('不批准时请填写说明（告知诉求人和经办人原因）。');
    const out = await cmd.run('workflow.decideExtension', { approved: decision === 'approve', ...(note.trim() ? { note } : {}) });
    if (out) onDone({ order: out.order, notice: decision === 'approve' ? `延期已批准，办理时限为 ${formatTime(out.order.handleDueAt)}` : '已登记延期未获批准' });
  };
  const confirm =
    decision === 'approve' ? (
      <p>
        确认批准延期？办理时限将由 {formatTime(order.handleDueAt)} 改为 {pending ? formatTime(pending.requestedDueAt) : '申请的时限'}。登记后不能撤销。
      </p>
    ) : (
      <p>确认不批准延期？办理时限仍为 {formatTime(order.handleDueAt)}。登记后不能撤销。</p>
    );

  return (
    <Dialog
      title="登记延期审批结果"
      submitLabel="登记结果"
      onSubmit={submit}
      onCancel={onCancel}
      busy={cmd.busy}
      error={cmd.error}
      confirm={decision ? confirm : undefined}
      submitDisabled={!order.allowedActions.includes('decideExtension')}
      testId="dialog-decide-extension"
    >
      <OrderBrief order={order} />
      <Unavailable order={order} action="decideExtension" />
      {pending && (
        <div className="record-box">
          <div className="record-box__head">
            延期申请（{formatTime(pending.requestedAt)}）：办理时限 {formatTime(order.handleDueAt)} → {formatTime(pending.requestedDueAt)}
          </div>
          <div>{pending.reason}</div>
        </div>
      )}
      <Choices legend="审批结果" name="ext-decision" value={decision} options={DECISIONS} onChange={setDecision} />
      <Field label="审批意见" wide hint="不批准时必填">
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      </Field>
    </Dialog>
  );
}
