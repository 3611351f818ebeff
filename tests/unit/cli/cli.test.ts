import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli.js';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrator.js';
import { electronBinary, userDataDir } from '../../../main/launch-paths.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'jiesu-cli-'));

describe('jiesu CLI', () => {
  it('lists its commands in Chinese with --help', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    for (const name of ['seed', 'migrate', 'info', 'serve', 'deadline']) expect(c.out.join('\n')).toContain(name);
    expect(c.out.join('\n')).toContain('用法');
  });

  it('refuses unknown commands, unknown flags and bad values with exit code 2', async () => {
    let c = capture();
    expect(await runCli(['frobnicate'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('未知命令');
    c = capture();
    expect(await runCli(['info', '--colour'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('--colour');
    c = capture();
    expect(await runCli(['seed', '--orders', 'many', '--db', join(tmp(), 'x.db')], c.io)).toBe(2);
    expect(c.err.join('')).toContain('--orders');
    c = capture();
    expect(await runCli(['seed', '--until', '2026-02-30', '--db', join(tmp(), 'x.db')], c.io)).toBe(2);
    expect(c.err.join('')).toContain('无法识别的日期');
  });

  it('seeds, migrates and reports a database', async () => {
    const db = join(tmp(), 'demo.db');
    let c = capture();
    expect(await runCli(['seed', '--orders', '500', '--days', '20', '--seed', '3', '--until', '2026-11-20', '--db', db], c.io)).toBe(0);
    expect(c.out.join('')).toContain('500 件工单');
    c = capture();
    expect(await runCli(['info', '--json', '--db', db], c.io)).toBe(0);
    expect(JSON.parse(c.out[0]!)).toMatchObject({ orderCount: 500, demo: true, schemaVersion: LATEST_SCHEMA_VERSION, streetName: '青塔街道（演示）' });
    c = capture();
    expect(await runCli(['migrate', '--db', db], c.io)).toBe(0);
    expect(c.out.join('')).toContain('已是最新版本');
    c = capture();
    expect(await runCli(['seed', '--orders', '10', '--db', db], c.io)).toBe(1);
    expect(c.err.join('')).toContain('只能写入空数据库');
  });

  it('says clearly when a file is not a database', async () => {
    const bogus = join(tmp(), 'not-a-db.db');
    writeFileSync(bogus, 'this is a spreadsheet, not a database'.repeat(100));
    const c = capture();
    expect(await runCli(['info', '--db', bogus], c.io)).toBe(1);
    expect(c.err.join('')).toContain('不是接诉台数据库');
  });
});

describe('npm start launcher', () => {
  it('keeps its databases in the same user-data folder as the desktop shell', () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.接诉台$/);
    expect(userDataDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux')).toBe('/x/cfg/接诉台');
  });
  it('finds no Electron runtime where it was never downloaded', () => {
    expect(electronBinary(tmp())).toBeNull();
  });
});
