/**
 * Schema v5: the triage workbench (issue 4). Frozen in time: written against Kysely<any>.
 *
 *  - orders_search: the bigram full-text index (see db/search.ts for the tokens), kept in sync by
 *    triggers calling search_tokens(), which every connection registers (db/connection.ts); filled here
 *    for the orders a database already holds.
 *  - Indexes so that every grid filter can be counted and enumerated without reading the whole table,
 *    and so that the common filter + sort pairs seek: status and community with the default sort
 *    (received_at), open statuses by handling deadline (the 即将超时 / 已超时 bands), orders still awaiting
 *    first contact by that deadline, small partial indexes for the flags, handlers, unhappy callbacks.
 *    Their query plans are tested in tests/unit/triage/queryPlans.test.ts.
 *  - saved_views: the clerks' own views (name, filter, sort, columns; shared or not), and
 *    view_layouts: one clerk's column layout of any view.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE orders_search USING fts5(tokens, content='', contentless_delete=1, detail=none, tokenize='ascii')`.execute(db);
  const tokens = (row: 'new' | 'old') =>
    sql.raw(`search_tokens(${row}.order_no, ${row}.content, ${row}.address, ${row}.citizen_name, ${row}.citizen_phone)`);
  await sql`CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN
    INSERT INTO orders_search(rowid, tokens) VALUES (new.id, ${tokens('new')});
  END`.execute(db);
  await sql`CREATE TRIGGER orders_search_update AFTER UPDATE OF id, order_no, content, address, citizen_name, citizen_phone ON orders BEGIN
    DELETE FROM orders_search WHERE rowid = old.id;
    INSERT INTO orders_search(rowid, tokens) VALUES (new.id, ${tokens('new')});
  END`.execute(db);
  await sql`CREATE TRIGGER orders_search_delete AFTER DELETE ON orders BEGIN
    DELETE FROM orders_search WHERE rowid = old.id;
  END`.execute(db);
  await sql`INSERT INTO orders_search(rowid, tokens)
    SELECT id, search_tokens(order_no, content, address, citizen_name, citizen_phone) FROM orders`.execute(db);

  const orderIndexes: Array<[string, string]> = [
    // filter + default sort (received_at), and counts of these filters
    ['orders_status_received', 'status, received_at, id'],
    ['orders_community_received', 'coalesce(community_id, 0), received_at, id'],
    ['orders_source_received', 'source, received_at, id'],
    ['orders_tier_received', 'tier, received_at, id'],
    // open statuses by handling deadline: the handling bands, and status + deadline sort
    ['orders_status_handle_due', 'status, handle_due_at, id'],
    ['orders_first_contact_due', 'first_contact_due_at, id'],
  ];
  for (const [name, columns] of orderIndexes) await sql`CREATE INDEX ${sql.id(name)} ON orders (${sql.raw(columns)})`.execute(db);
  // Small partial indexes: only the rows a view looks for.
  await sql`CREATE INDEX orders_awaiting_contact ON orders (first_contact_due_at, id) WHERE first_contact_at IS NULL`.execute(db);
  for (const flag of ['difficult', 'supervised', 'unreasonable']) {
    await sql`CREATE INDEX ${sql.id(`orders_${flag}_received`)} ON orders (received_at, id) WHERE ${sql.id(flag)} = 1`.execute(db);
  }
  await sql`CREATE INDEX orders_duplicate_received ON orders (received_at, id) WHERE duplicate_of IS NOT NULL`.execute(db);
  await sql`CREATE INDEX orders_reopened ON orders (status, id) WHERE reopen_count > 0`.execute(db);
  await sql`CREATE INDEX order_units_handler ON order_units (handler_staff_id, order_id) WHERE handler_staff_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX callbacks_unhappy ON callbacks (at, order_id) WHERE valid = 1 AND (satisfaction = 'unsatisfied' OR resolution = 'unresolved')`.execute(db);

  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('filter_json', 'text', (c) => c.notNull())
    .addColumn('sort_json', 'text', (c) => c.notNull())
    .addColumn('column_state_json', 'text')
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('saved_views_owner_name', ['owner', 'name'])
    .execute();
  await db.schema.createIndex('saved_views_shared').on('saved_views').columns(['shared', 'owner']).execute();

  await db.schema
    .createTable('view_layouts')
    .addColumn('view_key', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('column_state_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('view_layouts_pk', ['view_key', 'owner'])
    .execute();
}
