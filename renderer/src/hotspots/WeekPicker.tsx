/** 上一周 · [a day of the week] · 下一周 · 本周: the week is the Monday–Sunday one containing the day. */
import { isDay, shiftWeeks, todayInBeijing } from './weeks.js';

export function WeekPicker({ date, label, onChange }: { date: string; label: string | null; onChange(day: string): void }) {
  const thisWeek = shiftWeeks(todayInBeijing(), 0);
  return (
    <div className="hot-week" role="group" aria-label="选择周">
      <button type="button" className="btn btn--small" onClick={() => onChange(shiftWeeks(date, -1))}>
        ‹ 上一周
      </button>
      <label className="hot-week__day">
        <span className="hot-sr">周内任一天</span>
        <input
          type="date"
          className="input--date"
          value={date}
          aria-label="周内任一天"
          onChange={(e) => isDay(e.target.value) && onChange(e.target.value)}
        />
      </label>
      <button type="button" className="btn btn--small" onClick={() => onChange(shiftWeeks(date, 1))}>
        下一周 ›
      </button>
      <button type="button" className="btn btn--small" disabled={shiftWeeks(date, 0) === thisWeek} onClick={() => onChange(todayInBeijing())}>
        本周
      </button>
      {label && (
        <span className="hot-week__label" data-testid="hotspots-week">
          {label}
        </span>
      )}
    </div>
  );
}
