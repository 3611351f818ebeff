/**
 * The orders grid: AG Grid Community's infinite row model over orders.page, sorted in the database.
 *
 * "Sorting keeps the user where they are or says why not": when the sort changes and an order is
 * selected, orders.position tells where it went and the grid scrolls there (getRowId keeps it selected
 * once its block loads); with nothing selected the grid returns to the top and says so.
 */
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type {
  CellContextMenuEvent,
  CellKeyDownEvent,
  FullWidthCellKeyDownEvent,
  GridApi,
  GridReadyEvent,
  IRowNode,
  SelectionChangedEvent,
  SortChangedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import type { ColumnState, OrderFilter, OrderGridRow, OrderSort } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { useReportError } from '../app/errors.js';
import { defaultColDef, orderColumns } from './columns.js';
import { DEFAULT_SORT, createOrdersDatasource, toOrderSort } from './datasource.js';
import { COLUMN_TITLES, directionLabel } from './format.js';
import { gridKeyCommand, type GridCommand } from './gridKeys.js';
import { useGridLayout, type ColumnHandle } from './useGridLayout.js';

export const BLOCK_SIZE = 100;
/** Pushes arriving in a burst (an import, a bulk edit) cause one refresh, not one per change. */
const REFRESH_DELAY_MS = 300;
const RESELECT_TIMEOUT_MS = 5000;

export interface SelectedOrder {
  id: number;
  orderNo: string;
  /** 0-based row index under the current sort, when known. */
  rowIndex: number | null;
}

interface Props {
  selected: SelectedOrder | null;
  onSelect(order: SelectedOrder | null): void;
  onRowCount(count: number): void;
  onNotice(text: string): void;
  /** Bumped by the parent when the data changed (push); the grid reloads its blocks in place. */
  refreshSignal: number;
  /** A right-click or a shortcut key on a row (the row is selected first). */
  onRowCommand(command: GridCommand): void;
  /** Lets the parent put keyboard focus back on a row (after a dialog closes). */
  handleRef: RefObject<OrdersGridHandle | null>;
  /** The filter (from the view, the filter bar or a drill-down); a change reloads from the first row. */
  filter: OrderFilter;
  /**
   * Applied when `layoutKey` changes (a view was chosen): the view's sort and the clerk's column layout
   * for it. Later changes the clerk makes are reported through onLayout (saved per view and per clerk).
   */
  layoutKey: string;
  sort: OrderSort;
  columnState: ColumnState | null;
  /** null: the clerk went back to the default columns. */
  onLayout(state: ColumnState | null): void;
  onSortChange(sort: OrderSort): void;
  /** The ticked rows (checkboxes, Ctrl/Shift+click, Space) for bulk actions. */
  onChecked(ids: number[]): void;
}

export interface OrdersGridHandle extends ColumnHandle {
  /**
   * Puts keyboard focus back on an order's row, and keeps it there while the grid refreshes: an action
   * may move the order elsewhere under the current sort (签收 moves it out of 待签收), and the next key
   * the clerk presses must still act on it. Following stops at the clerk's next key or click.
   */
  focusOrder(orderId: number, rowIndex: number): void;
  /** Selects the row `by` rows below (or above) the selected one: the detail's 上一件 / 下一件. */
  step(by: 1 | -1): void;
  /** Forgets the ticked rows (after a bulk action). */
  clearChecked(): void;
}

export type { ColumnPin, GridColumnInfo } from './useGridLayout.js';

const FOLLOW_MS = 8000;

/** Click selects one row (and opens it); Ctrl/Shift+click, Space or the checkbox tick more for bulk actions. */
const ROW_SELECTION = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: true } as const;
// Not pinned: a pinned column splits every row in two DOM rows, and one row should stay one element.
const SELECTION_COLUMN = { width: 44, resizable: false, suppressMovable: true } as const;

function sortOf(api: GridApi): OrderSort {
  const sorted = api
    .getColumnState()
    .filter((c) => c.sort)
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, sort: c.sort! }));
  return toOrderSort(sorted);
}

/** AG Grid's Chinese, with the empty state worded for this grid. */
const LOCALE_TEXT = { ...AG_GRID_LOCALE_CN, noRowsToShow: '暂无工单' };

const rowId = (p: { data: OrderGridRow }) => String(p.data.id);

