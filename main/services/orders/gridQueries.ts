/**
 * The grid's SQL, kept apart from the paging logic so the query-plan tests and the benchmark run exactly
 * what the grid runs. Every builder takes plain values or placeholders (db/templates.ts).
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { SortKey } from './sortKeys.js';

export interface Cursor {
  key: unknown;
  id: number;
}

export interface PageRow {
  id: number;
  order_no: string;
  received_at: number;
  appeal_type: string;
  category: string;
  community_id: number | null;
  community_name: string | null;
  status: string;
  tier: string;
  handle_due_at: number;
  version: number;
}

/** The sort key and id of the row at `index`: served from the sort index alone (covering). */
export function keyAtQuery(db: Kysely<Database>, key: SortKey, desc: boolean, index: number) {
  const dir = desc ? sql.raw('DESC') : sql.raw('ASC');
  return db
    .selectFrom('orders')
    .select([key.expr.as('k'), 'id'])
    .orderBy(sql`${key.expr} ${dir}, orders.id ${dir}`)
    .limit(1)
    .offset(index);
}

/**
 * One grid page: `limit` rows after the cursor (skipping `skip`), in (key, id) order.
 *
 * SQLite seeks a row-value comparison `(key, id) > (k, i)` on the key alone and then scans the whole
 * group of equal keys — hundreds of thousands of rows for a status or a community. So the cursor is
 * split into two index seeks, each reading only ids from the sort index (covering):
 *   the rest of the current group:  key = k AND id > i   (seek on both columns)
 *   the groups after it:            key > k               (seek on the key)
 * and only the `limit` winners are joined back to their orders. `take` = skip + limit (its own argument
 * so that a compiled template can bind it).
 */
export function pageQuery(db: Kysely<Database>, key: SortKey, desc: boolean, after: Cursor | null, skip: number, limit: number, take = skip + limit) {
  const dir = desc ? sql.raw('DESC') : sql.raw('ASC');
  const ids = after
    ? db
        .selectFrom(
          db
            .selectFrom('orders')
            .select([key.expr.as('k'), 'id'])
            .where(sql<SqlBool>`${key.expr} = ${after.key}`)
            .where('id', desc ? '<' : '>', after.id)
            .orderBy('id', desc ? 'desc' : 'asc')
            .limit(take)
            .as('same_group'),
        )
        .selectAll()
        .unionAll(
          db
            .selectFrom(
              db
                .selectFrom('orders')
                .select([key.expr.as('k'), 'id'])
                .where(sql<SqlBool>`${key.expr} ${desc ? sql.raw('<') : sql.raw('>')} ${after.key}`)
                .orderBy(sql`${key.expr} ${dir}, orders.id ${dir}`)
                .limit(take)
                .as('later_groups'),
            )
            .selectAll(),
        )
    : db
        .selectFrom('orders')
        .select([key.expr.as('k'), 'id'])
        .orderBy(sql`${key.expr} ${dir}, orders.id ${dir}`)
        .limit(take);
  let q = db
    .selectFrom(ids.as('page'))
    .innerJoin('orders', 'orders.id', 'page.id')
    .leftJoin('units', 'units.id', 'orders.community_id')
    .select([
      'orders.id',
      'orders.order_no',
      'orders.received_at',
      'orders.appeal_type',
      'orders.category',
      'orders.community_id',
      'units.name as community_name',
      'orders.status',
      'orders.tier',
      'orders.handle_due_at',
      'orders.version',
    ])
    .orderBy(sql`page.k ${dir}, page.id ${dir}`)
    .limit(limit);
  if (skip !== 0) q = q.offset(skip);
  return q;
}

/** How many rows come before (key k, id i) in the sort: two counted index ranges, as in pageQuery. */
export function rowsBeforeQuery(db: Kysely<Database>, key: SortKey, desc: boolean, at: Cursor) {
  const before = desc ? sql.raw('>') : sql.raw('<');
  const earlierGroups = db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<SqlBool>`${key.expr} ${before} ${at.key}`);
  const sameGroup = db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<SqlBool>`${key.expr} = ${at.key}`)
    .where('id', desc ? '>' : '<', at.id);
  return db.selectNoFrom([earlierGroups.as('earlier'), sameGroup.as('same')]);
}
