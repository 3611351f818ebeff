/**
 * Contract methods of the dashboard (首页, issue 6 item 3): today's desk, the running assessment month
 * with its 三率 and 环比, community ranking, category distribution, the overdue and at-risk orders, and
 * a daily trend. Every count comes with the grid filter that lists exactly its orders (drill-down);
 * the 三率 drill down through assessment.orders.
 */
import { z } from 'zod';
import { ORDER_STATUS } from '../enums.js';
import { method } from '../method.js';
import { epochMs, id } from '../scalars.js';
import { AssessmentFigures, ResolvedPeriod } from './assessment.js';
import { OrderFilter } from './orderFilter.js';

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable();

/** A count and the grid filter that shows exactly those orders. */
export const DashboardCount = z.object({ count, filter: OrderFilter });
export type DashboardCount = z.infer<typeof DashboardCount>;

/** An open order past or near its handling deadline. */
export const DashboardOrderItem = z.object({
  id,
  orderNo: z.string(),
  status: z.enum(ORDER_STATUS.codes),
  category: z.string(),
  communityName: z.string().nullable(),
  handleDueAt: epochMs,
});
export type DashboardOrderItem = z.infer<typeof DashboardOrderItem>;

export const DashboardSummary = z.object({
  asOf: epochMs,
  /** Today in Beijing time, 'YYYY-MM-DD'. */
  today: z.string(),
  /** The desk now: today's intake, and the open orders by state and deadline band (handling deadline). */
  desk: z.object({
    todayIntake: DashboardCount,
    awaitingAccept: DashboardCount,
    dueSoon: DashboardCount,
    overdue: DashboardCount,
    contactOverdue: DashboardCount,
  }),
  /** The assessment month containing today, and the one before for 环比. */
  month: z.object({
    period: ResolvedPeriod,
    previous: ResolvedPeriod,
    intake: DashboardCount,
    previousIntake: count,
    /** 存量 now: 待签收 / 异议审核中 / 办理中. */
    backlog: DashboardCount,
    kpi: AssessmentFigures,
    previousKpi: AssessmentFigures,
  }),
  /** This month's intake by first-level category, largest first. '' = 未分类. */
  categories: z.array(z.object({ key: z.string(), label: z.string(), count, filter: OrderFilter })),
  /** Every community, best score first (no callbacks last): the month's 三率 and intake. */
  communities: z.array(AssessmentFigures.extend({ key: z.string(), label: z.string(), intake: DashboardCount })),
  /** The most overdue open orders, and those due soonest within the warning window (at most `listLimit` each). */
  overdueList: z.array(DashboardOrderItem),
  dueSoonList: z.array(DashboardOrderItem),
});
export type DashboardSummary = z.infer<typeof DashboardSummary>;

export const DashboardTrendDay = z.object({
  day: z.string(),
  intake: count,
  validCallbacks: count,
  responseRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
  score: z.number().min(0).max(100).nullable(),
});
export type DashboardTrendDay = z.infer<typeof DashboardTrendDay>;

export const DashboardTrend = z.object({ from: epochMs, to: epochMs, days: z.array(DashboardTrendDay) });
export type DashboardTrend = z.infer<typeof DashboardTrend>;

export const dashboardMethods = {
  'dashboard.summary': method(
    z.object({ listLimit: z.number().int().min(1, '条数至少为 1').max(100, '一次最多 100 条').default(10) }).strict(),
    DashboardSummary,
    '首页：今日与本考核月概况、社区排名、分类分布、超时与即将超时工单',
  ),
  'dashboard.trend': method(
    z.object({ days: z.number().int().min(7, '至少 7 天').max(92, '最多 92 天').default(30) }).strict(),
    DashboardTrend,
    '首页趋势：最近若干天（含今天）每天的新收工单与三率',
  ),
} as const;
