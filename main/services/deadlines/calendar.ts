/**
 * The working-day calendar (DESIGN §3): the State Council's holiday notices as shipped by the
 * `chinese-days` package (holidays AND 调休 make-up workdays), overlaid by the admin's override table
 * (holiday_overrides; an override always wins). A year the package does not know and no override
 * mentions is "without data": it falls back to the weekends-only rule and callers flag the result.
 *
 * Deadline counting runs about a million times when the demo is seeded, so the calendar precomputes
 * per-day tables over 2000–2099: "is day i a workday", a running count of workdays and
 * the list of workday indices (so "the Nth workday after day s" is one array read), plus a running
 * count of days in years without data. Days outside the span take a slow but identical path.
 *
 * Days are "day indices": Beijing calendar days counted from 1970-01-01 (index 0).
 */
import { createRequire } from 'node:module';
import { BEIJING_OFFSET_MS, DAY_MS } from '../../../preload/contract/time.js';
import { AppError } from '../../../preload/contract/errors.js';

export type OverrideKind = 'holiday' | 'workday';

export interface HolidayOverride {
  /** 'YYYY-MM-DD', Beijing calendar day. */
  day: string;
  kind: OverrideKind;
}

/** Why a day is or is not a workday, for the calendar screen and for explaining a deadline. */
export interface DayInfo {
  day: string;
  work: boolean;
  source: 'override' | 'schedule' | 'weekday' | 'weekend';
  /** Chinese holiday name from the schedule ('国庆节'), when the day is part of an arrangement. */
  name: string | null;
}

export interface WorkCalendar {
  /** True when the Beijing day 'YYYY-MM-DD' is a working day (调休 Saturdays included). */
  isWorkday(day: string): boolean;
  /** True when the package carries that year's State Council schedule or an override names the year. */
  hasData(year: number): boolean;
  /** The years with data, ascending. */
  readonly dataYears: readonly number[];
  describeDay(day: string): DayInfo;
  /** Day index of the `n`th (n ≥ 1) working day strictly after day index `from`. */
  addWorkingDays(from: number, n: number): number;
  /** True when any day in (fromExclusive, toInclusive] lies in a year without data. */
  lacksData(fromExclusive: number, toInclusive: number): boolean;
}

// ---- day indices -------------------------------------------------------------------------

/** Day index of the Beijing calendar day containing the instant. */
export function dayIndexOfInstant(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS);
}

/** Day index of 'YYYY-MM-DD', or null when it is not a real date. */
export function dayIndexOf(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return utc / DAY_MS;
}

/** 'YYYY-MM-DD' of a day index. */
export function dayString(index: number): string {
  return new Date(index * DAY_MS).toISOString().slice(0, 10);
}

