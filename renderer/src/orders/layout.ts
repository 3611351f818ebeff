/**
 * Column layouts as saved per view and per clerk (views.saveLayout): which columns show, in what order,
 * how wide, pinned where. The sort is not part of it (a view has its own sort). Unknown columns in a
 * saved layout (from an older version) are dropped; new columns keep their defaults.
 */
import type { ApplyColumnStateParams, ColDef, ColumnState as GridColumnState } from 'ag-grid-community';
import type { ColumnState, OrderSort } from '../../../preload/api.js';

const KEPT = ['colId', 'width', 'hide', 'pinned'] as const;

export function layoutFromGrid(state: GridColumnState[]): ColumnState {
  return state
    .filter((c) => !c.colId.startsWith('ag-Grid-'))
    .map((c) => {
      const out: ColumnState[number] = { colId: c.colId };
      for (const k of KEPT) {
        const v = c[k];
        if (k !== 'colId' && v !== undefined) out[k] = (v ?? null) as string | number | boolean | null;
      }
      return out;
    });
}

/** The grid state for a view: its layout (or the default one) and its sort. */
export function layoutToGrid(layout: ColumnState | null, sort: OrderSort, columns: ColDef[]): ApplyColumnStateParams {
  const known = new Set(columns.map((c) => c.colId));
  const base: Array<{ colId: string; width: number | undefined; hide: boolean; pinned: 'left' | 'right' | null }> = layout
    ? layout.filter((c) => known.has(c.colId)).map((c) => ({ colId: c.colId, width: typeof c.width === 'number' ? c.width : undefined, hide: c.hide === true, pinned: c.pinned === 'left' || c.pinned === 'right' ? c.pinned : null }))
    : columns.map((c) => ({ colId: c.colId!, width: c.width, hide: c.hide === true, pinned: (c.pinned as 'left' | 'right' | undefined) ?? null }));
  return {
    state: base.map((c) => ({ ...c, sort: c.colId === sort.column ? sort.direction : null })),
    // With no saved layout the columns go back to the default order too.
    applyOrder: true,
    defaultState: { sort: null },
  };
}
