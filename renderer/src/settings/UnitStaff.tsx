/** The staff of one unit: add, rename, change phone, deactivate (inactive staff stay on old orders). */
import { useCallback, useState } from 'react';
import type { AdminUnit } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { InlineEdit } from './InlineEdit.js';
import { attempt, useLoad } from './useLoad.js';

export function UnitStaff({ unit, onChanged }: { unit: AdminUnit; onChanged(): void }) {
  const client = useApi();
  const load = useCallback(() => client.send('staff.list', { unitId: unit.id, includeInactive: true }), [client, unit.id]);
  const { data, error: loadError, reload } = useLoad(load);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (run: () => Promise<unknown>) => {
    const ok = await attempt(run, setError);
    if (ok) {
      reload();
      onChanged();
    }
    return ok;
  };

  return (
    <section className="card" data-testid="unit-staff">
      <header className="card__head">
        <h3>{unit.name} · 人员</h3>
      </header>
      {loadError && <p className="page__error">{loadError}</p>}
      {data && data.length === 0 && <p className="page__hint">暂无人员。</p>}
      {data && data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>姓名</th>
              <th>电话</th>
              <th>状态</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.map((s) => (
              <tr key={s.id} className={s.active ? undefined : 'row--off'}>
                <td>{s.name}</td>
                <td>{s.phone ?? '—'}</td>
                <td>{s.active ? '在岗' : '已停用'}</td>
                <td className="table__actions">
                  <InlineEdit value={s.name} ariaLabel={`${s.name}的新姓名`} onSave={(n) => act(() => client.send('staff.update', { id: s.id, name: n }))} />
                  <InlineEdit value={s.phone ?? ''} label="改电话" ariaLabel={`${s.name}的新电话`} onSave={(p) => act(() => client.send('staff.update', { id: s.id, phone: p }))} />
                  <button type="button" className="btn btn--small" onClick={() => void act(() => client.send('staff.update', { id: s.id, active: !s.active }))}>
                    {s.active ? '停用' : '启用'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="add-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!name.trim()) return setError('请填写姓名。');
          if (await act(() => client.send('staff.create', { unitId: unit.id, name: name.trim(), phone: phone.trim() || null }))) {
            setName('');
            setPhone('');
          }
        }}
      >
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder="姓名" aria-label="新人员姓名" maxLength={20} />
        <input type="text" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="电话（可不填）" aria-label="新人员电话" maxLength={20} />
        <button type="submit" className="btn btn--primary" disabled={!unit.active}>
          新增人员
        </button>
      </form>
      {error && (
        <p className="card__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
