/**
 * What an import looks names up in: the street's communities and units (by name), the taxonomy (for a
 * category's default tier and for adding unknown categories) and this database's deadline rules.
 * Loaded once per pass; everything after that is synchronous map lookups.
 */
import type { Tier } from '../../../preload/contract/enums.js';
import { TIER } from '../../../preload/contract/enums.js';
import type { ServiceContext } from '../context.js';
import { deadlineRules, type DeadlineRules } from '../admin/deadlinesForOrder.js';
import { computeDue, type Duration } from '../deadlines/index.js';
import type { DueCell } from './normalize.js';

export interface Reference {
  rules: DeadlineRules;
  communityId(name: string): number | null;
  unitId(name: string): number | null;
  hasCategory(path: string): boolean;
  categoryTier(path: string | undefined): Tier | null;
  /** The largest sort_order in the taxonomy (new categories go after it). */
  maxCategorySort: number;
}

export interface OrderDeadlineResult {
  tier: Tier;
  firstContactDueAt: number;
  handleDueAt: number;
  dueSource: 'tier' | 'import';
  calendarMissing: boolean;
}

const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

function tierOf(value: string | null): Tier | null {
  return value !== null && (TIER.codes as string[]).includes(value) ? (value as Tier) : null;
}

export async function loadReference(ctx: ServiceContext): Promise<Reference> {
  const { db } = ctx.handle;
  const rules = await deadlineRules(ctx);
  const units = await db.selectFrom('units').select(['id', 'kind', 'name']).execute();
  const communities = new Map<string, number>();
  const allUnits = new Map<string, number>();
  for (const u of units) {
    const key = nameKey(u.name);
    allUnits.set(key, u.id);
    if (u.kind === 'community') {
      communities.set(key, u.id);
      // 西洼地 and 西洼地社区 name the same community.
      if (key.endsWith('社区') && key.length > 2) communities.set(key.slice(0, -2), u.id);
    }
  }
  const categories = new Map<string, Tier | null>();
  let maxCategorySort = 0;
  for (const c of await db.selectFrom('categories').select(['path', 'default_tier', 'sort_order']).execute()) {
    categories.set(c.path, tierOf(c.default_tier));
    maxCategorySort = Math.max(maxCategorySort, c.sort_order);
  }
  const lookup = (map: Map<string, number>, name: string) => {
    const key = nameKey(name);
    return map.get(key) ?? map.get(`${key}社区`) ?? null;
  };
  return {
    rules,
    communityId: (name) => lookup(communities, name),
    unitId: (name) => allUnits.get(nameKey(name)) ?? null,
    hasCategory: (path) => categories.has(path),
    categoryTier(path) {
      // The most specific category that says a tier: 三级, else its 二级 or 一级 parent.
      for (let p = path; p; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
        const t = categories.get(p);
        if (t) return t;
      }
      return null;
    },
    maxCategorySort,
  };
}

const sameDuration = (a: Duration, b: Duration) => a.amount === b.amount && a.unit === b.unit;

/**
 * Both deadlines of an order: the tier is the one whose handling time the file's 办理时限 names ("2小时"
 * is 紧急), else the category's default tier, else 一般. A 办理时限 in the file wins over the tier's.
 */
export function orderDeadlines(ref: Reference, start: number, category: string | undefined, due: DueCell | undefined, fallbackTier?: Tier): OrderDeadlineResult {
  const { tiers, calendar } = ref.rules;
  const durationTier = due && 'duration' in due ? TIER.codes.find((t) => sameDuration(tiers[t].handle, due.duration)) : undefined;
  const tier = durationTier ?? fallbackTier ?? ref.categoryTier(category) ?? 'general';
  const base = ref.rules.deadlinesFor(start, tier);
  if (!due) return { tier, ...base, dueSource: 'tier' };
  const handle = 'at' in due ? { due: due.at, calendarMissing: false } : computeDue(start, due.duration, calendar);
  return {
    tier,
    // First contact is never due after handling is.
    firstContactDueAt: Math.min(base.firstContactDueAt, handle.due),
    handleDueAt: handle.due,
    dueSource: 'import',
    calendarMissing: handle.calendarMissing || base.calendarMissing,
  };
}
