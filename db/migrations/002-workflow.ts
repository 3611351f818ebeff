/**
 * Schema v2: what the workflow (issue 3) needs beyond v1. Frozen in time: written against Kysely<any>,
 * never edited after release.
 *
 *  - events.order_version: the order's row version after the change the event records. A clerk whose
 *    edit carries an older version is shown exactly the events above it ("what the other clerk changed").
 *  - orders.difficult_target / unreasonable_reason / supervised_note: the written details of the 疑难,
 *    不合理诉求 and 督办 flags (v1 kept only the on/off and the 疑难 reason).
 *
 * SQLite adds one column per ALTER TABLE statement.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').addColumn('order_version', 'integer').execute();
  // "Events of this order after version v": a seek on (order_id, order_version).
  await db.schema.createIndex('events_order_version').on('events').columns(['order_id', 'order_version']).execute();

  /** Where a 疑难 order was escalated to (Art. 20), e.g. 区城管委. */
  await db.schema.alterTable('orders').addColumn('difficult_target', 'text').execute();
  await db.schema.alterTable('orders').addColumn('unreasonable_reason', 'text').execute();
  await db.schema.alterTable('orders').addColumn('supervised_note', 'text').execute();
}
