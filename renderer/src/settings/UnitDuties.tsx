/** A unit's duty list: the categories (whole subtrees) it may lead. Edited as a list, saved at once. */
import { useState } from 'react';
import type { AdminUnit } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { formatCategory } from '../orders/format.js';
import { CategoryOptions, useCategoryOptions } from './categoryOptions.js';
import { attempt } from './useLoad.js';

export function UnitDuties({ unit, onChanged }: { unit: AdminUnit; onChanged(): void }) {
  const client = useApi();
  const options = useCategoryOptions();
  const [paths, setPaths] = useState<string[]>(unit.duties);
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const dirty = JSON.stringify([...paths].sort()) !== JSON.stringify([...unit.duties].sort());

  const save = async () => {
    setSaved(false);
    if (await attempt(() => client.send('units.setDuties', { unitId: unit.id, paths }), setError)) {
      setSaved(true);
      onChanged();
    }
  };

  return (
    <section className="card" data-testid="unit-duties">
      <header className="card__head">
        <h3>{unit.name} · 职责清单</h3>
        <span className="card__meta">{unit.kind === 'department' ? '科室可主办任何分类，职责清单用于派单建议' : '社区只主办清单内的分类（含其下级）'}</span>
      </header>
      {paths.length === 0 ? (
        <p className="page__hint">清单为空。</p>
      ) : (
        <ul className="chips-list">
          {paths.map((p) => (
            <li key={p} className="chips-list__item">
              {formatCategory(p)}
              <button type="button" className="chips-list__remove" aria-label={`移除 ${p}`} onClick={() => setPaths(paths.filter((x) => x !== p))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="add-form">
        <select value={adding} onChange={(e) => setAdding(e.target.value)} aria-label="添加职责分类" disabled={!options}>
          <option value="">{options ? '选择要加入的分类…' : '正在读取分类…'}</option>
          {options && <CategoryOptions options={options.filter((o) => !paths.includes(o.path))} />}
        </select>
        <button
          type="button"
          className="btn"
          disabled={!adding}
          onClick={() => {
            setPaths([...paths, adding]);
            setAdding('');
          }}
        >
          加入清单
        </button>
      </div>
      {error && (
        <p className="card__error" role="alert">
          {error}
        </p>
      )}
      <footer className="card__foot">
        {saved && !dirty && <span className="card__saved">已保存</span>}
        <button type="button" className="btn" disabled={!dirty} onClick={() => setPaths(unit.duties)}>
          撤销修改
        </button>
        <button type="button" className="btn btn--primary" disabled={!dirty} onClick={() => void save()}>
          保存职责清单
        </button>
      </footer>
    </section>
  );
}
