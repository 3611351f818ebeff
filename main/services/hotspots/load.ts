/**
 * The few reads behind a week's hotspots. Each is one range scan of `orders_received_at_sort`
 * (received_at, id) with row lookups: at 1M orders over two years a week is ~10k rows, the 30-day
 * window ~41k, the 8-week baseline ~77k (counted in SQL, never sent to JS as rows).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

export interface HotspotOrder {
  id: number;
  receivedAt: number;
  /** 0 = no community on the order. */
  communityId: number;
  category: string;
  address: string;
  area: string | null;
  phone: string | null;
}

/** The window's orders: a seek of orders_received_at_sort, already in its order (tests check the plan). */
export function ordersInQuery(db: Kysely<Database>, from: number, to: number) {
  return db
    .selectFrom('orders')
    .select(['id', 'received_at', 'community_id', 'category', 'address', 'residential_area', 'citizen_phone'])
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .orderBy('received_at')
    .orderBy('id');
}

/** Orders received in [from, to), oldest first, without their content (read only where needed). */
export async function ordersIn(db: Kysely<Database>, from: number, to: number): Promise<HotspotOrder[]> {
  const rows = await ordersInQuery(db, from, to).execute();
  return rows.map((r) => ({
    id: r.id,
    receivedAt: r.received_at,
    communityId: r.community_id ?? 0,
    category: r.category,
    address: r.address,
    area: r.residential_area,
    phone: r.citizen_phone,
  }));
}

/** The baseline's counts: a seek of a received_at index, grouped in a temporary b-tree (tests check the plan). */
export function countsInQuery(db: Kysely<Database>, from: number, to: number) {
  return db
    .selectFrom('orders')
    .select([sql<number>`coalesce(community_id, 0)`.as('c'), 'category', sql<number>`count(*)`.as('n')])
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .groupBy([sql`coalesce(community_id, 0)`, 'category']);
}

/** Order count per (community, full category path) received in [from, to). */
export async function countsIn(db: Kysely<Database>, from: number, to: number): Promise<Array<{ communityId: number; category: string; n: number }>> {
  const rows = await countsInQuery(db, from, to).execute();
  return rows.map((r) => ({ communityId: r.c, category: r.category, n: r.n }));
}

/** When the first order of the database was received (null when empty): how far back a baseline can look. */
export async function firstReceivedAt(db: Kysely<Database>): Promise<number | null> {
  const row = await db.selectFrom('orders').select(sql<number | null>`min(received_at)`.as('m')).executeTakeFirst();
  return row?.m ?? null;
}

/** The content of the given orders, read in chunks (SQLite's bound-parameter limit). */
export async function contentsOf(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  // One statement with the ids as one JSON array (tens of thousands in a busy week), each a rowid seek.
  const rows = await db
    .selectFrom('orders')
    .select(['id', 'content'])
    .where('id', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .execute();
  for (const r of rows) out.set(r.id, r.content);
  return out;
}

/** Community unit names by id; 0 is the orders without one. */
export async function communityNames(db: Kysely<Database>): Promise<{ names: Map<number, string>; order: number[] }> {
  const rows = await db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'community').orderBy('sort_order').orderBy('id').execute();
  const names = new Map<number, string>(rows.map((r) => [r.id, r.name]));
  names.set(0, UNASSIGNED_COMMUNITY);
  return { names, order: rows.map((r) => r.id) };
}

export const UNASSIGNED_COMMUNITY = '未指定社区';

export function nameOf(names: Map<number, string>, id: number): string {
  return names.get(id) ?? `单位 ${id}`;
}
