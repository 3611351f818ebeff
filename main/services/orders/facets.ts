/** The pickers' lists (orders.facets): units, staff, categories and the enumerations, each spelled in pinyin. */
import { APPEAL_TYPE, ORDER_STATUS, ORDER_TAG, SOURCE, TIER, type OrderFacets } from '../../../preload/api.js';
import type { ServiceContext } from '../context.js';
import { spelling } from './pinyin.js';

function codes<C extends string>(e: { codes: readonly C[]; label: Record<C, string> }) {
  return e.codes.map((code) => ({ code, label: e.label[code], ...spelling(e.label[code]) }));
}

export async function orderFacets(ctx: ServiceContext): Promise<OrderFacets> {
  const { db } = ctx.handle;
  const units = await db.selectFrom('units').select(['id', 'kind', 'name']).where('active', '=', 1).orderBy('kind').orderBy('sort_order').orderBy('id').execute();
  const staff = await db.selectFrom('staff').select(['id', 'name', 'unit_id']).where('active', '=', 1).orderBy('unit_id').orderBy('id').execute();
  const categories = await db.selectFrom('categories').select(['path', 'name', 'level']).where('active', '=', 1).orderBy('sort_order').orderBy('path').execute();
  const named = (kind: 'community' | 'department') =>
    units.filter((u) => u.kind === kind).map((u) => ({ id: u.id, name: u.name, ...spelling(u.name) }));
  return {
    communities: named('community'),
    departments: named('department'),
    staff: staff.map((s) => ({ id: s.id, name: s.name, unitId: s.unit_id, ...spelling(s.name) })),
    categories: categories.map((c) => ({ path: c.path, name: c.name, level: c.level, pathInitials: spelling(c.path).initials, ...spelling(c.name) })),
    statuses: codes(ORDER_STATUS),
    appealTypes: codes(APPEAL_TYPE),
    sources: codes(SOURCE),
    tiers: codes(TIER),
    tags: codes(ORDER_TAG),
  };
}
