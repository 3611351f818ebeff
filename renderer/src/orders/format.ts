/** How order fields read in the UI: Chinese labels, Beijing time, category paths, deadlines. */
import type { OrderGridRow, OrderSortColumn } from '../../../preload/api.js';
import { APPEAL_TYPE, ORDER_STATUS, SOURCE, TIER, type OrderStatus } from '../../../preload/contract/enums.js';
import { formatBeijing } from '../../../preload/contract/time.js';

export const COLUMN_TITLES: Record<OrderSortColumn, string> = {
  orderNo: '工单编号',
  receivedAt: '受理时间',
  appealType: '诉求类型',
  category: '问题分类',
  community: '社区',
  status: '状态',
  handleDueAt: '办理时限',
};

/** Statuses whose handling deadline no longer runs (handled, called back, or returned upstream). */
const CLOSED_STATUSES: ReadonlySet<OrderStatus> = new Set(['replied', 'callback_done', 'returned']);

export const isClosed = (status: OrderStatus) => CLOSED_STATUSES.has(status);

export function isOverdue(row: Pick<OrderGridRow, 'status' | 'handleDueAt'>, now: number): boolean {
  return !isClosed(row.status) && row.handleDueAt < now;
}

export const formatTime = (ms: number | null | undefined) => (ms == null ? '—' : formatBeijing(ms));

/** '城市管理/市容环境/占道经营' → '城市管理 › 市容环境 › 占道经营'. */
export function formatCategory(path: string): string {
  return path ? path.split('/').join(' › ') : '未分类';
}

export const statusLabel = (s: OrderStatus) => ORDER_STATUS.label[s];
export const appealTypeLabel = (a: OrderGridRow['appealType']) => APPEAL_TYPE.label[a];
export const sourceLabel = (s: keyof typeof SOURCE.label) => SOURCE.label[s];
export const tierLabel = (t: OrderGridRow['tier']) => TIER.label[t];

export const directionLabel = (d: 'asc' | 'desc') => (d === 'asc' ? '升序' : '降序');

export const formatCount = (n: number) => n.toLocaleString('zh-CN');
