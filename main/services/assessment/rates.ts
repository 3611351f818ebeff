/**
 * The 三率 arithmetic, free of SQL: callbacks are added in buckets (same group, same formula, same
 * exclusion facts) and turned into figures.
 *
 *   响应率 = 已联系 ÷ 有效回访
 *   解决率 = (已解决 + w₁ × 部分解决) ÷ 有效回访
 *   满意率 = (满意 + w₂ × 基本满意) ÷ 有效回访
 *   综合得分 = 100 × (w_R × 响应率 + w_S × 解决率 + w_M × 满意率)
 *
 * Choices (documented for the lead and the clerk):
 *  - 未评价 stays in the denominator and counts 0: the callback was valid and reached the citizen, only
 *    the rating is missing; dropping it would let an unrated callback raise the rate, and the 满意率 is
 *    "satisfied out of valid callbacks" in DESIGN §4.
 *  - Every valid callback counts, so an order called back twice in a period (after 二次办理) counts
 *    twice: the hotline scores each callback, and the drill-down lists the order once.
 *  - With several formulas in one period, each callback carries its own formula's w₁, w₂ and weights;
 *    the score is the mean of the callbacks' scores, which equals the formula above when one formula
 *    covers the whole period.
 *  - No valid callbacks → every rate and the score are null (shown as "—"), never NaN.
 */
import type { AssessmentFigures } from '../../../preload/contract/methods/assessment.js';
import type { AssessmentFormula } from '../../../preload/contract/methods/assessmentSettings.js';

/** Callback counts of one bucket (all valid callbacks). */
export interface CallbackCounts {
  n: number;
  contacted: number;
  resolved: number;
  partial: number;
  unresolved: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
  unrated: number;
}

export interface Tally extends Omit<CallbackCounts, 'n'> {
  valid: number;
  excluded: number;
  resolutionPoints: number;
  satisfactionPoints: number;
  scorePoints: number;
}

export function emptyTally(): Tally {
  return {
    valid: 0, contacted: 0, resolved: 0, partial: 0, unresolved: 0, satisfied: 0, basic: 0, unsatisfied: 0, unrated: 0,
    excluded: 0, resolutionPoints: 0, satisfactionPoints: 0, scorePoints: 0,
  };
}

/** Adds a bucket of callbacks scored by `f`; an excluded bucket only counts as 核减. */
export function addCallbacks(t: Tally, f: AssessmentFormula, c: CallbackCounts, excluded: boolean): void {
  if (excluded) {
    t.excluded += c.n;
    return;
  }
  t.valid += c.n;
  t.contacted += c.contacted;
  t.resolved += c.resolved;
  t.partial += c.partial;
  t.unresolved += c.unresolved;
  t.satisfied += c.satisfied;
  t.basic += c.basic;
  t.unsatisfied += c.unsatisfied;
  t.unrated += c.unrated;
  const resolution = c.resolved + f.partialResolvedWeight * c.partial;
  const satisfaction = c.satisfied + f.basicSatisfiedWeight * c.basic;
  t.resolutionPoints += resolution;
  t.satisfactionPoints += satisfaction;
  t.scorePoints += f.weights.response * c.contacted + f.weights.resolution * resolution + f.weights.satisfaction * satisfaction;
}

export function mergeTally(into: Tally, t: Tally): void {
  for (const k of Object.keys(into) as Array<keyof Tally>) into[k] += t[k];
}

/** Rounded so that hand-computed figures compare exactly and 0.1 + 0.2 never shows up in a report. */
const round = (x: number, digits: number) => Math.min(Number(x.toFixed(digits)), digits === 6 ? 1 : 100);

export function figures(t: Tally): AssessmentFigures {
  const v = t.valid;
  const rate = (points: number) => (v === 0 ? null : round(points / v, 6));
  return {
    validCallbacks: v,
    contacted: t.contacted,
    resolved: t.resolved,
    partial: t.partial,
    unresolved: t.unresolved,
    satisfied: t.satisfied,
    basic: t.basic,
    unsatisfied: t.unsatisfied,
    unrated: t.unrated,
    excluded: t.excluded,
    responseRate: rate(t.contacted),
    resolutionRate: rate(t.resolutionPoints),
    satisfactionRate: rate(t.satisfactionPoints),
    score: v === 0 ? null : round((100 * t.scorePoints) / v, 4),
  };
}

/** One more callback in a tally, for the forecast. */
export function withOneMore(t: Tally, f: AssessmentFormula, good: boolean, contacted: boolean): Tally {
  const next = { ...t };
  addCallbacks(next, f, {
    n: 1,
    contacted: contacted ? 1 : 0,
    resolved: good ? 1 : 0,
    partial: 0,
    unresolved: good ? 0 : 1,
    satisfied: good ? 1 : 0,
    basic: 0,
    unsatisfied: good ? 0 : 1,
    unrated: 0,
  }, false);
  return next;
}
