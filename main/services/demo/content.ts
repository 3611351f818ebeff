/** Composes a citizen's description, an address and a reply from the demo phrase pools. */
import type { Random } from './random.js';
import type { DemoCommunity } from './street.js';
import type { LeafCategory } from './taxonomy.js';
import { ATTEMPTS, DEMANDS, DETAILS, IMPACTS, OPENINGS, REPLY_TEMPLATES, TIMES } from './phrases.js';

const ROAD_CATEGORIES = new Set(['交通管理', '排水', '市容环卫']);

export interface DemoAddress {
  area: string;
  address: string;
}

export function composeAddress(rng: Random, community: DemoCommunity, leaf: LeafCategory, roads: readonly string[]): DemoAddress {
  const area = rng.pick(community.areas);
  if (ROAD_CATEGORIES.has(leaf.path[0]) && rng.chance(0.45)) {
    const other = rng.pick(roads);
    const address = other === community.road ? `${community.road}${rng.int(1, 88)}号门前` : `${community.road}与${other}交叉口`;
    return { area: community.road, address };
  }
  const building = rng.int(1, 32);
  if (rng.chance(0.15)) return { area, address: `${area}${building}号楼` };
  return { area, address: `${area}${building}号楼${rng.int(1, 6)}单元${rng.int(1, 18)}0${rng.int(1, 4)}` };
}

export function composeContent(rng: Random, leaf: LeafCategory, address: string, proactive: boolean): string {
  const problem = rng.pick(leaf.problems);
  if (proactive) {
    return `网格员巡查发现：${address}${rng.pick(TIMES)}${problem}，${rng.pick(IMPACTS) || '需及时处置。'}已上报街道，建议由责任单位尽快处置。`;
  }
  const where = rng.chance(0.7) ? `${address}，` : '';
  return (
    rng.pick(OPENINGS) +
    where +
    rng.pick(TIMES) +
    problem +
    '，' +
    rng.pick(DETAILS) +
    rng.pick(IMPACTS) +
    rng.pick(ATTEMPTS) +
    rng.pick(DEMANDS)
  );
}

export function composeReply(rng: Random, facts: { community: string; unit: string; area: string; date: string }): string {
  return rng
    .pick(REPLY_TEMPLATES)
    .replaceAll('{community}', facts.community)
    .replaceAll('{unit}', facts.unit)
    .replaceAll('{area}', facts.area)
    .replaceAll('{date}', facts.date);
}
