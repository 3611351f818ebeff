/**
 * 派单: one lead (主办) and any number of assists (协办), each optionally with a handler. The backend's
 * suggestions (orders.suggestLead) are listed with their reasons; choosing one sets the lead. Art. 17:
 * a community leading a category outside its duty list needs a written reason, asked for right here.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AssignOption, LeadSuggestion } from '../../../preload/api.js';
import { UNIT_KIND } from '../../../preload/contract/enums.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';
import { formatCategory } from '../orders/format.js';
import { Dialog } from '../ui/Dialog.js';
import { Field } from '../ui/Field.js';
import { OrderBrief, Unavailable, type ActionDialogProps } from './OrderBrief.js';
import { useCommand } from './useCommand.js';

function StaffSelect({ unit, value, onChange, label }: { unit: AssignOption | undefined; value: number | null; onChange(v: number | null): void; label: string }) {
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} disabled={!unit}>
      <option value="">不指定经办人</option>
      {unit?.staff.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}

function Suggestions({ list, leadId, onPick }: { list: LeadSuggestion[] | null; leadId: number | null; onPick(id: number): void }) {
  if (!list) return <p className="suggest__hint">正在计算建议主办单位…</p>;
  if (list.length === 0) return <p className="suggest__hint">暂无建议：该小区近期没有派单记录，也没有匹配的分类派单规则。</p>;
  return (
    <ul className="suggest" aria-label="建议主办单位">
      {list.map((s) => (
        <li key={s.unitId}>
          <button type="button" className={`suggest__item${s.unitId === leadId ? ' suggest__item--on' : ''}`} onClick={() => onPick(s.unitId)}>
            <span className="suggest__name">
              {s.unitName}
              {s.outsideDuty && <span className="tag tag--warn">职责清单外</span>}
            </span>
            <span className="suggest__reason">{s.reason}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function AssignDialog({ order, onUpdated, onDone, onCancel }: ActionDialogProps) {
  const client = useApi();
  const cmd = useCommand(order, onUpdated);
  const { setError } = cmd;
  const [units, setUnits] = useState<AssignOption[] | null>(null);
  const [suggestions, setSuggestions] = useState<LeadSuggestion[] | null>(null);
  const [leadId, setLeadId] = useState<number | null>(order.lead?.unitId ?? null);
  const [leadStaff, setLeadStaff] = useState<number | null>(order.lead?.handlerStaffId ?? null);
  const [assists, setAssists] = useState<Map<number, number | null>>(() => new Map(order.assists.map((a) => [a.unitId, a.handlerStaffId])));
  const [reason, setReason] = useState(order.lead?.overrideReason ?? '');

  useEffect(() => {
    let live = true;
    client.send('workflow.assignOptions', { orderId: order.id }).then(
      (r) => live && setUnits(r.units),
      (e: unknown) => live && setError(`读取可派单位失败：${describeError(e).message}`),
    );
    client.send('orders.suggestLead', { orderId: order.id }).then(
      (r) => {
        if (!live) return;
        setSuggestions(r);
        // Nothing chosen yet: start from the best suggestion the duty list allows.
        setLeadId((cur) => cur ?? r.find((s) => !s.outsideDuty)?.unitId ?? null);
      },
      () => live && setSuggestions([]),
    );
    return () => {
      live = false;
    };
  }, [client, order.id, setError]);

  const byId = useMemo(() => new Map((units ?? []).map((u) => [u.id, u])), [units]);
  const lead = leadId === null ? undefined : byId.get(leadId);
  const outsideDuty = !!lead && lead.kind === 'community' && !lead.inDuty;
  const grouped = UNIT_KIND.codes.map((kind) => ({ kind, units: (units ?? []).filter((u) => u.kind === kind) }));

  const pickLead = (id: number | null) => {
    setLeadId(id);
    setLeadStaff(null);
    if (id !== null)
      setAssists((m) => {
        const next = new Map(m);
        next.delete(id);
        return next;
      });
  };
  const toggleAssist = (id: number, on: boolean) =>
    setAssists((m) => {
      const next = new Map(m);
      if (on) next.set(id, null);
      else next.delete(id);
      return next;
    });

  const submit = async () => {
    if (leadId === null) return cmd.setError('请选择主办单位。');
    if (outsideDuty && !reason.trim()) return cmd.setError(`「${lead!.name}」的职责清单不包含本工单的分类，请填写由其主办的理由（条例第十七条）。`);
    const out = await cmd.run('workflow.assign', {
      lead: { unitId: leadId, handlerStaffId: leadStaff },
      assists: [...assists].map(([unitId, handlerStaffId]) => ({ unitId, handlerStaffId })),
      ...(outsideDuty ? { overrideReason: reason } : {}),
    });
    if (out) onDone({ order: out.order, notice: `已派单：主办 ${out.order.lead?.name ?? ''}` });
  };

  return (
    <Dialog title={order.lead ? '调整派单' : '派单'} submitLabel="派单" onSubmit={submit} onCancel={onCancel} busy={cmd.busy} error={cmd.error} submitDisabled={!order.allowedActions.includes('assign') || !units} size="wide" testId="dialog-assign">
      <OrderBrief order={order} />
      <Unavailable order={order} action="assign" />
      <div className="assign">
        <div className="assign__lead">
          <Field label="主办单位" required hint={`问题分类：${formatCategory(order.category)}`}>
            <select aria-label="主办单位" value={leadId ?? ''} onChange={(e) => pickLead(e.target.value ? Number(e.target.value) : null)}>
              <option value="">{units ? '请选择主办单位' : '正在读取…'}</option>
              {grouped.map((g) => (
                <optgroup key={g.kind} label={UNIT_KIND.label[g.kind]}>
                  {g.units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                      {u.kind === 'community' && !u.inDuty ? '（不在职责清单）' : ''}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
          <div className="field">
            <span className="field__label">建议主办单位</span>
            <Suggestions list={suggestions} leadId={leadId} onPick={pickLead} />
          </div>
          <Field label="主办经办人">
            <StaffSelect unit={lead} value={leadStaff} onChange={setLeadStaff} label="主办经办人" />
          </Field>
          {outsideDuty && (
            <Field label="超职责主办理由" required hint="按条例第十七条，社区只主办职责清单内的事项；确需由其主办时须写明理由，理由记入处理记录。">
              <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} className="input--warn" />
            </Field>
          )}
        </div>
        <fieldset className="assign__assists">
          <legend className="field__label">协办单位（可多选）</legend>
          {grouped.map((g) => (
            <div key={g.kind} className="assign__group">
              <div className="assign__group-name">{UNIT_KIND.label[g.kind]}</div>
              {g.units
                .filter((u) => u.id !== leadId)
                .map((u) => (
                  <div key={u.id} className="assign__assist">
                    <label className="check">
                      <input type="checkbox" checked={assists.has(u.id)} onChange={(e) => toggleAssist(u.id, e.target.checked)} />
                      {u.name}
                    </label>
                    {assists.has(u.id) && (
                      <StaffSelect unit={u} value={assists.get(u.id) ?? null} onChange={(v) => setAssists((m) => new Map(m).set(u.id, v))} label={`${u.name}经办人`} />
                    )}
                  </div>
                ))}
            </div>
          ))}
        </fieldset>
      </div>
    </Dialog>
  );
}
