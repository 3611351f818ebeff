/**
 * 列设置: every column with a checkbox (shown or hidden) and where it is pinned; drag headers to
 * reorder and their edges to resize. Changes are saved as the clerk's layout of the current view.
 */
import type { ColumnPin, GridColumnInfo } from '../OrdersGrid.js';

export function ColumnsMenu({ columns, onSet, onReset }: { columns: GridColumnInfo[]; onSet(colId: string, patch: { hide?: boolean; pinned?: ColumnPin }): void; onReset(): void }) {
  return (
    <div className="columns-menu" data-testid="columns-menu">
      <ul className="columns-menu__list">
        {columns.map((c) => (
          <li key={c.colId} className="columns-menu__item">
            <label className="check">
              <input type="checkbox" checked={!c.hide} onChange={(e) => onSet(c.colId, { hide: !e.target.checked })} />
              {c.title}
            </label>
            <select className="input input--small" value={c.pinned ?? ''} onChange={(e) => onSet(c.colId, { pinned: (e.target.value || null) as ColumnPin })} aria-label={`固定「${c.title}」`}>
              <option value="">不固定</option>
              <option value="left">固定在左</option>
              <option value="right">固定在右</option>
            </select>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn--small" onClick={onReset}>
        恢复默认列
      </button>
    </div>
  );
}
