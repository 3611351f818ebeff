/**
 * What the 工单 view shows: the chosen view (or 全部工单, or a drill-down from elsewhere), its filter
 * and sort as the clerk has changed them, and the column layout to apply when the view changes. Column
 * changes are saved as the clerk's layout of that view, a moment after the last one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnState, OrderFilter, OrderSort, SavedView } from '../../../../preload/api.js';
import { ALL_ORDERS_VIEW_KEY } from '../../../../preload/api.js';
import { useApi } from '../../api/ApiContext.js';
import { useReportError } from '../../app/errors.js';
import type { OrdersRequest } from '../../app/navigation.js';
import { DEFAULT_SORT } from '../datasource.js';

const SAVE_LAYOUT_MS = 800;
export const DRILL_KEY = 'drill';

export interface OrdersState {
  /** 'all', a view's key, or 'drill'. */
  activeKey: string;
  filter: OrderFilter;
  sort: OrderSort;
  /** Changes whenever a layout must be (re)applied to the grid. */
  layoutKey: string;
  columnState: ColumnState | null;
  drillTitle: string | null;
  /** The active clerk's view whose filter or sort the clerk changed since choosing it. */
  dirty: boolean;
}

export function useOrdersState(views: SavedView[] | null, allOrdersLayout: ColumnState | null, request: OrdersRequest | null, reloadViews: () => Promise<unknown>) {
  const client = useApi();
  const report = useReportError();
  const seq = useRef(0);
  const [state, setState] = useState<OrdersState>({ activeKey: ALL_ORDERS_VIEW_KEY, filter: {}, sort: DEFAULT_SORT, layoutKey: 'all#0', columnState: null, drillTitle: null, dirty: false });
  const viewsRef = useRef(views);
  viewsRef.current = views;

  const pick = useCallback(
    /** `known`: a view just created or saved, before the reloaded list has rendered. */
    (key: string, known?: SavedView) => {
      const view = known ?? viewsRef.current?.find((v) => v.key === key);
      const next = `${key}#${++seq.current}`;
      if (!view) {
        setState({ activeKey: ALL_ORDERS_VIEW_KEY, filter: {}, sort: DEFAULT_SORT, layoutKey: next, columnState: allOrdersLayout, drillTitle: null, dirty: false });
        return;
      }
      setState({ activeKey: key, filter: view.filter, sort: view.sort, layoutKey: next, columnState: view.columnState, drillTitle: null, dirty: false });
    },
    [allOrdersLayout],
  );

  // The saved 全部工单 layout arrives after the first render: apply it if the clerk is still there.
  const appliedAll = useRef(false);
  useEffect(() => {
    if (appliedAll.current || views === null) return;
    appliedAll.current = true;
    setState((s) => (s.activeKey === ALL_ORDERS_VIEW_KEY && allOrdersLayout ? { ...s, columnState: allOrdersLayout, layoutKey: `all#${++seq.current}` } : s));
  }, [views, allOrdersLayout]);

  // A drill-down from the dashboard, a report or a hotspot (each request once: a later change of the
  // saved layout must not throw away what the clerk did with it since).
  const appliedRequest = useRef<OrdersRequest | null>(null);
  useEffect(() => {
    if (!request || appliedRequest.current === request) return;
    appliedRequest.current = request;
    setState((s) => ({ activeKey: DRILL_KEY, filter: request.filter, sort: s.sort, layoutKey: `drill#${++seq.current}`, columnState: allOrdersLayout, drillTitle: request.title, dirty: false }));
  }, [request, allOrdersLayout]);

  const setFilter = useCallback((filter: OrderFilter) => setState((s) => ({ ...s, filter, dirty: s.activeKey.startsWith('v') || s.dirty })), []);
  const setSort = useCallback((sort: OrderSort) => setState((s) => ({ ...s, sort, dirty: s.activeKey.startsWith('v') || s.dirty })), []);

  const saveTimer = useRef<number | undefined>(undefined);
  const onLayout = useCallback(
    (columnState: ColumnState | null) => {
      window.clearTimeout(saveTimer.current);
      const key = state.activeKey === DRILL_KEY ? ALL_ORDERS_VIEW_KEY : state.activeKey;
      saveTimer.current = window.setTimeout(() => {
        // Reloaded so that coming back to this view later finds the layout just saved.
        client.send('views.saveLayout', { key, columnState }).then(reloadViews).catch((e: unknown) => report(e, '保存列设置失败'));
      }, SAVE_LAYOUT_MS);
    },
    [client, report, state.activeKey, reloadViews],
  );

  return { state, pick, setFilter, setSort, onLayout };
}
