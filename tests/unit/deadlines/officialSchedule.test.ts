/**
 * The calendar against the State Council's notices, written out by hand:
 *   国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）
 *   国务院办公厅关于2026年部分节假日安排的通知（2025年11月发布）
 * Every day of both years is checked, so a wrong or missing day in the data package fails here.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar, dayIndexOf, dayString } from '../../../main/services/deadlines/index.js';

interface Arrangement {
  name: string;
  /** Inclusive span of days off. */
  off: [string, string];
  /** 调休 make-up workdays (weekend days that are worked). */
  work: string[];
}

const OFFICIAL: Record<number, Arrangement[]> = {
  2025: [
    { name: '元旦', off: ['2025-01-01', '2025-01-01'], work: [] },
    { name: '春节', off: ['2025-01-28', '2025-02-04'], work: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', off: ['2025-04-04', '2025-04-06'], work: [] },
    { name: '劳动节', off: ['2025-05-01', '2025-05-05'], work: ['2025-04-27'] },
    { name: '端午节', off: ['2025-05-31', '2025-06-02'], work: [] },
    { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], work: ['2025-09-28', '2025-10-11'] },
  ],
  2026: [
    { name: '元旦', off: ['2026-01-01', '2026-01-03'], work: ['2026-01-04'] },
    { name: '春节', off: ['2026-02-15', '2026-02-23'], work: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', off: ['2026-04-04', '2026-04-06'], work: [] },
    { name: '劳动节', off: ['2026-05-01', '2026-05-05'], work: ['2026-05-09'] },
    { name: '端午节', off: ['2026-06-19', '2026-06-21'], work: [] },
    { name: '中秋节', off: ['2026-09-25', '2026-09-27'], work: [] },
    { name: '国庆节', off: ['2026-10-01', '2026-10-07'], work: ['2026-09-20', '2026-10-10'] },
  ],
};

const idx = (day: string) => dayIndexOf(day)!;
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The official answer for every day of `year`: day → is it worked. */
function officialYear(year: number): Map<string, boolean> {
  const result = new Map<string, boolean>();
  for (let i = idx(`${year}-01-01`); i <= idx(`${year}-12-31`); i++) {
    const wd = weekday(dayString(i));
    result.set(dayString(i), wd !== 0 && wd !== 6);
  }
  for (const a of OFFICIAL[year]!) {
    for (let i = idx(a.off[0]); i <= idx(a.off[1]); i++) result.set(dayString(i), false);
    for (const d of a.work) result.set(d, true);
  }
  return result;
}

describe.each([2025, 2026])('%i 年国务院节假日安排', (year) => {
  const calendar = createCalendar();

  it('the hand-written notice is self-consistent: every 调休 workday is a Saturday or Sunday', () => {
    for (const a of OFFICIAL[year]!) for (const d of a.work) expect([0, 6], `${a.name} ${d}`).toContain(weekday(d));
  });

  it('has data for the year', () => {
    expect(calendar.hasData(year)).toBe(true);
  });

  it('agrees with the notice on every day of the year', () => {
    const disagreements = [...officialYear(year)]
      .filter(([day, work]) => calendar.isWorkday(day) !== work)
      .map(([day, work]) => `${day}: notice ${work ? '上班' : '休息'}`);
    expect(disagreements).toEqual([]);
  });

  it('names the holiday a day belongs to, and says when a Saturday is a 调休 workday', () => {
    for (const a of OFFICIAL[year]!) {
      const first = calendar.describeDay(a.off[0]);
      expect(first.work).toBe(false);
      expect(first.source).toBe('schedule');
      expect(a.name).toContain(first.name);
      for (const d of a.work) expect(calendar.describeDay(d)).toMatchObject({ work: true, source: 'schedule' });
    }
  });
});
