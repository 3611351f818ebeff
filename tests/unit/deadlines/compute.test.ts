/** Due dates as a clerk reads them on the order: Beijing wall-clock, 调休 honoured, start day not counted. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIERS,
  computeDue,
  computeOrderDeadlines,
  createCalendar,
  deadlineBand,
  extendDue,
  type Duration,
} from '../../../main/services/deadlines/index.js';
import { parseBeijing, toBeijingIso } from '../../../preload/contract/time.js';

const calendar = createCalendar();
const at = (text: string) => {
  const ms = parseBeijing(text);
  if (ms === null) throw new Error(`bad fixture ${text}`);
  return ms;
};
const wd = (amount: number): Duration => ({ amount, unit: 'workingDays' });
const dueIso = (from: string, d: Duration, cal = calendar) => toBeijingIso(computeDue(at(from), d, cal).due);

describe('working days', () => {
  it('DESIGN example: 2026-09-30 16:00 + 7 working days → 2026-10-15 23:59:59 (国庆 off, Sat 10-10 worked)', () => {
    expect(computeDue(at('2026-09-30 16:00'), wd(7), calendar)).toEqual({
      due: at('2026-10-15 23:59:59'),
      calendarMissing: false,
    });
  });

  it('a 调休 Saturday is the next working day before a holiday', () => {
    // Fri 2025-01-24 → Sat 25 off, Sun 26 调休 worked.
    expect(dueIso('2025-01-24 09:00', wd(1))).toBe('2025-01-26T23:59:59+08:00');
    // Thu 2025-10-09, Fri 10, Sat 11 (调休) after the eight days off.
    expect(dueIso('2025-09-30 17:30', wd(1))).toBe('2025-10-09T23:59:59+08:00');
    expect(dueIso('2025-09-30 17:30', wd(3))).toBe('2025-10-11T23:59:59+08:00');
  });

  it('skips a whole holiday span: the eve of 春节 2025 → the first day back', () => {
    expect(dueIso('2025-01-27 10:00', wd(1))).toBe('2025-02-05T23:59:59+08:00');
    // The last day off (正月初七) is not worked either.
    expect(dueIso('2025-02-04 10:00', wd(1))).toBe('2025-02-05T23:59:59+08:00');
  });

  it('a start on a holiday or weekend counts from the next working day', () => {
    expect(dueIso('2026-10-03 10:00', wd(7))).toBe('2026-10-15T23:59:59+08:00');
    // Sat 2026-03-07 → Mon 9 is the first working day.
    expect(dueIso('2026-03-07 10:00', wd(1))).toBe('2026-03-09T23:59:59+08:00');
  });

  it('the start day never counts, even when it is a working day (调休 Saturday 2026-10-10)', () => {
    expect(dueIso('2026-10-10 09:00', wd(1))).toBe('2026-10-12T23:59:59+08:00');
  });

  it('crosses the year boundary into the next year’s 元旦 arrangement', () => {
    // 2026-01-01..03 off, Sun 01-04 worked.
    expect(dueIso('2025-12-31 10:00', wd(1))).toBe('2026-01-04T23:59:59+08:00');
    expect(dueIso('2025-12-31 10:00', wd(7))).toBe('2026-01-12T23:59:59+08:00');
    // 2025-01-01 alone is off.
    expect(dueIso('2024-12-31 10:00', wd(7))).toBe('2025-01-10T23:59:59+08:00');
  });

  it('the start day is the Beijing day, not the UTC day', () => {
    // 2026-03-02T15:59:59Z is Mon 23:59:59 in Beijing; one second later it is Tue 00:00.
    expect(toBeijingIso(computeDue(Date.parse('2026-03-02T15:59:59Z'), wd(1), calendar).due)).toBe('2026-03-03T23:59:59+08:00');
    expect(toBeijingIso(computeDue(Date.parse('2026-03-02T16:00:00Z'), wd(1), calendar).due)).toBe('2026-03-04T23:59:59+08:00');
  });
});

describe('hours and calendar days', () => {
  it('an hour limit ends exactly N hours later, through nights and holidays', () => {
    expect(dueIso('2026-09-30 23:30', { amount: 2, unit: 'hours' })).toBe('2026-10-01T01:30:00+08:00');
  });

  it('a calendar-day limit ends at 23:59:59 of the Nth day, holidays included', () => {
    expect(dueIso('2026-02-27 10:00', { amount: 3, unit: 'calendarDays' })).toBe('2026-03-02T23:59:59+08:00');
    expect(dueIso('2026-09-30 10:00', { amount: 1, unit: 'calendarDays' })).toBe('2026-10-01T23:59:59+08:00');
  });
});

describe('tiers (defaults)', () => {
  const start = at('2026-09-30 16:00');
  const row = (tier: 'urgent' | 'utility' | 'general' | 'complex') => {
    const d = computeOrderDeadlines(start, tier, DEFAULT_TIERS, calendar);
    return { firstContact: toBeijingIso(d.firstContactDueAt), handle: toBeijingIso(d.handleDueAt), calendarMissing: d.calendarMissing };
  };

  it.each([
    ['urgent', '2026-09-30T18:00:00+08:00', '2026-09-30T18:00:00+08:00'],
    ['utility', '2026-09-30T18:00:00+08:00', '2026-10-01T16:00:00+08:00'],
    ['general', '2026-10-01T16:00:00+08:00', '2026-10-15T23:59:59+08:00'],
    ['complex', '2026-10-01T16:00:00+08:00', '2026-10-27T23:59:59+08:00'],
  ] as const)('%s: first contact %s, handle %s', (tier, firstContact, handle) => {
    expect(row(tier)).toEqual({ firstContact, handle, calendarMissing: false });
  });

  it('a changed tier table is honoured (general = 10 calendar days)', () => {
    const tiers = { ...DEFAULT_TIERS, general: { ...DEFAULT_TIERS.general, handle: { amount: 10, unit: 'calendarDays' as const } } };
    expect(toBeijingIso(computeOrderDeadlines(start, 'general', tiers, calendar).handleDueAt)).toBe('2026-10-10T23:59:59+08:00');
  });
});

describe('overrides', () => {
  it('an override holiday cancels a 调休 workday', () => {
    const cal = createCalendar([{ day: '2026-10-10', kind: 'holiday' }]);
    expect(cal.isWorkday('2026-10-10')).toBe(false);
    expect(dueIso('2026-09-30 16:00', wd(7), cal)).toBe('2026-10-16T23:59:59+08:00');
  });

  it('an override workday wins over a scheduled holiday, and an override holiday over a plain weekday', () => {
    const cal = createCalendar([
      { day: '2026-10-07', kind: 'workday' },
      { day: '2026-03-03', kind: 'holiday' },
    ]);
    expect(dueIso('2026-09-30 16:00', wd(7), cal)).toBe('2026-10-14T23:59:59+08:00');
    expect(dueIso('2026-03-02 10:00', wd(1), cal)).toBe('2026-03-04T23:59:59+08:00');
    expect(cal.describeDay('2026-10-07')).toMatchObject({ work: true, source: 'override' });
  });

  it('does not change the shared calendar without overrides', () => {
    createCalendar([{ day: '2026-10-10', kind: 'holiday' }]);
    expect(createCalendar().isWorkday('2026-10-10')).toBe(true);
  });

  it('refuses a malformed day with a Chinese message', () => {
    expect(() => createCalendar([{ day: '2026-02-30', kind: 'holiday' }])).toThrow(/2026-02-30.*无效/);
  });
});

describe('years without data', () => {
  it('2099: weekends only, and the result is flagged', () => {
    expect(calendar.hasData(2099)).toBe(false);
    // Nobody knows 2099's 国庆 yet: Thu 10-01 and Fri 10-02 count as plain working days.
    expect(computeDue(at('2099-09-30 10:00'), wd(2), calendar)).toEqual({
      due: at('2099-10-02 23:59:59'),
      calendarMissing: true,
    });
  });

  it('hour and calendar-day limits do not depend on the calendar and are never flagged', () => {
    expect(computeDue(at('2099-09-30 10:00'), { amount: 3, unit: 'calendarDays' }, calendar).calendarMissing).toBe(false);
    expect(computeOrderDeadlines(at('2099-09-30 10:00'), 'urgent', DEFAULT_TIERS, calendar).calendarMissing).toBe(false);
    expect(computeOrderDeadlines(at('2099-09-30 10:00'), 'general', DEFAULT_TIERS, calendar).calendarMissing).toBe(true);
  });

  it('a count that runs past the last year with data is flagged; one that stays inside it is not', () => {
    const last = Math.max(...calendar.dataYears);
    expect(computeDue(at(`${last}-12-31 10:00`), wd(1), calendar).calendarMissing).toBe(true);
    expect(computeDue(at(`${last}-12-01 10:00`), wd(3), calendar).calendarMissing).toBe(false);
  });

  it('overrides for a year give it data (the admin entered that year’s notice)', () => {
    const cal = createCalendar([{ day: '2099-10-01', kind: 'holiday' }]);
    expect(cal.hasData(2099)).toBe(true);
    expect(computeDue(at('2099-09-30 10:00'), wd(2), cal)).toEqual({ due: at('2099-10-05 23:59:59'), calendarMissing: false });
    expect(computeDue(at('2099-09-29 10:00'), wd(2), cal).due).toBe(at('2099-10-02 23:59:59'));
  });
});

describe('extendDue', () => {
  it('counts an extension on from the current deadline', () => {
    const due = at('2026-10-15 23:59:59');
    expect(toBeijingIso(extendDue(due, wd(5), calendar).due)).toBe('2026-10-22T23:59:59+08:00');
    expect(toBeijingIso(extendDue(due, { amount: 48, unit: 'hours' }, calendar).due)).toBe('2026-10-17T23:59:59+08:00');
  });
});

describe('deadlineBand', () => {
  const due = at('2026-10-15 23:59:59');
  const H = 3_600_000;

  it('ok → soon (即将超时, within 24 h) → overdue (已超时)', () => {
    expect(deadlineBand(due, due - 25 * H, null)).toBe('ok');
    expect(deadlineBand(due, due - 24 * H, null)).toBe('soon');
    expect(deadlineBand(due, due, null)).toBe('soon');
    expect(deadlineBand(due, due + 1000, null)).toBe('overdue');
  });

  it('a done deadline is met on or before the due, late after it, whatever the time now', () => {
    expect(deadlineBand(due, due + 100 * H, due)).toBe('met');
    expect(deadlineBand(due, due - 100 * H, due + 1000)).toBe('late');
  });

  it('honours a configured warning window', () => {
    expect(deadlineBand(due, due - 3 * H, null, 2 * H)).toBe('ok');
    expect(deadlineBand(due, due - 2 * H, null, 2 * H)).toBe('soon');
  });
});
