/**
 * Clusters of likely repeat requests (重复件 candidates, Art. 11) touching the week. Two orders received
 * within `windowDays` of each other are linked when
 *   - they carry the same citizen phone (digits only; '保密' and empty phones never link), or
 *   - they are in the same 小区 and the same category and their contents are alike: character-bigram
 *     Jaccard ≥ `similarity` (similarity.ts).
 * Linked orders form clusters (union–find, so A–B and B–C make one cluster even when A and C are
 * further apart). Orders from `windowDays` before the week are read too, so this week's repeat of last
 * week's call is found; a cluster is listed only when at least one of its orders falls in the week, and
 * content links are only sought for pairs whose later order is in the week.
 */
import { CLUSTER_REASON, type HotspotClusterItem, type HotspotDuplicateRule } from '../../../preload/contract/methods/hotspots.js';
import { DAY_MS } from '../../../preload/contract/time.js';
import { CONFIDENTIAL, maskPhone } from '../privacy.js';
import { nameOf, type HotspotOrder } from './load.js';
import { bigramSet, similarPairs } from './similarity.js';
import { categoryLabel } from './spikes.js';

class UnionFind {
  private readonly parent = new Map<number, number>();
  find(x: number): number {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression: later finds are one step.
    for (let y = x; y !== root; ) {
      const next = this.parent.get(y)!;
      this.parent.set(y, root);
      y = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function phoneKey(phone: string | null): string | null {
  if (!phone || phone.trim() === CONFIDENTIAL) return null;
  const digits = phone.replace(/\D/g, '');
  // A number too short to be a real line (typos, '0') would link strangers.
  return digits.length >= 7 ? digits : null;
}

export interface ClusterInput {
  /** Orders of [weekFrom − windowDays, weekTo), oldest first. */
  orders: readonly HotspotOrder[];
  weekFrom: number;
  rule: HotspotDuplicateRule;
  names: Map<number, string>;
  /** Reads the contents of the orders that need comparing (only same 小区 + category groups of 2+). */
  contents(ids: readonly number[]): Promise<Map<number, string>>;
}

export async function duplicateClusters(input: ClusterInput): Promise<HotspotClusterItem[]> {
  const { orders, weekFrom, rule, names } = input;
  const windowMs = rule.windowDays * DAY_MS;
  const uf = new UnionFind();
  const phoneLinked = new Set<number>();
  const bestSimilarity = new Map<number, number>(); // order id → best Jaccard of its content links

  if (rule.byPhone) {
    const groups = new Map<string, HotspotOrder[]>();
    for (const o of orders) {
      const k = phoneKey(o.phone);
      if (k) (groups.get(k) ?? groups.set(k, []).get(k)!).push(o);
    }
    for (const list of groups.values()) {
      // Oldest first: linking each order to the previous one within the window chains the whole run.
      for (let i = 1; i < list.length; i++) {
        if (list[i]!.receivedAt - list[i - 1]!.receivedAt <= windowMs) {
          uf.union(list[i - 1]!.id, list[i]!.id);
          phoneLinked.add(list[i - 1]!.id).add(list[i]!.id);
        }
      }
    }
  }

  const places = new Map<string, HotspotOrder[]>();
  for (const o of orders) {
    if (!o.area || o.category === '') continue;
    const k = `${o.area.trim()}\u0001${o.category}`;
    (places.get(k) ?? places.set(k, []).get(k)!).push(o);
  }
  // Only orders with a neighbour in the window can link: read and compare just those.
  const compared = [...places.values()]
    .map((list) => list.filter((o, i) => (i > 0 && o.receivedAt - list[i - 1]!.receivedAt <= windowMs) || (i + 1 < list.length && list[i + 1]!.receivedAt - o.receivedAt <= windowMs)))
    .filter((list) => list.length >= 2 && list.some((o) => o.receivedAt >= weekFrom));
  const contents = await input.contents(compared.flatMap((list) => list.map((o) => o.id)));
  const contentLinked = new Set<number>();
  for (const list of compared) {
    const sets = list.map((o) => bigramSet(contents.get(o.id) ?? ''));
    // In the heating season a 小区's 室温不达标 group holds hundreds of orders: ~400k pairs a week at 1M
    // orders, of which ~0.3% are alike, so each comparison stops as soon as it cannot be (similarPairs).
    for (const [i, j, s] of similarPairs(list, sets, weekFrom, windowMs, rule.similarity)) {
      const [a, b] = [list[i]!.id, list[j]!.id];
      uf.union(a, b);
      contentLinked.add(a).add(b);
      bestSimilarity.set(a, Math.max(bestSimilarity.get(a) ?? 0, s));
      bestSimilarity.set(b, Math.max(bestSimilarity.get(b) ?? 0, s));
    }
  }

  const clusters = new Map<number, HotspotOrder[]>();
  for (const o of orders) {
    const root = uf.find(o.id);
    (clusters.get(root) ?? clusters.set(root, []).get(root)!).push(o);
  }
  const items: HotspotClusterItem[] = [];
  for (const list of clusters.values()) {
    if (list.length < 2 || !list.some((o) => o.receivedAt >= weekFrom)) continue;
    const phones = new Set(list.map((o) => phoneKey(o.phone)));
    const samePhone = rule.byPhone && phones.size === 1 && !phones.has(null);
    const ids = list.map((o) => o.id);
    const anyContent = ids.some((id) => contentLinked.has(id));
    const anyPhone = ids.some((id) => phoneLinked.has(id));
    const reason = anyPhone && anyContent ? 'both' : anyPhone ? 'phone' : 'content';
    const areas = new Set(list.map((o) => o.area?.trim() ?? ''));
    const categories = new Set(list.map((o) => o.category));
    const area = areas.size === 1 ? [...areas][0]! || null : null;
    const category = categories.size === 1 ? [...categories][0]! : null;
    const similarity = anyContent ? Math.round(Math.max(...ids.map((id) => bestSimilarity.get(id) ?? 0)) * 100) / 100 : null;
    const phone = samePhone ? maskPhone(list[0]!.phone) : null;
    const communityName = nameOf(names, list[0]!.communityId);
    const where = [area, category === null ? null : categoryLabel(category)].filter(Boolean).join(' · ');
    const who = phone ? `来电号码 ${phone}` : '';
    const label =
      `${[who, where].filter(Boolean).join('，') || communityName}：${list.length} 件，${CLUSTER_REASON.label[reason]}` +
      (similarity === null ? '' : `（内容相似度 ${similarity}）`);
    items.push({
      reason,
      reasonLabel: CLUSTER_REASON.label[reason],
      phone,
      residentialArea: area,
      category,
      communityName,
      similarity,
      count: list.length,
      firstAt: list[0]!.receivedAt,
      lastAt: list[list.length - 1]!.receivedAt,
      label,
      orderIds: ids,
    });
  }
  return items.sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}
