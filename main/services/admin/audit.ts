/**
 * The administration audit trail: every change an administrator makes (a setting, a holiday, a unit, a
 * category, a template, a rule) writes one event without an order (order_id NULL), kind 'admin.*', a
 * Chinese summary and before/after JSON — in the same transaction as the change, so neither exists
 * without the other.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ServiceContext } from '../context.js';

export type AdminEventKind =
  | 'admin.setting'
  | 'admin.holiday'
  | 'admin.unit'
  | 'admin.duties'
  | 'admin.staff'
  | 'admin.category'
  | 'admin.template'
  | 'admin.routing';

export interface AdminEvent {
  kind: AdminEventKind;
  summary: string;
  before: unknown;
  after: unknown;
}

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

export async function recordAdminEvent(trx: Kysely<Database>, ctx: ServiceContext, actor: string, e: AdminEvent): Promise<void> {
  await trx
    .insertInto('events')
    .values({ order_id: null, at: ctx.now(), actor, kind: e.kind, summary: e.summary, before_json: json(e.before), after_json: json(e.after) })
    .execute();
}

/**
 * Runs one administrative change in a transaction and records its event there (use adminDb(trx) for
 * the tables of migration 003). `change` returns the result and the event describing it.
 */
export async function adminChange<T>(
  ctx: ServiceContext,
  actor: string,
  change: (trx: Transaction<Database>) => Promise<{ result: T; event: AdminEvent }>,
): Promise<T> {
  return ctx.handle.db.transaction().execute(async (trx) => {
    const { result, event } = await change(trx);
    await recordAdminEvent(trx, ctx, actor, event);
    return result;
  });
}
