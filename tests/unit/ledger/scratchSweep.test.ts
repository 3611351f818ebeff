/** Scratch files of an import interrupted by a crash are removed by the next start; live ones stay. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { sweepStaleScratch } from '../../../main/services/import/stage.js';

it('removes jiesu-import scratch files of dead processes only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiesu-sweep-'));
  // A process id that surely ended: a child that already exited.
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  const stale = join(dir, `jiesu-import-abc-${dead}.db`);
  const staleStrings = join(dir, `jiesu-import-abc-strings-${dead}.db`);
  const mine = join(dir, `jiesu-import-def-${process.pid}.db`);
  const other = join(dir, 'notes.db');
  for (const f of [stale, staleStrings, mine, other]) writeFileSync(f, 'x');
  expect(sweepStaleScratch(dir)).toBe(2);
  expect([existsSync(stale), existsSync(staleStrings), existsSync(mine), existsSync(other)]).toEqual([false, false, true, true]);
});
