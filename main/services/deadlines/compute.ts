/**
 * Deadline arithmetic (DESIGN §3), as in Chinese administrative practice: 期间开始的当日不计入.
 *   hours         → exactly N hours after the start;
 *   calendar days → 23:59:59 Beijing of the Nth day after the start day;
 *   working days  → 23:59:59 Beijing of the Nth working day after the start day
 *                   (the start day never counts, whether or not it is a working day).
 * Only working-day counts depend on the holiday schedule, so only they can be `calendarMissing`.
 */
import type { Tier } from '../../../preload/contract/enums.js';
import { BEIJING_OFFSET_MS, DAY_MS } from '../../../preload/contract/time.js';
import { dayIndexOfInstant, type WorkCalendar } from './calendar.js';
import type { Duration, TierTable } from './tiers.js';

export interface DueResult {
  /** Epoch ms. */
  due: number;
  /** The count crossed a year without State Council data: computed on weekends only, may be wrong. */
  calendarMissing: boolean;
}

export interface OrderDeadlines {
  firstContactDueAt: number;
  handleDueAt: number;
  calendarMissing: boolean;
}

const HOUR_MS = 3_600_000;
/** From the start of day index 0 (epoch) to 23:59:59 Beijing of that day. */
const END_OF_DAY_SHIFT = DAY_MS - 1000 - BEIJING_OFFSET_MS;

/** 23:59:59 Beijing of a day index. */
export function endOfDayIndex(index: number): number {
  return index * DAY_MS + END_OF_DAY_SHIFT;
}

export function computeDue(startMs: number, duration: Duration, calendar: WorkCalendar): DueResult {
  const { amount, unit } = duration;
  if (unit === 'hours') {
    if (!(amount > 0) || !Number.isFinite(amount)) throw new RangeError(`hours must be positive, got ${amount}`);
    return { due: startMs + amount * HOUR_MS, calendarMissing: false };
  }
  if (!Number.isInteger(amount) || amount < 1) throw new RangeError(`${unit} must be a positive integer, got ${amount}`);
  const startDay = dayIndexOfInstant(startMs);
  if (unit === 'calendarDays') return { due: endOfDayIndex(startDay + amount), calendarMissing: false };
  const dueDay = calendar.addWorkingDays(startDay, amount);
  return { due: endOfDayIndex(dueDay), calendarMissing: calendar.lacksData(startDay, dueDay) };
}

/** Both deadlines of an order whose clock starts at `startMs`, from its tier's rule. */
export function computeOrderDeadlines(startMs: number, tier: Tier, tiers: TierTable, calendar: WorkCalendar): OrderDeadlines {
  const rule = tiers[tier];
  const firstContact = computeDue(startMs, rule.firstContact, calendar);
  const handle = computeDue(startMs, rule.handle, calendar);
  return {
    firstContactDueAt: firstContact.due,
    handleDueAt: handle.due,
    calendarMissing: firstContact.calendarMissing || handle.calendarMissing,
  };
}

/**
 * An approved extension (延期) counts on from the current deadline by the same rule: a working-day
 * extension of a due at 23:59:59 on day D ends on the Nth working day after D.
 */
export function extendDue(currentDueMs: number, extension: Duration, calendar: WorkCalendar): DueResult {
  return computeDue(currentDueMs, extension, calendar);
}

/**
 * The warning band of one deadline (首次联系 or 办理):
 *   met / late   — done, on or before the due / after it;
 *   overdue      — 已超时: not done and the due has passed;
 *   soon         — 即将超时: not done, due within `warnWithinMs` (24 h ⚙);
 *   ok           — otherwise.
 * A due of 23:59:59 is still met at 23:59:59 itself.
 */
export type DeadlineBand = 'ok' | 'soon' | 'overdue' | 'met' | 'late';

export function deadlineBand(dueAt: number, now: number, doneAt: number | null, warnWithinMs = 24 * HOUR_MS): DeadlineBand {
  if (doneAt !== null) return doneAt <= dueAt ? 'met' : 'late';
  if (now > dueAt) return 'overdue';
  return dueAt - now <= warnWithinMs ? 'soon' : 'ok';
}
