/**
 * 派单: one lead unit (主办) and any number of assists (协办), each a community or a department, each
 * optionally with a handler (staff). The command sets the whole assignment at once; units that stay
 * keep their original assignment time.
 *
 * Art. 17 guard: a community may lead only the categories in its duty list (unit_duties; a listed
 * path covers its subtree). Leading outside it needs a written reason, kept in the event and in
 * order_units.override_reason. Departments are not limited.
 */
import type { AssignOption, CommandResult, MethodArgs } from '../../../preload/api.js';
import { AppError } from '../../../preload/contract/errors.js';
import { UNIT_KIND } from '../../../preload/contract/enums.js';
import type { ServiceContext } from '../context.js';
import type { Db } from '../events.js';
import { notFound, type CommandScope } from './command.js';
import { runAndDescribe } from './run.js';

/** True when `category` is one of the duty paths or lies under one (prefix match on whole segments). */
export function withinDuties(category: string, duties: readonly string[]): boolean {
  if (category === '') return false;
  return duties.some((d) => d !== '' && (category === d || category.startsWith(`${d}/`)));
}

async function dutiesOf(db: Db, unitId: number): Promise<string[]> {
  const rows = await db.selectFrom('unit_duties').select('category_path').where('unit_id', '=', unitId).execute();
  return rows.map((r) => r.category_path);
}

export async function assignOptions(ctx: ServiceContext, orderId: number): Promise<{ category: string; units: AssignOption[] }> {
  const { db } = ctx.handle;
  const order = await db.selectFrom('orders').select(['id', 'category']).where('id', '=', orderId).executeTakeFirst();
  if (!order) throw notFound(orderId);
  const units = await db.selectFrom('units').select(['id', 'kind', 'name']).where('active', '=', 1).orderBy('kind').orderBy('sort_order').orderBy('id').execute();
  const duties = await db.selectFrom('unit_duties').select(['unit_id', 'category_path']).execute();
  const staff = await db.selectFrom('staff').select(['id', 'name', 'unit_id']).where('active', '=', 1).orderBy('id').execute();
  return {
    category: order.category,
    units: units.map((u) => ({
      id: u.id,
      kind: u.kind,
      name: u.name,
      inDuty:
        u.kind === 'department' ||
        withinDuties(
          order.category,
          duties.filter((d) => d.unit_id === u.id).map((d) => d.category_path),
        ),
      staff: staff.filter((s) => s.unit_id === u.id).map((s) => ({ id: s.id, name: s.name })),
    })),
  };
}

interface Wanted {
  unitId: number;
  role: 'lead' | 'assist';
  staffId: number | null;
}

type AssignArgs = MethodArgs<'workflow.assign'>;

export function assign(ctx: ServiceContext, actor: string, args: AssignArgs): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'assign', args, applyAssign(args));
}

/** What an assignment sets: the lead, the assists, the reason for leading outside the duty list. */
export type AssignWork = Pick<AssignArgs, 'lead' | 'assists' | 'overrideReason'>;

