/** 联系: one contact with the citizen (method, Beijing time — now by default — and what was said). */
import { useState } from 'react';
import { CONTACT_METHOD, type ContactMethod } from '../../../preload/contract/enums.js';
import { Dialog } from '../ui/Dialog.js';
import { Field, optionsOf, useNowField } from '../ui/Field.js';
import { OrderBrief, Unavailable, type ActionDialogProps } from './OrderBrief.js';
import { useCommand } from './useCommand.js';

export function ContactDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const [method, setMethod] = useState<ContactMethod>('phone');
  const at = useNowField('联系时间');
  const [summary, setSummary] = useState('');
  const first = order.firstContactAt === null;

  const submit = async () => {
    const time = at.read();
    if (!time.ok) return cmd.setError(time.message);
    if (!summary.trim()) return cmd.setError('请填写联系情况。');
    const out = await cmd.run('workflow.contact', { method, at: time.ms, summary });
    if (out) onDone({ order: out.order, notice: `已记录与诉求人的${first ? '首次' : ''}联系` });
  };

  return (
    <Dialog title={first ? '联系诉求人（首次联系）' : '联系诉求人'} submitLabel="记录联系" onSubmit={submit} onCancel={onCancel} busy={cmd.busy} error={cmd.error} submitDisabled={!order.allowedActions.includes('contact')} testId="dialog-contact">
      <OrderBrief order={order} />
      <Unavailable order={order} action="contact" />
      <div className="form-grid">
        <Field label="联系方式" required>
          <select value={method} onChange={(e) => setMethod(e.target.value as ContactMethod)}>
            {optionsOf(CONTACT_METHOD.codes, CONTACT_METHOD.label).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="联系时间（北京时间）" required hint="默认为现在，可改为实际联系的时间">
          <input type="text" value={at.text} onChange={(e) => at.setText(e.target.value)} placeholder="2026-03-05 14:30" />
        </Field>
        <Field label="联系情况" required wide hint="Shift+Enter 换行">
          <textarea rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={2000} placeholder="如：电话联系诉求人，说明处理安排，诉求人表示认可" />
        </Field>
      </div>
    </Dialog>
  );
}
