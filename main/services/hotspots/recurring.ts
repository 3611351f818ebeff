/**
 * Recurring addresses: the places that keep calling. Orders of the last `days` days up to the week's
 * end are grouped by their normalized address (address.ts); a group of at least `minOrders` is listed,
 * largest first. An address that is only a 小区's name ("青塔东里") is left out: it says where the
 * matter is in general, not that one place keeps having it.
 */
import type { HotspotAddressItem, HotspotRecurringRule } from '../../../preload/contract/methods/hotspots.js';
import { normalizeAddress } from './address.js';
import { nameOf, type HotspotOrder } from './load.js';
import { categoryLabel, cutCategory } from './spikes.js';

/** Most frequent value (ties: the first seen). */
function mode<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  let best = values[0] as T;
  let bestN = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestN) [best, bestN] = [v, n];
  }
  return best;
}

function byFrequency(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
}

export interface RecurringInput {
  /** Orders of the rule's window, oldest first. */
  orders: readonly HotspotOrder[];
  weekFrom: number;
  rule: HotspotRecurringRule;
  names: Map<number, string>;
}

export function recurringAddresses({ orders, weekFrom, rule, names }: RecurringInput): HotspotAddressItem[] {
  const groups = new Map<string, HotspotOrder[]>();
  const areaKeys = new Map<string, string>();
  const keys = new Map<string, string>(); // the same text recurs (that is the point): normalize it once
  for (const o of orders) {
    let key = keys.get(o.address);
    if (key === undefined) keys.set(o.address, (key = normalizeAddress(o.address)));
    if (key.length < 3) continue;
    if (o.area) {
      let areaKey = areaKeys.get(o.area);
      if (areaKey === undefined) areaKeys.set(o.area, (areaKey = normalizeAddress(o.area)));
      if (key === areaKey) continue;
    }
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  const items: HotspotAddressItem[] = [];
  for (const [key, list] of groups) {
    if (list.length < rule.minOrders) continue;
    const address = mode(list.map((o) => o.address.trim()));
    const communityName = nameOf(names, mode(list.map((o) => o.communityId)));
    const weekCount = list.filter((o) => o.receivedAt >= weekFrom).length;
    const categories = byFrequency(list.map((o) => categoryLabel(cutCategory(o.category, 1))));
    items.push({
      key,
      address,
      communityName,
      count: list.length,
      weekCount,
      firstAt: list[0]!.receivedAt,
      lastAt: list[list.length - 1]!.receivedAt,
      categories,
      label: `${address}（${communityName}）：近 ${rule.days} 天 ${list.length} 件，其中本周 ${weekCount} 件；${categories.slice(0, 3).join('、')}`,
      orderIds: list.map((o) => o.id),
    });
  }
  return items.sort((a, b) => b.count - a.count || b.weekCount - a.weekCount || b.lastAt - a.lastAt);
}
