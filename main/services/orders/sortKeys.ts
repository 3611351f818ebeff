/**
 * How each grid sort column maps onto the database: the key expression and the index that serves it.
 * Keyset pagination compares (key, id) row values, so every key must be NOT NULL (community goes
 * through coalesce(..., 0), matching its expression index).
 */
import { sql, type RawBuilder } from 'kysely';
import type { OrderSortColumn } from '../../../preload/api.js';

export interface SortKey {
  /** The key expression as written in ORDER BY and in the index. */
  expr: RawBuilder<unknown>;
  /** The same expression as plain SQL (for raw benchmarks and the query-plan tests). */
  sqlText: string;
  index: string;
  /** A unique key: its 'group' is one row. */
  unique?: boolean;
}

const col = (name: string, index: string): SortKey => ({ expr: sql.ref(`orders.${name}`) as RawBuilder<unknown>, sqlText: name, index });

export const SORT_KEYS: Record<OrderSortColumn, SortKey> = {
  orderNo: { ...col('order_no', 'sqlite_autoindex_orders_1'), unique: true },
  receivedAt: col('received_at', 'orders_received_at_sort'),
  appealType: col('appeal_type', 'orders_appeal_type_sort'),
  category: col('category', 'orders_category_sort'),
  status: col('status', 'orders_status_sort'),
  handleDueAt: col('handle_due_at', 'orders_handle_due_sort'),
  community: { expr: sql`coalesce(orders.community_id, 0)`, sqlText: 'coalesce(community_id, 0)', index: 'orders_community_sort' },
};
