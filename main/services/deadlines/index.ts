/**
 * The deadline engine (DESIGN §3): working-day calendar, tier table, due-date arithmetic and warning
 * bands. Pure: no database, no clock of its own — callers pass overrides, settings and `now`.
 */
export {
  createCalendar,
  dayIndexOf,
  dayIndexOfInstant,
  dayString,
  type DayInfo,
  type HolidayOverride,
  type OverrideKind,
  type WorkCalendar,
} from './calendar.js';
export {
  DEFAULT_TIERS,
  DURATION_UNITS,
  DURATION_UNIT_LABEL,
  TIERS_SETTING_KEY,
  describeDuration,
  durationSchema,
  parseTierTable,
  readTierTable,
  tierRuleSchema,
  tierTableSchema,
  type Duration,
  type DurationUnit,
  type TierRule,
  type TierTable,
} from './tiers.js';
export {
  computeDue,
  computeOrderDeadlines,
  deadlineBand,
  endOfDayIndex,
  extendDue,
  type DeadlineBand,
  type DueResult,
  type OrderDeadlines,
} from './compute.js';
