/**
 * The orders grid's columns. Each column's colId is the server's sort column name (ORDER_SORT_COLUMNS),
 * so the sort model goes to orders.page unchanged and tests can address cells as
 * `.ag-cell[col-id=orderNo]`. Sorting happens in the database, never in the grid.
 */
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { OrderGridRow, OrderSortColumn } from '../../../preload/api.js';
import { StatusChip } from './StatusChip.js';
import { COLUMN_TITLES, appealTypeLabel, formatCategory, formatTime, isOverdue } from './format.js';

type Col = ColDef<OrderGridRow> & { colId: OrderSortColumn };

const fmt = (f: (row: OrderGridRow) => string) => (p: ValueFormatterParams<OrderGridRow>) => (p.data ? f(p.data) : '');

export function orderColumns(): Col[] {
  return [
    { colId: 'orderNo', headerName: COLUMN_TITLES.orderNo, field: 'orderNo', width: 140 },
    {
      colId: 'receivedAt',
      headerName: COLUMN_TITLES.receivedAt,
      field: 'receivedAt',
      width: 150,
      valueFormatter: fmt((r) => formatTime(r.receivedAt)),
      // Newest first on the first click: that is what a clerk looks for.
      sortingOrder: ['desc', 'asc'],
      sort: 'desc',
    },
    { colId: 'appealType', headerName: COLUMN_TITLES.appealType, field: 'appealType', width: 88, valueFormatter: fmt((r) => appealTypeLabel(r.appealType)) },
    {
      colId: 'category',
      headerName: COLUMN_TITLES.category,
      field: 'category',
      flex: 1,
      minWidth: 200,
      valueFormatter: fmt((r) => formatCategory(r.category)),
    },
    { colId: 'community', headerName: COLUMN_TITLES.community, field: 'communityName', width: 120, valueFormatter: fmt((r) => r.communityName ?? '—') },
    { colId: 'status', headerName: COLUMN_TITLES.status, field: 'status', width: 96, cellRenderer: StatusChip },
    {
      colId: 'handleDueAt',
      headerName: COLUMN_TITLES.handleDueAt,
      field: 'handleDueAt',
      width: 150,
      valueFormatter: fmt((r) => formatTime(r.handleDueAt)),
      cellClassRules: { 'cell--overdue': (p) => !!p.data && isOverdue(p.data, Date.now()) },
    },
  ];
}

export const defaultColDef: ColDef<OrderGridRow> = {
  sortable: true,
  resizable: true,
  suppressMovable: true,
  // Always sorted by something: the server needs a sort, and "unsorted" would mean "by id" to nobody.
  sortingOrder: ['asc', 'desc'],
};
