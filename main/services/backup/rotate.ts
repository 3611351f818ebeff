/**
 * Rotation (⚙ 'backup.keep', default 7 daily / 4 weekly / 12 monthly): keep the newest backup of each
 * of the last `daily` days that have a backup, of each of the last `weekly` ISO weeks, and of each of
 * the last `monthly` months (Beijing calendar); delete the rest. The newest backup is never deleted.
 *
 * Periods are counted among those that HAVE a backup (as borg and restic do), not back from today: an
 * office PC switched off over the Spring Festival comes back to its last seven daily backups, not to
 * an empty week that pushed them out.
 */
import { rmSync } from 'node:fs';
import type { SettingValue } from '../../../preload/contract/methods/settings.js';
import { beijingParts } from '../../../preload/contract/time.js';
import { backupSequence } from './names.js';

export type KeepRule = SettingValue<'backup.keep'>;

export interface Dated {
  name: string;
  at: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function dayKey(at: number): string {
  const p = beijingParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

export function monthKey(at: number): string {
  const p = beijingParts(at);
  return `${p.year}-${pad(p.month)}`;
}

/** ISO 8601 week of the Beijing calendar day: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekKey(at: number): string {
  const p = beijingParts(at);
  const date = Date.UTC(p.year, p.month - 1, p.day);
  const isoDay = p.weekday === 0 ? 7 : p.weekday;
  const thursday = new Date(date + (4 - isoDay) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${pad(week)}`;
}

/** Which backups to keep and which to delete; `backups` in any order. */
export function planRotation<T extends Dated>(backups: readonly T[], keep: KeepRule): { keep: T[]; remove: T[] } {
  const sorted = [...backups].sort((a, b) => b.at - a.at || backupSequence(b.name) - backupSequence(a.name));
  const kept = new Set<T>();
  if (sorted[0]) kept.add(sorted[0]);
  const rules: Array<[number, (at: number) => string]> = [
    [keep.daily, dayKey],
    [keep.weekly, isoWeekKey],
    [keep.monthly, monthKey],
  ];
  for (const [count, period] of rules) {
    const seen = new Set<string>();
    for (const b of sorted) {
      if (seen.size >= count) break;
      const key = period(b.at);
      if (seen.has(key)) continue;
      // Sorted newest first: the first backup met in a period is that period's newest.
      seen.add(key);
      kept.add(b);
    }
  }
  return { keep: sorted.filter((b) => kept.has(b)), remove: sorted.filter((b) => !kept.has(b)) };
}

/** Deletes what the plan removes; returns the names actually deleted (a locked file stays for next time). */
export function applyRotation(remove: ReadonlyArray<Dated & { path: string }>): string[] {
  const removed: string[] = [];
  for (const b of remove) {
    try {
      rmSync(b.path);
      removed.push(b.name);
    } catch {
      // Opened by someone on the shared drive, or already gone: try again at the next rotation.
    }
  }
  return removed;
}
