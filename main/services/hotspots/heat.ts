/**
 * The community × category heat table of the week: one row per community (the street's order, then
 * orders with no community if any), one column per 一级分类 that has orders this week (most first).
 * Each cell's level (1–5) is its count as a share of the table's largest cell in fifths, so the UI and
 * the printed report colour the same cells the same way; 0 = no orders.
 */
import type { HotspotHeatTable } from '../../../preload/contract/methods/hotspots.js';
import { nameOf, type HotspotOrder } from './load.js';
import { categoryLabel, cutCategory } from './spikes.js';

export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(5, Math.max(1, Math.ceil((count / max) * 5)));
}

export function heatTable(weekOrders: readonly HotspotOrder[], names: Map<number, string>, communityOrder: readonly number[]): HotspotHeatTable {
  const cells = new Map<string, number[]>();
  const colTotals = new Map<string, number>();
  const rowTotals = new Map<number, number>();
  for (const o of weekOrders) {
    const top = cutCategory(o.category, 1);
    const k = `${o.communityId}\u0001${top}`;
    (cells.get(k) ?? cells.set(k, []).get(k)!).push(o.id);
    colTotals.set(top, (colTotals.get(top) ?? 0) + 1);
    rowTotals.set(o.communityId, (rowTotals.get(o.communityId) ?? 0) + 1);
  }
  const columns = [...colTotals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([category, total]) => ({ category, label: categoryLabel(category), total }));
  const extra = [...rowTotals.keys()].filter((c) => !communityOrder.includes(c)).sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
  const max = Math.max(0, ...[...cells.values()].map((ids) => ids.length));
  const rows = [...communityOrder, ...extra].map((communityId) => ({
    communityId,
    communityName: nameOf(names, communityId),
    total: rowTotals.get(communityId) ?? 0,
    cells: columns.map((col) => {
      const ids = cells.get(`${communityId}\u0001${col.category}`) ?? [];
      return { count: ids.length, level: heatLevel(ids.length, max), orderIds: ids };
    }),
  }));
  return {
    title: '社区 × 问题分类热力表',
    note: '本周受理工单按社区与一级分类计数，颜色越深件数越多',
    columns,
    rows,
    total: weekOrders.length,
    max,
  };
}
