/** The assessment engine (issue 6, DESIGN §4): 三率 by period and group, drill-down, forecast, 存量/增量/首办. */
export { assessmentKpi, frameOf, groupTallies, type Frame, type KpiArgs } from './kpi.js';
export { assessmentOrders, type DrillArgs } from './drill.js';
export { assessmentForecast, FORECAST_METHOD, type ForecastArgs } from './forecast.js';
export { assessmentVolume, OPEN_STATUSES } from './volume.js';
export { formulaAt, isExcluded, readAssessmentRules, segmentsOf, type AssessmentRules, type Segment } from './formulas.js';
export { assessmentMonthOf, currentMonth, resolvePeriod, type PeriodRules } from './periods.js';
export { addCallbacks, emptyTally, figures, type CallbackCounts, type Tally } from './rates.js';
