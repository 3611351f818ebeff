/**
 * The dashboard's trend: for each of the last N Beijing days (today included), the orders received and
 * the 三率 of the callbacks made that day. The callbacks are tallied by the assessment engine itself
 * (tallyCallbacks, with each formula segment and exclusion), grouped by Beijing day instead of by a
 * unit, so a day's figures equal assessment.kpi for that day and drill down through assessment.orders.
 */
import { sql } from 'kysely';
import type { DashboardTrend } from '../../../preload/contract/methods/dashboard.js';
import { addDays, BEIJING_OFFSET_MS, beijingDay, DAY_MS, startOfBeijingDay } from '../../../preload/contract/time.js';
import type { ServiceContext } from '../context.js';
import { emptyTally, figures, readAssessmentRules, segmentsOf } from '../assessment/index.js';
import type { GroupDim } from '../assessment/groups.js';
import { tallyCallbacks } from '../assessment/tally.js';

/** Days since the epoch in Beijing time, as the key of the callbacks' buckets. */
export const dayDim: GroupDim = {
  by: 'none',
  key: sql`(c.at + ${sql.lit(BEIJING_OFFSET_MS)}) / ${sql.lit(DAY_MS)}`,
  joins: sql``,
  factsOnly: true,
  value: (text) => Number(text),
  catalog: async () => [],
};

/** Orders received per Beijing day in [from, to): the covering received_at index only. */
export function dailyIntakeQuery(from: number, to: number) {
  return sql<{ d: number; n: number }>`
    SELECT (received_at + ${sql.lit(BEIJING_OFFSET_MS)}) / ${sql.lit(DAY_MS)} AS d, count(*) AS n
    FROM orders WHERE received_at >= ${from} AND received_at < ${to} GROUP BY 1`;
}

const dayIndex = (day: string) => Math.floor((startOfBeijingDay(day) + BEIJING_OFFSET_MS) / DAY_MS);

export async function dashboardTrend(ctx: ServiceContext, args: { days: number }): Promise<DashboardTrend> {
  const db = ctx.handle.db;
  const today = beijingDay(ctx.now());
  const first = addDays(today, 1 - args.days);
  const from = startOfBeijingDay(first);
  const to = startOfBeijingDay(addDays(today, 1));

  const { rows } = await dailyIntakeQuery(from, to).execute(db);
  const intake = new Map(rows.map((r) => [r.d, r.n]));

  const rules = await readAssessmentRules(db);
  const tallies = await tallyCallbacks(db, dayDim, segmentsOf(rules.formulas, from, to));

  const days = [];
  for (let day = first; day <= today; day = addDays(day, 1)) {
    const i = dayIndex(day);
    const f = figures(tallies.get(String(i)) ?? emptyTally());
    days.push({
      day,
      intake: intake.get(i) ?? 0,
      validCallbacks: f.validCallbacks,
      responseRate: f.responseRate,
      resolutionRate: f.resolutionRate,
      satisfactionRate: f.satisfactionRate,
      score: f.score,
    });
  }
  return { from, to, days };
}
