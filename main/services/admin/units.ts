/**
 * The street's units as the administrator keeps them: create, rename, deactivate, reorder communities
 * and departments, and their duty lists (Art. 17: the category prefixes a unit may lead). Units are
 * never deleted — orders and events refer to them; a deactivated unit drops out of pickers and
 * suggestions but stays in history.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AppError } from '../../../preload/contract/errors.js';
import { UNIT_KIND, type UnitKind } from '../../../preload/contract/enums.js';
import type { AdminUnit } from '../../../preload/contract/methods/admin.js';
import type { ServiceContext } from '../context.js';
import { adminChange } from './audit.js';
import { assertCategoryPaths } from './taxonomy.js';

export async function listAdminUnits(db: Kysely<Database>, filter: { kind?: UnitKind | undefined; ids?: number[] } = {}): Promise<AdminUnit[]> {
  let q = db
    .selectFrom('units')
    .select((eb) => [
      'units.id',
      'units.kind',
      'units.name',
      'units.sort_order',
      'units.active',
      eb.selectFrom('staff').select(eb.fn.countAll<number>().as('n')).whereRef('staff.unit_id', '=', 'units.id').where('staff.active', '=', 1).as('staff_count'),
    ]);
  if (filter.kind) q = q.where('units.kind', '=', filter.kind);
  if (filter.ids) q = q.where('units.id', 'in', filter.ids.length ? filter.ids : [-1]);
  const rows = await q.orderBy('units.kind').orderBy('units.sort_order').orderBy('units.id').execute();
  const duties = new Map<number, string[]>();
  const dutyRows = await db.selectFrom('unit_duties').select(['unit_id', 'category_path']).orderBy('category_path').execute();
  for (const d of dutyRows) duties.set(d.unit_id, [...(duties.get(d.unit_id) ?? []), d.category_path]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    sortOrder: r.sort_order,
    active: r.active === 1,
    duties: duties.get(r.id) ?? [],
    staffCount: Number(r.staff_count ?? 0),
  }));
}

export async function getAdminUnit(db: Kysely<Database>, id: number): Promise<AdminUnit> {
  const [unit] = await listAdminUnits(db, { ids: [id] });
  if (!unit) throw new AppError('NOT_FOUND', `单位不存在（内部编号 ${id}）。`);
  return unit;
}

async function assertNameFree(db: Kysely<Database>, name: string, exceptId?: number): Promise<void> {
  const clash = await db.selectFrom('units').select(['id', 'kind']).where('name', '=', name).executeTakeFirst();
  if (clash && clash.id !== exceptId) throw new AppError('INVALID_INPUT', `已有名为「${name}」的${UNIT_KIND.label[clash.kind]}，单位名称不能重复。`);
}

export async function createUnit(ctx: ServiceContext, actor: string, input: { kind: UnitKind; name: string }): Promise<AdminUnit> {
  return adminChange(ctx, actor, async (trx) => {
    await assertNameFree(trx, input.name);
    const max = await trx.selectFrom('units').select((eb) => eb.fn.max('sort_order').as('m')).where('kind', '=', input.kind).executeTakeFirst();
    const { id } = await trx
      .insertInto('units')
      .values({ kind: input.kind, name: input.name, sort_order: Number(max?.m ?? 0) + 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await getAdminUnit(trx, id);
    return { result: unit, event: { kind: 'admin.unit', summary: `新增${UNIT_KIND.label[input.kind]}「${input.name}」`, before: null, after: unit } };
  });
}

export async function updateUnit(ctx: ServiceContext, actor: string, input: { id: number; name?: string | undefined; active?: boolean | undefined }): Promise<AdminUnit> {
  return adminChange(ctx, actor, async (trx) => {
    const before = await getAdminUnit(trx, input.id);
    const what = UNIT_KIND.label[before.kind];
    const notes: string[] = [];
    if (input.name !== undefined && input.name !== before.name) {
      await assertNameFree(trx, input.name, before.id);
      await trx.updateTable('units').set({ name: input.name }).where('id', '=', before.id).execute();
      notes.push(`改名为「${input.name}」`);
    }
    if (input.active !== undefined && input.active !== before.active) {
      await trx.updateTable('units').set({ active: input.active ? 1 : 0 }).where('id', '=', before.id).execute();
      notes.push(input.active ? '启用' : '停用（历史工单不受影响）');
    }
    const after = await getAdminUnit(trx, before.id);
    return { result: after, event: { kind: 'admin.unit', summary: `${what}「${before.name}」：${notes.join('；') || '无变化'}`, before, after } };
  });
}

/** Puts every unit of one kind in the given order; the list must name each of them exactly once. */
export async function reorderUnits(ctx: ServiceContext, actor: string, input: { kind: UnitKind; ids: number[] }): Promise<AdminUnit[]> {
  return adminChange(ctx, actor, async (trx) => {
    const before = await listAdminUnits(trx, { kind: input.kind });
    const known = new Set(before.map((u) => u.id));
    const given = new Set(input.ids);
    if (given.size !== input.ids.length || given.size !== known.size || input.ids.some((id) => !known.has(id))) {
      throw new AppError('INVALID_INPUT', `排序列表应恰好包含全部 ${known.size} 个${UNIT_KIND.label[input.kind]}，各出现一次（含已停用的）。`);
    }
    for (const [i, id] of input.ids.entries()) await trx.updateTable('units').set({ sort_order: i + 1 }).where('id', '=', id).execute();
    const after = await listAdminUnits(trx, { kind: input.kind });
    return {
      result: after,
      event: {
        kind: 'admin.unit',
        summary: `调整${UNIT_KIND.label[input.kind]}顺序：${after.map((u) => u.name).join('、')}`,
        before: before.map((u) => u.id),
        after: after.map((u) => u.id),
      },
    };
  });
}

/** Replaces a unit's duty list. Each entry is a category path and covers its subtree. */
export async function setDuties(ctx: ServiceContext, actor: string, input: { unitId: number; paths: string[] }): Promise<AdminUnit> {
  return adminChange(ctx, actor, async (trx) => {
    const before = await getAdminUnit(trx, input.unitId);
    const given = [...new Set(input.paths.map((p) => p.trim()))];
    await assertCategoryPaths(trx, given, '职责清单');
    const paths = [...given].sort();
    await trx.deleteFrom('unit_duties').where('unit_id', '=', before.id).execute();
    if (paths.length) await trx.insertInto('unit_duties').values(paths.map((category_path) => ({ unit_id: before.id, category_path }))).execute();
    const after = await getAdminUnit(trx, before.id);
    const added = paths.filter((p) => !before.duties.includes(p));
    const removed = before.duties.filter((p) => !paths.includes(p));
    const parts = [added.length && `增加 ${added.join('、')}`, removed.length && `移除 ${removed.join('、')}`].filter(Boolean);
    return {
      result: after,
      event: {
        kind: 'admin.duties',
        summary: `${UNIT_KIND.label[before.kind]}「${before.name}」的职责清单：${parts.join('；') || '无变化'}`,
        before: before.duties,
        after: after.duties,
      },
    };
  });
}

/** The duty-list entries of `unitId` that cover `category` (empty: the unit may not lead it, Art. 17). */
export async function dutiesCovering(db: Kysely<Database>, unitId: number, category: string): Promise<string[]> {
  const rows = await db.selectFrom('unit_duties').select('category_path').where('unit_id', '=', unitId).execute();
  return rows.map((r) => r.category_path).filter((p) => category !== '' && (category === p || category.startsWith(`${p}/`)));
}
