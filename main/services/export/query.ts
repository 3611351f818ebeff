/**
 * The rows of a ledger, streamed from SQLite in the grid's order (the same sort keys and id tie-break
 * as orders.page, so "export what the grid shows" is row for row what the clerk sees), filtered by the
 * 受理时间 range. Each order comes with its community, lead and assist units and its latest callback.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { LedgerFilter, OrderSort } from '../../../preload/api.js';
import { DAY_MS, startOfBeijingDay } from '../../../preload/contract/time.js';
import { SORT_KEYS } from '../orders/sortKeys.js';

export interface LedgerRow {
  id: number;
  order_no: string;
  received_at: number;
  dispatched_at: number;
  source: string;
  appeal_type: string;
  category: string;
  content: string;
  citizen_name: string | null;
  citizen_phone: string | null;
  address: string;
  residential_area: string | null;
  community_name: string | null;
  lead_unit: string | null;
  assist_units: string | null;
  status: string;
  platform_status: string | null;
  tier: string;
  first_contact_due_at: number;
  first_contact_at: number | null;
  handle_due_at: number;
  replied_at: number | null;
  reply_result: string | null;
  reply_text: string | null;
  unreasonable: number;
  unreasonable_approved: number;
  duplicate_of: number | null;
  duplicate_approved: number;
  cb_at: number | null;
  cb_valid: number | null;
  cb_contacted: number | null;
  cb_resolution: string | null;
  cb_satisfaction: string | null;
}

/** The query's result columns, in select order (rowFromArray relies on it; checked at run time). */
export const LEDGER_COLUMNS = [
  'id', 'order_no', 'received_at', 'dispatched_at', 'source', 'appeal_type', 'category', 'content', 'citizen_name', 'citizen_phone',
  'address', 'residential_area', 'community_name', 'status', 'platform_status', 'tier', 'first_contact_due_at', 'first_contact_at',
  'handle_due_at', 'replied_at', 'reply_result', 'reply_text', 'unreasonable', 'unreasonable_approved', 'duplicate_of', 'duplicate_approved',
  'cb_at', 'cb_valid', 'cb_contacted', 'cb_resolution', 'cb_satisfaction', 'lead_unit', 'assist_units',
] as const satisfies ReadonlyArray<keyof LedgerRow>;

/** A row streamed as an array (db/bulk.ts streamRows) as a LedgerRow: one fixed-shape object. */
export function rowFromArray(a: readonly unknown[]): LedgerRow {
  return {
    id: a[0], order_no: a[1], received_at: a[2], dispatched_at: a[3], source: a[4], appeal_type: a[5], category: a[6], content: a[7],
    citizen_name: a[8], citizen_phone: a[9], address: a[10], residential_area: a[11], community_name: a[12], status: a[13],
    platform_status: a[14], tier: a[15], first_contact_due_at: a[16], first_contact_at: a[17], handle_due_at: a[18], replied_at: a[19],
    reply_result: a[20], reply_text: a[21], unreasonable: a[22], unreasonable_approved: a[23], duplicate_of: a[24], duplicate_approved: a[25],
    cb_at: a[26], cb_valid: a[27], cb_contacted: a[28], cb_resolution: a[29], cb_satisfaction: a[30], lead_unit: a[31], assist_units: a[32],
  } as LedgerRow;
}

export const DEFAULT_LEDGER_SORT: OrderSort = { column: 'receivedAt', direction: 'desc' };

/** The filter as an instant range [from, to) over received_at. */
export function filterRange(filter: LedgerFilter): { from: number | null; to: number | null } {
  return {
    from: filter.from ? startOfBeijingDay(filter.from) : null,
    to: filter.to ? startOfBeijingDay(filter.to) + DAY_MS : null,
  };
}

/** `orderIds`: only these orders (the grid's filter, resolved by the grid beforehand). */
export function ledgerQuery(db: Kysely<Database>, filter: LedgerFilter, sort: OrderSort, orderIds?: number[]) {
  const key = SORT_KEYS[sort.column];
  const dir = sort.direction === 'desc' ? sql.raw('DESC') : sql.raw('ASC');
  const { from, to } = filterRange(filter);
  let q = db
    .selectFrom('orders')
    .leftJoin('units as community', 'community.id', 'orders.community_id')
    .leftJoin('callbacks as cb', (join) =>
      join.on((eb) =>
        eb(
          'cb.id',
          '=',
          eb
            .selectFrom('callbacks as latest')
            .select('latest.id')
            .whereRef('latest.order_id', '=', 'orders.id')
            .orderBy('latest.at', 'desc')
            .orderBy('latest.id', 'desc')
            .limit(1),
        ),
      ),
    )
    .select([
      'orders.id',
      'orders.order_no',
      'orders.received_at',
      'orders.dispatched_at',
      'orders.source',
      'orders.appeal_type',
      'orders.category',
      'orders.content',
      'orders.citizen_name',
      'orders.citizen_phone',
      'orders.address',
      'orders.residential_area',
      'community.name as community_name',
      'orders.status',
      'orders.platform_status',
      'orders.tier',
      'orders.first_contact_due_at',
      'orders.first_contact_at',
      'orders.handle_due_at',
      'orders.replied_at',
      'orders.reply_result',
      'orders.reply_text',
      'orders.unreasonable',
      'orders.unreasonable_approved',
      'orders.duplicate_of',
      'orders.duplicate_approved',
      'cb.at as cb_at',
      'cb.valid as cb_valid',
      'cb.contacted as cb_contacted',
      'cb.resolution as cb_resolution',
      'cb.satisfaction as cb_satisfaction',
    ])
    .select([
      sql<string | null>`(SELECT u.name FROM order_units ou JOIN units u ON u.id = ou.unit_id WHERE ou.order_id = orders.id AND ou.role = 'lead')`.as('lead_unit'),
      sql<string | null>`(SELECT group_concat(name, '、') FROM (SELECT u.name FROM order_units ou JOIN units u ON u.id = ou.unit_id WHERE ou.order_id = orders.id AND ou.role = 'assist' ORDER BY u.sort_order, u.id))`.as('assist_units'),
    ]);
  if (from !== null) q = q.where('orders.received_at', '>=', from);
  if (to !== null) q = q.where('orders.received_at', '<', to);
  // One bound JSON array: the grid's filter may match hundreds of thousands of orders.
  if (orderIds) q = q.where(sql<SqlBool>`orders.id IN (SELECT value FROM json_each(${JSON.stringify(orderIds)}))`);
  return q.orderBy(sql`${key.expr} ${dir}, orders.id ${dir}`);
}
