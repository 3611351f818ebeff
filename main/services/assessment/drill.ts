/**
 * Drill-down: the orders behind one figure (a group and a measure of a period), so the UI can open the
 * grid filtered to exactly them. Callback measures go through the same segments and exclusions as the
 * figures (tally.ts), volume measures through the same row sources (volume.ts), so the count returned
 * here is the number the clerk clicked.
 */
import { sql } from 'kysely';
import type { AssessmentMeasure, AssessmentOrders } from '../../../preload/contract/methods/assessment.js';
import { ASSESSMENT_MEASURE } from '../../../preload/contract/methods/assessment.js';
import type { ServiceContext } from '../context.js';
import { groupLabel } from './groups.js';
import { frameOf, type KpiArgs } from './kpi.js';
import { callbackRows, type CallbackRow } from './tally.js';
import { backlogMoment, backlogRows, closedRows, intakeRows } from './volume.js';

export interface DrillArgs extends KpiArgs {
  group?: string;
  measure: AssessmentMeasure;
}

type CallbackMeasure = Exclude<AssessmentMeasure, 'intake' | 'backlog' | 'closed' | 'firstTime' | 'notFirstTime'>;

/** Which counted callbacks a callback measure selects. */
const CALLBACK_TESTS: Record<CallbackMeasure, (c: CallbackRow) => boolean> = {
  valid: (c) => !c.excluded,
  contacted: (c) => !c.excluded && c.contacted,
  notContacted: (c) => !c.excluded && !c.contacted,
  resolved: (c) => !c.excluded && c.resolution === 'resolved',
  partial: (c) => !c.excluded && c.resolution === 'partial',
  unresolved: (c) => !c.excluded && c.resolution === 'unresolved',
  satisfied: (c) => !c.excluded && c.satisfaction === 'satisfied',
  basic: (c) => !c.excluded && c.satisfaction === 'basic',
  unsatisfied: (c) => !c.excluded && c.satisfaction === 'unsatisfied',
  unrated: (c) => !c.excluded && c.satisfaction === 'none',
  excluded: (c) => c.excluded,
};

const isCallbackMeasure = (m: AssessmentMeasure): m is CallbackMeasure => m in CALLBACK_TESTS;

export async function assessmentOrders(ctx: ServiceContext, args: DrillArgs): Promise<AssessmentOrders> {
  const db = ctx.handle.db;
  const frame = await frameOf(db, args);
  const { dim, period, segments } = frame;
  let count: number;
  let ids: number[];
  if (isCallbackMeasure(args.measure)) {
    const test = CALLBACK_TESTS[args.measure];
    const picked = (await callbackRows(db, dim, segments, args.group)).filter(test);
    count = picked.length;
    ids = picked.map((c) => c.orderId);
  } else {
    const rows =
      args.measure === 'intake'
        ? intakeRows(dim, period.from, period.to, args.group)
        : args.measure === 'backlog'
          ? (() => {
              const m = backlogMoment(period.to, ctx.now());
              return backlogRows(dim, m.at, m.current, args.group);
            })()
          : closedRows(dim, period.from, period.to, args.group);
    const want = args.measure === 'firstTime' ? sql`WHERE ftr = 1` : args.measure === 'notFirstTime' ? sql`WHERE ftr = 0` : sql``;
    const { rows: found } = await sql<{ id: number }>`SELECT id FROM (${rows}) ${want}`.execute(db);
    ids = found.map((r) => r.id);
    count = ids.length;
  }
  const scope = args.group === undefined || args.by === 'none' ? '全街道' : await groupLabel(db, dim, args.group);
  return {
    title: `${scope} · ${period.label} · ${ASSESSMENT_MEASURE.label[args.measure]}`,
    measure: args.measure,
    count,
    orderIds: [...new Set(ids)].sort((a, b) => a - b),
  };
}
