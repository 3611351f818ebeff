/**
 * The grid's column layout: applying a view's layout and sort when the view changes, reporting the
 * clerk's own changes (move, resize, show/hide, pin) to be saved, the 列设置 operations, and the
 * minute tick that redraws the countdown columns.
 */
import type { ColDef, ColumnState as GridColumnState, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type { ColumnState, OrderGridRow, OrderSort } from '../../../preload/api.js';
import { COLUMN_CHOICES } from './columns.js';
import { COUNTDOWN_REFRESH_MS } from './countdown.js';
import { layoutFromGrid, layoutToGrid } from './layout.js';

export type ColumnPin = 'left' | 'right' | null;
export interface GridColumnInfo {
  colId: string;
  title: string;
  hide: boolean;
  pinned: ColumnPin;
}

export interface ColumnHandle {
  /** For 列设置: the columns in their current order, shown or not, pinned or not. */
  columns(): GridColumnInfo[];
  setColumn(colId: string, patch: { hide?: boolean; pinned?: ColumnPin }): void;
  resetColumns(): void;
}

const TITLES = new Map(COLUMN_CHOICES.map((c) => [c.colId, c.title]));

interface Options {
  layoutKey: string;
  sort: OrderSort;
  columnState: ColumnState | null;
  columns: ColDef[];
  sortRef: RefObject<OrderSort>;
  /** null: back to the default columns. */
  onLayout(state: ColumnState | null): void;
}

export function useGridLayout(apiRef: RefObject<GridApi<OrderGridRow> | null>, o: Options) {
  /** Set while a layout is being applied, so applying it is not reported back as the clerk's change. */
  const applying = useRef(false);
  const opts = useRef(o);
  opts.current = o;

  const apply = useCallback(
    (state: ColumnState | null, sort: OrderSort) => {
      const api = apiRef.current;
      if (!api || api.isDestroyed()) return;
      applying.current = true;
      try {
        api.applyColumnState(layoutToGrid(state, sort, opts.current.columns));
        opts.current.sortRef.current = sort;
      } finally {
        applying.current = false;
      }
    },
    [apiRef],
  );

  // A view was chosen: its sort and the clerk's column layout of it (only then: the clerk's own edits
  // change `sort` and `columnState` too, and must not be re-applied over themselves).
  useEffect(() => {
    apply(opts.current.columnState, opts.current.sort);
  }, [apply, o.layoutKey]);

  const onLayoutEvent = useCallback((e: { api: GridApi<OrderGridRow>; finished?: boolean; source?: string }) => {
    if (applying.current || e.finished === false || e.source === 'api' || e.source === 'gridOptionsUpdated') return;
    opts.current.onLayout(layoutFromGrid(e.api.getColumnState() as GridColumnState[]));
  }, []);

  // Countdowns age: redraw them every minute (no reload).
  useEffect(() => {
    const t = window.setInterval(() => {
      const api = apiRef.current;
      if (api && !api.isDestroyed()) api.refreshCells({ columns: ['firstContactCountdown', 'handleCountdown', 'handleDueAt'], force: true });
    }, COUNTDOWN_REFRESH_MS);
    return () => window.clearInterval(t);
  }, [apiRef]);

  const columnHandle = useMemo<ColumnHandle>(
    () => ({
      columns() {
        const api = apiRef.current;
        if (!api || api.isDestroyed()) return [];
        return api
          .getColumnState()
          .filter((c) => TITLES.has(c.colId))
          .map((c) => ({ colId: c.colId, title: TITLES.get(c.colId)!, hide: c.hide === true, pinned: (c.pinned ?? null) as ColumnPin }));
      },
      setColumn(colId, patch) {
        const api = apiRef.current;
        if (!api || api.isDestroyed()) return;
        api.applyColumnState({ state: [{ colId, ...patch }] });
        opts.current.onLayout(layoutFromGrid(api.getColumnState() as GridColumnState[]));
      },
      resetColumns() {
        apply(null, opts.current.sortRef.current);
        opts.current.onLayout(null);
      },
    }),
    [apiRef, apply],
  );

  const applyCurrent = useCallback(() => apply(opts.current.columnState, opts.current.sort), [apply]);

  return { applying, onLayoutEvent, columnHandle, applyCurrent };
}
