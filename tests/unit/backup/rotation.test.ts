/** Rotation: the newest of each of the last N days / ISO weeks / months that have a backup; the newest always stays. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { backupName, isoWeekKey, parseBackupName, planRotation } from '../../../main/services/backup/index.js';
import { DAY_MS, fromBeijing } from '../../../preload/contract/time.js';
import { fileApp, tempDir, testClock } from './support.js';

const DEFAULT = { daily: 7, weekly: 4, monthly: 12 };
const b = (at: number) => ({ name: backupName(at), at });
const names = (list: Array<{ name: string }>) => list.map((x) => x.name);

describe('planRotation', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly out of a year of daily backups (and a few extra each day)', () => {
    const start = fromBeijing(2025, 3, 1, 9, 0);
    const all = [];
    for (let d = 0; d < 400; d++) {
      all.push(b(start + d * DAY_MS));
      all.push(b(start + d * DAY_MS + 4 * 3_600_000)); // a restart in the afternoon: a second backup that day
    }
    const { keep, remove } = planRotation(all, DEFAULT);
    expect(keep.length + remove.length).toBe(800);
    const newest = all[all.length - 1]!;
    expect(keep[0]).toBe(newest);
    // The last 7 days: each day's afternoon backup.
    expect(names(keep.slice(0, 7))).toEqual(Array.from({ length: 7 }, (_, i) => backupName(newest.at - i * DAY_MS)));
    // Every kept backup is its day's newest; the set spans 12 months.
    for (const k of keep) expect(k.name.endsWith('-130000.db')).toBe(true);
    const months = new Set(keep.map((k) => k.name.slice(6, 12)));
    expect(months.size).toBe(12);
    // 7 daily + weekly ones beyond them + monthly ones beyond those; never more than 7 + 4 + 12.
    expect(keep.length).toBeGreaterThanOrEqual(12);
    expect(keep.length).toBeLessThanOrEqual(23);
    expect(new Set(keep.map((k) => isoWeekKey(k.at))).size).toBeGreaterThanOrEqual(4);
  });

  it('counts days that have a backup, not days back from today: a long holiday does not empty the week', () => {
    const lastBefore = fromBeijing(2026, 2, 13, 9, 0);
    const before = Array.from({ length: 10 }, (_, i) => b(lastBefore - i * DAY_MS));
    const after = b(fromBeijing(2026, 3, 5, 9, 0)); // back to work after the Spring Festival
    const { keep } = planRotation([...before, after], { daily: 7, weekly: 0, monthly: 0 });
    expect(names(keep)).toEqual(names([after, ...before.slice(0, 6)]));
  });

  it('never deletes the newest backup, even when told to keep nothing', () => {
    const list = [b(fromBeijing(2026, 3, 1)), b(fromBeijing(2026, 3, 2)), b(fromBeijing(2026, 3, 3))];
    const { keep, remove } = planRotation(list, { daily: 0, weekly: 0, monthly: 0 });
    expect(names(keep)).toEqual([backupName(fromBeijing(2026, 3, 3))]);
    expect(remove).toHaveLength(2);
  });

  it('uses the Beijing calendar: 23:30 and 00:30 are two days although they share a UTC date', () => {
    const late = b(fromBeijing(2026, 3, 2, 23, 30));
    const early = b(fromBeijing(2026, 3, 3, 0, 30));
    expect(names(planRotation([late, early], { daily: 2, weekly: 0, monthly: 0 }).keep)).toEqual(names([early, late]));
    const sameUtcDay = b(fromBeijing(2026, 3, 3, 7, 0));
    expect(names(planRotation([early, sameUtcDay], { daily: 1, weekly: 0, monthly: 0 }).keep)).toEqual(names([sameUtcDay]));
  });

  it('ISO weeks start on Monday and belong to the year of their Thursday', () => {
    expect(isoWeekKey(fromBeijing(2026, 12, 31, 12))).toBe('2026-W53');
    expect(isoWeekKey(fromBeijing(2027, 1, 3, 12))).toBe('2026-W53');
    expect(isoWeekKey(fromBeijing(2027, 1, 4, 0, 0))).toBe('2027-W01');
    expect(isoWeekKey(fromBeijing(2024, 12, 30, 8))).toBe('2025-W01');
    expect(isoWeekKey(fromBeijing(2026, 3, 1, 23, 59))).toBe('2026-W09'); // Sunday
    expect(isoWeekKey(fromBeijing(2026, 3, 2, 0, 0))).toBe('2026-W10'); // Monday
  });

  it('reads back the time in a name, and only names of ours', () => {
    const at = fromBeijing(2026, 3, 2, 9, 0, 5);
    expect(backupName(at)).toBe('jiesu-20260302-090005.db');
    expect(parseBackupName('jiesu-20260302-090005.db')).toBe(at);
    expect(parseBackupName('jiesu-20260302-090005-3.db')).toBe(at);
    for (const other of ['jiesu-20260230-090005.db', 'jiesu-20260302-090005.db.bak', 'jiesu.db', 'JIESU-20260302-090005.db', 'jiesu-20260302-250000.db']) {
      expect(parseBackupName(other)).toBeNull();
    }
  });
});

describe('rotation in the backup folder', () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: AppRuntime | null = null;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(async () => {
    await app?.close();
    app = null;
    tmp.remove();
  });

  it('after 60 days of daily backups the folder holds the kept ones, and files not ours are untouched', async () => {
    const clock = testClock(fromBeijing(2026, 1, 1, 9, 0));
    app = await fileApp(join(tmp.dir, 'jiesu.db'), 3, clock.now);
    const folder = join(tmp.dir, 'backups');
    await app.services.backup.run('startup');
    writeFileSync(join(folder, '说明.txt'), '管理员的笔记');
    writeFileSync(join(folder, 'jiesu-手工副本.db'), 'x');
    const taken = [clock.now()];
    for (let d = 1; d < 60; d++) {
      clock.advance(DAY_MS);
      taken.push(clock.now());
      await app.services.backup.run('daily');
    }
    const expected = planRotation(taken.map(b), DEFAULT).keep;
    const files = readdirSync(folder).sort();
    expect(files).toEqual([...names(expected), 'jiesu-手工副本.db', '说明.txt'].sort());
    expect(expected.length).toBe(7 + 3 + 1); // 7 days; 3 more weeks; 1 more month (January's last backup)
  });
});
