/** How the dashboard writes its figures: rates as percentages, "—" where there were no callbacks. */
export const DASH = '—';

export const pct = (r: number | null | undefined, digits = 1) => (r == null ? DASH : `${(r * 100).toFixed(digits)}%`);
export const points = (s: number | null | undefined) => (s == null ? DASH : s.toFixed(2));
export const whole = (n: number) => n.toLocaleString('zh-CN');

/** 环比 of a rate or score: '↑ 1.2 个百分点' / '↓ 0.80 分'; null when either side has no figure. */
export function change(now: number | null, before: number | null, unit: 'rate' | 'score' | 'count'): { text: string; dir: 'up' | 'down' | 'flat' } | null {
  if (now === null || before === null) return null;
  const d = now - before;
  const dir = Math.abs(d) < 1e-9 ? 'flat' : d > 0 ? 'up' : 'down';
  const arrow = dir === 'up' ? '↑' : dir === 'down' ? '↓' : '持平';
  if (dir === 'flat') return { text: arrow, dir };
  if (unit === 'rate') return { text: `${arrow} ${Math.abs(d * 100).toFixed(1)} 个百分点`, dir };
  if (unit === 'score') return { text: `${arrow} ${Math.abs(d).toFixed(2)} 分`, dir };
  const rel = before === 0 ? '' : `（${Math.abs((d / before) * 100).toFixed(1)}%）`;
  return { text: `${arrow} ${whole(Math.abs(d))}${rel}`, dir };
}

/** '11月25日' from 'YYYY-MM-DD'. */
export const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
