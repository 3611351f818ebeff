/**
 * The key that decides "the same address" for the recurring-address section. Clerks and the hotline
 * type one place many ways; the key forgives what does not change the place and keeps what does:
 *   - NFKC folds full-width letters, digits and punctuation to half-width (３号楼 → 3号楼, （ → ();
 *   - whitespace and separating punctuation go (青塔 东里 3号楼、 → 青塔东里3号楼); a dash between digits
 *     stays as '-', because 3-2-501 (楼-单元-室) is not 32501;
 *   - a leading 北京市 / XX区 / XX街道 is dropped: the street's orders are all in it;
 *   - Chinese-digit 栋/幢/座 read as 号楼 (3栋 = 3号楼), 号院 as 号 (12号院 = 12号);
 *   - a trailing 室 or 号 after digits goes (501室 = 501, 青塔东路12号 = 青塔东路12), and so does a
 *     trailing position word (门前, 门口, 附近, 旁边, 对面, 东侧 …): "12号门前" is the same place as "12号".
 * The unit and room stay: one flat that calls again and again is the signal, not the whole building.
 */
const DISTRICTS = '东城|西城|朝阳|海淀|丰台|石景山|门头沟|房山|通州|顺义|昌平|大兴|怀柔|平谷|密云|延庆';
/** Only Beijing's own district names: a 小区 named 春园二区 must not lose its 二区. */
const PREFIX = new RegExp(`^(?:北京市?)?(?:(?:${DISTRICTS})区)?(?:[\\u4e00-\\u9fff]{2,6}街道(?:办事处)?)?`);
/** Position words, and 室/号/户 right after a digit, at the end — in any order (12号门前 → 12). */
const TRAILING = /(?:门前|门口|附近|旁边|旁|对面|周边|一带|处|[东南西北]侧|(?<=\d)(?:室|号|户))+$/;
const DASHES = /[-－—–~～]/;
/** Separators that carry no meaning in an address (a dash between digits is handled apart). */
const NOISE = /[\s,，、.。;；:：'"“”‘’()（）[\]【】<>《》#＃!！?？*·_~]/g;

/** Characters NFKC changes that people type (full-width forms, ideographic space): skip NFKC otherwise. */
const NEEDS_NFKC = /[\u2150-\u218f\u2460-\u24ff\u3000-\u303f\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe6f\uff00-\uffef]/;

export function normalizeAddress(raw: string | null | undefined): string {
  if (!raw) return '';
  let s = (NEEDS_NFKC.test(raw) ? raw.normalize('NFKC') : raw).toLowerCase();
  // Any dash-like character between digits means 楼-单元-室; elsewhere it is noise.
  if (DASHES.test(s)) s = s.replace(/(\d)\s*[-－—–~～]+\s*(?=\d)/g, '$1\u0000').replace(/[-—–~]/g, '').replace(/\u0000/g, '-');
  s = s.replace(NOISE, '');
  // Only strip the administrative prefix when something is left after it.
  if (s.startsWith('北京') || s.includes('区') || s.includes('街道')) {
    const stripped = s.replace(PREFIX, '');
    if (stripped.length >= 2) s = stripped;
  }
  if (/[栋幢座院]/.test(s)) s = s.replace(/(\d+)(?:栋|幢|座)/g, '$1号楼').replace(/(\d+)号院/g, '$1号');
  return s.replace(TRAILING, '');
}
