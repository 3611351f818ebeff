/** `jiesu deadline` as typed in a terminal. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../../db/connection.js';
import { migrate } from '../../../db/migrator.js';
import { runCli } from '../../../main/cli.js';
import { DEFAULT_TIERS, TIERS_SETTING_KEY } from '../../../main/services/deadlines/index.js';

async function jiesu(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'jiesu-deadline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jiesu deadline', () => {
  it('--json prints the handle due in Beijing ISO and the data flag, nothing else', async () => {
    const r = await jiesu('deadline', '--from', '2026-09-30 16:00', '--tier', 'general', '--json');
    expect(r).toEqual({ code: 0, out: '{"due":"2026-10-15T23:59:59+08:00","calendarMissing":false}', err: '' });
  });

  it('accepts an ISO instant with an offset and a Chinese tier name', async () => {
    const r = await jiesu('deadline', '--from', '2026-09-30T08:00:00Z', '--tier', '紧急', '--json');
    expect(r.out).toBe('{"due":"2026-09-30T18:00:00+08:00","calendarMissing":false}');
  });

  it('prints a Chinese line without --json, with a warning when the year has no holiday data', async () => {
    const r = await jiesu('deadline', '--from', '2026-09-30 16:00', '--tier', 'complex');
    expect(r.code).toBe(0);
    expect(r.out).toBe('办理时限：2026-10-27 23:59:59（复杂，15个工作日，自 2026-09-30 16:00 起算）');
    const missing = await jiesu('deadline', '--from', '2099-09-30 16:00', '--tier', 'general');
    expect(missing.out).toMatch(/^办理时限：2099-10-09 23:59:59.*注意：.*尚无国务院节假日安排/);
  });

  it('refuses a bad --from or --tier with a Chinese message and exit code 2', async () => {
    const badFrom = await jiesu('deadline', '--from', '2026-02-30 10:00', '--tier', 'general');
    expect(badFrom.code).toBe(2);
    expect(badFrom.err).toMatch(/--from 无法识别「2026-02-30 10:00」/);
    const badTier = await jiesu('deadline', '--from', '2026-09-30 16:00', '--tier', 'slow');
    expect(badTier.code).toBe(2);
    expect(badTier.err).toMatch(/--tier 无法识别「slow」.*general（一般）/);
    const noTier = await jiesu('deadline', '--from', '2026-09-30 16:00');
    expect(noTier.code).toBe(2);
    expect(noTier.err).toMatch(/缺少参数 --tier/);
  });

  it('with --db uses that database’s holiday overrides and tier table', async () => {
    const path = join(dir, 'overrides.db');
    const handle = createDb(path);
    await migrate(handle, { appVersion: 'test' });
    await handle.db.insertInto('holiday_overrides').values({ day: '2026-10-10', kind: 'holiday', note: '测试：取消调休' }).execute();
    const tiers = { ...DEFAULT_TIERS, urgent: { ...DEFAULT_TIERS.urgent, handle: { amount: 4, unit: 'hours' } } };
    await handle.db.insertInto('settings').values({ key: TIERS_SETTING_KEY, value_json: JSON.stringify(tiers), updated_at: 0 }).execute();
    await handle.close();

    const general = await jiesu('deadline', '--db', path, '--from', '2026-09-30 16:00', '--tier', 'general', '--json');
    expect(general.out).toBe('{"due":"2026-10-16T23:59:59+08:00","calendarMissing":false}');
    const urgent = await jiesu('deadline', '--db', path, '--from', '2026-09-30 16:00', '--tier', 'urgent', '--json');
    expect(urgent.out).toBe('{"due":"2026-09-30T20:00:00+08:00","calendarMissing":false}');
  });
});
