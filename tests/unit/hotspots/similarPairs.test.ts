/** The early-stopping comparison finds exactly the pairs (and similarities) that comparing every pair finds. */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { bigramSet, jaccard, similarPairs } from '../../../main/services/hotspots/similarity.js';

const PHRASES = ['暖气不热', '室温不达标', '楼道漏水', '家中漏水', '噪音扰民', '占道经营', '垃圾清运', '路灯不亮', '六营门', '26号楼', '3单元', '每天晚上', '物业不管'];

function brute(times: number[], sets: ReturnType<typeof bigramSet>[], from: number, window: number, t: number) {
  const out: string[] = [];
  for (let j = 1; j < times.length; j++) {
    if (times[j]! < from) continue;
    for (let i = j - 1; i >= 0 && times[j]! - times[i]! <= window; i--) {
      const s = jaccard(sets[i]!, sets[j]!);
      if (s >= t) out.push(`${i}-${j}-${s}`);
    }
  }
  return out.sort();
}

it("stopping early loses no similar pair and invents none", () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ gap: fc.integer({ min: 0, max: 5 }), words: fc.array(fc.constantFrom(...PHRASES), { minLength: 0, maxLength: 6 }) }), { minLength: 2, maxLength: 40 }),
      fc.integer({ min: 0, max: 30 }),
      fc.constantFrom(0.3, 0.5, 0.7, 1),
      (rows, fromAt, t) => {
        let at = 0;
        const list = rows.map((r) => ({ receivedAt: (at += r.gap) }));
        const sets = rows.map((r) => bigramSet(r.words.join('，')));
        const times = list.map((o) => o.receivedAt);
        const found = [...similarPairs(list, sets, fromAt, 7, t)].map(([i, j, s]) => `${i}-${j}-${s}`).sort();
        expect(found).toEqual(brute(times, sets, fromAt, 7, t));
      },
    ),
    { numRuns: 400 },
  );
});
