/** 首页 (issue 6 item 3): the desk now, the running assessment month, and the daily trend. */
export { dashboardSummary, type SummaryArgs } from './summary.js';
export { dashboardTrend } from './trend.js';
