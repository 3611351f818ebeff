/**
 * The grid's SQL, kept apart from the paging logic so the query-plan tests and the benchmark run exactly
 * what the grid runs. Every builder takes plain values or placeholders (db/templates.ts), and an
 * optional filter condition `where` on `orders` (filters.ts; a natural condition a composite index
 * serves, a probe form, or membership of a TEMP id set).
 */
import { sql, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Cond } from './filters.js';
import { CONTENT_PREVIEW_CHARS, PAGE_COLUMNS } from './rows.js';
import type { SortKey } from './sortKeys.js';

export type { PageRow } from './rows.js';

/** Adds the filter condition, when there is one, keeping the builder's type. */
function filtered<T>(qb: T, where: Cond | undefined): T {
  return where ? ((qb as unknown as { where(c: Cond): T }).where(where)) : qb;
}

export interface Cursor {
  key: unknown;
  id: number;
}

/** The sort key and id of the row at `index`: served from the sort index alone (covering) when unfiltered. */
export function keyAtQuery(db: Kysely<Database>, key: SortKey, desc: boolean, index: number, where?: Cond) {
  const dir = desc ? sql.raw('DESC') : sql.raw('ASC');
  return filtered(db.selectFrom('orders').select([key.expr.as('k'), 'id']), where)
    .orderBy(sql`${key.expr} ${dir}, orders.id ${dir}`)
    .limit(1)
    .offset(index);
}

/**
 * One grid page: `limit` rows after the cursor (skipping `skip`), in (key, id) order.
 *
 * SQLite seeks a row-value comparison `(key, id) > (k, i)` on the key alone and then scans the whole
 * group of equal keys — hundreds of thousands of rows for a status or a community. So the cursor is
 * split into two index seeks, each reading only ids from the sort index (covering when unfiltered):
 *   the rest of the current group:  key = k AND id > i   (seek on both columns)
 *   the groups after it:            key > k               (seek on the key)
 * and only the `limit` winners are joined back to their orders. `take` = skip + limit (its own argument
 * so that a compiled template can bind it).
 */
export function pageQuery(db: Kysely<Database>, key: SortKey, desc: boolean, after: Cursor | null, skip: number, limit: number, take = skip + limit, where?: Cond) {
  const dir = desc ? sql.raw('DESC') : sql.raw('ASC');
  const ids = after
    ? db
        .selectFrom(
          filtered(
            db
              .selectFrom('orders')
              .select([key.expr.as('k'), 'id'])
              .where(sql<SqlBool>`${key.expr} = ${after.key}`)
              .where('id', desc ? '<' : '>', after.id),
            where,
          )
            .orderBy('id', desc ? 'desc' : 'asc')
            .limit(take)
            .as('same_group'),
        )
        .selectAll()
        .unionAll(
          db
            .selectFrom(
              filtered(
                db
                  .selectFrom('orders')
                  .select([key.expr.as('k'), 'id'])
                  .where(sql<SqlBool>`${key.expr} ${desc ? sql.raw('<') : sql.raw('>')} ${after.key}`),
                where,
              )
                .orderBy(sql`${key.expr} ${dir}, orders.id ${dir}`)
                .limit(take)
                .as('later_groups'),
            )
            .selectAll(),
        )
    : filtered(db.selectFrom('orders').select([key.expr.as('k'), 'id']), where)
        .orderBy(sql`${key.expr} ${dir}, orders.id ${dir}`)
        .limit(take);
  return pageOf(db, ids, desc, skip, limit);
}

/** The `limit` rows (after `skip`) of a page's (k, id) list, joined back to their orders. */
function pageOf(db: Kysely<Database>, ids: SelectQueryBuilder<any, any, { k: unknown; id: number }>, desc: boolean, skip: number, limit: number) {
  const dir = desc ? sql.raw('DESC') : sql.raw('ASC');
  let q = db
    .selectFrom(ids.as('page'))
    .innerJoin('orders', 'orders.id', 'page.id')
    .leftJoin('units', 'units.id', 'orders.community_id')
    .select([...PAGE_COLUMNS, 'units.name as community_name', sql<string>`substr(orders.content, 1, ${sql.lit(CONTENT_PREVIEW_CHARS)})`.as('content_preview')])
    .orderBy(sql`page.k ${dir}, page.id ${dir}`)
    .limit(limit);
  if (skip !== 0) q = q.offset(skip);
  return q;
}

