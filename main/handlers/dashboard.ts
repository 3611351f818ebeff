/** Handlers of the dashboard methods: read-only figures; the desk's counts go through the grid's own count. */
import type { Handlers } from '../dispatch.js';
import type { Services } from '../services/index.js';
import { dashboardSummary, dashboardTrend } from '../services/dashboard/index.js';

type DashboardMethod = Extract<keyof Handlers, `dashboard.${string}`>;

export function dashboardHandlers(s: Services) {
  const { ctx, grid } = s;
  return {
    'dashboard.summary': (a) => dashboardSummary(ctx, grid, a),
    'dashboard.trend': (a) => dashboardTrend(ctx, a),
  } satisfies Pick<Handlers, DashboardMethod>;
}
