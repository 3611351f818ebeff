/** The order's timeline: its events, newest first, each with who did it. */
import type { TimelineEvent } from '../../../preload/api.js';
import type { ServiceContext } from '../context.js';
import { listTimeline } from '../events.js';
import { notFound } from './command.js';

export async function orderTimeline(ctx: ServiceContext, orderId: number): Promise<TimelineEvent[]> {
  const { db } = ctx.handle;
  const exists = await db.selectFrom('orders').select('id').where('id', '=', orderId).executeTakeFirst();
  if (!exists) throw notFound(orderId);
  return listTimeline(db, orderId);
}