function yearOfIndex(index: number): number {
  return new Date(index * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(index: number): number {
  return (((index + 4) % 7) + 7) % 7;
}

// ---- the package's schedule ----------------------------------------------------------------

interface Schedule {
  holidays: Map<number, string>;
  workdays: Map<number, string>;
  years: Set<number>;
}

let schedule: Schedule | null = null;

/**
 * Loaded on first use (never at import time). The package documents dist/chinese-days.json as its
 * data file; read it with require because JSON modules still print an experimental warning on Node 20.
 */
function loadSchedule(): Schedule {
  if (schedule) return schedule;
  const requireJson = createRequire(import.meta.url);
  const raw = requireJson('chinese-days/dist/chinese-days.json') as { holidays?: unknown; workdays?: unknown };
  const toMap = (rec: unknown): Map<number, string> => {
    const out = new Map<number, string>();
    if (typeof rec !== 'object' || rec === null) throw new Error('chinese-days data has an unexpected shape');
    for (const [day, label] of Object.entries(rec as Record<string, unknown>)) {
      const index = dayIndexOf(day);
      if (index === null) continue;
      // Labels look like "National Day,国庆节,3": keep the Chinese name.
      out.set(index, typeof label === 'string' ? (label.split(',')[1] ?? '') : '');
    }
    return out;
  };
  const holidays = toMap(raw.holidays);
  const workdays = toMap(raw.workdays);
  // A year is covered when its notice put at least one holiday into the data.
  const years = new Set([...holidays.keys()].map(yearOfIndex));
  schedule = { holidays, workdays, years };
  return schedule;
}

// ---- the calendar ----------------------------------------------------------------------------

const TABLE_FIRST = Date.UTC(2000, 0, 1) / DAY_MS;
const TABLE_END = Date.UTC(2100, 0, 1) / DAY_MS;

function validateOverrides(overrides: readonly HolidayOverride[]): Map<number, OverrideKind> {
  const map = new Map<number, OverrideKind>();
  for (const o of overrides) {
    const index = dayIndexOf(o.day);
    if (index === null) throw new AppError('INVALID_INPUT', `节假日调整中的日期「${o.day}」无效，应为 YYYY-MM-DD 格式的真实日期。`);
    if (o.kind !== 'holiday' && o.kind !== 'workday') {
      throw new AppError('INVALID_INPUT', `节假日调整「${o.day}」的类型无效，只能是放假（holiday）或上班（workday）。`);
    }
    map.set(index, o.kind);
  }
  return map;
}

function buildCalendar(overrides: readonly HolidayOverride[]): WorkCalendar {
  const sched = loadSchedule();
  const overrideMap = validateOverrides(overrides);
  const years = new Set(sched.years);
  for (const index of overrideMap.keys()) years.add(yearOfIndex(index));
  const dataYears = [...years].sort((a, b) => a - b);

  const describe = (index: number): Omit<DayInfo, 'day'> => {
    const o = overrideMap.get(index);
    if (o) return { work: o === 'workday', source: 'override', name: null };
    const w = sched.workdays.get(index);
    if (w !== undefined) return { work: true, source: 'schedule', name: w || null };
    const h = sched.holidays.get(index);
    if (h !== undefined) return { work: false, source: 'schedule', name: h || null };
    const wd = weekdayOf(index);
    return wd === 0 || wd === 6 ? { work: false, source: 'weekend', name: null } : { work: true, source: 'weekday', name: null };
  };

  // Same rule as describe(), without allocating: the table build calls it ~73,000 times.
  const isWorkRule = (index: number): boolean => {
    const o = overrideMap.get(index);
    if (o) return o === 'workday';
    if (sched.workdays.has(index)) return true;
    if (sched.holidays.has(index)) return false;
    const wd = weekdayOf(index);
    return wd !== 0 && wd !== 6;
  };

  // Per-day tables over [TABLE_FIRST, TABLE_END).
  const size = TABLE_END - TABLE_FIRST;
  const work = new Uint8Array(size);
  const workCount = new Int32Array(size); // workdays in table days [0, i]
  const noDataCount = new Int32Array(size); // days in years without data in [0, i]
  const workdayList: number[] = [];
  let year = yearOfIndex(TABLE_FIRST);
  let nextYearStart = Date.UTC(year + 1, 0, 1) / DAY_MS;
  let yearHasData = years.has(year);
  let works = 0;
  let missing = 0;
  for (let i = 0; i < size; i++) {
    const index = TABLE_FIRST + i;
    if (index === nextYearStart) {
      year += 1;
      nextYearStart = Date.UTC(year + 1, 0, 1) / DAY_MS;
      yearHasData = years.has(year);
    }
    if (isWorkRule(index)) {
      work[i] = 1;
      works++;
      workdayList.push(index);
    }
    if (!yearHasData) missing++;
    workCount[i] = works;
    noDataCount[i] = missing;
  }
  const workdays = Int32Array.from(workdayList);

  const isWorkIndex = (index: number): boolean =>
    index >= TABLE_FIRST && index < TABLE_END ? work[index - TABLE_FIRST] === 1 : isWorkRule(index);

  const parseDay = (day: string): number => {
    const index = dayIndexOf(day);
    if (index === null) throw new AppError('INVALID_INPUT', `日期「${day}」无效，应为 YYYY-MM-DD 格式。`);
    return index;
  };

  return {
    dataYears,
    isWorkday: (day) => isWorkIndex(parseDay(day)),
    hasData: (y) => years.has(y),
    describeDay(day) {
      return { day, ...describe(parseDay(day)) };
    },
    addWorkingDays(from, n) {
      if (from >= TABLE_FIRST && from < TABLE_END) {
        const k = workCount[from - TABLE_FIRST]! + n - 1;
        if (k < workdays.length) return workdays[k]!;
      }
      // Outside the table: walk day by day (same rule, only slower).
      let index = from;
      for (let left = n; left > 0; ) {
        index++;
        if (isWorkIndex(index)) left--;
      }
      return index;
    },
    lacksData(fromExclusive, toInclusive) {
      if (toInclusive <= fromExclusive) return false;
      if (fromExclusive >= TABLE_FIRST && toInclusive < TABLE_END) {
        return noDataCount[toInclusive - TABLE_FIRST]! - noDataCount[fromExclusive - TABLE_FIRST]! > 0;
      }
      for (let y = yearOfIndex(fromExclusive + 1), last = yearOfIndex(toInclusive); y <= last; y++) {
        if (!years.has(y)) return true;
      }
      return false;
    },
  };
}

let plainCalendar: WorkCalendar | null = null;

/**
 * The calendar of the package's schedule overlaid by `overrides` (later entries for the same day win).
 * Building costs about a millisecond; the calendar without overrides is built once and shared.
 */
export function createCalendar(overrides: readonly HolidayOverride[] = []): WorkCalendar {
  if (overrides.length === 0) return (plainCalendar ??= buildCalendar([]));
  return buildCalendar(overrides);
}
