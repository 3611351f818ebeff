/**
 * The forecast: which open orders can still move this period's 三率, and by how much. Kept simple and
 * explained: each pending order, if called back within the period, adds one valid callback to its group
 * and to the street — "好" (已联系、已解决、满意) or "差" (未解决、不满意; and 未联系 when nobody has
 * contacted the citizen yet) — and we show the rates either way.
 *
 * Pending orders: 已办结待回访 (the hotline calls back within days: most likely inside the period), then
 * 已超时 and 办理中 orders due before the period ends (due later, their callback will mostly fall in a
 * later period). Orders the formula leaves out (咨询, approved 不合理诉求 / 重复件) cannot move the rates.
 * The future callback is scored by the formula in force today.
 */
import { sql } from 'kysely';
import type { AssessmentForecast, AssessmentPeriod, ForecastItem } from '../../../preload/contract/methods/assessment.js';
import { FORECAST_STAGE } from '../../../preload/contract/methods/assessment.js';
import type { OrderStatus } from '../../../preload/contract/enums.js';
import type { ServiceContext } from '../context.js';
import { formulaAt, isExcluded } from './formulas.js';
import type { GroupDim } from './groups.js';
import { frameOf, groupTallies, type KpiArgs } from './kpi.js';
import { currentMonth } from './periods.js';
import { addCallbacks, emptyTally, figures, withOneMore, type Tally } from './rates.js';

export interface ForecastArgs extends Omit<KpiArgs, 'period'> {
  period?: AssessmentPeriod;
  limit: number;
}

export const FORECAST_METHOD =
  '按今天适用的考核公式估算：每件工单若在本期内回访，计入一条有效回访。“好”指已联系、已解决、满意；' +
  '“差”指未解决、不满意（尚未联系过诉求人的，同时按未联系计）。已办结待回访的工单最可能在本期回访，列在最前；' +
  '已超时和办理中的工单只列本期结束前到期的。咨询件及已核准的不合理诉求、重复件不计入考核，不在此列。';

type Rates = Pick<ReturnType<typeof figures>, 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'score'>;

function ratesOf(t: Tally): Rates {
  const f = figures(t);
  return { responseRate: f.responseRate, resolutionRate: f.resolutionRate, satisfactionRate: f.satisfactionRate, score: f.score };
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);
const pts = (s: number | null) => (s === null ? '—' : s.toFixed(2));
/** How far the score moves: one callback among thousands moves it by less than 0.01, so say so. */
function change(before: number | null, after: number | null): string {
  if (before === null || after === null) return '';
  const d = after - before;
  const abs = Math.abs(d);
  if (abs < 0.0005) return '（不变）';
  return `（${d > 0 ? '+' : '−'}${abs < 0.01 ? abs.toFixed(3) : abs.toFixed(2)}）`;
}

function explain(scope: string, now: Rates, good: Rates, bad: Rates, uncontacted: boolean): string {
  return (
    `若回访满意、已解决：${scope}满意率 ${pct(now.satisfactionRate)} → ${pct(good.satisfactionRate)}，` +
    `解决率 ${pct(now.resolutionRate)} → ${pct(good.resolutionRate)}，综合得分 ${pts(now.score)} → ${pts(good.score)}${change(now.score, good.score)}；` +
    `若不满意、未解决${uncontacted ? '（且未联系）' : ''}：满意率 → ${pct(bad.satisfactionRate)}，` +
    `解决率 → ${pct(bad.resolutionRate)}${uncontacted ? `，响应率 → ${pct(bad.responseRate)}` : ''}，综合得分 → ${pts(bad.score)}${change(now.score, bad.score)}。`
  );
}

interface Candidate {
  id: number;
  order_no: string;
  status: OrderStatus;
  handle_due_at: number;
  first_contact_at: number | null;
  g: string | number;
  t: string;
  ua: number;
  da: number;
}

