/**
 * The contract suite's cases for the dashboard methods (spread into tests/unit/contract/suite.ts). Other
 * cases add orders of their own, so the figures are checked against the grid's count over the wire
 * rather than as fixed numbers: a figure and the 共 N 件 of the grid it opens must agree.
 */
import { expect } from 'vitest';
import type { ApiClient } from '../../../preload/contract/client.js';
import type { dashboardMethods } from '../../../preload/contract/methods/dashboard.js';

export type DashboardMethodName = keyof typeof dashboardMethods;
interface Case {
  happy: () => Promise<void>;
  invalid: unknown[];
}

export function dashboardContractCases(client: () => ApiClient): Record<DashboardMethodName, Case> {
  const c = () => client();
  return {
    'dashboard.summary': {
      async happy() {
        const d = await c().send('dashboard.summary', { listLimit: 3 });
        expect(d.today).toBe('2026-03-02');
        for (const fig of [d.desk.todayIntake, d.desk.awaitingAccept, d.desk.overdue, d.month.backlog, d.month.intake]) {
          expect((await c().send('orders.count', { filter: fig.filter })).count).toBe(fig.count);
        }
        expect(d.desk.awaitingAccept.count).toBeGreaterThan(0);
        expect(d.overdueList.length).toBeLessThanOrEqual(3);
        // Every community is ranked, with or without callbacks (other cases may add communities).
        expect(d.communities.map((x) => x.label)).toEqual(expect.arrayContaining(['东园社区', '北里社区', '南街社区']));
      },
      invalid: [{ listLimit: 0 }, { listLimit: 101 }, { listLimit: '5' }, { asOf: 1 }],
    },
    'dashboard.trend': {
      async happy() {
        const t = await c().send('dashboard.trend', { days: 7 });
        expect(t.days.map((x) => x.day)).toEqual(['2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
        for (const x of t.days) if (x.validCallbacks === 0) expect(x.score).toBeNull();
      },
      invalid: [{ days: 6 }, { days: 93 }, { days: 7.5 }, { extra: true }],
    },
  };
}
