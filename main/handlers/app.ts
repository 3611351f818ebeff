/** Handlers of the app and units methods. */
import type { Handlers } from '../dispatch.js';
import type { Services } from '../services/index.js';
import { getAppInfo } from '../services/app.js';
import { listUnits } from '../services/units.js';

export function appHandlers(s: Services) {
  return {
    'app.info': async () => getAppInfo(s.ctx, await s.grid.count()),
    'units.list': (args) => listUnits(s.ctx, args.kind),
  } satisfies Pick<Handlers, 'app.info' | 'units.list'>;
}
