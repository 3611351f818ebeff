/**
 * The export's column chooser: every exportable column as a checkbox, the chosen ones first and in the
 * order they will appear; ↑ / ↓ (or Alt+↑ / Alt+↓ on the checkbox) move a chosen column.
 */
import { useRef, type KeyboardEvent } from 'react';
import type { ExportColumn } from '../../../preload/api.js';

export interface ColumnOption {
  key: ExportColumn;
  label: string;
}

export function ColumnChooser({ all, chosen, onChange }: { all: ColumnOption[]; chosen: ExportColumn[]; onChange(next: ExportColumn[]): void }) {
  const list = useRef<HTMLOListElement>(null);
  const label = new Map(all.map((c) => [c.key, c.label]));
  const rest = all.filter((c) => !chosen.includes(c.key)).map((c) => c.key);
  const rows = [...chosen, ...rest];

  /** Keeps the keyboard on the moved column (its row re-renders elsewhere): the same control when it still applies. */
  const refocus = (key: ExportColumn, control: 'box' | 'up' | 'down') =>
    window.setTimeout(() => {
      const row = list.current?.querySelector<HTMLElement>(`[data-row="${key}"]`);
      const button = control === 'box' ? null : row?.querySelector<HTMLButtonElement>(`button[data-move="${control}"]:not(:disabled)`);
      (button ?? row?.querySelector<HTMLInputElement>('input'))?.focus();
    }, 0);
  const move = (key: ExportColumn, by: -1 | 1, control: 'box' | 'up' | 'down' = 'box') => {
    const i = chosen.indexOf(key);
    const j = i + by;
    if (i < 0 || j < 0 || j >= chosen.length) return;
    const next = [...chosen];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
    refocus(key, control);
  };
  const toggle = (key: ExportColumn) => {
    onChange(chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key]);
    refocus(key, 'box');
  };
  const onKey = (e: KeyboardEvent, key: ExportColumn) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(key, e.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <ol ref={list} className="column-chooser" aria-label="导出的列（勾选的列按此顺序导出）" data-testid="export-columns">
      {rows.map((key) => {
        const on = chosen.includes(key);
        const at = chosen.indexOf(key);
        const name = label.get(key) ?? key;
        return (
          <li key={key} data-row={key} className={`column-chooser__item${on ? '' : ' column-chooser__item--off'}`}>
            <label className="check">
              <input type="checkbox" checked={on} onChange={() => toggle(key)} onKeyDown={(e) => onKey(e, key)} />
              {on && <span className="column-chooser__pos">{at + 1}</span>}
              {name}
            </label>
            {on && (
              <span className="column-chooser__moves">
                <button type="button" className="btn btn--small btn--icon" onClick={() => move(key, -1, 'up')} data-move="up" disabled={at === 0} aria-label={`上移「${name}」`} title="上移（Alt+↑）">
                  ↑
                </button>
                <button type="button" className="btn btn--small btn--icon" onClick={() => move(key, 1, 'down')} data-move="down" disabled={at === chosen.length - 1} aria-label={`下移「${name}」`} title="下移（Alt+↓）">
                  ↓
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
