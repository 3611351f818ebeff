/** Handlers of the orders grid and detail methods. */
import type { Handlers } from '../dispatch.js';
import type { Services } from '../services/index.js';
import { getOrderDetail } from '../services/orders/detail.js';

export function orderHandlers(s: Services) {
  return {
    'orders.page': (args) => s.grid.page(args.sort, args.startRow, args.endRow),
    'orders.position': async (args) => ({ index: await s.grid.position(args.sort, args.orderId) }),
    'orders.get': (args) => getOrderDetail(s.ctx, args.id),
  } satisfies Pick<Handlers, 'orders.page' | 'orders.position' | 'orders.get'>;
}
