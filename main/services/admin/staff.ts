/**
 * Staff (经办人) per unit: the handlers an assignment may name. Never deleted — assignments refer to
 * them; a deactivated person drops out of pickers. Moving a person to another unit keeps their history.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { Staff } from '../../../preload/contract/methods/admin.js';
import type { ServiceContext } from '../context.js';
import { adminChange } from './audit.js';

function staffQuery(db: Kysely<Database>) {
  return db
    .selectFrom('staff')
    .leftJoin('units', 'units.id', 'staff.unit_id')
    .select(['staff.id', 'staff.name', 'staff.unit_id', 'units.name as unit_name', 'staff.phone', 'staff.active']);
}

type StaffRow = Awaited<ReturnType<ReturnType<typeof staffQuery>['executeTakeFirstOrThrow']>>;

const toStaff = (r: StaffRow): Staff => ({ id: r.id, name: r.name, unitId: r.unit_id, unitName: r.unit_name, phone: r.phone, active: r.active === 1 });

export async function listStaff(ctx: ServiceContext, filter: { unitId?: number | undefined; includeInactive?: boolean | undefined }): Promise<Staff[]> {
  let q = staffQuery(ctx.handle.db);
  if (filter.unitId !== undefined) q = q.where('staff.unit_id', '=', filter.unitId);
  if (!filter.includeInactive) q = q.where('staff.active', '=', 1);
  return (await q.orderBy('units.kind').orderBy('units.sort_order').orderBy('staff.id').execute()).map(toStaff);
}

async function getStaff(db: Kysely<Database>, id: number): Promise<Staff> {
  const row = await staffQuery(db).where('staff.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `工作人员不存在（内部编号 ${id}）。`);
  return toStaff(row);
}

async function activeUnitName(db: Kysely<Database>, unitId: number): Promise<string> {
  const unit = await db.selectFrom('units').select(['name', 'active']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND', `单位不存在（内部编号 ${unitId}）。`);
  if (unit.active !== 1) throw new AppError('INVALID_INPUT', `「${unit.name}」已停用，不能再添加或调入人员。`);
  return unit.name;
}

export async function createStaff(ctx: ServiceContext, actor: string, input: { name: string; unitId: number; phone?: string | null | undefined }): Promise<Staff> {
  return adminChange(ctx, actor, async (trx) => {
    const unitName = await activeUnitName(trx, input.unitId);
    const { id } = await trx
      .insertInto('staff')
      .values({ name: input.name, unit_id: input.unitId, phone: input.phone?.trim() || null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const staff = await getStaff(trx, id);
    return { result: staff, event: { kind: 'admin.staff', summary: `「${unitName}」新增工作人员 ${input.name}`, before: null, after: staff } };
  });
}

export async function updateStaff(
  ctx: ServiceContext,
  actor: string,
  input: { id: number; name?: string | undefined; unitId?: number | undefined; phone?: string | null | undefined; active?: boolean | undefined },
): Promise<Staff> {
  return adminChange(ctx, actor, async (trx) => {
    const before = await getStaff(trx, input.id);
    const notes: string[] = [];
    if (input.name !== undefined && input.name !== before.name) {
      await trx.updateTable('staff').set({ name: input.name }).where('id', '=', before.id).execute();
      notes.push(`改名为 ${input.name}`);
    }
    if (input.unitId !== undefined && input.unitId !== before.unitId) {
      const unitName = await activeUnitName(trx, input.unitId);
      await trx.updateTable('staff').set({ unit_id: input.unitId }).where('id', '=', before.id).execute();
      notes.push(`调至「${unitName}」`);
    }
    if (input.phone !== undefined && (input.phone?.trim() || null) !== before.phone) {
      await trx.updateTable('staff').set({ phone: input.phone?.trim() || null }).where('id', '=', before.id).execute();
      notes.push('修改电话');
    }
    if (input.active !== undefined && input.active !== before.active) {
      await trx.updateTable('staff').set({ active: input.active ? 1 : 0 }).where('id', '=', before.id).execute();
      notes.push(input.active ? '启用' : '停用');
    }
    const after = await getStaff(trx, before.id);
    return { result: after, event: { kind: 'admin.staff', summary: `工作人员 ${before.name}：${notes.join('；') || '无变化'}`, before, after } };
  });
}
