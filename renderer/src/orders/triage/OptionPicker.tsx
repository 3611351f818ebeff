/**
 * A multi-choice picker: a type-ahead box that matches names by characters, 拼音首字母 ("lym" finds
 * 六营门社区) or full pinyin, and a checkbox list. Ticking applies at once; nothing ticked = no constraint.
 */
import { useMemo, useState } from 'react';
import { matchesOption, type PickOption } from './match.js';

export type { PickOption } from './match.js';

const SHOWN = 300;

export function OptionPicker<V extends string | number>({ options, chosen, onChange, placeholder }: { options: PickOption<V>[]; chosen: V[]; onChange(next: V[]): void; placeholder: string }) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => (query ? options.filter((o) => matchesOption(o, query)) : options), [options, query]);
  const set = new Set<V>(chosen);
  const toggle = (v: V) => onChange(set.has(v) ? chosen.filter((x) => x !== v) : [...chosen, v]);
  return (
    <div className="picker">
      {options.length > 8 && (
        <input
          className="input picker__search"
          placeholder={placeholder}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter ticks the only (or first) match: type "lym", Enter.
            if (e.key === 'Enter' && shown[0]) {
              e.preventDefault();
              toggle(shown[0].value);
            }
          }}
          aria-label={placeholder}
        />
      )}
      <ul className="picker__list">
        {shown.slice(0, SHOWN).map((o) => (
          <li key={String(o.value)} className={`picker__item picker__item--l${Math.min(o.level ?? 0, 3)}`}>
            <label className="check">
              <input type="checkbox" checked={set.has(o.value)} onChange={() => toggle(o.value)} />
              {o.label}
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="picker__empty">没有匹配的选项</li>}
        {shown.length > SHOWN && <li className="picker__empty">还有 {shown.length - SHOWN} 项，请输入更多字缩小范围</li>}
      </ul>
      <div className="picker__foot">
        <span>已选 {chosen.length} 项</span>
        <button type="button" className="btn btn--small" disabled={chosen.length === 0} onClick={() => onChange([])}>
          清除
        </button>
      </div>
    </div>
  );
}
