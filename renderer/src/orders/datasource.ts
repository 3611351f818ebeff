/**
 * The infinite row model's datasource: every block of rows is one orders.page call, sorted by the
 * database. The grid asks for blocks of 100; the answer's rowCount tells it where the data ends.
 */
import type { IDatasource, SortModelItem } from 'ag-grid-community';
import { ORDER_SORT_COLUMNS, type OrderFilter, type OrderGridRow, type OrderSort, type OrderSortColumn } from '../../../preload/api.js';
import type { ApiClient } from '../../../preload/contract/client.js';
import { noteGridView } from '../ledger/gridView.js';

export const DEFAULT_SORT: OrderSort = { column: 'receivedAt', direction: 'desc' };

const isSortColumn = (id: string): id is OrderSortColumn => (ORDER_SORT_COLUMNS as readonly string[]).includes(id);

/** The grid's sort model (single column) as the contract's sort; falls back to the default. */
export function toOrderSort(model: readonly SortModelItem[]): OrderSort {
  const first = model[0];
  if (!first || !isSortColumn(first.colId)) return DEFAULT_SORT;
  return { column: first.colId, direction: first.sort };
}

export interface DatasourceHooks {
  onRowCount(count: number): void;
  onError(error: unknown): void;
}

/** `filter()` is read on every block, so a new filter needs only a cache purge, not a new datasource. */
export function createOrdersDatasource(client: ApiClient, filter: () => OrderFilter, hooks: DatasourceHooks): IDatasource {
  return {
    getRows(params) {
      const sort = toOrderSort(params.sortModel);
      const f = filter();
      // 导出 offers "the current table": what the grid last asked for.
      noteGridView({ sort, filter: f });
      client.send('orders.page', { sort, startRow: params.startRow, endRow: params.endRow, filter: f }).then(
        ({ rows, rowCount }: { rows: OrderGridRow[]; rowCount: number }) => {
          params.successCallback(rows, rowCount);
          hooks.onRowCount(rowCount);
        },
        (error: unknown) => {
          params.failCallback();
          hooks.onError(error);
        },
      );
    },
  };
}
