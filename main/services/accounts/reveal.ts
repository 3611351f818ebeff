/**
 * Revealing one order's citizen name and phone: allowed to some roles only (main/auth/permissions.ts)
 * and recorded on the order's timeline in the same transaction as the read, so every look is traceable.
 * An order whose citizen asked for confidentiality (保密) reveals nothing: there is nothing to show and
 * nothing is logged as shown.
 */
import { AppError } from '../../../preload/contract/errors.js';
import type { RevealedCitizen } from '../../../preload/contract/methods/accounts.js';
import type { ServiceContext } from '../context.js';
import { recordEvent } from '../events.js';
import { isConfidential } from '../privacy.js';

export const REVEAL_EVENT_KIND = 'citizen_revealed';

export async function revealCitizen(ctx: ServiceContext, actor: string, orderId: number): Promise<RevealedCitizen> {
  return ctx.handle.db.transaction().execute(async (trx) => {
    const o = await trx.selectFrom('orders').select(['id', 'order_no', 'citizen_name', 'citizen_phone']).where('id', '=', orderId).executeTakeFirst();
    if (!o) throw new AppError('NOT_FOUND', `工单不存在（编号 ${orderId}）。`);
    if (isConfidential(o.citizen_name, o.citizen_phone)) {
      throw new AppError('FORBIDDEN', `工单 ${o.order_no} 的诉求人要求保密，不能查看其姓名与电话。`);
    }
    if (o.citizen_name === null && o.citizen_phone === null) return { id: o.id, citizenName: null, citizenPhone: null };
    await recordEvent(trx, { orderId: o.id, actor, at: ctx.now(), kind: REVEAL_EVENT_KIND, summary: '查看了诉求人联系方式', orderVersion: null });
    return { id: o.id, citizenName: o.citizen_name, citizenPhone: o.citizen_phone };
  });
}
