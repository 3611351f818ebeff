/** One order with everything the detail pane shows (citizen phone masked). */
import { AppError } from '../../../preload/contract/errors.js';
import type { OrderDetail } from '../../../preload/api.js';
import type { AppealType, OrderStatus, Source, Tier } from '../../../preload/contract/enums.js';
import type { ServiceContext } from '../context.js';
import { maskName, maskPhone } from '../privacy.js';
import { loadWorkflowDetail } from '../workflow/detail.js';

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
    id: o.id,
    orderNo: o.order_no,
    receivedAt: o.received_at,
    dispatchedAt: o.dispatched_at,
    source: o.source as Source,
    appealType: o.appeal_type as AppealType,
    category: o.category,
    communityId: o.community_id,
    communityName: o.community_name,
    status: o.status as OrderStatus,
    tier: o.tier as Tier,
    handleDueAt: o.handle_due_at,
    firstContactDueAt: o.first_contact_due_at,
    firstContactAt: o.first_contact_at,
    repliedAt: o.replied_at,
    replyText: o.reply_text,
    content: o.content,
    citizenName: o.citizen_name === null ? null : maskName(o.citizen_name),
    citizenPhoneMasked: maskPhone(o.citizen_phone),
    address: o.address,
    residentialArea: o.residential_area,
    leadUnit: units.find((u) => u.role === 'lead')?.name ?? null,
    assistUnits: units.filter((u) => u.role === 'assist').map((u) => u.name),
    version: o.version,
    ...(await loadWorkflowDetail(db, o, ctx.now())),
  };
}
