/**
 * The grid's filter in SQL. A filter is first *resolved*: lists deduplicated and sorted, empty lists
 * dropped, relative parts (本周, deadline bands, the 30-day window of unhappy callbacks) turned into
 * instants — its canonical JSON is then the cache key of its counts, cursors and id sets.
 *
 * Each dimension compiles to two forms of the same condition on `orders`:
 *   drive — written so SQLite may use the dimension's index to find the rows (counts, small lists,
 *           id sets: the planner picks the most selective index, see migration 005);
 *   probe — the same test with every index on it disabled (unary +, correlated EXISTS), for scans that
 *           must walk a sort index in order and only check each row (big results, keyset pages).
 * The search box is compiled separately (db/search.ts) because its best form depends on how many
 * orders it hits (search.ts).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { compileSearch, type CompiledSearch } from '../../../db/search.js';
import type { DeadlineBandFilter, OrderFilter, TimeRange } from '../../../preload/api.js';
import { beijingParts, DAY_MS, fromBeijing } from '../../../preload/contract/time.js';

export type Cond = RawBuilder<SqlBool>;
export interface Term {
  drive: Cond;
  probe: Cond;
  /** For conditions on another table: the matching order ids, each once (counted without reading orders). */
  ids?: RawBuilder<unknown>;
}

/** Statuses whose handling is not done (the handling deadline still runs). */
export const HANDLING_OPEN = ['received', 'in_progress', 'objecting'] as const;
/** Statuses of orders still on the street's desk (replied ones await the hotline's callback). */
export const STILL_OPEN = ['received', 'in_progress', 'objecting', 'replied'] as const;
/** 不满意/二次办理 looks back this far for unhappy callbacks not yet taken up. */
export const UNHAPPY_WINDOW_DAYS = 30;
const MINUTE = 60_000;

export interface ResolvedFilter {
  /** Canonical JSON: equal filters (whatever their list order) share counts, cursors and sets. */
  key: string;
  /** No condition at all: the whole table. */
  empty: boolean;
  rest: Term[];
  search: CompiledSearch | null;
  /**
   * The filter's only condition, when an index can serve it together with a sort (grid.ts): one value
   * of status, community, source, tier or appeal type (composite indexes), or a category prefix or a
   * date range on the sort's own column.
   */
  only: { dimension: OnlyDimension } | null;
}

export type OnlyDimension = 'status' | 'community' | 'source' | 'tier' | 'appealType' | 'category' | 'receivedAt' | 'handleDueAt';

export interface ResolveContext {
  /** Now, rounded down to the minute by the caller so repeated requests share caches. */
  now: number;
  warnWithinMs: number;
}

