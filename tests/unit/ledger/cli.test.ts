/** `jiesu import` and `jiesu export ledger` from a terminal. */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli.js';
import { PLATFORM_HEADER, platformRow, tmpDir, writeXlsx } from './support.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('jiesu import', () => {
  it('prints exactly the agreed JSON, and --dry-run writes nothing', async () => {
    const dir = tmpDir();
    const db = join(dir, 'cli.db');
    const file = await writeXlsx(join(dir, 'in.xlsx'), [
      ['导出标题'],
      [...PLATFORM_HEADER, '备注'],
      [...platformRow({ no: 'K1' }), 'x'],
      [...platformRow({ no: '' }), 'y'],
      [...platformRow({ no: 'K1', content: '后一行' }), 'z'],
      [...platformRow({ no: 'K2' }), null],
    ]);
    let c = capture();
    expect(await runCli(['import', file, '--dry-run', '--json', '--db', db], c.io)).toBe(0);
    const dry = JSON.parse(c.out.join(''));
    expect(dry).toEqual({ new: 2, updated: 0, unchanged: 0, rejected: [{ row: 4, reason: '缺少工单编号' }], duplicatesInFile: 1, ignoredColumns: ['备注'] });
    expect(Object.keys(dry)).toEqual(['new', 'updated', 'unchanged', 'rejected', 'duplicatesInFile', 'ignoredColumns']);
    c = capture();
    expect(await runCli(['info', '--json', '--db', db], c.io)).toBe(0);
    expect(JSON.parse(c.out[0]!).orderCount).toBe(0);

    c = capture();
    expect(await runCli(['import', file, '--json', '--db', db], c.io)).toBe(0);
    expect(JSON.parse(c.out.join(''))).toMatchObject({ new: 2, rejected: [{ row: 4 }] });
    c = capture();
    expect(await runCli(['import', file, '--db', db], c.io)).toBe(0);
    const summary = c.out.join('\n');
    expect(summary).toContain('新增 0 件，更新 0 件，未变 2 件，拒绝 1 行，文件内重复 1 行');
    expect(summary).toContain('第 4 行：缺少工单编号');
    expect(summary).toContain('未导入的列：备注');
  });

  it('refuses bad usage with exit code 2 and an unreadable file with a Chinese reason', async () => {
    const dir = tmpDir();
    let c = capture();
    expect(await runCli(['import', '--db', join(dir, 'x.db')], c.io)).toBe(2);
    expect(c.err.join('')).toContain('请指定一个要导入的文件');
    const bogus = join(dir, 'photo.xlsx');
    await writeFile(bogus, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));
    c = capture();
    expect(await runCli(['import', bogus, '--json', '--db', join(dir, 'x.db')], c.io)).toBe(1);
    expect(c.err.join('')).toMatch(/IMPORT_UNREADABLE.*PNG 图片/);
  });
});

describe('jiesu export ledger', () => {
  it('writes the preset to the format its extension names, within the date range', async () => {
    const dir = tmpDir();
    const db = join(dir, 'cli.db');
    const file = await writeXlsx(join(dir, 'in.xlsx'), [
      PLATFORM_HEADER,
      platformRow({ no: 'E1', received: '2026-03-01 10:00', phone: '13912345678' }),
      platformRow({ no: 'E2', received: '2026-03-05 10:00' }),
    ]);
    expect(await runCli(['import', file, '--db', db], capture().io)).toBe(0);
    let c = capture();
    const csv = join(dir, '台账.csv');
    expect(await runCli(['export', 'ledger', '--preset', '平台格式', '--from', '2026-03-01', '--to', '2026-03-02', '--out', csv, '--db', db], c.io)).toBe(0);
    expect(c.out.join('')).toContain('已导出 1 件工单（平台格式）');
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFF工单编号,受理时间')).toBe(true);
    expect(text).toContain('139****5678');
    c = capture();
    const xlsx = join(dir, 'district.xlsx');
    expect(await runCli(['export', 'ledger', '--preset', 'district', '--with-phones', '--out', xlsx, '--json', '--db', db], c.io)).toBe(0);
    expect(JSON.parse(c.out[0]!)).toEqual({ rows: 2, path: xlsx });
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses an unknown preset, extension or date with exit code 2', async () => {
    const dir = tmpDir();
    const db = join(dir, 'x.db');
    for (const [args, msg] of [
      [['--preset', '周报', '--out', join(dir, 'a.xlsx')], '--preset 无法识别'],
      [['--preset', '平台格式', '--out', join(dir, 'a.pdf')], '扩展名'],
      [['--preset', '平台格式', '--from', '3月1日', '--out', join(dir, 'a.csv')], '--from 无法识别'],
      [['--preset', '平台格式'], '缺少参数 --out'],
    ] as const) {
      const c = capture();
      expect(await runCli(['export', 'ledger', ...args, '--db', db], c.io)).toBe(2);
      expect(c.err.join('')).toContain(msg);
    }
    expect(existsSync(join(dir, 'a.xlsx'))).toBe(false);
  });
});
