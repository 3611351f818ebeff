/**
 * `jiesu kpi`: the JSON shape exactly as issue 6 gives it, both dates inclusive in Beijing time, a
 * Chinese table without --json, and bad dates refused in Chinese with exit code 2.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { calledBack, createStreet } from './support.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

let db: string;
let liuyingmen: number;
let donggaodi: number;
beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'jiesu-kpi-')), 'street.db');
  const s = await createStreet(undefined, db);
  ({ liuyingmen, donggaodi } = s);
  // The first and the last second of November count; the seconds either side do not.
  await calledBack(s, fromBeijing(2026, 11, 1, 0, 0, 0));
  await calledBack(s, fromBeijing(2026, 11, 30, 23, 59, 59), { satisfaction: 'basic' });
  await calledBack(s, fromBeijing(2026, 10, 31, 23, 59, 59), { satisfaction: 'unsatisfied' });
  await calledBack(s, fromBeijing(2026, 12, 1, 0, 0, 0), { satisfaction: 'unsatisfied' });
  await calledBack(s, fromBeijing(2026, 11, 20, 10), {}, { appealType: 'consult' });
  await s.app.close();
});

async function kpi(...args: string[]) {
  const c = capture();
  const code = await runCli(['kpi', ...args, '--db', db], c.io);
  return { code, out: c.out, err: c.err.join('\n') };
}

describe('jiesu kpi', () => {
  it('prints exactly {validCallbacks, responseRate, resolutionRate, satisfactionRate, score, groups} with --json', async () => {
    const r = await kpi('--from', '2026-11-01', '--to', '2026-11-30', '--json');
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    const json = JSON.parse(r.out[0]!) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['validCallbacks', 'responseRate', 'resolutionRate', 'satisfactionRate', 'score', 'groups']);
    // 满意 + 基本满意 → (1 + 0.9)/2 = 0.95; 100 × (0.1 + 0.5 + 0.4 × 0.95) = 98. The 咨询 is left out.
    expect(json).toEqual({ validCallbacks: 2, responseRate: 1, resolutionRate: 1, satisfactionRate: 0.95, score: 98, groups: [] });
  });

  it('adds one entry per group with --by, null rates where there was no callback', async () => {
    const r = await kpi('--from', '2026-11-01', '--to', '2026-11-30', '--by', 'community', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0]!)).toEqual({
      validCallbacks: 2, responseRate: 1, resolutionRate: 1, satisfactionRate: 0.95, score: 98,
      groups: [
        { key: String(liuyingmen), label: '六营门社区', validCallbacks: 2, responseRate: 1, resolutionRate: 1, satisfactionRate: 0.95, score: 98 },
        { key: String(donggaodi), label: '东高地社区', validCallbacks: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, score: null },
      ],
    });
    const byCategory = JSON.parse((await kpi('--from', '2026-11-01', '--to', '2026-11-30', '--by', 'category', '--json')).out[0]!) as { groups: Array<{ label: string }> };
    expect(byCategory.groups.map((g) => g.label)).toEqual(['城市管理']);
  });

  it('counts nothing on a day without callbacks: null, not NaN', async () => {
    const r = await kpi('--from', '2026-11-15', '--to', '2026-11-15', '--json');
    expect(r.out[0]).toBe('{"validCallbacks":0,"responseRate":null,"resolutionRate":null,"satisfactionRate":null,"score":null,"groups":[]}');
  });

  it('prints a Chinese table without --json', async () => {
    const r = await kpi('--from', '2026-11-01', '--to', '2026-11-30', '--by', 'community');
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toContain('考核时段：2026年11月1日—2026年11月30日');
    expect(r.out[1]).toMatch(/^分组\s+有效回访\s+响应率\s+解决率\s+满意率\s+综合得分$/);
    expect(r.out[2]).toMatch(/^全街道\s+2\s+100\.00%\s+100\.00%\s+95\.00%\s+98\.00$/);
    expect(r.out[4]).toMatch(/^东高地社区\s+0\s+—\s+—\s+—\s+—$/);
    expect(text).toContain('另有 1 条有效回访按考核公式核减');
    expect(text).toContain('不计入考核：咨询、已核准的不合理诉求、已核准的重复件');
  });

  it('refuses bad dates and groupings in Chinese with exit code 2, before opening any database', async () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'jiesu-kpi-')), 'none.db');
    const bad = async (args: string[], message: string) => {
      const c = capture();
      expect(await runCli(['kpi', ...args, '--db', fresh], c.io)).toBe(2);
      expect(c.err.join('\n')).toContain(message);
    };
    await bad(['--from', '2026-02-30', '--to', '2026-03-01'], '--from 无法识别「2026-02-30」：不是真实的日期');
    await bad(['--from', '2026/11/01', '--to', '2026-11-30'], '--from 无法识别「2026/11/01」');
    await bad(['--from', '2026-11-01', '--to', 'tomorrow'], '--to 无法识别「tomorrow」');
    await bad(['--from', '2026-11-01'], '缺少参数 --to');
    await bad(['--from', '2026-11-30', '--to', '2026-11-01'], '--from（2026-11-30）不能晚于 --to（2026-11-01）');
    await bad(['--from', '2026-11-01', '--to', '2026-11-30', '--by', 'street'], '--by 无法识别「street」');
    await bad(['--from', '2026-11-01', '--to', '2026-11-30', '--quarter'], '不认识参数：--quarter');
    expect(existsSync(fresh)).toBe(false);
  });
});
