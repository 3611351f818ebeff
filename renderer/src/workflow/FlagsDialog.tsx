/**
 * Flags and the tag: 疑难 (reason + where it was escalated, Art. 20), 不合理诉求 (reason; 核减 approved),
 * 督办 (note), 每月一题. Each dialog sets the flag or, when it is already set, takes it off.
 */
import { useState } from 'react';
import { Dialog } from '../ui/Dialog.js';
import { Choices, Field } from '../ui/Field.js';
import { MONTHLY_TOPIC } from './actions.js';
import { OrderBrief, Unavailable, type ActionDialogProps } from './OrderBrief.js';
import { useCommand } from './useCommand.js';

const ESCALATION_TARGETS = ['区接诉即办工作专班', '区城市管理委员会', '区住房和城乡建设委员会', '区市场监督管理局', '区生态环境局', '街道工委办事处主要领导'];

export function DifficultDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState('');
  const on = order.flags.difficult;
  const submit = async () => {
    if (!on && (!reason.trim() || !target.trim())) return cmd.setError('标记疑难须填写原因和上报对象。');
    const out = await cmd.run('workflow.setDifficult', on ? { on: false } : { on: true, reason, escalateTo: target });
    if (out) onDone({ order: out.order, notice: on ? '已取消疑难标记' : '已标记为疑难件' });
  };
  return (
    <Dialog title={on ? '取消疑难标记' : '标记疑难（挂账）'} submitLabel={on ? '取消疑难' : '标记疑难'} onSubmit={submit} onCancel={onCancel} busy={cmd.busy} error={cmd.error} submitDisabled={!order.allowedActions.includes('setDifficult')} testId="dialog-difficult">
      <OrderBrief order={order} />
      <Unavailable order={order} action="setDifficult" />
      {on ? (
        <p className="dialog__text">
          当前已标记为疑难件：{order.flags.difficultReason}（已上报 {order.flags.difficultTarget}）。确定取消疑难标记吗？
        </p>
      ) : (
        <div className="form-grid">
          <Field label="疑难原因" required wide hint="因客观原因暂时无法解决的情况">
            <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
          </Field>
          <Field label="上报对象" required wide>
            <input type="text" list="escalation-targets" value={target} onChange={(e) => setTarget(e.target.value)} maxLength={200} placeholder="如：区接诉即办工作专班" />
            <datalist id="escalation-targets">
              {ESCALATION_TARGETS.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </Field>
        </div>
      )}
    </Dialog>
  );
}

export function UnreasonableDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const was = order.flags.unreasonable;
  const [mode, setMode] = useState<'set' | 'clear'>('set');
  const [reason, setReason] = useState(order.flags.unreasonableReason ?? '');
  const [approved, setApproved] = useState(order.flags.unreasonableApproved);
  const submit = async () => {
    if (mode === 'set' && !reason.trim()) return cmd.setError('标记不合理诉求须写明理由。');
    const out = await cmd.run('workflow.setUnreasonable', mode === 'clear' ? { on: false } : { on: true, reason, approved });
    if (out) onDone({ order: out.order, notice: mode === 'clear' ? '已取消不合理诉求标记' : '已保存不合理诉求标记' });
  };
  return (
    <Dialog title="不合理诉求" submitLabel={mode === 'clear' ? '取消标记' : '保存'} onSubmit={submit} onCancel={onCancel} busy={cmd.busy} error={cmd.error} submitDisabled={!order.allowedActions.includes('setUnreasonable')} testId="dialog-unreasonable">
      <OrderBrief order={order} />
      <Unavailable order={order} action="setUnreasonable" />
      {was && (
        <Choices
          legend="操作"
          name="unreasonable-mode"
          value={mode}
          options={[
            { value: 'set', label: '修改说明 / 登记核减' },
            { value: 'clear', label: '取消不合理诉求标记' },
          ]}
          onChange={setMode}
        />
      )}
      {mode === 'set' && (
        <div className="form-grid">
          <Field label="不合理诉求说明" required wide>
            <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
          </Field>
          <label className="check">
            <input type="checkbox" checked={approved} onChange={(e) => setApproved(e.target.checked)} />
            核减已获批（不计入考核）
          </label>
        </div>
      )}
    </Dialog>
  );
}

export function SupervisedDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const on = order.flags.supervised;
  const [note, setNote] = useState('');
  const submit = async () => {
    const out = await cmd.run('workflow.setSupervised', on ? { on: false } : { on: true, ...(note.trim() ? { note } : {}) });
    if (out) onDone({ order: out.order, notice: on ? '已取消督办' : '已设为督办件' });
  };
  return (
    <Dialog title={on ? '取消督办' : '设为督办件'} submitLabel={on ? '取消督办' : '设为督办'} onSubmit={submit} onCancel={onCancel} busy={cmd.busy} error={cmd.error} submitDisabled={!order.allowedActions.includes('setSupervised')} testId="dialog-supervised">
      <OrderBrief order={order} />
      <Unavailable order={order} action="setSupervised" />
      {on ? (
        <p className="dialog__text">当前为督办件{order.flags.supervisedNote ? `：${order.flags.supervisedNote}` : ''}。确定取消督办吗？</p>
      ) : (
        <Field label="督办说明" wide hint="可不填">
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} placeholder="如：区领导批示督办" />
        </Field>
      )}
    </Dialog>
  );
}

export function TagDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const cmd = useCommand(order, onUpdated);
  const on = order.tags.includes(MONTHLY_TOPIC);
  const submit = async () => {
    const out = await cmd.run('workflow.setTag', { tag: MONTHLY_TOPIC, on: !on });
    if (out) onDone({ order: out.order, notice: on ? '已去掉「每月一题」标签' : '已加上「每月一题」标签' });
  };
  return (
    <Dialog title="每月一题" submitLabel={on ? '去掉标签' : '加上标签'} onSubmit={submit} onCancel={onCancel} busy={cmd.busy} error={cmd.error} submitDisabled={!order.allowedActions.includes('setTag')} testId="dialog-tag">
      <OrderBrief order={order} />
      <Unavailable order={order} action="setTag" />
      <p className="dialog__text">{on ? '确定去掉本工单的「每月一题」标签吗？' : '把本工单归入「每月一题」专项（在报表中单独统计）。'}</p>
    </Dialog>
  );
}
