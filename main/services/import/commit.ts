/**
 * Applying a staged import in ONE write transaction: new categories, new orders (with their lead unit
 * and callback), and for existing orders the upstream changes the plan found — each change with its
 * event, each changed order's version bumped. Any failure rolls the whole file back; killing the process
 * mid-way leaves the database as it was (SQLite's journal). Re-importing the same file plans nothing,
 * so it writes nothing — not even an event.
 */
import { deferSearchInsertsInTransaction } from '../../../db/search.js';
import { createOrderSync, inTransaction, withCacheSize, writeStamp, type OrderSync } from '../../../db/bulk.js';
import type { DbHandle } from '../../../db/connection.js';
import { AppError } from '../../../preload/contract/errors.js';
import { missingCategories, planRow, PLAN_KIND, type EventSpec, type PlannedKinds } from './plan.js';
import type { ImportedCallback, WarningLog } from './record.js';
import type { Reference } from './reference.js';
import type { StagingStore } from './stage.js';

export interface CommitCounts {
  new: number;
  updated: number;
  unchanged: number;
  categoriesAdded: number;
  events: number;
}

export interface CommitOptions {
  at: number;
  actor: string;
  fileName: string;
  onProgress?: (done: number, total: number) => void;
  /** What the preview found per staged order; used only if nothing was written since. */
  planned?: PlannedKinds | null;
}

const PROGRESS_EVERY = 2000;
/** Page cache for the commit's transaction (KiB): room for the hot parts of every index of orders. */
const COMMIT_CACHE_KIB = 64 * 1024;

function writeEvent(sync: OrderSync, orderId: number | null, version: number | null, at: number, actor: string, e: EventSpec): void {
  sync.event({
    order_id: orderId,
    at,
    actor,
    kind: e.kind,
    summary: e.summary,
    before_json: e.before === null ? null : JSON.stringify(e.before),
    after_json: e.after === null ? null : JSON.stringify(e.after),
    order_version: version,
  });
}

const callbackRow = (orderId: number, c: ImportedCallback) => ({
  order_id: orderId,
  at: c.at,
  valid: c.valid ? 1 : 0,
  contacted: c.contacted ? 1 : 0,
  resolution: c.resolution,
  satisfaction: c.satisfaction,
  note: null,
  origin: 'import',
});

function addCategories(sync: OrderSync, paths: string[], ref: Reference): number {
  let sort = ref.maxCategorySort;
  for (const path of paths) {
    const parts = path.split('/');
    sync.category({
      path,
      level: parts.length,
      parent_path: parts.length > 1 ? parts.slice(0, -1).join('/') : null,
      name: parts[parts.length - 1]!,
      sort_order: ++sort,
    });
  }
  return paths.length;
}

export function commitStaged(handle: DbHandle, staging: StagingStore, ref: Reference, warnings: WarningLog, options: CommitOptions): CommitCounts {
  const { at, actor } = options;
  const total = staging.distinct;
  return withCacheSize(handle.sqlite, COMMIT_CACHE_KIB, () => inTransaction(handle.sqlite, () => {
    const sync = createOrderSync(handle.sqlite);
    // New orders are added to the search index in one statement at the end, not by a trigger per row.
    const finishSearchIndex = deferSearchInsertsInTransaction(handle.sqlite);
    const counts: CommitCounts = { new: 0, updated: 0, unchanged: 0, categoriesAdded: 0, events: 0 };
    // Inside the write lock nobody else can commit: if the stamp still matches the preview's, its
    // findings hold — unchanged rows need no second look and new ones no lookup.
    const kinds = options.planned && options.planned.stamp === writeStamp(handle.sqlite) ? options.planned.kinds : null;
    counts.categoriesAdded = addCategories(sync, missingCategories(staging.categories(), ref), ref);
    let done = 0;
    for (const imp of staging.orders()) {
      const known = kinds ? kinds[done] : undefined;
      if (known === PLAN_KIND.unchanged) {
        counts.unchanged++;
        if (++done % PROGRESS_EVERY === 0) options.onProgress?.(done, total);
        continue;
      }
      const existing = known === PLAN_KIND.new ? undefined : sync.findOrder(imp.orderNo);
      const plan = planRow(imp, existing, existing ? sync.callbacksOf(existing.id) : [], ref, warnings);
      if (plan.kind === 'new') {
        const id = sync.insertOrder({ ...plan.order, created_at: at, updated_at: at });
        if (plan.leadUnitId !== null) sync.leadUnit({ order_id: id, unit_id: plan.leadUnitId, assigned_at: at, assigned_by: actor });
        if (plan.callback) sync.insertCallback(callbackRow(id, plan.callback));
        writeEvent(sync, id, 1, at, actor, plan.event);
        counts.new++;
        counts.events++;
      } else if (plan.kind === 'updated' && existing) {
        if (!sync.updateOrder(existing.id, existing.version, plan.patch, at)) {
          throw new AppError('STALE_VERSION', `工单 ${imp.orderNo} 在导入过程中被修改，导入已整体撤销，数据未作改动。请重新导入。`);
        }
        if (plan.callback) {
          if ('insert' in plan.callback) sync.insertCallback(callbackRow(existing.id, plan.callback.insert));
          else {
            const v = plan.callback.values;
            sync.updateCallback(plan.callback.update, { valid: v.valid ? 1 : 0, contacted: v.contacted ? 1 : 0, resolution: v.resolution, satisfaction: v.satisfaction });
          }
        }
        for (const e of plan.events) writeEvent(sync, existing.id, existing.version + 1, at, actor, e);
        counts.updated++;
        counts.events += plan.events.length;
      } else {
        counts.unchanged++;
      }
      if (++done % PROGRESS_EVERY === 0) options.onProgress?.(done, total);
    }
    if (counts.new + counts.updated + counts.categoriesAdded > 0) {
      // Who imported what, when — for the audit log (order_id NULL: about the file, not one order).
      writeEvent(sync, null, null, at, actor, {
        kind: 'import.file',
        summary: `导入「${options.fileName}」：新增 ${counts.new} 件，更新 ${counts.updated} 件，未变 ${counts.unchanged} 件${counts.categoriesAdded ? `，新增分类 ${counts.categoriesAdded} 个` : ''}`,
        before: null,
        after: { file: options.fileName, new: counts.new, updated: counts.updated, unchanged: counts.unchanged, categoriesAdded: counts.categoriesAdded },
      });
      counts.events++;
    }
    finishSearchIndex();
    options.onProgress?.(total, total);
    return counts;
  }));
}
