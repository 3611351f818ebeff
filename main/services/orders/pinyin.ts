/**
 * 拼音 for the pickers: "lymsq" (首字母) and "liuyingmenshequ" (全拼) for 六营门社区, so typing either
 * finds it. Computed with pinyin-pro (its word list picks the reading of polyphonic characters in
 * context: 重庆 → cq) and cached: the names of a street change rarely.
 */
import { pinyin } from 'pinyin-pro';

export interface Spelling {
  /** First letter of each syllable; letters and digits of the name kept; '/' kept between path levels. */
  initials: string;
  /** The syllables without tones, joined. */
  spell: string;
}

const cache = new Map<string, Spelling>();
const MAX_CACHED = 20_000;

function clean(parts: string[], keepSlash: boolean): string {
  return parts
    .map((p) => p.normalize('NFKC').toLowerCase())
    .join('')
    .replace(keepSlash ? /[^a-z0-9/]/g : /[^a-z0-9]/g, '');
}

export function spelling(text: string): Spelling {
  let s = cache.get(text);
  if (!s) {
    const keepSlash = text.includes('/');
    s = {
      initials: clean(pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }), keepSlash),
      spell: clean(pinyin(text, { toneType: 'none', type: 'array' }), keepSlash),
    };
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(text, s);
  }
  return s;
}
