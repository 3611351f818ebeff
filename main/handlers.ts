/**
 * The handler map: one small map per domain (main/handlers/*.ts), merged into one object that must
 * satisfy `Handlers` — every contract method present, with the contract's types. A missing handler
 * fails `tsc`; so does a misspelt one (the `NoExtraHandlers` check below).
 */
import type { Handlers } from './dispatch.js';
import type { Services } from './services/index.js';
import { appHandlers } from './handlers/app.js';
import { orderHandlers } from './handlers/orders.js';

export function createHandlers(s: Services): Handlers {
  const handlers = {
    ...appHandlers(s),
    ...orderHandlers(s),
  } satisfies Handlers;
  type NoExtraHandlers = Exclude<keyof typeof handlers, keyof Handlers>;
  const noExtra: [NoExtraHandlers] extends [never] ? true : never = true;
  void noExtra;
  return handlers;
}
