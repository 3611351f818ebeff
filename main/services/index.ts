/** The services of one open database, built once by openApp and handed to the handlers. */
import type { ServiceContext } from './context.js';
import { OrderGrid } from './orders/grid.js';

export interface Services {
  ctx: ServiceContext;
  grid: OrderGrid;
}

export function createServices(ctx: ServiceContext): Services {
  const grid = new OrderGrid(ctx);
  ctx.changes.subscribe(() => grid.invalidate());
  ctx.changes.subscribe((reason, count) => ctx.push.emit('orders.changed', { reason, count }));
  return { ctx, grid };
}
