/** The integrity check in a worker thread: the verdicts the start-up check and the backups rely on. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFileInWorker } from '../../../main/services/backup/checkWorker.js';
import { damageIndex, fileApp, tempDir, testClock } from './support.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

describe('checkFileInWorker', () => {
  it('passes a sound database in both modes, and finds a damaged index in both', async () => {
    const path = join(tmp.dir, 'jiesu.db');
    await (await fileApp(path, 30, testClock().now)).close();
    expect(await checkFileInWorker(path, { mode: 'full' })).toMatchObject({ ok: true, problems: [], busy: false });
    expect(await checkFileInWorker(path, { mode: 'quick' })).toMatchObject({ ok: true, problems: [], busy: false });
    damageIndex(path);
    for (const mode of ['full', 'quick'] as const) {
      const v = await checkFileInWorker(path, { mode });
      expect(v.ok, mode).toBe(false);
      expect(v.problems.length, mode).toBeGreaterThan(0);
    }
  });

  it('a file that is not a database, or is missing, is a problem, never a pass', async () => {
    const junk = join(tmp.dir, 'junk.db');
    writeFileSync(junk, '这不是数据库'.repeat(500));
    expect(await checkFileInWorker(junk)).toMatchObject({ ok: false, busy: false });
    expect(await checkFileInWorker(join(tmp.dir, 'missing.db'))).toMatchObject({ ok: false, busy: false });
  });
});

describe('copyFrom: the whole backup in the worker', () => {
  it('writes a self-contained copy and checks it; a copy into a missing folder fails at the copy stage', async () => {
    const path = join(tmp.dir, 'jiesu.db');
    await (await fileApp(path, 12, testClock().now)).close();
    const copy = join(tmp.dir, 'copy.db');
    expect(await checkFileInWorker(copy, { copyFrom: path })).toMatchObject({ ok: true, stage: 'check' });
    const db = new BetterSqlite3(copy, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect((db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n).toBe(12);
    db.close();
    expect(await checkFileInWorker(join(tmp.dir, 'no', 'such', 'copy.db'), { copyFrom: path })).toMatchObject({ ok: false, stage: 'copy' });
  });
});
