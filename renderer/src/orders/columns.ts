/**
 * The orders grid's columns: every field of an order, the rarely wanted ones hidden until the clerk
 * shows them (列设置). Sortable columns use the server's sort column name (ORDER_SORT_COLUMNS) as their
 * colId, so the sort model goes to orders.page unchanged; the others cannot be sorted (sorting happens
 * in the database, on indexed columns only). Tests address cells as `.ag-cell[col-id=orderNo]`.
 */
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { OrderGridRow } from '../../../preload/api.js';
import { StatusChip } from './StatusChip.js';
import { COLUMN_TITLES, appealTypeLabel, formatCategory, formatTime, isOverdue, sourceLabel, tierLabel } from './format.js';
import { countdownClass, countdownText, flagsText } from './countdown.js';

type Col = ColDef<OrderGridRow> & { colId: string };

const fmt = (f: (row: OrderGridRow) => string) => (p: ValueFormatterParams<OrderGridRow>) => (p.data ? f(p.data) : '');
const list = (xs: string[]) => (xs.length ? xs.join('、') : '—');

/** Shown in the column chooser; `hide` = hidden by default. */
export function orderColumns(): Col[] {
  const time = (colId: keyof OrderGridRow & string, headerName: string, hide = true): Col => ({
    colId,
    headerName,
    field: colId,
    width: 150,
    hide,
    sortable: false,
    valueFormatter: fmt((r) => formatTime(r[colId] as number | null)),
  });
  const text = (colId: string, headerName: string, get: (r: OrderGridRow) => string, width = 120, hide = true): Col => ({
    colId,
    headerName,
    width,
    hide,
    sortable: false,
    valueGetter: (p) => (p.data ? get(p.data) : ''),
    tooltipValueGetter: (p) => (p.data ? get(p.data) : ''),
  });
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
    { colId: 'category', headerName: COLUMN_TITLES.category, field: 'category', width: 220, valueFormatter: fmt((r) => formatCategory(r.category)), tooltipValueGetter: (p) => (p.data ? formatCategory(p.data.category) : '') },
    text('content', '诉求内容', (r) => r.contentPreview, 260, false),
    { colId: 'community', headerName: COLUMN_TITLES.community, field: 'communityName', width: 112, valueFormatter: fmt((r) => r.communityName ?? '—') },
    { colId: 'status', headerName: COLUMN_TITLES.status, field: 'status', width: 96, cellRenderer: StatusChip },
    {
      colId: 'firstContactCountdown',
      headerName: '首次联系',
      width: 112,
      sortable: false,
      valueGetter: (p) => (p.data ? countdownText(p.data, 'firstContact', Date.now()) : ''),
      cellClass: (p) => (p.data ? countdownClass(p.data, 'firstContact', Date.now()) : ''),
    },
    {
      colId: 'handleCountdown',
      headerName: '办理倒计时',
      width: 118,
      sortable: false,
      valueGetter: (p) => (p.data ? countdownText(p.data, 'handle', Date.now()) : ''),
      cellClass: (p) => (p.data ? countdownClass(p.data, 'handle', Date.now()) : ''),
    },
    {
      colId: 'handleDueAt',
      headerName: COLUMN_TITLES.handleDueAt,
      field: 'handleDueAt',
      width: 150,
      valueFormatter: fmt((r) => formatTime(r.handleDueAt)),
      cellClassRules: { 'cell--overdue': (p) => !!p.data && isOverdue(p.data, Date.now()) },
    },
    text('flags', '标记', flagsText, 120, false),
    text('leadUnit', '主办单位', (r) => r.leadUnitName ?? '—', 120, false),
    text('handlers', '经办人', (r) => list(r.handlerNames), 100, false),
    text('assistUnits', '协办单位', (r) => list(r.assistUnitNames), 140),
    text('address', '地址', (r) => r.address, 200),
    text('residentialArea', '小区', (r) => r.residentialArea ?? '—', 120),
    text('citizenName', '诉求人', (r) => r.citizenName ?? '—', 90),
    text('citizenPhone', '联系电话', (r) => r.citizenPhoneMasked ?? '—', 120),
    text('source', '来源', (r) => sourceLabel(r.source), 90),
    text('tier', '时限档', (r) => tierLabel(r.tier), 90),
    time('dispatchedAt', '派单时间'),
    time('acceptedAt', '签收时间'),
    time('firstContactDueAt', '首次联系时限'),
    time('firstContactAt', '首次联系时间'),
    time('repliedAt', '办结时间'),
    time('closedAt', '结案时间'),
    text('reopenCount', '二次办理次数', (r) => String(r.reopenCount), 110),
    text('platformStatus', '平台状态', (r) => r.platformStatus ?? '—', 110),
  ];
}

export const defaultColDef: ColDef<OrderGridRow> = {
  sortable: true,
  resizable: true,
  // Always sorted by something: the server needs a sort, and "unsorted" would mean "by id" to nobody.
  sortingOrder: ['asc', 'desc'],
};

/** Column ids and titles for the column chooser, in the default order. */
export const COLUMN_CHOICES = orderColumns().map((c) => ({ colId: c.colId, title: c.headerName ?? c.colId, hidden: c.hide === true }));
