/**
 * What the 工单 grid shows right now (its sort; its filter once the grid has one), so 导出 can export
 * "the current table" even though the grid is not on screen then. The grid's datasource notes the view
 * with every block it asks for, which covers the first load and every change of sort.
 */
import type { OrderFilter, OrderSort } from '../../../preload/api.js';

export interface GridView {
  sort: OrderSort;
  filter?: OrderFilter;
}

let current: GridView | null = null;

export function noteGridView(view: GridView): void {
  current = view;
}

/** The grid's view when it was last on screen; null before it ever loaded. */
export function lastGridView(): GridView | null {
  return current;
}
