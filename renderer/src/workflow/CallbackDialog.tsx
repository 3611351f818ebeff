/**
 * 回访: the hotline's callback as reported to the street (valid, contacted, resolution, satisfaction,
 * time, note). A valid callback that was unsatisfied or unresolved offers 二次办理 next.
 */
import { useState } from 'react';
import { CALLBACK_RESOLUTION, SATISFACTION, type CallbackResolution, type Satisfaction } from '../../../preload/contract/enums.js';
import { Dialog } from '../ui/Dialog.js';
import { Choices, Field, optionsOf, useNowField } from '../ui/Field.js';
import { OrderBrief, Unavailable, type ActionDialogProps } from './OrderBrief.js';
import { useCommand } from './useCommand.js';

const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
] as const;

export function CallbackDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const at = useNowField('回访时间');
  const [valid, setValid] = useState<'yes' | 'no'>('yes');
  const [contacted, setContacted] = useState<'yes' | 'no'>('yes');
  const [resolution, setResolution] = useState<CallbackResolution>('resolved');
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('satisfied');
  const [note, setNote] = useState('');

  const submit = async () => {
    const time = at.read();
    if (!time.ok) return cmd.setError(time.message);
    const out = await cmd.run('workflow.recordCallback', {
      at: time.ms,
      valid: valid === 'yes',
      contacted: contacted === 'yes',
      resolution,
      satisfaction,
      ...(note.trim() ? { note } : {}),
    });
    if (out) onDone({ order: out.order, reopenOffered: out.reopenOffered, notice: `已记录工单 ${out.order.orderNo} 的回访` });
  };

  return (
    <Dialog title="记录回访" submitLabel="记录回访" onSubmit={submit} onCancel={onCancel} busy={cmd.busy} error={cmd.error} submitDisabled={!order.allowedActions.includes('recordCallback')} testId="dialog-callback">
      <OrderBrief order={order} />
      <Unavailable order={order} action="recordCallback" />
      <div className="form-grid">
        <Field label="回访时间（北京时间）" required>
          <input type="text" value={at.text} onChange={(e) => at.setText(e.target.value)} placeholder="2026-03-05 14:30" />
        </Field>
        <Choices legend="有效回访" name="cb-valid" value={valid} options={YES_NO} onChange={setValid} />
        <Choices legend="是否联系" name="cb-contacted" value={contacted} options={YES_NO} onChange={setContacted} />
        <Field label="是否解决" required>
          <select value={resolution} onChange={(e) => setResolution(e.target.value as CallbackResolution)}>
            {optionsOf(CALLBACK_RESOLUTION.codes, CALLBACK_RESOLUTION.label).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="满意度" required>
          <select value={satisfaction} onChange={(e) => setSatisfaction(e.target.value as Satisfaction)}>
            {optionsOf(SATISFACTION.codes, SATISFACTION.label).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="回访备注" wide hint="可不填">
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
        </Field>
      </div>
    </Dialog>
  );
}
