/**
 * Schema v3: the administration backend (issue 3). Frozen in time: written against Kysely<any>.
 *   - reply_templates: reply texts per category prefix ('' = every category), with {占位符} facts;
 *   - routing_rules: category prefix → suggested lead unit;
 *   - the index the lead suggestion needs to stay fast on a million orders (its query plan is tested in
 *     tests/unit/admin/suggest.test.ts).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reply_templates')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('category_prefix', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('routing_rules')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('category_prefix', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('note', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('routing_rules_prefix_unit', ['category_prefix', 'unit_id'])
    .execute();

  // "Who led orders of this 小区/road lately": a range seek on (residential_area, received_at).
  await db.schema.createIndex('orders_area_received').on('orders').columns(['residential_area', 'received_at']).execute();
}
