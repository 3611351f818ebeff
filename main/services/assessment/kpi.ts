/**
 * The 三率 of a period, in total and by group: what the dashboard, the reports and `jiesu kpi` show.
 * Callbacks count in the period their callback time falls in (Beijing time), valid ones only.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { AssessmentGroupBy, AssessmentKpi, AssessmentPeriod, ResolvedPeriod } from '../../../preload/contract/methods/assessment.js';
import { describeFormula } from '../../../preload/contract/methods/assessmentSettings.js';
import type { ServiceContext } from '../context.js';
import { readAssessmentRules, segmentsOf, type AssessmentRules, type Segment } from './formulas.js';
import { groupDim, type CategoryLevel, type GroupDim } from './groups.js';
import { resolvePeriod } from './periods.js';
import { emptyTally, figures, mergeTally, type Tally } from './rates.js';
import { tallyCallbacks } from './tally.js';

export interface KpiArgs {
  period: AssessmentPeriod;
  by: AssessmentGroupBy;
  categoryLevel: CategoryLevel;
}

/** Everything a computation over one period needs, read once. */
export interface Frame {
  rules: AssessmentRules;
  period: ResolvedPeriod;
  segments: Segment[];
  dim: GroupDim;
}

export async function frameOf(db: Kysely<Database>, args: KpiArgs): Promise<Frame> {
  const rules = await readAssessmentRules(db);
  const period = resolvePeriod(args.period, rules);
  return { rules, period, segments: segmentsOf(rules.formulas, period.from, period.to), dim: groupDim(args.by, args.categoryLevel) };
}

/** Tallies of every listed group (empty ones included) and of the total. */
export async function groupTallies(db: Kysely<Database>, frame: Frame): Promise<{ groups: Array<{ key: string; label: string; tally: Tally }>; total: Tally }> {
  const byKey = await tallyCallbacks(db, frame.dim, frame.segments);
  const total = emptyTally();
  for (const t of byKey.values()) mergeTally(total, t);
  const catalog = await frame.dim.catalog(db, [...byKey.keys()]);
  return { groups: catalog.map((g) => ({ ...g, tally: byKey.get(g.key) ?? emptyTally() })), total };
}

export async function assessmentKpi(ctx: ServiceContext, args: KpiArgs): Promise<AssessmentKpi> {
  const db = ctx.handle.db;
  const frame = await frameOf(db, args);
  const { groups, total } = await groupTallies(db, frame);
  return {
    period: frame.period,
    by: args.by,
    categoryLevel: args.categoryLevel,
    total: figures(total),
    groups: args.by === 'none' ? [] : groups.map((g) => ({ key: g.key, label: g.label, ...figures(g.tally) })),
    formulas: frame.segments.map((s) => ({ from: s.from, to: s.to, formula: s.formula, description: describeFormula(s.formula) })),
  };
}
