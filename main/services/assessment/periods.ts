/**
 * Periods of the assessment in Beijing time, resolved to instants [from, to): a day, a Monday-start
 * week, an assessment month with the configured start day, a custom range (both days inclusive), or the
 * daily bulletin's window (N:00 yesterday → N:00 today).
 *
 * The assessment month with start day s > 1 is named after the month it ends in: with s = 19,
 * "2026年11月" runs 2026-10-19 00:00 → 2026-11-19 00:00 (the 12345 platform closes a month's figures on
 * the 18th). With s = 1 it is the calendar month.
 */
import type { AssessmentPeriod, ResolvedPeriod } from '../../../preload/contract/methods/assessment.js';
import { addDays, beijingDay, beijingParts, startOfBeijingDay } from '../../../preload/contract/time.js';

export interface PeriodRules {
  monthStartDay: number;
  dailyWindowHour: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** '10月19日' */
const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
const ymdLabel = (day: string) => `${day.slice(0, 4)}年${md(day)}`;

function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const i = year * 12 + (month - 1) + by;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

/** The assessment month (year, month) that contains a Beijing day. */
export function assessmentMonthOf(day: string, startDay: number): { year: number; month: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // With a start day of 19, the 19th onwards already belongs to the next month's assessment.
  return startDay > 1 && d >= startDay ? shiftMonth(y, m, 1) : { year: y, month: m };
}

function monthPeriod(year: number, month: number, startDay: number): ResolvedPeriod {
  const first = startDay === 1 ? ymd(year, month, 1) : (() => {
    const p = shiftMonth(year, month, -1);
    return ymd(p.year, p.month, startDay);
  })();
  const next = shiftMonth(year, month, 1);
  const end = startDay === 1 ? ymd(next.year, next.month, 1) : ymd(year, month, startDay);
  const lastDay = addDays(end, -1);
  const name = `${year}年${month}月`;
  return {
    kind: 'month',
    from: startOfBeijingDay(first),
    to: startOfBeijingDay(end),
    firstDay: first,
    lastDay,
    label: startDay === 1 ? name : `${name}考核月（${md(first)}—${md(lastDay)}）`,
  };
}

function daysPeriod(kind: 'day' | 'week' | 'range', first: string, last: string, label: string): ResolvedPeriod {
  return { kind, from: startOfBeijingDay(first), to: startOfBeijingDay(addDays(last, 1)), firstDay: first, lastDay: last, label };
}

export function resolvePeriod(p: AssessmentPeriod, rules: PeriodRules): ResolvedPeriod {
  switch (p.kind) {
    case 'day':
      return daysPeriod('day', p.date, p.date, ymdLabel(p.date));
    case 'week': {
      const weekday = beijingParts(startOfBeijingDay(p.date)).weekday;
      const monday = addDays(p.date, -((weekday + 6) % 7));
      const sunday = addDays(monday, 6);
      return daysPeriod('week', monday, sunday, `${ymdLabel(monday)}—${md(sunday)}（周）`);
    }
    case 'month': {
      const { year, month } = p.month !== undefined
        ? { year: Number(p.month.slice(0, 4)), month: Number(p.month.slice(5, 7)) }
        : assessmentMonthOf(p.date!, rules.monthStartDay);
      return monthPeriod(year, month, rules.monthStartDay);
    }
    case 'range':
      return daysPeriod('range', p.from, p.to, p.from === p.to ? ymdLabel(p.from) : `${ymdLabel(p.from)}—${ymdLabel(p.to)}`);
    case 'dailyWindow': {
      const h = rules.dailyWindowHour;
      const first = addDays(p.date, -1);
      const hh = `${pad(h)}:00`;
      return {
        kind: 'dailyWindow',
        from: startOfBeijingDay(first) + h * 3_600_000,
        to: startOfBeijingDay(p.date) + h * 3_600_000,
        firstDay: first,
        lastDay: p.date,
        label: `${ymdLabel(first)} ${hh}—${md(p.date)} ${hh}`,
      };
    }
  }
}

/** The assessment month running at `now`. */
export function currentMonth(now: number): AssessmentPeriod {
  return { kind: 'month', date: beijingDay(now) };
}
