/** The ⚙ rules of the hotspots, read from the settings (defaults in preload/contract/methods/hotspots.ts). */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { HotspotDuplicateRule, HotspotRecurringRule, HotspotSpikeRule } from '../../../preload/contract/methods/hotspots.js';
import { readSetting } from '../settings.js';

export interface HotspotRules {
  spike: HotspotSpikeRule;
  recurring: HotspotRecurringRule;
  duplicates: HotspotDuplicateRule;
}

export async function readHotspotRules(db: Kysely<Database>): Promise<HotspotRules> {
  const [spike, recurring, duplicates] = await Promise.all([
    readSetting(db, 'hotspots.spike'),
    readSetting(db, 'hotspots.recurring'),
    readSetting(db, 'hotspots.duplicates'),
  ]);
  return { spike, recurring, duplicates };
}