/** Orders waiting for a callback, and open orders due before the period ends (seeks the status index). */
export function pendingQuery(dim: GroupDim, periodTo: number) {
  return sql<Candidate>`
    SELECT o.id, o.order_no, o.status, o.handle_due_at, o.first_contact_at, ${dim.key} AS g, o.appeal_type AS t,
      (o.unreasonable = 1 AND o.unreasonable_approved = 1) AS ua, (o.duplicate_of IS NOT NULL AND o.duplicate_approved = 1) AS da
    FROM orders o ${dim.joins}
    WHERE o.status IN ('replied', 'received', 'in_progress') AND (o.status = 'replied' OR o.handle_due_at < ${periodTo})`;
}

const STAGE_RANK = { awaitingCallback: 0, overdue: 1, inHandling: 2 } as const;

export async function assessmentForecast(ctx: ServiceContext, args: ForecastArgs): Promise<AssessmentForecast> {
  const db = ctx.handle.db;
  const now = ctx.now();
  const frame = await frameOf(db, { ...args, period: args.period ?? currentMonth(now) });
  const { period, dim, rules } = frame;
  const { groups, total } = await groupTallies(db, frame);
  const nowRates = ratesOf(total);
  const base = { period, asOf: now, by: args.by, now: nowRates, method: FORECAST_METHOD };
  if (period.to <= now) return { ...base, open: false, ifAllGood: nowRates, ifAllBad: nowRates, pendingCount: 0, items: [] };

  const formula = formulaAt(rules.formulas, Math.min(Math.max(now, period.from), period.to - 1));
  const { rows } = await pendingQuery(dim, period.to).execute(db);
  const pending = rows
    .filter((r) => !isExcluded(formula, { appealType: r.t, unreasonableApproved: r.ua === 1, duplicateApproved: r.da === 1 }))
    .map((r) => ({ ...r, stage: r.status === 'replied' ? 'awaitingCallback' : r.handle_due_at < now ? 'overdue' : 'inHandling' }) as Candidate & { stage: keyof typeof STAGE_RANK })
    .sort((a, b) => STAGE_RANK[a.stage] - STAGE_RANK[b.stage] || a.handle_due_at - b.handle_due_at || a.id - b.id);

  const contactedCount = pending.filter((p) => p.first_contact_at !== null).length;
  const allGood = { ...total };
  addCallbacks(allGood, formula, { n: pending.length, contacted: pending.length, resolved: pending.length, partial: 0, unresolved: 0, satisfied: pending.length, basic: 0, unsatisfied: 0, unrated: 0 }, false);
  const allBad = { ...total };
  addCallbacks(allBad, formula, { n: pending.length, contacted: contactedCount, resolved: 0, partial: 0, unresolved: pending.length, satisfied: 0, basic: 0, unsatisfied: pending.length, unrated: 0 }, false);

  const byKey = new Map(groups.map((g) => [g.key, g]));
  const items: ForecastItem[] = pending.slice(0, args.limit).map((p) => {
    const key = String(p.g);
    const group = byKey.get(key) ?? { key, label: key, tally: emptyTally() };
    const contacted = p.first_contact_at !== null;
    const scope = args.by === 'none' ? '全街道' : group.label;
    const groupNow = ratesOf(group.tally);
    const ifGood = ratesOf(withOneMore(group.tally, formula, true, true));
    const ifBad = ratesOf(withOneMore(group.tally, formula, false, contacted));
    return {
      orderId: p.id,
      orderNo: p.order_no,
      status: p.status,
      stage: p.stage,
      stageLabel: FORECAST_STAGE.label[p.stage],
      handleDueAt: p.handle_due_at,
      groupKey: key,
      groupLabel: scope,
      groupNow,
      ifGood,
      ifBad,
      totalIfGood: ratesOf(withOneMore(total, formula, true, true)),
      totalIfBad: ratesOf(withOneMore(total, formula, false, contacted)),
      explanation: explain(scope, groupNow, ifGood, ifBad, !contacted),
    };
  });
  return { ...base, open: true, ifAllGood: ratesOf(allGood), ifAllBad: ratesOf(allBad), pendingCount: pending.length, items };
}