/**
 * A page of a filter tested row by row, looking only at the next `budget` rows of the sort order after
 * the cursor (an index-only window). When the filter's rows are rare in that stretch of the sort —
 * "received this month" sorted by deadline starts with years of other orders — the page comes back
 * short instead of reading the whole table, and grid.ts takes another road. A full page is exact: the
 * window is a prefix of the sort order, so its first matches are the first matches of all.
 */
export function windowedPageQuery(db: Kysely<Database>, key: SortKey, desc: boolean, after: Cursor | null, skip: number, limit: number, take: number, where: Cond, budget: number) {
  const dir = desc ? sql.raw('DESC') : sql.raw('ASC');
  const next = db.selectFrom('orders').select([key.expr.as('k'), 'id']);
  const window = after
    ? db
        .selectFrom(
          next
            .where(sql<SqlBool>`${key.expr} = ${after.key}`)
            .where('id', desc ? '<' : '>', after.id)
            .orderBy('id', desc ? 'desc' : 'asc')
            .limit(budget)
            .as('same_group'),
        )
        .selectAll()
        .unionAll(
          db
            .selectFrom(
              next
                .where(sql<SqlBool>`${key.expr} ${desc ? sql.raw('<') : sql.raw('>')} ${after.key}`)
                .orderBy(sql`${key.expr} ${dir}, orders.id ${dir}`)
                .limit(budget)
                .as('later_groups'),
            )
            .selectAll(),
        )
        .orderBy(sql`k ${dir}, id ${dir}`)
        .limit(budget)
    : next.orderBy(sql`${key.expr} ${dir}, orders.id ${dir}`).limit(budget);
  const matching = db
    .selectFrom(window.as('w'))
    .innerJoin('orders', 'orders.id', 'w.id')
    .select(['w.k as k', 'w.id as id'])
    .where(where)
    .orderBy(sql`w.k ${dir}, w.id ${dir}`)
    .limit(take);
  return pageOf(db, matching as never, desc, skip, limit);
}

/** The grid columns of the given orders (any order; the caller arranges them). */
export function rowsByIdsQuery(db: Kysely<Database>, ids: readonly number[]) {
  return db
    .selectFrom('orders')
    .leftJoin('units', 'units.id', 'orders.community_id')
    .select([...PAGE_COLUMNS, 'units.name as community_name', sql<string>`substr(orders.content, 1, ${sql.lit(CONTENT_PREVIEW_CHARS)})`.as('content_preview')])
    .where('orders.id', 'in', ids);
}

/** How many rows come before (key k, id i) in the sort: two counted index ranges, as in pageQuery. */
export function rowsBeforeQuery(db: Kysely<Database>, key: SortKey, desc: boolean, at: Cursor, where?: Cond) {
  const before = desc ? sql.raw('>') : sql.raw('<');
  const earlierGroups = filtered(
    db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sql<SqlBool>`${key.expr} ${before} ${at.key}`),
    where,
  );
  const sameGroup = filtered(
    db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sql<SqlBool>`${key.expr} = ${at.key}`)
      .where('id', desc ? '>' : '<', at.id),
    where,
  );
  return db.selectNoFrom([earlierGroups.as('earlier'), sameGroup.as('same')]);
}

/**
 * Every matching id in sort order: for small results, kept whole (grid.ts). The sort key is written
 * `+key` so it cannot match the sort index: the filter's own index finds the few rows, which are then
 * sorted, instead of a walk along the whole sort index testing every row for a rare match.
 */
export function sortedIdsQuery(db: Kysely<Database>, key: SortKey, desc: boolean, where: Cond) {
  const dir = desc ? sql.raw('DESC') : sql.raw('ASC');
  return filtered(db.selectFrom('orders').select('orders.id'), where).orderBy(sql`+${key.expr} ${dir}, +orders.id ${dir}`);
}