const sameSort = (a: OrderSort, b: OrderSort) => a.column === b.column && a.direction === b.direction;

function describeSort(sort: OrderSort): string {
  return `已按${COLUMN_TITLES[sort.column]}${directionLabel(sort.direction)}排列`;
}

/** Waits until the row at `index` has loaded and is order `id`, then makes sure it is selected. */
function reselectWhenLoaded(api: GridApi<OrderGridRow>, index: number, id: number, isCurrent: () => boolean): void {
  const deadline = Date.now() + RESELECT_TIMEOUT_MS;
  const tick = () => {
    if (!isCurrent() || api.isDestroyed()) return;
    const node: IRowNode<OrderGridRow> | undefined = api.getDisplayedRowAtIndex(index);
    const target = node?.data?.id === id ? node : api.getRowNode(String(id));
    if (target?.data) {
      if (!target.isSelected()) target.setSelected(true, true, 'api');
      return;
    }
    if (Date.now() < deadline) window.setTimeout(tick, 50);
  };
  tick();
}

export function OrdersGrid(props: Props) {
  const { selected, onSelect, onRowCount, onNotice, refreshSignal, onRowCommand, handleRef, filter, layoutKey, sort, columnState, onLayout, onSortChange, onChecked } = props;
  const client = useApi();
  const report = useReportError();
  const apiRef = useRef<GridApi<OrderGridRow> | null>(null);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const sortRef = useRef<OrderSort>(sort ?? DEFAULT_SORT);
  const filterRef = useRef<OrderFilter>(filter);
  filterRef.current = filter;
  const layoutHooks = useRef({ onLayout, onSortChange, onChecked });
  layoutHooks.current = { onLayout, onSortChange, onChecked };
  /** Increases on every sort change, so a late answer for an older sort is ignored. */
  const sortGeneration = useRef(0);

  const columns = useMemo(() => orderColumns(), []);
  const layout = useGridLayout(apiRef, { layoutKey, sort, columnState, columns, sortRef, onLayout: (state) => layoutHooks.current.onLayout(state) });
  const applyingLayout = layout.applying;
  // The datasource must keep its identity (a new one resets the cache); callbacks go through a ref.
  const hooks = useRef({ onRowCount, report });
  hooks.current = { onRowCount, report };
  const rowCountRef = useRef(0);
  const datasource = useMemo(
    () =>
      createOrdersDatasource(client, () => filterRef.current, {
        onRowCount: (n) => {
          rowCountRef.current = n;
          hooks.current.onRowCount(n);
        },
        onError: (e) => hooks.current.report(e, '读取工单列表失败'),
      }),
    [client],
  );

  const follow = useRef<{ id: number; until: number; asked: boolean } | null>(null);
  /** Finds the followed order's row (asking the server where it went if it is not loaded) and focuses it. */
  const relocate = useCallback(() => {
    const api = apiRef.current;
    const f = follow.current;
    if (!api || api.isDestroyed() || !f) return;
    if (Date.now() > f.until) {
      follow.current = null;
      return;
    }
    const node = api.getRowNode(String(f.id));
    if (node && node.rowIndex !== null) {
      const focused = api.getFocusedCell();
      if (focused?.rowIndex !== node.rowIndex) {
        api.ensureIndexVisible(node.rowIndex);
        api.setFocusedCell(node.rowIndex, focused?.column.getColId() ?? 'orderNo');
      }
      return;
    }
    if (f.asked) return;
    f.asked = true;
    client.send('orders.position', { sort: sortRef.current, orderId: f.id, filter: filterRef.current }).then(
      ({ index }) => {
        if (follow.current !== f || index === null || api.isDestroyed()) return;
        if (api.getDisplayedRowCount() <= index) api.setRowCount(Math.max(rowCountRef.current, index + 1), true);
        api.ensureIndexVisible(index, 'middle');
        f.asked = false;
      },
      () => undefined,
    );
  }, [client]);

  const onGridReady = useCallback(
    (e: GridReadyEvent<OrderGridRow>) => {
      apiRef.current = e.api;
      // A view or drill-down chosen before the grid was ready.
      layout.applyCurrent();
      handleRef.current = {
        focusOrder(orderId, rowIndex) {
          const api = apiRef.current;
          if (!api || api.isDestroyed()) return;
          const node = api.getRowNode(String(orderId));
          const index = node?.rowIndex ?? rowIndex;
          api.ensureIndexVisible(index);
          api.setFocusedCell(index, api.getFocusedCell()?.column.getColId() ?? 'orderNo');
          follow.current = { id: orderId, until: Date.now() + FOLLOW_MS, asked: false };
        },
        step(by) {
          const api = apiRef.current;
          const at = selectedRef.current?.rowIndex ?? api?.getFocusedCell()?.rowIndex ?? -1;
          if (!api || api.isDestroyed()) return;
          const index = Math.max(0, Math.min(at + by, rowCountRef.current - 1));
          const node = api.getDisplayedRowAtIndex(index);
          api.ensureIndexVisible(index);
          api.setFocusedCell(index, api.getFocusedCell()?.column.getColId() ?? 'orderNo');
          if (node?.data) node.setSelected(true, true, 'api');
        },
        clearChecked() {
          apiRef.current?.deselectAll();
        },
        ...layout.columnHandle,
      };
    },
    [handleRef],
  );

  const commandRef = useRef(onRowCommand);
  commandRef.current = onRowCommand;

  const onCellContextMenu = useCallback((e: CellContextMenuEvent<OrderGridRow>) => {
    const mouse = e.event as MouseEvent | null | undefined;
    if (!e.data || e.rowIndex === null || !mouse) return;
    if (!e.node.isSelected()) e.node.setSelected(true, true, 'api');
    e.api.setFocusedCell(e.rowIndex, e.column);
    commandRef.current({ kind: 'menu', row: e.data, rowIndex: e.rowIndex, at: { x: mouse.clientX, y: mouse.clientY } });
  }, []);

  const onCellKeyDown = useCallback((e: CellKeyDownEvent<OrderGridRow> | FullWidthCellKeyDownEvent<OrderGridRow>) => {
    follow.current = null;
    const key = e.event as KeyboardEvent | null | undefined;
    if (!key || !e.data || e.rowIndex === null) return;
    // j / k move like ↓ / ↑ (and select, so the detail follows), as in a mail client.
    if ((key.key === 'j' || key.key === 'k') && !key.ctrlKey && !key.altKey && !key.metaKey) {
      key.preventDefault();
      const index = Math.max(0, Math.min(e.rowIndex + (key.key === 'j' ? 1 : -1), e.api.getDisplayedRowCount() - 1));
      e.api.ensureIndexVisible(index);
      e.api.setFocusedCell(index, e.api.getFocusedCell()?.column.getColId() ?? 'orderNo');
      e.api.getDisplayedRowAtIndex(index)?.setSelected(true, true, 'api');
      return;
    }
    const command = gridKeyCommand(key, e.data, e.rowIndex);
    if (!command) return;
    key.preventDefault();
    if (command.kind !== 'shortcuts' && !e.node.isSelected()) e.node.setSelected(true, true, 'api');
    commandRef.current(command);
  }, []);

  const stopFollowing = useCallback(() => {
    follow.current = null;
  }, []);

  // The browser's own menu never shows over the rows (AG Grid's preventDefaultOnContextMenu covers the
  // viewport; this covers the rest of the grid's rows, e.g. while a block is loading).
  const onWrapperContextMenu = useCallback((e: ReactMouseEvent) => {
    if ((e.target as HTMLElement).closest('.ag-row')) e.preventDefault();
  }, []);

  const onSelectionChanged = useCallback(
    (e: SelectionChangedEvent<OrderGridRow>) => {
      const nodes = e.api.getSelectedNodes();
      layoutHooks.current.onChecked(nodes.flatMap((n) => (n.data ? [n.data.id] : [])));
      // The detail shows the one selected row; while several are ticked it keeps what it shows.
      const node = nodes.length === 1 ? nodes[0] : null;
      if (node?.data) {
        onSelect({ id: node.data.id, orderNo: node.data.orderNo, rowIndex: node.rowIndex });
      } else if (nodes.length > 1) {
        // Several ticked: the detail keeps showing the one it shows.
      } else if (e.source === 'rowClicked' || e.source === 'spaceKey') {
        // Only the clerk clears a selection; a cache reset on sort must not forget what was selected.
        onSelect(null);
      }
    },
    [onSelect],
  );

  const onSortChanged = useCallback(
    (e: SortChangedEvent<OrderGridRow>) => {
      const api = e.api;
      const sort = sortOf(api);
      if (sameSort(sort, sortRef.current)) return;
      sortRef.current = sort;
      if (!applyingLayout.current) layoutHooks.current.onSortChange(sort);
      const generation = ++sortGeneration.current;
      const isCurrent = () => generation === sortGeneration.current;
      const current = selectedRef.current;

      if (!current) {
        api.ensureIndexVisible(0, 'top');
        onNotice(`${describeSort(sort)}，回到第一行`);
        return;
      }
      client.send('orders.position', { sort, orderId: current.id, filter: filterRef.current }).then(
        ({ index }) => {
          if (!isCurrent() || api.isDestroyed()) return;
          if (index === null) {
            api.deselectAll();
            onSelect(null);
            api.ensureIndexVisible(0, 'top');
            onNotice(`${describeSort(sort)}；原先选中的工单已不存在，回到第一行`);
            return;
          }
          // A sort resets the infinite cache to one placeholder row until its first block arrives;
          // give it the known size so the grid can scroll straight to the selected order.
          if (api.getDisplayedRowCount() <= index) api.setRowCount(Math.max(rowCountRef.current, index + 1), true);
          api.ensureIndexVisible(index, 'middle');
          onSelect({ ...current, rowIndex: index });
          reselectWhenLoaded(api, index, current.id, isCurrent);
          onNotice(`${describeSort(sort)}，选中的工单 ${current.orderNo} 现在是第 ${(index + 1).toLocaleString('zh-CN')} 行`);
        },
        (error: unknown) => {
          if (!isCurrent()) return;
          api.ensureIndexVisible(0, 'top');
          report(error, '无法定位选中的工单');
          onNotice(`${describeSort(sort)}，未能定位选中的工单，回到第一行`);
        },
      );
    },
    [client, onNotice, onSelect, report],
  );

  // The detail panel's close button clears the selection: mirror it in the grid.
  useEffect(() => {
    const api = apiRef.current;
    if (!selected && api && !api.isDestroyed() && api.getSelectedNodes().length) api.deselectAll();
  }, [selected]);

  // A new filter: read from the first row again (the selection stays if the order still matches).
  const filterKey = JSON.stringify(filter);
  const firstFilter = useRef(filterKey);
  useEffect(() => {
    const api = apiRef.current;
    if (!api || api.isDestroyed() || firstFilter.current === filterKey) return;
    firstFilter.current = filterKey;
    api.ensureIndexVisible(0, 'top');
    api.purgeInfiniteCache();
  }, [filterKey]);

  // Live refresh: reload the loaded blocks in place; scroll position and selection (by id) stay.
  useEffect(() => {
    if (refreshSignal === 0) return;
    const timer = window.setTimeout(() => {
      const api = apiRef.current;
      if (api && !api.isDestroyed()) api.refreshInfiniteCache();
    }, REFRESH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [refreshSignal]);

  return (
    <div className="orders-grid ag-theme-quartz" onContextMenu={onWrapperContextMenu}>
      <AgGridReact<OrderGridRow>
        theme="legacy"
        localeText={LOCALE_TEXT}
        columnDefs={columns}
        defaultColDef={defaultColDef}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK_SIZE}
        // A refresh re-reads every cached block: keep the cache to a few screens' worth.
        maxBlocksInCache={20}
        blockLoadDebounceMillis={40}
        getRowId={rowId}
        rowSelection={ROW_SELECTION}
        selectionColumnDef={SELECTION_COLUMN}
        tooltipShowDelay={600}
        // Every shown column is in the DOM even when scrolled out of view: keys, screen readers and tests
        // find a row's cells whatever the width (a dozen columns by default, so this costs little).
        suppressColumnVirtualisation
        suppressMultiSort
        rowHeight={34}
        headerHeight={38}
        onGridReady={onGridReady}
        onSelectionChanged={onSelectionChanged}
        onSortChanged={onSortChanged}
        suppressContextMenu
        preventDefaultOnContextMenu
        onCellContextMenu={onCellContextMenu}
        onCellKeyDown={onCellKeyDown}
        onCellClicked={stopFollowing}
        onModelUpdated={relocate}
        onColumnMoved={layout.onLayoutEvent}
        onColumnResized={layout.onLayoutEvent}
        onColumnVisible={layout.onLayoutEvent}
        onColumnPinned={layout.onLayoutEvent}
      />
    </div>
  );
}
