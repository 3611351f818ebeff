/**
 * Properties of the counting rule over random starts, limits and override tables. The oracle for
 * working days walks day by day with describeDay (the rule itself), not the precomputed tables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeDue,
  createCalendar,
  dayIndexOfInstant,
  dayString,
  type Duration,
  type HolidayOverride,
  type WorkCalendar,
} from '../../../main/services/deadlines/index.js';
import { beijingParts, fromBeijing } from '../../../preload/contract/time.js';

const calendar = createCalendar();

/** Starts from 2024 to 2032 (data and no-data years), plus 2095–2104 (past the precomputed span). */
const startArb = fc.oneof(
  fc.integer({ min: fromBeijing(2024, 1, 1), max: fromBeijing(2032, 12, 31, 23, 59, 59) }),
  fc.integer({ min: fromBeijing(2095, 1, 1), max: fromBeijing(2104, 12, 31) }),
);
const durationArb: fc.Arbitrary<Duration> = fc.oneof(
  fc.record({ amount: fc.integer({ min: 1, max: 400 }), unit: fc.constant('hours' as const) }),
  fc.record({ amount: fc.integer({ min: 1, max: 60 }), unit: fc.constantFrom('calendarDays' as const, 'workingDays' as const) }),
);
const overridesArb: fc.Arbitrary<HolidayOverride[]> = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: 4 * 366 }).map((n) => dayString(dayIndexOfInstant(fromBeijing(2025, 1, 1)) + n)),
    kind: fc.constantFrom('holiday' as const, 'workday' as const),
  }),
  { maxLength: 30 },
);

/** Working days in (start day, due day], counted one by one. */
function workdaysBetween(cal: WorkCalendar, startMs: number, dueMs: number): number {
  let n = 0;
  for (let i = dayIndexOfInstant(startMs) + 1; i <= dayIndexOfInstant(dueMs); i++) if (cal.describeDay(dayString(i)).work) n++;
  return n;
}

describe('deadline properties', () => {
  it('a later start never gives an earlier due', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 0, max: 30 * 86_400_000 }), durationArb, (a, delta, d) => {
        expect(computeDue(a + delta, d, calendar).due).toBeGreaterThanOrEqual(computeDue(a, d, calendar).due);
      }),
      { numRuns: 2000 },
    );
  });

  it('a working-day due falls at 23:59:59 of a working day, with exactly N working days after the start day', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 1, max: 40 }), overridesArb, (start, amount, overrides) => {
        const cal = overrides.length ? createCalendar(overrides) : calendar;
        const { due } = computeDue(start, { amount, unit: 'workingDays' }, cal);
        const p = beijingParts(due);
        expect([p.hour, p.minute, p.second]).toEqual([23, 59, 59]);
        expect(cal.isWorkday(dayString(dayIndexOfInstant(due)))).toBe(true);
        expect(workdaysBetween(cal, start, due)).toBe(amount);
      }),
      { numRuns: 300 },
    );
  });

  it('hour limits are exact', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 1, max: 24 * 366 }), (start, hours) => {
        const r = computeDue(start, { amount: hours, unit: 'hours' }, calendar);
        expect(r).toEqual({ due: start + hours * 3_600_000, calendarMissing: false });
      }),
    );
  });

  it('calendarMissing is true exactly when a counted day lies in a year without data', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 1, max: 40 }), (start, amount) => {
        const r = computeDue(start, { amount, unit: 'workingDays' }, calendar);
        const years = new Set<number>();
        for (let i = dayIndexOfInstant(start) + 1; i <= dayIndexOfInstant(r.due); i++) years.add(Number(dayString(i).slice(0, 4)));
        expect(r.calendarMissing).toBe([...years].some((y) => !calendar.hasData(y)));
      }),
      { numRuns: 1000 },
    );
  });
});
