/**
 * A date range in Beijing days: from the start of the first day to the end of the last (the filter's
 * `to` is the next day's start, exclusive), plus quick choices (今天 / 本周 / 本月) where given.
 */
import { useState } from 'react';
import type { TimeRange } from '../../../../preload/api.js';
import { daysToRange, rangeToDays } from './dayRange.js';

export { daysToRange, rangeToDays } from './dayRange.js';

export function DateRangePicker<Q extends string>(props: {
  value: TimeRange | undefined;
  onChange(r: TimeRange | undefined): void;
  quick?: { value: Q | undefined; options: ReadonlyArray<{ code: Q; label: string }>; onChange(q: Q | undefined): void };
}) {
  // Typed days stay as typed while the range is incomplete or backwards; only a valid range applies.
  const [days, setDays] = useState(() => rangeToDays(props.value));
  const set = (from: string, to: string) => {
    setDays({ from, to });
    if (!(from && to && from > to)) props.onChange(daysToRange(from, to));
  };
  return (
    <div className="daterange">
      {props.quick && (
        <div className="daterange__quick" role="group" aria-label="快速选择">
          {props.quick.options.map((o) => (
            <button
              key={o.code}
              type="button"
              className={`btn btn--small${props.quick!.value === o.code ? ' btn--primary' : ''}`}
              aria-pressed={props.quick!.value === o.code}
              onClick={() => props.quick!.onChange(props.quick!.value === o.code ? undefined : o.code)}
            >
              {o.label}
            </button>
          ))}
        </div>
      )}
      <label className="daterange__field">
        <span>从</span>
        <input type="date" className="input" value={days.from} onChange={(e) => set(e.target.value, days.to)} aria-label="开始日期" />
      </label>
      <label className="daterange__field">
        <span>到</span>
        <input type="date" className="input" value={days.to} onChange={(e) => set(days.from, e.target.value)} aria-label="结束日期（含当天）" />
      </label>
      {days.from && days.to && days.from > days.to && <p className="daterange__error">开始日期不能晚于结束日期</p>}
      <button type="button" className="btn btn--small" onClick={() => {
          setDays({ from: '', to: '' });
          props.onChange(undefined);
          props.quick?.onChange(undefined);
        }}>
        清除
      </button>
    </div>
  );
}
