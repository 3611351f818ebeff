/**
 * Schema v1: the whole glossary of DESIGN §1. Frozen in time: written against Kysely<any>, never edited
 * after release — later changes are new numbered migrations.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('community', 'department')`))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('level', 'integer', (c) => c.notNull().check(sql`level BETWEEN 1 AND 3`))
    .addColumn('parent_path', 'text', (c) => c.references('categories.path'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('default_tier', 'text')
    .addColumn('livelihood_dimension', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('unit_duties')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('category_path', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_duties_pk', ['unit_id', 'category_path'])
    .execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('phone', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('order_no', 'text', (c) => c.notNull().unique())
    .addColumn('received_at', 'integer', (c) => c.notNull())
    .addColumn('dispatched_at', 'integer', (c) => c.notNull())
    .addColumn('accepted_at', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('appeal_type', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('citizen_name', 'text')
    .addColumn('citizen_phone', 'text')
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('residential_area', 'text')
    .addColumn('community_id', 'integer', (c) => c.references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('first_contact_due_at', 'integer', (c) => c.notNull())
    .addColumn('handle_due_at', 'integer', (c) => c.notNull())
    .addColumn('due_source', 'text', (c) => c.notNull().defaultTo('tier'))
    .addColumn('calendar_missing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_contact_at', 'integer')
    .addColumn('replied_at', 'integer')
    .addColumn('reply_result', 'text')
    .addColumn('reply_text', 'text')
    .addColumn('closed_at', 'integer')
    .addColumn('difficult', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('difficult_reason', 'text')
    .addColumn('unreasonable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unreasonable_approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supervised', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicate_of', 'integer', (c) => c.references('orders.id'))
    .addColumn('duplicate_approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_time_resolved', 'integer')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('platform_status', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // One index per grid sort: (sort key, id) so keyset pages seek instead of scanning.
  const sortIndexes: Array<[string, string[]]> = [
    ['orders_received_at_sort', ['received_at', 'id']],
    ['orders_appeal_type_sort', ['appeal_type', 'id']],
    ['orders_category_sort', ['category', 'id']],
    ['orders_status_sort', ['status', 'id']],
    ['orders_handle_due_sort', ['handle_due_at', 'id']],
  ];
  for (const [name, columns] of sortIndexes) {
    await db.schema.createIndex(name).on('orders').columns(columns).execute();
  }
  // Community is optional on an order: sort unassigned (0) first through an expression index.
  await db.schema
    .createIndex('orders_community_sort')
    .on('orders')
    .expression(sql`coalesce(community_id, 0), id`)
    .execute();
  await db.schema.createIndex('orders_duplicate_of').on('orders').column('duplicate_of').execute();

  await db.schema
    .createTable('order_tags')
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_tags_pk', ['order_id', 'tag'])
    .execute();
  await db.schema.createIndex('order_tags_tag').on('order_tags').columns(['tag', 'order_id']).execute();

  await db.schema
    .createTable('order_units')
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('lead', 'assist')`))
    .addColumn('handler_staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('assigned_at', 'integer', (c) => c.notNull())
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addPrimaryKeyConstraint('order_units_pk', ['order_id', 'unit_id'])
    .execute();
  // At most one lead (主办) per order.
  await db.schema
    .createIndex('order_units_one_lead')
    .on('order_units')
    .column('order_id')
    .unique()
    .where(sql.ref('role'), '=', 'lead')
    .execute();
  await db.schema.createIndex('order_units_unit').on('order_units').columns(['unit_id', 'role', 'order_id']).execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.references('orders.id').onDelete('cascade'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('events_order_timeline').on('events').columns(['order_id', 'at']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_order').on('contacts').columns(['order_id', 'at']).execute();

  await db.schema
    .createTable('callbacks')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('valid', 'integer', (c) => c.notNull())
    .addColumn('contacted', 'integer', (c) => c.notNull())
    .addColumn('resolution', 'text', (c) => c.notNull())
    .addColumn('satisfaction', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callbacks_order').on('callbacks').columns(['order_id', 'at']).execute();
  await db.schema.createIndex('callbacks_period').on('callbacks').columns(['at', 'order_id']).execute();

  await db.schema
    .createTable('extension_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('requested_at', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_due_at', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'integer')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('extension_requests_order').on('extension_requests').column('order_id').execute();

  await db.schema
    .createTable('objections')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('raised_at', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'integer')
    .addColumn('outcome_note', 'text')
    .execute();
  await db.schema.createIndex('objections_order').on('objections').column('order_id').execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('holiday_overrides')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('holiday', 'workday')`))
    .addColumn('note', 'text')
    .execute();
}
