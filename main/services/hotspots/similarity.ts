/**
 * How alike two requests read: the Jaccard index of their character-bigram sets (|A ∩ B| ÷ |A ∪ B|).
 * The bigrams are the ones the search index uses for Chinese (db/search.ts): each run of Han
 * characters gives its overlapping pairs (暖气不热 → 暖气 气不 不热); a lone Han character counts as
 * itself; a run of letters or digits counts as one word. Word order and filler barely move the index,
 * a different problem moves it a lot.
 *
 * Unlike search.ts (which builds text tokens for SQLite) this runs on tens of thousands of contents per
 * week at 1M orders, comparing many pairs: a set is a sorted array of numbers (a Han bigram is its two
 * UTF-16 units, a word its 32-bit FNV-1a hash, negated) and the intersection is a merge, no hashing.
 */
export type Bigrams = Float64Array;

const NEEDS_NFKC = /[\u2150-\u218f\u2460-\u24ff\u3000\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe6f\uff00-\uffef]/;

const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

/** A word as a negative number (Han bigrams are positive): FNV-1a, 32 bits; a collision is harmless here. */
function wordCode(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return -1 - (h >>> 0);
}

export function bigramSet(raw: string): Bigrams {
  const text = (NEEDS_NFKC.test(raw) ? raw.normalize('NFKC') : raw).toLowerCase();
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isHan(c)) {
      const start = i;
      while (i + 1 < n && isHan(text.charCodeAt(i + 1))) {
        out.push(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
        i++;
      }
      if (i === start) out.push(c);
      i++;
    } else if (isWord(c)) {
      const start = i;
      while (i < n && isWord(text.charCodeAt(i))) i++;
      out.push(wordCode(text, start, i));
    } else {
      i++;
    }
  }
  const sorted = Float64Array.from(out).sort();
  // Distinct values only: a set.
  let k = 0;
  for (let j = 0; j < sorted.length; j++) if (j === 0 || sorted[j] !== sorted[k - 1]) sorted[k++] = sorted[j]!;
  return sorted.subarray(0, k);
}

/** 0 when either text has nothing to compare; 1 for the same bigrams. */
export function jaccard(a: Bigrams, b: Bigrams): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** Jaccard can reach t only when the smaller set is at least t × the larger: a cheap test before the merge. */
export function mayReach(a: Bigrams, b: Bigrams, t: number): boolean {
  const [small, large] = a.length <= b.length ? [a.length, b.length] : [b.length, a.length];
  return large > 0 && small >= t * large;
}


/**
 * Jaccard(a, b) when it reaches t, else -1 — stopping the merge as soon as the elements left cannot
 * bring the overlap up to the ⌈t·(|a|+|b|)/(1+t)⌉ it needs (most pairs of a group are not alike).
 */
export function jaccardAtLeast(a: Bigrams, b: Bigrams, t: number): number {
  if (a.length === 0 || b.length === 0 || !mayReach(a, b, t)) return -1;
  const need = Math.ceil((t * (a.length + b.length)) / (1 + t) - 1e-9);
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (shared + Math.min(a.length - i, b.length - j) < need) return -1;
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const s = shared / (a.length + b.length - shared);
  return s >= t ? s : -1;
}

/**
 * Every pair (i < j) of `list` (oldest first) with list[j] received at or after `from`, at most
 * `windowMs` apart, whose sets reach Jaccard ≥ t, with that Jaccard. Pairs whose later order is before
 * `from` are skipped: a link between two earlier orders could only lengthen a cluster.
 */
export function* similarPairs(
  list: ReadonlyArray<{ receivedAt: number }>,
  sets: readonly Bigrams[],
  from: number,
  windowMs: number,
  t: number,
): Generator<[number, number, number]> {
  for (let j = 1; j < list.length; j++) {
    const at = list[j]!.receivedAt;
    if (at < from) continue;
    for (let i = j - 1; i >= 0 && at - list[i]!.receivedAt <= windowMs; i--) {
      const s = jaccardAtLeast(sets[i]!, sets[j]!, t);
      if (s >= 0) yield [i, j, s];
    }
  }
}
