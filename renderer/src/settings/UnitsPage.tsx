/**
 * 社区与科室: the street's units — add, rename, deactivate, reorder — and, for the chosen unit, its duty
 * list (the categories it may lead, Art. 17) and its staff.
 */
import { useCallback, useState } from 'react';
import type { AdminUnit } from '../../../preload/api.js';
import { UNIT_KIND, type UnitKind } from '../../../preload/contract/enums.js';
import { useApi } from '../api/ApiContext.js';
import { InlineEdit } from './InlineEdit.js';
import { UnitDuties } from './UnitDuties.js';
import { UnitStaff } from './UnitStaff.js';
import { attempt, useLoad } from './useLoad.js';

function UnitList({ kind, units, chosen, onChoose, onChanged, setError }: { kind: UnitKind; units: AdminUnit[]; chosen: number | null; onChoose(id: number): void; onChanged(): void; setError(m: string | null): void }) {
  const client = useApi();
  const [name, setName] = useState('');
  const label = UNIT_KIND.label[kind];
  const act = async (run: () => Promise<unknown>) => {
    const ok = await attempt(run, setError);
    if (ok) onChanged();
    return ok;
  };
  const move = (index: number, by: number) => {
    const ids = units.map((u) => u.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    void act(() => client.send('units.reorder', { kind, ids }));
  };
  return (
    <section className="card" data-testid={`units-${kind}`}>
      <header className="card__head">
        <h3>
          {label}（{units.filter((u) => u.active).length}）
        </h3>
      </header>
      <ul className="unit-list">
        {units.map((u, i) => (
          <li key={u.id} className={`unit-list__item${u.id === chosen ? ' unit-list__item--on' : ''}${u.active ? '' : ' unit-list__item--off'}`}>
            <button type="button" className="unit-list__name" onClick={() => onChoose(u.id)} aria-pressed={u.id === chosen}>
              {u.name}
              {!u.active && <span className="tag tag--muted">已停用</span>}
              <span className="unit-list__meta">
                职责 {u.duties.length} · 人员 {u.staffCount}
              </span>
            </button>
            <span className="unit-list__actions">
              <button type="button" className="btn btn--small btn--icon" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${u.name}上移`}>
                ↑
              </button>
              <button type="button" className="btn btn--small btn--icon" disabled={i === units.length - 1} onClick={() => move(i, 1)} aria-label={`${u.name}下移`}>
                ↓
              </button>
              <InlineEdit value={u.name} ariaLabel={`${u.name}的新名称`} onSave={(n) => act(() => client.send('units.update', { id: u.id, name: n }))} />
              <button type="button" className="btn btn--small" onClick={() => void act(() => client.send('units.update', { id: u.id, active: !u.active }))}>
                {u.active ? '停用' : '启用'}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <form
        className="add-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!name.trim()) return setError(`请填写${label}名称。`);
          if (await act(() => client.send('units.create', { kind, name: name.trim() }))) setName('');
        }}
      >
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder={`新${label}名称`} aria-label={`新${label}名称`} maxLength={30} />
        <button type="submit" className="btn btn--primary">
          新增{label}
        </button>
      </form>
    </section>
  );
}

export function UnitsPage() {
  const client = useApi();
  const load = useCallback(() => client.send('units.listAll', {}), [client]);
  const { data, error: loadError, reload } = useLoad(load);
  const [chosen, setChosen] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (loadError) return <p className="page__error">{loadError}</p>;
  if (!data) return <p className="page__hint">正在读取…</p>;
  const unit = data.find((u) => u.id === chosen) ?? null;

  return (
    <div className="page">
      <h2 className="page__title">社区与科室</h2>
      <p className="page__intro">按《北京市接诉即办工作条例》第十七条，社区只主办其职责清单内的事项；科室不受此限制。停用的单位不再出现在派单选项中，历史工单不受影响。</p>
      {error && (
        <p className="card__error" role="alert">
          {error}
        </p>
      )}
      <div className="split">
        <div className="split__side">
          {UNIT_KIND.codes.map((kind) => (
            <UnitList key={kind} kind={kind} units={data.filter((u) => u.kind === kind)} chosen={chosen} onChoose={setChosen} onChanged={reload} setError={setError} />
          ))}
        </div>
        <div className="split__main">
          {unit ? (
            <>
              <UnitDuties key={`d${unit.id}`} unit={unit} onChanged={reload} />
              <UnitStaff key={`s${unit.id}`} unit={unit} onChanged={reload} />
            </>
          ) : (
            <p className="page__hint">选择左侧的社区或科室，查看和编辑它的职责清单与人员。</p>
          )}
        </div>
      </div>
    </div>
  );
}
