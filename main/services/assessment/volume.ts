/**
 * 存量 (backlog), 增量 (intake) and the 首办 rate, by the same groups as the 三率 (DESIGN §5: every report
 * shows them).
 *
 *  - 增量: orders received (受理时间) in the period.
 *  - 存量: orders still open — 待签收, 异议审核中, 办理中 — at the period's end, or now while the period
 *    runs. 已办结 orders wait only for the hotline's callback and are no longer the street's backlog.
 *    For a past moment an order counts when it was received before it and replied (or returned) after
 *    it; an order now in 二次办理 counts as open since it was received (its reopening time is in the
 *    timeline, not on the row), a small overcount for past moments only.
 *  - 首办: among orders closed by a callback in the period (已回访, the close being their latest
 *    callback), those resolved at the first handling. Imported orders carry no 首办 flag: for them the
 *    rule of the workflow applies (never reopened, and the closing callback not 不满意 / 未解决).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { AssessmentVolume, VolumeFigures } from '../../../preload/contract/methods/assessment.js';
import type { ServiceContext } from '../context.js';
import type { GroupDim } from './groups.js';
import { frameOf, type KpiArgs } from './kpi.js';

export const OPEN_STATUSES = ['received', 'objecting', 'in_progress'] as const;

/** Rows (g, id, ftr) of one volume measure; ftr only for `closed`. */
interface Row {
  g: string | number;
  id: number;
  ftr: number;
}
type Rows = RawBuilder<Row>;

function inGroup(dim: GroupDim, group: string | undefined) {
  return group === undefined ? sql`` : sql`AND ${dim.key} = ${dim.value(group)}`;
}

export function intakeRows(dim: GroupDim, from: number, to: number, group?: string): Rows {
  return sql<Row>`SELECT ${dim.key} AS g, o.id AS id, 0 AS ftr FROM orders o ${dim.joins}
    WHERE o.received_at >= ${from} AND o.received_at < ${to} ${inGroup(dim, group)}`;
}

/**
 * Open at `at`; `current` = `at` is now (the row's status tells it all). For a past moment the unary
 * `+` keeps the planner on orders_replied_at (orders replied after the moment: few) rather than the
 * status index (every order ever replied).
 */
export function backlogRows(dim: GroupDim, at: number, current: boolean, group?: string): Rows {
  const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
  const g = inGroup(dim, group);
  const head = sql`SELECT ${dim.key} AS g, o.id AS id, 0 AS ftr FROM orders o ${dim.joins}`;
  const stillOpen = sql<Row>`${head} WHERE o.status IN (${open}) AND o.received_at < ${at} ${g}`;
  if (current) return stillOpen;
  return sql<Row>`${stillOpen}
    UNION ALL ${head} WHERE o.replied_at >= ${at} AND +o.received_at < ${at} AND +o.status IN ('replied', 'callback_done') ${g}
    UNION ALL ${head} WHERE o.status = 'returned' AND o.closed_at >= ${at} AND o.received_at < ${at} ${g}`;
}

/** CROSS JOIN: SQLite keeps the order, so the month's callbacks drive (not every 已回访 order). */
export function closedRows(dim: GroupDim, from: number, to: number, group?: string): Rows {
  return sql<Row>`SELECT ${dim.key} AS g, o.id AS id,
      coalesce(o.first_time_resolved,
        CASE WHEN o.reopen_count > 0 OR (c.valid = 1 AND (c.satisfaction = 'unsatisfied' OR c.resolution = 'unresolved')) THEN 0 ELSE 1 END) AS ftr
    FROM callbacks c CROSS JOIN orders o ON o.id = c.order_id ${dim.joins}
    WHERE c.at >= ${from} AND c.at < ${to} AND o.status = 'callback_done' ${inGroup(dim, group)}
      AND NOT EXISTS (SELECT 1 FROM callbacks l WHERE l.order_id = c.order_id AND (l.at > c.at OR (l.at = c.at AND l.id > c.id)))`;
}

async function countBy(db: Kysely<Database>, rows: Rows): Promise<Map<string, { n: number; ftr: number }>> {
  const { rows: out } = await sql<{ g: string | number; n: number; ftr: number }>`SELECT g, count(*) AS n, total(ftr) AS ftr FROM (${rows}) GROUP BY g`.execute(db);
  return new Map(out.map((r) => [String(r.g), { n: r.n, ftr: r.ftr }]));
}

function volumeFigures(intake: number, backlog: number, closed: number, firstTime: number): VolumeFigures {
  return { intake, backlog, closed, firstTime, firstTimeRate: closed === 0 ? null : Number((firstTime / closed).toFixed(6)) };
}

/** The moment of the 存量: the period's end, or now while it runs. */
export function backlogMoment(periodTo: number, now: number): { at: number; current: boolean } {
  return periodTo >= now ? { at: now, current: true } : { at: periodTo, current: false };
}

export async function assessmentVolume(ctx: ServiceContext, args: KpiArgs): Promise<AssessmentVolume> {
  const db = ctx.handle.db;
  const { period, dim } = await frameOf(db, args);
  const moment = backlogMoment(period.to, ctx.now());
  const intake = await countBy(db, intakeRows(dim, period.from, period.to));
  const backlog = await countBy(db, backlogRows(dim, moment.at, moment.current));
  const closed = await countBy(db, closedRows(dim, period.from, period.to));
  const seen = [...new Set([...intake.keys(), ...backlog.keys(), ...closed.keys()])];
  const catalog = await dim.catalog(db, seen);
  const of = (key: string) =>
    volumeFigures(intake.get(key)?.n ?? 0, backlog.get(key)?.n ?? 0, closed.get(key)?.n ?? 0, closed.get(key)?.ftr ?? 0);
  const sum = (m: Map<string, { n: number; ftr: number }>, f: 'n' | 'ftr') => [...m.values()].reduce((a, v) => a + v[f], 0);
  return {
    period,
    by: args.by,
    categoryLevel: args.categoryLevel,
    backlogAt: moment.at,
    total: volumeFigures(sum(intake, 'n'), sum(backlog, 'n'), sum(closed, 'n'), sum(closed, 'ftr')),
    groups: args.by === 'none' ? [] : catalog.map((g) => ({ key: g.key, label: g.label, ...of(g.key) })),
  };
}
