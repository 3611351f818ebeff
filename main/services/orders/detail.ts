/** One order with everything the detail pane shows (citizen phone masked). */
import { AppError } from '../../../preload/contract/errors.js';
import type { OrderDetail } from '../../../preload/api.js';
import type { ServiceContext } from '../context.js';
import { loadWorkflowDetail } from '../workflow/detail.js';
import { orderFields } from './rows.js';

export async function getOrderDetail(ctx: ServiceContext, id: number): Promise<OrderDetail> {
  const { db } = ctx.handle;
  const o = await db
    .selectFrom('orders')
    .leftJoin('units', 'units.id', 'orders.community_id')
    .selectAll('orders')
    .select('units.name as community_name')
    .where('orders.id', '=', id)
    .executeTakeFirst();
  if (!o) throw new AppError('NOT_FOUND', `工单不存在（内部编号 ${id}），可能已被删除。`);
  const units = await db
    .selectFrom('order_units')
    .innerJoin('units', 'units.id', 'order_units.unit_id')
    .select(['units.name', 'order_units.role'])
    .where('order_units.order_id', '=', id)
    .orderBy('units.sort_order')
    .execute();
  return {
    ...orderFields(o),
    replyText: o.reply_text,
    content: o.content,
    leadUnit: units.find((u) => u.role === 'lead')?.name ?? null,
    assistUnits: units.filter((u) => u.role === 'assist').map((u) => u.name),
    ...(await loadWorkflowDetail(db, o, ctx.now())),
  };
}
