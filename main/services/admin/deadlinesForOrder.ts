/**
 * The deadline rules of one open database: the tier table and clock settings plus the working-day
 * calendar built from the holiday overrides (createCalendar(overrides)). Import and workflow code call
 * `deadlinesFor` / `deadlineRules` instead of reading settings themselves.
 *
 * Cached per database: the rules are re-read only when an administrator changed a setting or an
 * override through this process (rulesGeneration) or another process committed (SQLite data_version);
 * the calendar — the expensive part — is rebuilt only when the overrides themselves differ.
 *
 * Inside a transaction pass it as `db`: a query on ctx.handle.db would wait for that same transaction.
 */
import type { Kysely } from 'kysely';
import { externalDataVersion } from '../../../db/connection.js';
import type { Database } from '../../../db/schema.js';
import type { Tier } from '../../../preload/contract/enums.js';
import type { ClockStart } from '../../../preload/contract/methods/settings.js';
import type { ServiceContext } from '../context.js';
import { computeOrderDeadlines, createCalendar, type HolidayOverride, type OrderDeadlines, type TierTable, type WorkCalendar } from '../deadlines/index.js';
import { readSetting } from '../settings.js';
import { rulesGeneration } from './generation.js';

const HOUR_MS = 3_600_000;

export interface DeadlineRules {
  readonly tiers: TierTable;
  readonly calendar: WorkCalendar;
  /** Whether the clock starts at 派单时间 or at 签收 (setting 'deadlines.clockStart'). */
  readonly clockStart: ClockStart;
  /** The 即将超时 band (setting 'deadlines.warnWithinHours'), in ms. */
  readonly warnWithinMs: number;
  /** Setting 'workflow.objectionPausesClock'. */
  readonly objectionPausesClock: boolean;
  /** Both deadlines of an order whose clock starts at `startMs`. Synchronous: safe in bulk loops. */
  deadlinesFor(startMs: number, tier: Tier): OrderDeadlines;
  /**
   * When an order's clock starts: its dispatch time, or its acceptance under clockStart = 'accepted'
   * (an order not yet accepted runs provisionally from dispatch until it is).
   */
  clockStartOf(order: { dispatchedAt: number; acceptedAt: number | null }): number;
}

interface CalendarCache {
  overridesKey: string;
  calendar: WorkCalendar;
}
interface RulesCache {
  stamp: string;
  rules: DeadlineRules;
}

// Keyed by the context of each open database: nothing here outlives or crosses databases.
const calendars = new WeakMap<ServiceContext, CalendarCache>();
const rulesCache = new WeakMap<ServiceContext, RulesCache>();

function stampOf(ctx: ServiceContext): string {
  return `${rulesGeneration(ctx)}:${externalDataVersion(ctx.handle.sqlite)}`;
}

export async function readOverrides(db: Kysely<Database>): Promise<HolidayOverride[]> {
  return db.selectFrom('holiday_overrides').select(['day', 'kind']).orderBy('day').execute();
}

/** The calendar for these overrides: the cached one when they are unchanged, else a fresh build. */
function calendarFor(ctx: ServiceContext, overrides: readonly HolidayOverride[]): WorkCalendar {
  const overridesKey = overrides.map((o) => `${o.day}${o.kind === 'workday' ? '+' : '-'}`).join(',');
  const hit = calendars.get(ctx);
  if (hit && hit.overridesKey === overridesKey) return hit.calendar;
  const calendar = createCalendar(overrides);
  calendars.set(ctx, { overridesKey, calendar });
  return calendar;
}

export async function deadlineRules(ctx: ServiceContext, db: Kysely<Database> = ctx.handle.db): Promise<DeadlineRules> {
  const stamp = stampOf(ctx);
  const hit = rulesCache.get(ctx);
  if (hit && hit.stamp === stamp) return hit.rules;

  const tiers = await readSetting(db, 'deadlines.tiers');
  const warnWithinHours = await readSetting(db, 'deadlines.warnWithinHours');
  const clockStart = await readSetting(db, 'deadlines.clockStart');
  const objectionPausesClock = await readSetting(db, 'workflow.objectionPausesClock');
  const calendar = calendarFor(ctx, await readOverrides(db));
  const rules: DeadlineRules = {
    tiers,
    calendar,
    clockStart,
    warnWithinMs: warnWithinHours * HOUR_MS,
    objectionPausesClock,
    deadlinesFor: (startMs, tier) => computeOrderDeadlines(startMs, tier, tiers, calendar),
    clockStartOf: (o) => (clockStart === 'accepted' && o.acceptedAt !== null ? o.acceptedAt : o.dispatchedAt),
  };
  // Keep only what was read outside any transaction (a caller's transaction may still roll back), and
  // not if a change began while we were reading (it bumped the generation).
  if (db === ctx.handle.db && stampOf(ctx) === stamp) rulesCache.set(ctx, { stamp, rules });
  return rules;
}

/** Both deadlines of an order started at `startMs` under `tier`, with this database's tiers and calendar. */
export async function deadlinesFor(ctx: ServiceContext, startMs: number, tier: Tier, db?: Kysely<Database>): Promise<OrderDeadlines> {
  return (await deadlineRules(ctx, db)).deadlinesFor(startMs, tier);
}

/** The working-day calendar with this database's holiday overrides. */
export async function currentCalendar(ctx: ServiceContext, db?: Kysely<Database>): Promise<WorkCalendar> {
  return (await deadlineRules(ctx, db)).calendar;
}
