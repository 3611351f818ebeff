/**
 * Beijing time (Asia/Shanghai, UTC+8, no DST) for both sides of the contract.
 * Instants travel and are stored as epoch milliseconds; people see and type Beijing wall-clock time.
 */
export const BEIJING_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Wall-clock parts of an instant in Beijing. */
export function beijingParts(ms: number) {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    /** 0 = Sunday … 6 = Saturday */
    weekday: d.getUTCDay(),
  };
}

/** 'YYYY-MM-DD' of the Beijing calendar day that contains the instant. */
export function beijingDay(ms: number): string {
  const p = beijingParts(ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The instant of Beijing wall-clock time y-m-d h:mi:s. */
export function fromBeijing(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - BEIJING_OFFSET_MS;
}

/** Start (00:00:00) of a Beijing calendar day given as 'YYYY-MM-DD'. */
export function startOfBeijingDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return fromBeijing(y, m, d);
}

/** 'YYYY-MM-DD' shifted by n calendar days. */
export function addDays(day: string, n: number): string {
  return beijingDay(startOfBeijingDay(day) + n * DAY_MS);
}

/** '2026-10-15T23:59:59+08:00' — ISO 8601 with the Beijing offset. */
export function toBeijingIso(ms: number): string {
  const p = beijingParts(ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+08:00`;
}

/** '2026-10-15 23:59' for tables and forms. */
export function formatBeijing(ms: number, withSeconds = false): string {
  const p = beijingParts(ms);
  const base = `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
  return withSeconds ? `${base}:${pad(p.second)}` : base;
}

/**
 * Reads 'YYYY-MM-DD', 'YYYY-MM-DD HH:mm[:ss]', 'YYYY/M/D H:mm', or a full ISO string with an offset.
 * Zone-less text is Beijing time. Returns null when unreadable.
 */
export function parseBeijing(text: string): number | null {
  const t = text.trim();
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(t) && t.includes('T')) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : ms;
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})秒?)?)?$/.exec(t);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || s! > 59) return null;
  const ms = fromBeijing(y!, mo!, d!, h!, mi!, s!);
  // Reject 2026-02-30 and friends (Date would roll them over).
  const back = beijingParts(ms);
  if (back.month !== mo || back.day !== d) return null;
  return ms;
}
