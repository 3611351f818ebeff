/** Handlers of the orders grid and detail methods: filtered pages, positions, counts, picker lists, one order. */
import type { Handlers } from '../dispatch.js';
import type { Services } from '../services/index.js';
import { getOrderDetail } from '../services/orders/detail.js';
import { orderFacets } from '../services/orders/facets.js';

export function orderHandlers(s: Services) {
  return {
    'orders.page': (args) => s.grid.page(args.sort, args.startRow, args.endRow, args.filter),
    'orders.position': async (args) => ({ index: await s.grid.position(args.sort, args.orderId, args.filter) }),
    'orders.count': async (args) => ({ count: await s.grid.count(args.filter) }),
    'orders.facets': () => orderFacets(s.ctx),
    'orders.get': (args) => getOrderDetail(s.ctx, args.id),
  } satisfies Pick<Handlers, 'orders.page' | 'orders.position' | 'orders.count' | 'orders.facets' | 'orders.get'>;
}
