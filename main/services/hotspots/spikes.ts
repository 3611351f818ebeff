/**
 * Categories rising per community: this week's orders of each (community, category cut to the rule's
 * level) against the average week of the previous N weeks. A category spikes when this week's count
 * is at least `factor` × that average and at least `minOrders` — the minimum keeps 1 → 2 orders from
 * reading as "doubled". A category with nothing before that reaches the minimum is a new topic (spike,
 * ratio null). Orders without a community are left out here. When the database holds fewer than N
 * earlier weeks, the average is over the weeks it has; with none at all nothing is flagged: there is
 * nothing to compare with.
 */
import type { HotspotCategoryItem, HotspotSpikeRule } from '../../../preload/contract/methods/hotspots.js';
import { nameOf, type HotspotOrder } from './load.js';

export function cutCategory(path: string, level: number): string {
  return path === '' ? '' : path.split('/').slice(0, level).join('/');
}
export const categoryLabel = (path: string) => (path === '' ? '未分类' : path);

const keyOf = (communityId: number, category: string) => `${communityId}\u0001${category}`;

export interface SpikeInput {
  weekOrders: readonly HotspotOrder[];
  /** Counts per (community, full path) over the baseline weeks. */
  baseline: ReadonlyArray<{ communityId: number; category: string; n: number }>;
  /** How many of the rule's baseline weeks the database covers (0…baselineWeeks). */
  coveredWeeks: number;
  rule: HotspotSpikeRule;
  names: Map<number, string>;
  /** Community ids in display order. */
  communityOrder: readonly number[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function categorySpikes(input: SpikeInput): HotspotCategoryItem[] {
  const { rule, coveredWeeks, names } = input;
  const week = new Map<string, { communityId: number; category: string; ids: number[] }>();
  for (const o of input.weekOrders) {
    // Orders still without a community are the newest ones (assigned later): against a baseline of
    // assigned orders they would always look like a spike. They show in the heat table instead.
    if (o.communityId === 0) continue;
    const category = cutCategory(o.category, rule.categoryLevel);
    const k = keyOf(o.communityId, category);
    let g = week.get(k);
    if (!g) week.set(k, (g = { communityId: o.communityId, category, ids: [] }));
    g.ids.push(o.id);
  }
  const before = new Map<string, number>();
  for (const b of input.baseline) {
    const k = keyOf(b.communityId, cutCategory(b.category, rule.categoryLevel));
    before.set(k, (before.get(k) ?? 0) + b.n);
  }

  const byCommunity = new Map<number, HotspotCategoryItem[]>();
  for (const [k, g] of week) {
    const count = g.ids.length;
    const average = coveredWeeks > 0 ? (before.get(k) ?? 0) / coveredWeeks : 0;
    const ratio = average > 0 ? count / average : null;
    const spike = coveredWeeks > 0 && count >= rule.minOrders && (average === 0 || count >= rule.factor * average);
    const communityName = nameOf(names, g.communityId);
    const label =
      `${communityName} · ${categoryLabel(g.category)}：本周 ${count} 件，` +
      (coveredWeeks === 0
        ? '此前无可对比的数据'
        : `前 ${coveredWeeks} 周周均 ${round1(average)} 件` + (ratio === null ? '（新出现）' : `（${round1(ratio)} 倍）`));
    const item: HotspotCategoryItem = {
      communityId: g.communityId,
      communityName,
      category: g.category,
      categoryLabel: categoryLabel(g.category),
      count,
      baselineAverage: round1(average),
      ratio: ratio === null ? null : Math.round(ratio * 100) / 100,
      spike,
      label,
      orderIds: g.ids,
    };
    const list = byCommunity.get(g.communityId) ?? [];
    list.push(item);
    byCommunity.set(g.communityId, list);
  }

  // Per community: its top categories by count, plus any spike below them (a spike is never hidden).
  const spikes: HotspotCategoryItem[] = [];
  const rest: HotspotCategoryItem[] = [];
  const order = [...input.communityOrder, ...[...byCommunity.keys()].filter((c) => !input.communityOrder.includes(c)).sort((a, b) => a - b)];
  for (const c of order) {
    const list = (byCommunity.get(c) ?? []).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
    list.forEach((item, i) => {
      if (item.spike) spikes.push(item);
      else if (i < rule.topPerCommunity) rest.push(item);
    });
  }
  // Spikes first, the steepest on top (a new topic counts as steepest), then the plain top lists.
  spikes.sort((a, b) => (b.ratio ?? Infinity) - (a.ratio ?? Infinity) || b.count - a.count);
  return [...spikes, ...rest];
}
