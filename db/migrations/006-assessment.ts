/**
 * Schema v6: the assessment engine (issue 6). Frozen in time: written against Kysely<any>.
 *
 * A month's 三率 reads every valid callback of the month and, for each, a few facts of its order
 * (community, appeal type, the approved 不合理诉求 / 重复件 flags). At a million orders that is ~40,000
 * callbacks; reading them and their orders from the wide tables cost ~110 ms, over the 100 ms budget.
 *  - callbacks_assessment: the valid callbacks of a time range with their answers, from the index alone;
 *  - orders_assessment: the facts the 三率 group and exclude by, keyed by id, so that each lookup lands
 *    in a narrow b-tree instead of the order row (content, reply text …);
 *  - orders_replied_at: 存量 at a past moment needs the orders replied after it.
 * Their query plans are tested in tests/unit/assessment/queryPlans.test.ts.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('callbacks_assessment')
    .on('callbacks')
    .columns(['valid', 'at', 'order_id', 'contacted', 'resolution', 'satisfaction'])
    .execute();
  await db.schema
    .createIndex('orders_assessment')
    .on('orders')
    .columns(['id', 'community_id', 'appeal_type', 'unreasonable', 'unreasonable_approved', 'duplicate_of', 'duplicate_approved'])
    .execute();
  await db.schema.createIndex('orders_replied_at').on('orders').column('replied_at').execute();
}
