/**
 * Bulk actions on the ticked rows or on every order matching the filter: pick the action, see the
 * preview (what will change, what is already so, what is refused and why), then apply it in one
 * transaction and read what happened. Nothing is written before 执行.
 */
import { useState } from 'react';
import type { BulkOutcome, OrderFacets, OrderFilter } from '../../../../preload/api.js';
import { MAX_BULK_ORDERS } from '../../../../preload/api.js';
import { useApi } from '../../api/ApiContext.js';
import { describeError } from '../../app/errors.js';
import { Dialog } from '../../ui/Dialog.js';
import { Field } from '../../ui/Field.js';
import { formatCount } from '../format.js';
import { BULK_KINDS, EMPTY_FORM, toBulkAction, type BulkForm } from './bulkActions.js';
import { BulkOutcomeList } from './BulkOutcomeList.js';

export type BulkTarget = { kind: 'ids'; ids: number[] } | { kind: 'filter'; filter: OrderFilter; count: number };

type Stage = { step: 'form' } | { step: 'preview'; outcome: BulkOutcome } | { step: 'done'; outcome: BulkOutcome };

export function BulkDialog({ target, facets, onClose, onApplied }: { target: BulkTarget; facets: OrderFacets | null; onClose(): void; onApplied(): void }) {
  const client = useApi();
  const [form, setForm] = useState<BulkForm>(EMPTY_FORM);
  const [stage, setStage] = useState<Stage>({ step: 'form' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<BulkForm>) => setForm((f) => ({ ...f, ...patch }));
  const size = target.kind === 'ids' ? target.ids.length : target.count;
  const units = facets ? [...facets.departments, ...facets.communities] : [];
  const tooMany = size > MAX_BULK_ORDERS;

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await what();
    } catch (e) {
      setError(describeError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const preview = () => {
    const action = toBulkAction(form);
    // An incomplete form is the clerk's to fix: say what is missing, ask nothing of the server.
    if (typeof action === 'string') return setError(action);
    return run(async () => {
      const selection = target.kind === 'ids' ? { kind: 'ids' as const, ids: target.ids } : { kind: 'filter' as const, filter: target.filter };
      setStage({ step: 'preview', outcome: await client.send('bulk.preview', { action, selection }) });
    });
  };

  const apply = (outcome: BulkOutcome) =>
    run(async () => {
      const action = toBulkAction(form);
      if (typeof action === 'string') return setError(action);
      const orders = outcome.changes.flatMap((c) => (c.version !== null ? [{ orderId: c.orderId, version: c.version }] : []));
      const done = await client.send('bulk.apply', { action, orders });
      setStage({ step: 'done', outcome: done });
      onApplied();
    });

  const title = `批量操作（${target.kind === 'ids' ? '已勾选' : '全部符合筛选的'} ${formatCount(size)} 件）`;
  const label = BULK_KINDS.find((k) => k.kind === form.kind)?.label ?? '';

  if (stage.step === 'done') {
    return (
      <Dialog title={title} submitLabel="关闭" onSubmit={onClose} onCancel={onClose} size="wide" testId="bulk-dialog" footer={<button type="button" className="btn btn--primary" onClick={onClose}>关闭</button>}>
        <p className="bulk-done">「{label}」已执行。</p>
        <BulkOutcomeList outcome={stage.outcome} applied />
      </Dialog>
    );
  }
  if (stage.step === 'preview') {
    const n = stage.outcome.changes.length;
    return (
      <Dialog
        title={title}
        submitLabel={n > 0 ? `执行（修改 ${formatCount(n)} 件）` : '没有可修改的工单'}
        submitDisabled={n === 0}
        busy={busy}
        error={error}
        size="wide"
        testId="bulk-dialog"
        onCancel={() => setStage({ step: 'form' })}
        onSubmit={() => apply(stage.outcome)}
      >
        <p className="bulk-preview-note">以下为「{label}」的预览，尚未写入。按「执行」在一个事务中完成；执行前被他人改动的工单会被拒绝并说明。</p>
        <BulkOutcomeList outcome={stage.outcome} applied={false} />
      </Dialog>
    );
  }

  const onOff = form.kind !== 'accept' && form.kind !== 'assign';
  return (
    <Dialog title={title} submitLabel="预览" busy={busy} error={tooMany ? `一次最多处理 ${formatCount(MAX_BULK_ORDERS)} 件，请先缩小筛选范围` : error} submitDisabled={tooMany} onCancel={onClose} onSubmit={preview} size="wide" testId="bulk-dialog">
      <Field label="操作">
        <select className="input" value={form.kind} onChange={(e) => set({ kind: e.target.value as BulkForm['kind'] })} aria-label="批量操作">
          {BULK_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </Field>
      {onOff && (
        <Field label="设置为">
          <select className="input" value={form.on ? 'on' : 'off'} onChange={(e) => set({ on: e.target.value === 'on' })} aria-label="标记或取消">
            <option value="on">标记</option>
            <option value="off">取消标记</option>
          </select>
        </Field>
      )}
      {form.kind === 'assign' && (
        <>
          <UnitSelect label="主办单位" none="（不改主办）" units={units} value={form.leadUnitId} onChange={(leadUnitId) => set({ leadUnitId })} />
          <UnitSelect label="增加协办单位" none="（不加协办）" units={units} value={form.assistUnitId} onChange={(assistUnitId) => set({ assistUnitId })} />
          <Field label="超职责清单派单理由" hint="主办单位不在该类问题的职责清单内时必须填写">
            <input className="input" value={form.overrideReason} maxLength={500} onChange={(e) => set({ overrideReason: e.target.value })} />
          </Field>
        </>
      )}
      {((form.kind === 'setDifficult' || form.kind === 'setUnreasonable') && form.on) && (
        <Field label={form.kind === 'setDifficult' ? '疑难原因' : '不合理诉求理由'} required>
          <textarea className="input" rows={3} value={form.reason} maxLength={2000} onChange={(e) => set({ reason: e.target.value })} />
        </Field>
      )}
      {form.kind === 'setDifficult' && form.on && (
        <Field label="上报对象" required>
          <input className="input" value={form.escalateTo} maxLength={200} onChange={(e) => set({ escalateTo: e.target.value })} />
        </Field>
      )}
      {form.kind === 'setSupervised' && form.on && (
        <Field label="督办说明">
          <input className="input" value={form.note} maxLength={1000} onChange={(e) => set({ note: e.target.value })} />
        </Field>
      )}
    </Dialog>
  );
}

function UnitSelect(p: { label: string; none: string; units: Array<{ id: number; name: string }>; value: number | null; onChange(id: number | null): void }) {
  return (
    <Field label={p.label}>
      <select className="input" value={p.value ?? ''} onChange={(e) => p.onChange(e.target.value ? Number(e.target.value) : null)} aria-label={p.label}>
        <option value="">{p.none}</option>
        {p.units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