const uniqueSorted = <T extends string | number>(xs: readonly T[] | undefined): T[] | undefined =>
  xs && xs.length > 0 ? [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : undefined;

/** The instant where a relative period starts (Beijing time; weeks start on Monday). */
export function periodStart(period: 'today' | 'thisWeek' | 'thisMonth', now: number): number {
  const p = beijingParts(now);
  if (period === 'thisMonth') return fromBeijing(p.year, p.month, 1);
  const today = fromBeijing(p.year, p.month, p.day);
  if (period === 'today') return today;
  const weekday = new Date(today + 8 * 3_600_000).getUTCDay(); // 0 = Sunday
  return today - ((weekday + 6) % 7) * DAY_MS;
}

function intersect(a: TimeRange | undefined, b: TimeRange | undefined): TimeRange | undefined {
  if (!a) return b;
  if (!b) return a;
  const from = Math.max(a.from ?? -Infinity, b.from ?? -Infinity);
  const to = Math.min(a.to ?? Infinity, b.to ?? Infinity);
  return { ...(Number.isFinite(from) ? { from } : {}), ...(Number.isFinite(to) ? { to } : {}) };
}

const rangeEmpty = (r: TimeRange | undefined) => r === undefined || (r.from === undefined && r.to === undefined);

/** A list as SQL values: (?, ?, ?). */
const list = (xs: readonly (string | number)[]) => sql`(${sql.join(xs.map((x) => sql.val(x)))})`;

/** A plain column condition, and the same with the index disabled by unary + on the column. */
function onColumn(column: string, rest: (col: RawBuilder<unknown>) => RawBuilder<unknown>): Term {
  return { drive: sql<SqlBool>`${rest(sql.ref(`orders.${column}`))}`, probe: sql<SqlBool>`${rest(sql`+${sql.ref(`orders.${column}`)}`)}` };
}

function range(column: string, r: TimeRange): Term {
  const cond = (col: RawBuilder<unknown>) => {
    const parts = [];
    if (r.from !== undefined) parts.push(sql`${col} >= ${r.from}`);
    if (r.to !== undefined) parts.push(sql`${col} < ${r.to}`);
    return sql`(${sql.join(parts, sql` AND `)})`;
  };
  return onColumn(column, cond);
}

/**
 * A condition on rows of another table keyed by order_id: `id IN (…)` to drive, EXISTS to probe.
 * `once`: at most one such row per order (one lead; a tag once), so the ids need no DISTINCT.
 */
function related(table: 'order_units' | 'order_tags', where: RawBuilder<unknown>, negate = false, once = false): Term {
  const t = sql.table(table);
  const exists = sql<SqlBool>`${sql.raw(negate ? 'NOT ' : '')}EXISTS (SELECT 1 FROM ${t} WHERE ${t}.order_id = orders.id AND ${where})`;
  if (negate) return { drive: exists, probe: exists };
  return {
    drive: sql<SqlBool>`orders.id IN (SELECT ${t}.order_id FROM ${t} WHERE ${where})`,
    probe: exists,
    ids: sql`SELECT ${sql.raw(once ? '' : 'DISTINCT ')}${t}.order_id FROM ${t} WHERE ${where}`,
  };
}

/**
 * Whole-segment prefixes: p itself or p/…, written as ONE index range [p, p0) ('0' follows '/') with a
 * check that drops siblings such as 'p-x' that sort inside it, so the category index seeks the range.
 */
function categoryTerm(prefixes: string[]): Term {
  const cond = (col: RawBuilder<unknown>) =>
    sql`(${sql.join(
      prefixes.map((p) => (p === '' ? sql`${col} = ''` : sql`(${col} >= ${p} AND ${col} < ${`${p}0`} AND (${col} = ${p} OR ${col} >= ${`${p}/`}))`)),
      sql` OR `,
    )})`;
  return onColumn('category', cond);
}

function bandTerm(bands: DeadlineBandFilter[], ctx: ResolveContext): Term {
  const { now, warnWithinMs } = ctx;
  const one = (b: DeadlineBandFilter, plus: string) => {
    const c = (name: string) => sql.raw(`${plus}orders.${name}`);
    const due = b.kind === 'handle' ? c('handle_due_at') : c('first_contact_due_at');
    // Not done yet: handling is done by the reply (or the return); first contact by its record — or,
    // with none, by the end of handling (a returned or replied order's contact clock has stopped).
    const handlingOpen = sql`${c('status')} IN ${list(HANDLING_OPEN)}`;
    const open = b.kind === 'handle' ? handlingOpen : sql`${c('first_contact_at')} IS NULL AND ${handlingOpen}`;
    const window = b.band === 'overdue' ? sql`${due} < ${now}` : sql`${due} >= ${now} AND ${due} <= ${now + warnWithinMs}`;
    return sql`(${open} AND ${window})`;
  };
  return {
    drive: sql<SqlBool>`(${sql.join(bands.map((b) => one(b, '')), sql` OR `)})`,
    probe: sql<SqlBool>`(${sql.join(bands.map((b) => one(b, '+')), sql` OR `)})`,
  };
}

/**
 * 不满意/二次办理: reopened and not closed yet, or closed (已回访) after an unhappy latest callback of the
 * last 30 days — the ones awaiting the decision to reopen. The candidates come from two small sets
 * (open statuses; the partial index callbacks_unhappy), each row is then checked.
 */
function secondRoundTerm(now: number): Term {
  const since = now - UNHAPPY_WINDOW_DAYS * DAY_MS;
  const unhappy = (c: string) => sql.raw(`${c}.valid = 1 AND (${c}.satisfaction = 'unsatisfied' OR ${c}.resolution = 'unresolved')`);
  const candidates = sql`SELECT o2.id FROM orders o2 WHERE o2.status IN ${list(STILL_OPEN)} AND o2.reopen_count > 0
    UNION ALL SELECT cb.order_id FROM callbacks cb WHERE ${unhappy('cb')} AND cb.at >= ${since}`;
  const latestUnhappy = sql`(SELECT ${unhappy('lc')} FROM callbacks lc WHERE lc.order_id = orders.id ORDER BY lc.at DESC, lc.id DESC LIMIT 1) = 1`;
  const check = (plus: string) =>
    sql`((${sql.raw(`${plus}orders.reopen_count`)} > 0 AND ${sql.raw(`${plus}orders.status`)} IN ${list(STILL_OPEN)}) OR (${sql.raw(`${plus}orders.status`)} = 'callback_done' AND ${latestUnhappy}))`;
  return {
    drive: sql<SqlBool>`(orders.id IN (${candidates}) AND ${check('')})`,
    probe: sql<SqlBool>`(+orders.id IN (${candidates}) AND ${check('+')})`,
  };
}

/** Resolves and compiles a filter (undefined = no filter). */
export function resolveFilter(filter: OrderFilter | undefined, ctx: ResolveContext): ResolvedFilter {
  const f = filter ?? {};
  const canonical: Record<string, unknown> = {};
  const rest: Term[] = [];
  const only: OnlyDimension[] = [];
  let timeRelative = false;

  const enumSet = (name: keyof OrderFilter, column: string, dimension: OnlyDimension) => {
    const xs = uniqueSorted(f[name] as string[] | undefined);
    if (!xs) return;
    canonical[name] = xs;
    rest.push(onColumn(column, (col) => sql`${col} IN ${list(xs)}`));
    if (xs.length === 1) only.push(dimension);
  };
  enumSet('statuses', 'status', 'status');
  enumSet('appealTypes', 'appeal_type', 'appealType');
  enumSet('sources', 'source', 'source');
  enumSet('tiers', 'tier', 'tier');

  const communities = uniqueSorted(f.communityIds);
  if (communities) {
    canonical.communityIds = communities;
    // The expression of the community indexes (unassigned = 0).
    rest.push({
      drive: sql<SqlBool>`coalesce(orders.community_id, 0) IN ${list(communities)}`,
      probe: sql<SqlBool>`+coalesce(orders.community_id, 0) IN ${list(communities)}`,
    });
    if (communities.length === 1) only.push('community');
  }
  for (const [name, role] of [['leadUnitIds', 'lead'], ['assistUnitIds', 'assist']] as const) {
    const ids = uniqueSorted(f[name]);
    if (!ids) continue;
    canonical[name] = ids;
    rest.push(related('order_units', sql`order_units.role = ${role} AND order_units.unit_id IN ${list(ids)}`, false, role === 'lead'));
  }
  const handlers = uniqueSorted([...(f.handlerStaffIds ?? []), ...(f.mineStaffId !== undefined ? [f.mineStaffId] : [])]);
  if (handlers) {
    canonical.handlerStaffIds = handlers;
    rest.push(related('order_units', sql`order_units.handler_staff_id IN ${list(handlers)}`));
  }
  const categories = uniqueSorted(f.categories?.map((c) => c.trim().replace(/\/+$/, '')));
  if (categories) {
    canonical.categories = categories;
    rest.push(categoryTerm(categories));
    if (categories.length === 1 && categories[0] !== '') only.push('category');
  }

  let received = f.receivedAt;
  if (f.receivedIn) {
    received = intersect(received, { from: periodStart(f.receivedIn, ctx.now) });
    timeRelative = true;
  }
  for (const [name, column, r] of [
    ['receivedAt', 'received_at', received],
    ['handleDueAt', 'handle_due_at', f.handleDueAt],
    ['firstContactDueAt', 'first_contact_due_at', f.firstContactDueAt],
  ] as const) {
    if (rangeEmpty(r)) continue;
    canonical[name] = r;
    rest.push(range(column, r!));
    if (name !== 'firstContactDueAt') only.push(name);
  }

  const flags = f.flags ?? {};
  for (const flag of ['difficult', 'supervised', 'unreasonable'] as const) {
    const v = flags[flag];
    if (v === undefined) continue;
    canonical[flag] = v;
    // Literal 1/0 (not a bound value) so the partial indexes `WHERE <flag> = 1` apply.
    rest.push(onColumn(flag, (col) => sql`${col} = ${sql.lit(v ? 1 : 0)}`));
  }
  if (flags.duplicate !== undefined) {
    canonical.duplicate = flags.duplicate;
    rest.push(onColumn('duplicate_of', (col) => sql`${col} ${sql.raw(flags.duplicate ? 'IS NOT NULL' : 'IS NULL')}`));
  }
  if (flags.monthlyTopic !== undefined) {
    canonical.monthlyTopic = flags.monthlyTopic;
    rest.push(related('order_tags', sql`order_tags.tag = 'monthly-topic'`, !flags.monthlyTopic, true));
  }

  if (f.deadlineBands && f.deadlineBands.length > 0) {
    const bands = [...new Map(f.deadlineBands.map((b) => [`${b.kind}:${b.band}`, b])).values()].sort((a, b) =>
      `${a.kind}:${a.band}` < `${b.kind}:${b.band}` ? -1 : 1,
    );
    canonical.deadlineBands = bands;
    canonical.warnWithinMs = ctx.warnWithinMs;
    rest.push(bandTerm(bands, ctx));
    timeRelative = true;
  }
  if (f.secondRound) {
    canonical.secondRound = true;
    rest.push(secondRoundTerm(ctx.now));
    timeRelative = true;
  }

  const orderIds = uniqueSorted(f.orderIds);
  if (orderIds) {
    canonical.orderIds = orderIds;
    // One bound JSON array, not one parameter per id (drill-downs can name tens of thousands).
    const listed = sql`SELECT value FROM json_each(${JSON.stringify(orderIds)})`;
    rest.push({
      drive: sql<SqlBool>`orders.id IN (${listed})`,
      probe: sql<SqlBool>`+orders.id IN (${listed})`,
      // Counted without reading orders, but only ids that exist (a drill-down may name a deleted order).
      ids: sql`SELECT o_ids.id FROM orders o_ids WHERE o_ids.id IN (${listed})`,
    });
  }

  const search = f.search ? compileSearch(f.search) : null;
  if (search) canonical.search = search.key;
  if (timeRelative) canonical.now = ctx.now;

  const empty = rest.length === 0 && search === null;
  const single = rest.length === 1 && search === null && only.length === 1 ? { dimension: only[0]! } : null;
  return { key: JSON.stringify(canonical), empty, rest, search, only: single };
}

/** The AND of conditions (TRUE for none). */
export function and(conds: Cond[]): Cond {
  return conds.length === 0 ? sql<SqlBool>`1` : sql<SqlBool>`(${sql.join(conds, sql` AND `)})`;
}

/** Now rounded down to the minute: the granularity of time-relative filters (their caches last a minute). */
export const minuteOf = (now: number) => now - (now % MINUTE);
