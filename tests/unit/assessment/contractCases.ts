/**
 * The contract suite's cases for the assessment methods (spread into tests/unit/contract/suite.ts).
 * They add one order of their own, called back on 2025-06-15 — a day no other case touches — so the
 * figures over the wire are exact and the fixture's orders stay as the other cases expect them.
 */
import { expect } from 'vitest';
import type { ApiClient } from '../../../preload/contract/client.js';
import type { assessmentMethods } from '../../../preload/contract/methods/assessment.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import type { AppRuntime } from '../../../main/runtime.js';
import type { Fixture } from '../contract/fixture.js';
import { insertOrders } from '../../support/app.js';

export type AssessmentMethodName = keyof typeof assessmentMethods;
interface Case {
  happy: () => Promise<void>;
  invalid: unknown[];
}
export interface SuiteEnv {
  client: ApiClient;
  app: AppRuntime;
  fx: Fixture;
}

const DAY = { kind: 'day', date: '2025-06-15' } as const;

export function assessmentContractCases(env: () => SuiteEnv): Record<AssessmentMethodName, Case> {
  const c = () => env().client;
  /** 南街社区 (the fixture's second community): one complaint, called back 基本满意. */
  const nanjie = () => env().fx.communityIds[1]!;
  let ready: Promise<number> | null = null;
  const setup = () =>
    (ready ??= (async () => {
      const { app } = env();
      const [id] = (await insertOrders(app, [
        { orderNo: 'KPI2025061501', receivedAt: fromBeijing(2025, 6, 15, 8), communityId: nanjie(), appealType: 'complaint', status: 'callback_done' },
      ])) as [number];
      await app.handle.db
        .insertInto('callbacks')
        .values({ order_id: id, at: fromBeijing(2025, 6, 15, 10), valid: 1, contacted: 1, resolution: 'resolved', satisfaction: 'basic', note: null, origin: 'test' })
        .execute();
      await app.handle.db.updateTable('orders').set({ first_time_resolved: 1, closed_at: fromBeijing(2025, 6, 15, 10) }).where('id', '=', id).execute();
      return id;
    })());
  const badPeriods = [
    {},
    { period: { kind: 'day', date: '2025-02-30' } },
    { period: { kind: 'month' } },
    { period: { kind: 'month', month: '2025-13' } },
    { period: { kind: 'range', from: '2025-06-02', to: '2025-06-01' } },
    { period: { kind: 'quarter', date: '2025-06-01' } },
    { period: DAY, by: 'street' },
    { period: DAY, categoryLevel: 'second' },
    { period: DAY, extra: 1 },
  ];

  return {
    'assessment.kpi': {
      async happy() {
        await setup();
        const kpi = await c().send('assessment.kpi', { period: DAY, by: 'community' });
        // One callback: 已联系、已解决、基本满意 → 100%, 100%, 90%, 100 × (0.1 + 0.5 + 0.4 × 0.9) = 96.
        expect(kpi.total).toMatchObject({ validCallbacks: 1, responseRate: 1, resolutionRate: 1, satisfactionRate: 0.9, score: 96 });
        expect(kpi.groups.map((g) => g.label)).toEqual(['南街社区', '东园社区', '北里社区']);
        expect(kpi.groups[0]).toMatchObject({ key: String(nanjie()), validCallbacks: 1, satisfactionRate: 0.9 });
        // No callbacks: null, which the UI shows as "—" (JSON has no NaN).
        expect(kpi.groups[1]).toMatchObject({ validCallbacks: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, score: null });
        expect(kpi.period).toMatchObject({ from: fromBeijing(2025, 6, 15), to: fromBeijing(2025, 6, 16), label: '2025年6月15日' });
      },
      invalid: badPeriods,
    },
    'assessment.orders': {
      async happy() {
        const id = await setup();
        const basic = await c().send('assessment.orders', { period: DAY, by: 'community', group: String(nanjie()), measure: 'basic' });
        expect(basic).toEqual({ title: '南街社区 · 2025年6月15日 · 基本满意', measure: 'basic', count: 1, orderIds: [id] });
        const unhappy = await c().send('assessment.orders', { period: DAY, measure: 'unsatisfied' });
        expect(unhappy).toMatchObject({ count: 0, orderIds: [] });
      },
      invalid: [
        ...badPeriods,
        { period: DAY },
        { period: DAY, measure: 'happy' },
        { period: DAY, measure: 'valid', group: 5 },
        { period: DAY, measure: 'valid', group: 'x'.repeat(301) },
      ],
    },
    'assessment.forecast': {
      async happy() {
        // Default period: the assessment month of today (2026-03). The fixture's A2026030011 is replied
        // and waits for its callback; B2026030003 is a 咨询, which the formula leaves out.
        const f = await c().send('assessment.forecast', {});
        expect(f).toMatchObject({ open: true, by: 'none', period: { label: '2026年3月' } });
        const item = f.items.find((i) => i.orderNo === 'A2026030011');
        expect(item).toMatchObject({ stage: 'awaitingCallback', stageLabel: '已办结待回访', groupLabel: '全街道' });
        expect(item!.explanation).toMatch(/^若回访满意、已解决：全街道满意率/);
        expect(f.items.some((i) => i.orderNo === 'B2026030003')).toBe(false);
        expect(f.method).toContain('咨询件');
        const past = await c().send('assessment.forecast', { period: DAY, by: 'community' });
        expect(past).toMatchObject({ open: false, pendingCount: 0, items: [] });
      },
      invalid: [{ limit: 0 }, { limit: 501 }, { limit: 1.5 }, { period: { kind: 'week' } }, { by: 'street' }, { extra: true }],
    },
    'assessment.volume': {
      async happy() {
        await setup();
        const v = await c().send('assessment.volume', { period: DAY, by: 'community' });
        expect(v.backlogAt).toBe(fromBeijing(2025, 6, 16));
        expect(v.total).toEqual({ intake: 1, backlog: 0, closed: 1, firstTime: 1, firstTimeRate: 1 });
        expect(v.groups[0]).toMatchObject({ label: '南街社区', intake: 1, closed: 1, firstTimeRate: 1 });
        expect(v.groups[1]).toMatchObject({ label: '东园社区', intake: 0, closed: 0, firstTimeRate: null });
      },
      invalid: badPeriods,
    },
  };
}
