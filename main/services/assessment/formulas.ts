/**
 * The formula table with effective dates (setting 'assessment.formulas') and the rules that pick a
 * formula for a callback.
 *
 * Effective dates: a callback is scored by the formula in force on its callback day (Beijing), so when
 * the formula changes mid-period the period is split at the change and each part scored by its own
 * formula (weights, w₁, w₂ and exclusions alike). This is the natural reading of "effective dates": a
 * callback recorded before the change keeps the score it had. The earliest formula also covers
 * callbacks before its own date (there is no older rule to apply).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { AssessmentFormula } from '../../../preload/contract/methods/assessmentSettings.js';
import type { AppealType } from '../../../preload/contract/enums.js';
import { startOfBeijingDay } from '../../../preload/contract/time.js';
import { readSetting } from '../settings.js';
import type { PeriodRules } from './periods.js';

export interface AssessmentRules extends PeriodRules {
  /** Sorted by effectiveFrom, oldest first. */
  formulas: AssessmentFormula[];
}

export async function readAssessmentRules(db: Kysely<Database>): Promise<AssessmentRules> {
  const formulas = [...(await readSetting(db, 'assessment.formulas'))].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  return {
    formulas,
    monthStartDay: await readSetting(db, 'assessment.monthStartDay'),
    dailyWindowHour: await readSetting(db, 'reports.dailyWindowHour'),
  };
}

/** A part of a period scored by one formula: callbacks with from ≤ at < to. */
export interface Segment {
  from: number;
  to: number;
  formula: AssessmentFormula;
}

/** The parts of [from, to) and the formula in force in each, in time order. */
export function segmentsOf(formulas: AssessmentFormula[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  formulas.forEach((formula, i) => {
    const start = i === 0 ? -Infinity : startOfBeijingDay(formula.effectiveFrom);
    const next = formulas[i + 1];
    const end = next ? startOfBeijingDay(next.effectiveFrom) : Infinity;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a < b) out.push({ from: a, to: b, formula });
  });
  return out;
}

/** The formula in force at an instant. */
export function formulaAt(formulas: AssessmentFormula[], at: number): AssessmentFormula {
  return segmentsOf(formulas, at, at + 1)[0]!.formula;
}

/** What the exclusions look at, per callback (through its order). */
export interface ExclusionFacts {
  appealType: string;
  /** 不合理诉求, approved. */
  unreasonableApproved: boolean;
  /** 重复件, approved. */
  duplicateApproved: boolean;
}

/** Whether the formula leaves this callback out of the 三率 (核减). */
export function isExcluded(f: AssessmentFormula, facts: ExclusionFacts): boolean {
  return (
    f.exclude.appealTypes.includes(facts.appealType as AppealType) ||
    (f.exclude.unreasonableApproved && facts.unreasonableApproved) ||
    (f.exclude.duplicateApproved && facts.duplicateApproved)
  );
}
