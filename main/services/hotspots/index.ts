/**
 * Hotspots for 主动治理 (issue 6 item 5): what the street should act on before more calls come.
 *
 * Entry points (the 周汇报 in main/services/reports/ imports the first):
 *
 *   weeklyHotspots(db: Kysely<Database>, date: 'YYYY-MM-DD', rules?: Partial<HotspotRules>): Promise<WeeklyHotspots>
 *     The Monday-to-Sunday week (Beijing time) containing `date`: categories per community against the
 *     previous weeks with a spike flag, recurring addresses, duplicate clusters and the community ×
 *     category heat table — every item with the ids of its orders. Rules not given are read from the
 *     settings `hotspots.spike` / `hotspots.recurring` / `hotspots.duplicates`. Pass ctx.handle.db, or
 *     the open transaction when called inside one. The shape is the contract's `WeeklyHotspots`
 *     (preload/contract/methods/hotspots.ts).
 *
 *   hotspotsWeek(ctx, {date}) — the same for the `hotspots.week` method.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import {
  describeDuplicateRule,
  describeRecurringRule,
  describeSpikeRule,
  type WeeklyHotspots,
} from '../../../preload/contract/methods/hotspots.js';
import { DAY_MS } from '../../../preload/contract/time.js';
import { resolvePeriod } from '../assessment/periods.js';
import type { ServiceContext } from '../context.js';
import { duplicateClusters } from './clusters.js';
import { heatTable } from './heat.js';
import { communityNames, contentsOf, countsIn, firstReceivedAt, ordersIn } from './load.js';
import { recurringAddresses } from './recurring.js';
import { readHotspotRules, type HotspotRules } from './rules.js';
import { categorySpikes } from './spikes.js';

export { normalizeAddress } from './address.js';
export { bigramSet, jaccard } from './similarity.js';
export { heatLevel } from './heat.js';
export { readHotspotRules, type HotspotRules } from './rules.js';

const WEEK_MS = 7 * DAY_MS;
/** The lists show the largest items; a street-wide week rarely has more worth reading. */
export const MAX_ITEMS = 100;

function limited<T>(items: T[]): { items: T[]; omitted: number } {
  return { items: items.slice(0, MAX_ITEMS), omitted: Math.max(0, items.length - MAX_ITEMS) };
}

/** The Beijing week containing `date`, as the assessment names weeks. */
export function hotspotWeek(date: string) {
  // Weeks do not depend on the month or daily-window settings.
  const p = resolvePeriod({ kind: 'week', date }, { monthStartDay: 1, dailyWindowHour: 12 });
  return { date, firstDay: p.firstDay, lastDay: p.lastDay, from: p.from, to: p.to, label: p.label.replace(/（周）$/, '') };
}

export async function weeklyHotspots(db: Kysely<Database>, date: string, rules?: Partial<HotspotRules>): Promise<WeeklyHotspots> {
  const r: HotspotRules = { ...(await readHotspotRules(db)), ...rules };
  const week = hotspotWeek(date);
  const { from, to } = week;
  const recurringFrom = to - r.recurring.days * DAY_MS;
  const clusterFrom = from - r.duplicates.windowDays * DAY_MS;
  const baselineFrom = from - r.spike.baselineWeeks * WEEK_MS;

  const [window, baseline, first, communities] = await Promise.all([
    ordersIn(db, Math.min(from, recurringFrom, clusterFrom), to),
    countsIn(db, baselineFrom, from),
    firstReceivedAt(db),
    communityNames(db),
  ]);
  const { names, order } = communities;
  const weekOrders = window.filter((o) => o.receivedAt >= from);
  // Weeks of the baseline the database reaches into (a new database has few or none).
  const coveredWeeks = first === null || first >= from ? 0 : Math.min(r.spike.baselineWeeks, Math.ceil((from - first) / WEEK_MS));

  const categoryItems = categorySpikes({ weekOrders, baseline, coveredWeeks, rule: r.spike, names, communityOrder: order });
  const addressItems = recurringAddresses({ orders: window.filter((o) => o.receivedAt >= recurringFrom), weekFrom: from, rule: r.recurring, names });
  const clusterItems = await duplicateClusters({
    orders: window.filter((o) => o.receivedAt >= clusterFrom),
    weekFrom: from,
    rule: r.duplicates,
    names,
    contents: (ids) => contentsOf(db, ids),
  });

  return {
    week,
    weekTotal: weekOrders.length,
    categories: {
      title: '分类激增',
      note: describeSpikeRule(r.spike),
      ...limited(categoryItems),
      spikeCount: categoryItems.filter((i) => i.spike).length,
      baselineWeeks: coveredWeeks,
    },
    addresses: { title: '重复地址', note: describeRecurringRule(r.recurring), ...limited(addressItems) },
    clusters: { title: '疑似重复件', note: describeDuplicateRule(r.duplicates), ...limited(clusterItems) },
    heat: heatTable(weekOrders, names, order),
  };
}

export function hotspotsWeek(ctx: ServiceContext, args: { date: string }): Promise<WeeklyHotspots> {
  return weeklyHotspots(ctx.handle.db, args.date);
}
