/**
 * The orders grid: AG Grid Community's infinite row model over orders.page, sorted in the database.
 *
 * "Sorting keeps the user where they are or says why not": when the sort changes and an order is
 * selected, orders.position tells where it went and the grid scrolls there (getRowId keeps it selected
 * once its block loads); with nothing selected the grid returns to the top and says so.
 */
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { GridApi, GridReadyEvent, IRowNode, SelectionChangedEvent, SortChangedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { OrderGridRow, OrderSort } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { useReportError } from '../app/errors.js';
import { defaultColDef, orderColumns } from './columns.js';
import { DEFAULT_SORT, createOrdersDatasource, toOrderSort } from './datasource.js';
import { COLUMN_TITLES, directionLabel } from './format.js';

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
}

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

export function OrdersGrid({ selected, onSelect, onRowCount, onNotice, refreshSignal }: Props) {
  const client = useApi();
  const report = useReportError();
  const apiRef = useRef<GridApi<OrderGridRow> | null>(null);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const sortRef = useRef<OrderSort>(DEFAULT_SORT);
  /** Increases on every sort change, so a late answer for an older sort is ignored. */
  const sortGeneration = useRef(0);

  const columns = useMemo(() => orderColumns(), []);
  // The datasource must keep its identity (a new one resets the cache); callbacks go through a ref.
  const hooks = useRef({ onRowCount, report });
  hooks.current = { onRowCount, report };
  const rowCountRef = useRef(0);
  const datasource = useMemo(
    () =>
      createOrdersDatasource(client, {
        onRowCount: (n) => {
          rowCountRef.current = n;
          hooks.current.onRowCount(n);
        },
        onError: (e) => hooks.current.report(e, '读取工单列表失败'),
      }),
    [client],
  );

  const onGridReady = useCallback((e: GridReadyEvent<OrderGridRow>) => {
    apiRef.current = e.api;
  }, []);

  const onSelectionChanged = useCallback(
    (e: SelectionChangedEvent<OrderGridRow>) => {
      const node = e.api.getSelectedNodes()[0];
      if (node?.data) {
        onSelect({ id: node.data.id, orderNo: node.data.orderNo, rowIndex: node.rowIndex });
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
      const generation = ++sortGeneration.current;
      const isCurrent = () => generation === sortGeneration.current;
      const current = selectedRef.current;

      if (!current) {
        api.ensureIndexVisible(0, 'top');
        onNotice(`${describeSort(sort)}，回到第一行`);
        return;
      }
      client.send('orders.position', { sort, orderId: current.id }).then(
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
    <div className="orders-grid ag-theme-quartz">
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
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        suppressMultiSort
        rowHeight={34}
        headerHeight={38}
        onGridReady={onGridReady}
        onSelectionChanged={onSelectionChanged}
        onSortChanged={onSortChanged}
      />
    </div>
  );
}
