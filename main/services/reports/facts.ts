/**
 * The figures of one period a report compares with the previous one: the 三率 and 存量/增量/首办 from
 * the assessment engine, plus the replies of the period. Loaded for the whole street or by a group.
 */
import type { AssessmentGroupBy, AssessmentKpi, AssessmentPeriod, AssessmentVolume } from '../../../preload/contract/methods/assessment.js';
import { assessmentKpi, assessmentVolume } from '../assessment/index.js';
import type { ServiceContext } from '../context.js';
import { repliedCount } from './queries.js';

export interface PeriodFacts {
  period: AssessmentPeriod;
  kpi: AssessmentKpi;
  volume: AssessmentVolume;
  replied: number;
}

export async function periodFacts(ctx: ServiceContext, period: AssessmentPeriod, by: AssessmentGroupBy = 'none'): Promise<PeriodFacts> {
  const kpi = await assessmentKpi(ctx, { period, by, categoryLevel: 'top' });
  const volume = await assessmentVolume(ctx, { period, by, categoryLevel: 'top' });
  const replied = await repliedCount(ctx.handle.db, kpi.period.from, kpi.period.to);
  return { period, kpi, volume, replied };
}