/** The assign command's work on one order (bulk actions run it too). */
export function applyAssign(args: AssignWork) {
  return async ({ trx, order, now, actor, commit }: CommandScope): Promise<void> => {
    const wanted: Wanted[] = [
      { unitId: args.lead.unitId, role: 'lead', staffId: args.lead.handlerStaffId ?? null },
      ...args.assists.map((a) => ({ unitId: a.unitId, role: 'assist' as const, staffId: a.handlerStaffId ?? null })),
    ];
    const ids = wanted.map((w) => w.unitId);
    if (args.assists.some((a) => a.unitId === args.lead.unitId)) throw new AppError('INVALID_INPUT', '主办单位不能同时是协办单位。');
    if (new Set(ids).size !== ids.length) throw new AppError('INVALID_INPUT', '同一协办单位不能重复指派。');

    const units = await trx.selectFrom('units').select(['id', 'kind', 'name', 'active']).where('id', 'in', ids).execute();
    const unitById = new Map(units.map((u) => [u.id, u]));
    for (const id of ids) {
      const u = unitById.get(id);
      if (!u || u.active !== 1) throw new AppError('INVALID_INPUT', `单位（编号 ${id}）不存在或已停用，请刷新单位列表后重选。`);
    }
    const staffIds = wanted.flatMap((w) => (w.staffId === null ? [] : [w.staffId]));
    const staff = staffIds.length
      ? await trx.selectFrom('staff').select(['id', 'name', 'unit_id', 'active']).where('id', 'in', staffIds).execute()
      : [];
    const staffById = new Map(staff.map((s) => [s.id, s]));
    for (const w of wanted) {
      if (w.staffId === null) continue;
      const s = staffById.get(w.staffId);
      const unitName = unitById.get(w.unitId)!.name;
      if (!s || s.active !== 1) throw new AppError('INVALID_INPUT', `经办人（编号 ${w.staffId}）不存在或已停用。`);
      if (s.unit_id !== w.unitId) throw new AppError('INVALID_INPUT', `经办人「${s.name}」不属于「${unitName}」，请在该单位的人员中选择。`);
    }

    const current = await trx.selectFrom('order_units').selectAll().where('order_id', '=', order.id).execute();
    const currentByUnit = new Map(current.map((c) => [c.unit_id, c]));

    // Art. 17: a community leading outside its duty list needs a written reason. A lead that stays the
    // same on the same category keeps the reason it was given before.
    const lead = unitById.get(args.lead.unitId)!;
    let overrideReason: string | null = null;
    if (lead.kind === 'community' && !withinDuties(order.category, await dutiesOf(trx, lead.id))) {
      const given = args.overrideReason?.trim() ?? '';
      const kept = currentByUnit.get(lead.id);
      overrideReason = given || (kept?.role === 'lead' ? kept.override_reason : null) || null;
      if (!overrideReason) {
        const category = order.category === '' ? '未分类' : order.category;
        throw new AppError(
          'INVALID_INPUT',
          `「${lead.name}」的主办职责清单不包含「${category}」。按《北京市接诉即办工作条例》第十七条，社区只主办职责清单内的事项；如确需由其主办，请填写理由。`,
        );
      }
    }

    const describe = (rows: Array<{ unit_id: number; role: string; handler_staff_id: number | null }>, names: Map<number, string>) => ({
      lead: rows.filter((r) => r.role === 'lead').map((r) => ({ unitId: r.unit_id, name: names.get(r.unit_id) ?? '', staffId: r.handler_staff_id }))[0] ?? null,
      assists: rows.filter((r) => r.role === 'assist').map((r) => ({ unitId: r.unit_id, name: names.get(r.unit_id) ?? '', staffId: r.handler_staff_id })),
    });
    const same =
      current.length === wanted.length &&
      wanted.every((w) => {
        const c = currentByUnit.get(w.unitId);
        return c && c.role === w.role && c.handler_staff_id === w.staffId && (w.role === 'assist' || c.override_reason === overrideReason);
      });
    if (same) return; // nothing to change: no event, no new version

    // Replace the set: rows that stay keep when and by whom they were first assigned.
    await trx.deleteFrom('order_units').where('order_id', '=', order.id).execute();
    const rows = wanted.map((w) => {
      const c = currentByUnit.get(w.unitId);
      const unchanged = c && c.role === w.role && c.handler_staff_id === w.staffId;
      return {
        order_id: order.id,
        unit_id: w.unitId,
        role: w.role,
        handler_staff_id: w.staffId,
        assigned_at: unchanged ? c.assigned_at : now,
        assigned_by: unchanged ? c.assigned_by : actor,
        override_reason: w.role === 'lead' ? overrideReason : null,
      };
    });
    await trx.insertInto('order_units').values(rows).execute();

    const oldNames = current.length
      ? new Map((await trx.selectFrom('units').select(['id', 'name']).where('id', 'in', current.map((c) => c.unit_id)).execute()).map((u) => [u.id, u.name]))
      : new Map<number, string>();
    const newNames = new Map(units.map((u) => [u.id, u.name]));
    const label = (w: Wanted) => {
      const s = w.staffId === null ? null : staffById.get(w.staffId)!.name;
      return `${unitById.get(w.unitId)!.name}${s ? `（经办人 ${s}）` : ''}`;
    };
    const assists = wanted.filter((w) => w.role === 'assist');
    const kindLabel = UNIT_KIND.label[lead.kind];
    let summary = `${current.length ? '调整派单' : '派单'}：主办 ${label(wanted[0]!)}`;
    if (assists.length) summary += `；协办 ${assists.map(label).join('、')}`;
    if (overrideReason) summary += `；该${kindLabel}超出职责清单主办，理由：${overrideReason}`;
    await commit(
      {},
      {
        kind: 'assigned',
        summary,
        before: describe(current, oldNames),
        after: { ...describe(rows, newNames), overrideReason },
      },
    );
  };
}
