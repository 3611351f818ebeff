/**
 * The handler map: one small map per domain, merged into one object that must satisfy `Handlers`
 * (every contract method present, with the contract's types). A missing handler fails `tsc`; so does
 * a misspelt one (see the `NoExtraHandlers` check below).
 */
import type { CallContext, Handlers } from './dispatch.js';
import type { ServiceContext } from './services/context.js';
import { getAppInfo } from './services/app.js';
import { listUnits } from './services/units.js';
import { OrderGrid } from './services/orders/grid.js';
import { getOrderDetail } from './services/orders/detail.js';

export interface Services {
  ctx: ServiceContext;
  grid: OrderGrid;
}

export function createServices(ctx: ServiceContext): Services {
  return { ctx, grid: new OrderGrid(ctx) };
}

export function createHandlers(s: Services) {
  const appHandlers = {
    'app.info': async () => getAppInfo(s.ctx, await s.grid.count()),
    'units.list': (args: { kind?: 'community' | 'department' | undefined }) => listUnits(s.ctx, args.kind),
  } satisfies Partial<Handlers>;

  const orderHandlers = {
    'orders.page': (args) => s.grid.page(args.sort, args.startRow, args.endRow),
    'orders.position': async (args) => ({ index: await s.grid.position(args.sort, args.orderId) }),
    'orders.get': (args, _ctx: CallContext) => getOrderDetail(s.ctx, args.id),
  } satisfies Pick<Handlers, 'orders.page' | 'orders.position' | 'orders.get'>;

  const handlers = { ...appHandlers, ...orderHandlers } satisfies Handlers;
  type NoExtraHandlers = Exclude<keyof typeof handlers, keyof Handlers>;
  const noExtra: [NoExtraHandlers] extends [never] ? true : never = true;
  void noExtra;
  return handlers;
}
