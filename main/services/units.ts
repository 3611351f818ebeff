/** Communities and departments of the street. */
import type { Unit } from '../../preload/api.js';
import type { UnitKind } from '../../preload/contract/enums.js';
import type { ServiceContext } from './context.js';

export async function listUnits(ctx: ServiceContext, kind?: UnitKind): Promise<Unit[]> {
  let q = ctx.handle.db.selectFrom('units').select(['id', 'kind', 'name', 'sort_order']).where('active', '=', 1);
  if (kind) q = q.where('kind', '=', kind);
  const rows = await q.orderBy('kind').orderBy('sort_order').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, sortOrder: r.sort_order }));
}
