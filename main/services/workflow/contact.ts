/**
 * Contacts with the citizen (phone, visit, SMS, other). The first contact stamps first_contact_at,
 * which meets the response deadline. A contact entered later but dated earlier (a call logged after a
 * visit) moves the stamp back to it; a later contact never moves it.
 */
import type { CommandResult, MethodArgs } from '../../../preload/api.js';
import { AppError } from '../../../preload/contract/errors.js';
import { CONTACT_METHOD } from '../../../preload/contract/enums.js';
import type { ServiceContext } from '../context.js';
import { clip, CLOCK_SKEW_MS, runAndDescribe, when } from './run.js';

export function contact(ctx: ServiceContext, actor: string, args: MethodArgs<'workflow.contact'>): Promise<CommandResult> {
  return runAndDescribe(ctx, actor, 'contact', args, async ({ trx, order, now, commit }) => {
    if (args.at > now + CLOCK_SKEW_MS) throw new AppError('INVALID_INPUT', `联系时间 ${when(args.at)} 晚于现在，请检查。`);
    if (args.at < order.dispatched_at) {
      throw new AppError('INVALID_INPUT', `联系时间 ${when(args.at)} 早于派单时间 ${when(order.dispatched_at)}，请检查。`);
    }
    await trx.insertInto('contacts').values({ order_id: order.id, at: args.at, method: args.method, summary: args.summary, actor }).execute();
    const stamps = order.first_contact_at === null || args.at < order.first_contact_at;
    const how = `${CONTACT_METHOD.label[args.method]}，${when(args.at)}`;
    await commit(stamps ? { first_contact_at: args.at } : {}, {
      kind: 'contacted',
      summary: `${stamps ? '首次联系诉求人' : '联系诉求人'}（${how}）：${clip(args.summary)}`,
      before: stamps ? { firstContactAt: order.first_contact_at } : null,
      after: { ...(stamps ? { firstContactAt: args.at } : {}), contact: { method: args.method, at: args.at, summary: args.summary } },
    });
  });
}
