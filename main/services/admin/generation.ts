/**
 * A per-database counter of committed administrative changes that deadline rules depend on (settings,
 * holiday overrides). Caches compare it — together with SQLite's data_version, which notices other
 * processes' commits — to know when to re-read. Kept per ServiceContext (a WeakMap), so two open
 * databases never share a counter.
 */
import type { ServiceContext } from '../context.js';

const generations = new WeakMap<ServiceContext, number>();

export function rulesGeneration(ctx: ServiceContext): number {
  return generations.get(ctx) ?? 0;
}

/** Call before a change (so a read racing the commit is not cached) and again after it commits. */
export function bumpRulesGeneration(ctx: ServiceContext): void {
  generations.set(ctx, rulesGeneration(ctx) + 1);
}

/** Runs a write that affects deadline rules, invalidating cached rules before and after it. */
export async function changingRules<T>(ctx: ServiceContext, write: () => Promise<T>): Promise<T> {
  bumpRulesGeneration(ctx);
  try {
    return await write();
  } finally {
    bumpRulesGeneration(ctx);
  }
}
