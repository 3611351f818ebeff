/** Handlers of the triage workbench: saved views and their counts, column layouts, bulk actions. */
import type { CallContext, Handlers } from '../dispatch.js';
import type { Services } from '../services/index.js';
import { bulkApply, bulkPreview } from '../services/orders/bulk.js';
import { allOrdersLayout, createView, deleteView, listViews, reorderViews, saveLayout, updateView, viewCounts } from '../services/orders/views.js';

type TriageMethod = Extract<keyof Handlers, `views.${string}` | `bulk.${string}`>;

export function triageHandlers(s: Services) {
  const { ctx, grid } = s;
  /** 我的待办 is the logged-in account's own staff member unless the caller names one. */
  const staffOf = (a: { staffId?: number | undefined }, c: CallContext) => a.staffId ?? c.account?.staffId ?? undefined;
  return {
    'views.list': async (a, c) => ({ views: await listViews(ctx, c.actor, staffOf(a, c)), allOrdersLayout: await allOrdersLayout(ctx, c.actor) }),
    'views.counts': async (a, c) => {
      const at = ctx.now();
      return { counts: await viewCounts(ctx, grid, c.actor, staffOf(a, c)), at };
    },
    'views.create': (a, c) => createView(ctx, c.actor, a),
    'views.update': (a, c) => updateView(ctx, c.actor, a),
    'views.reorder': async (a, c) => ({ views: await reorderViews(ctx, c.actor, a.ids, c.account?.staffId ?? undefined) }),
    'views.delete': (a, c) => deleteView(ctx, c.actor, a.id),
    'views.saveLayout': (a, c) => saveLayout(ctx, c.actor, a),
    'bulk.preview': (a, c) => bulkPreview(ctx, grid, c.actor, a),
    'bulk.apply': (a, c) => bulkApply(ctx, c.actor, a),
  } satisfies Pick<Handlers, TriageMethod>;
}
