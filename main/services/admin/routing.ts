/**
 * Routing rules: "orders of this category (prefix) are usually led by this unit". They feed the lead
 * suggestion; they never assign anything by themselves.
 */
import type { Selectable } from 'kysely';
import { AppError } from '../../../preload/contract/errors.js';
import type { RoutingRule } from '../../../preload/contract/methods/admin.js';
import type { ServiceContext } from '../context.js';
import { adminChange } from './audit.js';
import { assertCategoryPaths } from './taxonomy.js';
import { adminDb, type AdminDb, type RoutingRuleTable } from './tables.js';

function rulesQuery(db: AdminDb) {
  return db
    .selectFrom('routing_rules as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.category_prefix', 'r.unit_id', 'r.note', 'r.updated_at', 'u.name as unit_name', 'u.kind as unit_kind', 'u.active as unit_active']);
}

type RuleRow = Selectable<RoutingRuleTable> & { unit_name: string; unit_kind: 'community' | 'department'; unit_active: number };

const toRule = (r: RuleRow): RoutingRule => ({
  id: r.id,
  categoryPrefix: r.category_prefix,
  unitId: r.unit_id,
  unitName: r.unit_name,
  unitKind: r.unit_kind,
  unitActive: r.unit_active === 1,
  note: r.note,
  updatedAt: r.updated_at,
});

export async function listRoutingRules(ctx: ServiceContext): Promise<RoutingRule[]> {
  const rows = await rulesQuery(adminDb(ctx.handle.db)).orderBy('r.category_prefix').orderBy('u.sort_order').orderBy('r.id').execute();
  return rows.map(toRule);
}

async function getRule(db: AdminDb, id: number): Promise<RoutingRule> {
  const row = await rulesQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `派单规则不存在（内部编号 ${id}），可能已被删除。`);
  return toRule(row);
}

const describe = (r: RoutingRule) => `${r.categoryPrefix} → ${r.unitName}`;

export async function upsertRoutingRule(
  ctx: ServiceContext,
  actor: string,
  input: { id?: number | undefined; categoryPrefix: string; unitId: number; note?: string | null | undefined },
): Promise<RoutingRule> {
  return adminChange(ctx, actor, async (base) => {
    await assertCategoryPaths(base, [input.categoryPrefix], '派单规则');
    const trx = adminDb(base);
    const unit = await trx.selectFrom('units').select(['name', 'active']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw new AppError('NOT_FOUND', `单位不存在（内部编号 ${input.unitId}）。`);
    if (unit.active !== 1) throw new AppError('INVALID_INPUT', `「${unit.name}」已停用，不能作为派单规则的主办单位。`);
    const clash = await trx
      .selectFrom('routing_rules')
      .select('id')
      .where('category_prefix', '=', input.categoryPrefix)
      .where('unit_id', '=', input.unitId)
      .executeTakeFirst();
    if (clash && clash.id !== input.id) throw new AppError('INVALID_INPUT', `已有规则「${input.categoryPrefix} → ${unit.name}」，无需重复添加。`);
    const values = { category_prefix: input.categoryPrefix, unit_id: input.unitId, note: input.note?.trim() || null, updated_at: ctx.now() };
    if (input.id === undefined) {
      const { id } = await trx.insertInto('routing_rules').values(values).returning('id').executeTakeFirstOrThrow();
      const created = await getRule(trx, id);
      return { result: created, event: { kind: 'admin.routing', summary: `新增派单规则：${describe(created)}`, before: null, after: created } };
    }
    const before = await getRule(trx, input.id);
    await trx.updateTable('routing_rules').set(values).where('id', '=', input.id).execute();
    const after = await getRule(trx, input.id);
    return { result: after, event: { kind: 'admin.routing', summary: `修改派单规则：${describe(before)} 改为 ${describe(after)}`, before, after } };
  });
}

export async function deleteRoutingRule(ctx: ServiceContext, actor: string, id: number): Promise<{ id: number; deleted: true }> {
  return adminChange(ctx, actor, async (base) => {
    const trx = adminDb(base);
    const before = await getRule(trx, id);
    await trx.deleteFrom('routing_rules').where('id', '=', id).execute();
    return { result: { id, deleted: true as const }, event: { kind: 'admin.routing', summary: `删除派单规则：${describe(before)}`, before, after: null } };
  });
}
