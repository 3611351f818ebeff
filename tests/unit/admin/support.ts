/** Shared setup of the admin tests: an app, a typed client over in-process dispatch, a taxonomy, events. */
import type { AppRuntime } from '../../../main/runtime.js';
import { createClient, type ApiClient } from '../../../preload/contract/client.js';
import { createInProcessTransport } from '../../support/transports.js';

export function clientOf(app: AppRuntime): ApiClient {
  return createClient(createInProcessTransport(app));
}

/** Inserts category paths (and their ancestors) straight into the table. */
export async function insertCategories(app: AppRuntime, leaves: string[]): Promise<void> {
  let order = 0;
  for (const leaf of leaves) {
    const parts = leaf.split('/');
    for (let level = 1; level <= parts.length; level++) {
      const path = parts.slice(0, level).join('/');
      await app.handle.db
        .insertInto('categories')
        .values({
          path,
          level,
          parent_path: level === 1 ? null : parts.slice(0, level - 1).join('/'),
          name: parts[level - 1]!,
          default_tier: null,
          livelihood_dimension: null,
          sort_order: order++,
        })
        .onConflict((oc) => oc.column('path').doNothing())
        .execute();
    }
  }
}

export interface AdminEventRow {
  kind: string;
  actor: string;
  summary: string;
  before: unknown;
  after: unknown;
}

/** The administration events (order_id NULL), oldest first. */
export async function adminEvents(app: AppRuntime): Promise<AdminEventRow[]> {
  const rows = await app.handle.db.selectFrom('events').selectAll().where('order_id', 'is', null).orderBy('id').execute();
  return rows.map((r) => ({
    kind: r.kind,
    actor: r.actor,
    summary: r.summary,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
  }));
}
