/**
 * Backup file names: `jiesu-YYYYMMDD-HHmmss.db`, the Beijing wall-clock time the backup was taken (a
 * clerk reads the folder in Explorer and sees the date). A second backup within the same second gets
 * `-2`, `-3` … Anything else in the folder — the clerk's own files, a backup still being written — does
 * not match and is never listed, rotated or offered.
 */
import { randomBytes } from 'node:crypto';
import { beijingParts, fromBeijing } from '../../../preload/contract/time.js';

const NAME = /^jiesu-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{1,4}))?\.db$/;
/** Written under this prefix first; renamed to the final name only once verified. */
export const PARTIAL_PREFIX = '.jiesu-partial-';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYYMMDD-HHmmss' in Beijing time. */
export function beijingStamp(at: number): string {
  const p = beijingParts(at);
  return `${p.year}${pad(p.month)}${pad(p.day)}-${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/** The name of the backup taken at `at`; `n` > 1 for another backup in the same second. */
export function backupName(at: number, n = 1): string {
  return `jiesu-${beijingStamp(at)}${n > 1 ? `-${n}` : ''}.db`;
}

/** When a backup of this name was taken, or null when the name is not one of ours. */
export function parseBackupName(name: string): number | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const at = fromBeijing(y, mo, d, h, mi, s);
  const back = beijingParts(at);
  // 20260230-… is not a real time: not ours.
  if (back.month !== mo || back.day !== d || back.hour !== h || back.minute !== mi || back.second !== s) return null;
  return at;
}

/** The sequence number of a same-second backup (1 for the plain name), for ordering. */
export function backupSequence(name: string): number {
  const m = NAME.exec(name);
  return m?.[7] ? Number(m[7]) : 1;
}

/** A unique hidden name for a backup being written (so two processes never share one). */
export function partialName(finalName: string): string {
  return `${PARTIAL_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}-${finalName}`;
}
