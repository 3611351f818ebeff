/**
 * 首页 (issue 6 item 3): what the desk looks like now and how the running assessment month goes.
 *
 * Each count comes with the grid filter that lists its orders, and the desk's counts are taken through
 * the grid itself (OrderGrid.count): the figure on the dashboard and the 共 N 件 under the grid it opens
 * come from the same query, deadline bands and minute-rounded clock included. The 三率 reuse the
 * assessment engine (and drill down through assessment.orders).
 */
import { sql, type RawBuilder } from 'kysely';
import type { DashboardCount, DashboardOrderItem, DashboardSummary } from '../../../preload/contract/methods/dashboard.js';
import type { OrderFilter } from '../../../preload/contract/methods/orderFilter.js';
import type { OrderStatus } from '../../../preload/contract/enums.js';
import { addDays, beijingDay } from '../../../preload/contract/time.js';
import type { ServiceContext } from '../context.js';
import { assessmentKpi, OPEN_STATUSES, readAssessmentRules, resolvePeriod } from '../assessment/index.js';
import { HANDLING_OPEN, minuteOf } from '../orders/filters.js';
import type { OrderGrid } from '../orders/grid.js';
import { readWorkflowSettings } from '../workflow/settings.js';

export interface SummaryArgs {
  listLimit: number;
}

const TOP_CATEGORY = sql<string>`CASE WHEN instr(category, '/') > 0 THEN substr(category, 1, instr(category, '/') - 1) ELSE category END`;

/** The intake of [from, to) by community and first-level category: one range over the received_at indexes. */
export function monthIntakeQuery(from: number, to: number) {
  return sql<{ g: number; c: string; n: number }>`
    SELECT coalesce(community_id, 0) AS g, ${TOP_CATEGORY} AS c, count(*) AS n
    FROM orders WHERE received_at >= ${from} AND received_at < ${to} GROUP BY 1, 2`;
}

/** Nulls (no callbacks: "—") rank last; ties by the catalog's own order. */
const byScore = (a: { score: number | null }, b: { score: number | null }) => (b.score ?? -1) - (a.score ?? -1);

export async function dashboardSummary(ctx: ServiceContext, grid: OrderGrid, args: SummaryArgs): Promise<DashboardSummary> {
  const db = ctx.handle.db;
  const asOf = ctx.now();
  const today = beijingDay(asOf);
  const counted = async (filter: OrderFilter): Promise<DashboardCount> => ({ count: await grid.count(filter), filter });

  const rules = await readAssessmentRules(db);
  const period = resolvePeriod({ kind: 'month', date: today }, rules);
  const previous = resolvePeriod({ kind: 'month', date: addDays(period.firstDay, -1) }, rules);
  const todayRange = resolvePeriod({ kind: 'day', date: today }, rules);
  const monthRange = { from: period.from, to: period.to };

  const desk = {
    todayIntake: await counted({ receivedAt: { from: todayRange.from, to: todayRange.to } }),
    awaitingAccept: await counted({ statuses: ['received'] }),
    dueSoon: await counted({ deadlineBands: [{ kind: 'handle', band: 'soon' }] }),
    overdue: await counted({ deadlineBands: [{ kind: 'handle', band: 'overdue' }] }),
    contactOverdue: await counted({ deadlineBands: [{ kind: 'firstContact', band: 'overdue' }] }),
  };

  const kpi = await assessmentKpi(ctx, { period: { kind: 'month', date: today }, by: 'community', categoryLevel: 'top' });
  const previousKpi = await assessmentKpi(ctx, { period: { kind: 'month', date: previous.firstDay }, by: 'none', categoryLevel: 'top' });

  // One pass over the month's intake (received_at range): by community and by first-level category.
  const { rows: intakeRows } = await monthIntakeQuery(period.from, period.to).execute(db);
  const byCommunity = new Map<string, number>();
  const byCategory = new Map<string, number>();
  let monthIntake = 0;
  for (const r of intakeRows) {
    byCommunity.set(String(r.g), (byCommunity.get(String(r.g)) ?? 0) + r.n);
    byCategory.set(r.c, (byCategory.get(r.c) ?? 0) + r.n);
    monthIntake += r.n;
  }
  const previousIntake = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('received_at', '>=', previous.from)
    .where('received_at', '<', previous.to)
    .executeTakeFirstOrThrow();

  const categories = [...byCategory]
    .map(([key, n]) => ({ key, label: key === '' ? '未分类' : key, count: n, filter: { categories: [key], receivedAt: monthRange } }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));

  const communities = kpi.groups
    .map((g) => ({ ...g, intake: { count: byCommunity.get(g.key) ?? 0, filter: { communityIds: [Number(g.key)], receivedAt: monthRange } } }))
    .sort(byScore);

  const { warnWithinMs } = await readWorkflowSettings(db);
  const now = minuteOf(asOf);
  return {
    asOf,
    today,
    desk,
    month: {
      period,
      previous,
      intake: { count: monthIntake, filter: { receivedAt: monthRange } },
      previousIntake: Number(previousIntake.n),
      backlog: await counted({ statuses: [...OPEN_STATUSES] }),
      kpi: kpi.total,
      previousKpi: previousKpi.total,
    },
    categories,
    communities,
    overdueList: await openOrders(ctx, sql`o.handle_due_at < ${now}`, args.listLimit),
    dueSoonList: await openOrders(ctx, sql`o.handle_due_at >= ${now} AND o.handle_due_at <= ${now + warnWithinMs}`, args.listLimit),
  };
}

/** Open orders (handling not done) whose handling deadline matches `due`, soonest due first (seeks orders_status_handle_due). */
export function openOrdersQuery(due: RawBuilder<unknown>, limit: number) {
  const open = sql.join(HANDLING_OPEN.map((s) => sql.lit(s)));
  return sql<{ id: number; order_no: string; status: OrderStatus; category: string; community: string | null; handle_due_at: number }>`
    SELECT o.id, o.order_no, o.status, o.category, u.name AS community, o.handle_due_at
    FROM orders o LEFT JOIN units u ON u.id = o.community_id
    WHERE o.status IN (${open}) AND ${due}
    ORDER BY o.handle_due_at, o.id LIMIT ${limit}`;
}

async function openOrders(ctx: ServiceContext, due: RawBuilder<unknown>, limit: number): Promise<DashboardOrderItem[]> {
  const { rows } = await openOrdersQuery(due, limit).execute(ctx.handle.db);
  return rows.map((r) => ({ id: r.id, orderNo: r.order_no, status: r.status, category: r.category, communityName: r.community, handleDueAt: r.handle_due_at }));
}
