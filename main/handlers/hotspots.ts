/** Handlers of the hotspots (主动治理): read-only figures, so no actor is needed. */
import type { Handlers } from '../dispatch.js';
import type { Services } from '../services/index.js';
import { hotspotsWeek } from '../services/hotspots/index.js';

type HotspotsMethod = Extract<keyof Handlers, `hotspots.${string}`>;

export function hotspotsHandlers(s: Services) {
  const { ctx } = s;
  return {
    'hotspots.week': (a) => hotspotsWeek(ctx, a),
  } satisfies Pick<Handlers, HotspotsMethod>;
}
