/**
 * Each exported order's part in the 三率, by the assessment formula in force on its callback's day
 * (setting 'assessment.formulas', with effective dates): the same w₁, w₂ and exclusions the assessment
 * pages use, so the district ledger and the app's own figures agree. Loaded only when a ledger has score
 * columns (an export without them does not load the settings machinery).
 */
import type { ServiceContext } from '../context.js';
import { formulaAt, isExcluded, readAssessmentRules } from '../assessment/formulas.js';
import type { Scores } from './columns.js';
import type { LedgerRow } from './query.js';

export async function scorer(ctx: ServiceContext): Promise<(row: LedgerRow) => Scores | null> {
  const { formulas } = await readAssessmentRules(ctx.handle.db);
  // Every score column of a row asks again: answer from the last row.
  let lastRow: LedgerRow | null = null;
  let last: Scores | null = null;
  return (r) => {
    if (r !== lastRow) {
      lastRow = r;
      last = scoreOf(r);
    }
    return last;
  };

  function scoreOf(r: LedgerRow): Scores | null {
    if (r.cb_at === null || r.cb_valid !== 1) return null;
    const f = formulaAt(formulas, r.cb_at);
    const excluded = isExcluded(f, {
      appealType: r.appeal_type,
      unreasonableApproved: r.unreasonable === 1 && r.unreasonable_approved === 1,
      duplicateApproved: r.duplicate_of !== null && r.duplicate_approved === 1,
    });
    if (excluded) return null;
    return {
      response: r.cb_contacted === 1 ? 1 : 0,
      resolution: r.cb_resolution === 'resolved' ? 1 : r.cb_resolution === 'partial' ? f.partialResolvedWeight : 0,
      satisfaction: r.cb_satisfaction === 'satisfied' ? 1 : r.cb_satisfaction === 'basic' ? f.basicSatisfiedWeight : 0,
    };
  }
}
