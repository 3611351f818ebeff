/**
 * How figures read in the street's documents: rates as percentages with "—" when there is nothing to
 * divide by (never NaN), 环比 as a signed percentage or percentage points, dates in Chinese.
 */
import { beijingParts, formatBeijing } from '../../../preload/contract/time.js';

/** 0.9234 → '92.34%'; null (no callbacks) → '—'. */
export function pct(rate: number | null | undefined): string {
  return rate === null || rate === undefined || !Number.isFinite(rate) ? '—' : `${(rate * 100).toFixed(2)}%`;
}

/** A 综合得分 on 0–100. */
export function score(s: number | null | undefined): string {
  return s === null || s === undefined || !Number.isFinite(s) ? '—' : s.toFixed(2);
}

/** A share of a total: 12 of 48 → '25.0%'; of 0 → '—'. */
export function share(n: number, total: number): string {
  return total > 0 ? `${((n / total) * 100).toFixed(1)}%` : '—';
}

/** 环比 of a count: '+12.5%', '-3.0%', '持平'; '—' when the previous period had none. */
export function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? '持平' : '—';
  const r = ((now - before) / before) * 100;
  if (Math.abs(r) < 0.05) return '持平';
  return `${r > 0 ? '+' : ''}${r.toFixed(1)}%`;
}

/** 环比 of a count in words, for the summary paragraphs: '环比上升12.5%'. */
export function changeWords(now: number, before: number): string {
  if (before === 0) return now === 0 ? '与上期持平' : '上期为零';
  const r = ((now - before) / before) * 100;
  if (Math.abs(r) < 0.05) return '与上期持平';
  return `环比${r > 0 ? '上升' : '下降'}${Math.abs(r).toFixed(1)}%`;
}

/** 环比 of a rate in percentage points: '+1.25个百分点'; '—' if either side had no callbacks. */
export function pointsChange(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—';
  const d = (now - before) * 100;
  if (Math.abs(d) < 0.005) return '持平';
  return `${d > 0 ? '+' : ''}${d.toFixed(2)}个百分点`;
}

/** 环比 of a score: '+1.20分'. */
export function scoreChange(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—';
  const d = now - before;
  if (Math.abs(d) < 0.005) return '持平';
  return `${d > 0 ? '+' : ''}${d.toFixed(2)}分`;
}

/** '2026-11-27' → '2026年11月27日'. */
export function chineseDate(day: string): string {
  return `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

/** '11-27 09:30' for the order lists. */
export function shortTime(ms: number): string {
  return formatBeijing(ms).slice(5);
}

/** The weekday of an instant: '周一'. */
export function weekdayOf(ms: number): string {
  return ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][beijingParts(ms).weekday]!;
}

/** Content shortened for a table cell (one line). */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
