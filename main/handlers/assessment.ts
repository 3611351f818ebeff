/** Handlers of the assessment methods: read-only figures, so no actor is needed. */
import type { Handlers } from '../dispatch.js';
import type { Services } from '../services/index.js';
import { assessmentForecast, assessmentKpi, assessmentOrders, assessmentVolume } from '../services/assessment/index.js';

type AssessmentMethod = Extract<keyof Handlers, `assessment.${string}`>;

export function assessmentHandlers(s: Services) {
  const { ctx } = s;
  return {
    'assessment.kpi': (a) => assessmentKpi(ctx, a),
    'assessment.orders': (a) => assessmentOrders(ctx, a),
    'assessment.forecast': (a) => assessmentForecast(ctx, a),
    'assessment.volume': (a) => assessmentVolume(ctx, a),
  } satisfies Pick<Handlers, AssessmentMethod>;
}
