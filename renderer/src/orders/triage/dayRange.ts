/** Beijing days ⇄ the filter's instant range [from, to): the end day is included (to = next day's start). */
import type { TimeRange } from '../../../../preload/api.js';
import { DAY_MS, beijingDay, startOfBeijingDay } from '../../../../preload/contract/time.js';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function rangeToDays(r: TimeRange | undefined): { from: string; to: string } {
  return { from: r?.from !== undefined ? beijingDay(r.from) : '', to: r?.to !== undefined ? beijingDay(r.to - DAY_MS) : '' };
}

export function daysToRange(from: string, to: string): TimeRange | undefined {
  const r: TimeRange = {};
  if (DAY_RE.test(from)) r.from = startOfBeijingDay(from);
  if (DAY_RE.test(to)) r.to = startOfBeijingDay(to) + DAY_MS;
  if (r.from === undefined && r.to === undefined) return undefined;
  if (r.from !== undefined && r.to !== undefined && r.from >= r.to) return undefined;
  return r;
}
