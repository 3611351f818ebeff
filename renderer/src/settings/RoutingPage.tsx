/**
 * 派单规则: category prefix → the unit suggested as lead. The 派单 dialog shows these suggestions with
 * their reason ("按分类规则：…"), next to what the address's history suggests.
 */
import { useCallback, useState } from 'react';
import type { RoutingRule } from '../../../preload/api.js';
import { UNIT_KIND } from '../../../preload/contract/enums.js';
import { useApi } from '../api/ApiContext.js';
import { formatCategory } from '../orders/format.js';
import { ConfirmButton } from './ConfirmButton.js';
import { CategoryOptions, useCategoryOptions } from './categoryOptions.js';
import { attempt, useLoad } from './useLoad.js';

interface Draft {
  id?: number;
  categoryPrefix: string;
  unitId: string;
  note: string;
}
const EMPTY: Draft = { categoryPrefix: '', unitId: '', note: '' };

export function RoutingPage() {
  const client = useApi();
  const loadRules = useCallback(() => client.send('routing.list', {}), [client]);
  const loadUnits = useCallback(() => client.send('units.list', {}), [client]);
  const rules = useLoad(loadRules);
  const units = useLoad(loadUnits);
  const options = useCategoryOptions();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!draft.categoryPrefix || !draft.unitId) return setError('请选择分类和建议主办单位。');
    const ok = await attempt(
      () => client.send('routing.upsert', { ...(draft.id ? { id: draft.id } : {}), categoryPrefix: draft.categoryPrefix, unitId: Number(draft.unitId), note: draft.note.trim() || null }),
      setError,
    );
    if (ok) {
      setDraft(EMPTY);
      rules.reload();
    }
  };
  const remove = async (id: number) => {
    if (await attempt(() => client.send('routing.delete', { id }), setError)) rules.reload();
  };
  const editRule = (r: RoutingRule) => {
    setDraft({ id: r.id, categoryPrefix: r.categoryPrefix, unitId: String(r.unitId), note: r.note ?? '' });
    setError(null);
  };

  return (
    <div className="page">
      <h2 className="page__title">派单规则</h2>
      <p className="page__intro">某类问题通常由哪个单位主办。规则按分类前缀匹配，越具体的规则权重越高；派单时作为建议列出，最终由经办人决定。</p>
      {(rules.error || units.error) && <p className="page__error">{rules.error ?? units.error}</p>}
      <section className="card">
        <table className="table" data-testid="routing-rules">
          <thead>
            <tr>
              <th>分类</th>
              <th>建议主办单位</th>
              <th>备注</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.data?.map((r) => (
              <tr key={r.id} className={r.unitActive ? undefined : 'row--off'}>
                <td>{formatCategory(r.categoryPrefix)}</td>
                <td>
                  {r.unitName}（{UNIT_KIND.label[r.unitKind]}）{!r.unitActive && <span className="tag tag--muted">单位已停用</span>}
                </td>
                <td>{r.note ?? ''}</td>
                <td className="table__actions">
                  <button type="button" className="btn btn--small" onClick={() => editRule(r)}>
                    修改
                  </button>
                  <ConfirmButton label="删除" confirmLabel="确认删除" onConfirm={() => void remove(r.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rules.data?.length === 0 && <p className="page__hint">还没有派单规则。</p>}
        <form
          className="add-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <select value={draft.categoryPrefix} onChange={(e) => setDraft({ ...draft, categoryPrefix: e.target.value })} aria-label="规则分类">
            <option value="">选择分类…</option>
            {options && <CategoryOptions options={options} />}
          </select>
          <select value={draft.unitId} onChange={(e) => setDraft({ ...draft, unitId: e.target.value })} aria-label="建议主办单位">
            <option value="">选择主办单位…</option>
            {units.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}（{UNIT_KIND.label[u.kind]}）
              </option>
            ))}
          </select>
          <input type="text" value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} placeholder="备注（可不填）" aria-label="规则备注" maxLength={100} />
          <button type="submit" className="btn btn--primary">
            {draft.id ? '保存修改' : '新增规则'}
          </button>
          {draft.id && (
            <button type="button" className="btn" onClick={() => setDraft(EMPTY)}>
              取消修改
            </button>
          )}
        </form>
        {error && (
          <p className="card__error" role="alert">
            {error}
          </p>
        )}
      </section>
    </div>
  );
}
