/**
 * `jiesu report`: writes the chosen report in the chosen format; refuses bad input in Chinese with a
 * nonzero exit and writes nothing.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli.js';
import { createReportStreet } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'jiesu-report-cli-'));
const db = join(dir, 'street.db');
beforeAll(async () => {
  const s = await createReportStreet(db);
  await s.app.close();
});

async function report(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['report', ...args, '--db', db], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('jiesu report', () => {
  it('writes the weekly summary as HTML and Word', async () => {
    const html = join(dir, '周汇报.html');
    const r = await report('weekly', '--date', '2026-11-25', '--format', 'html', '--out', html);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已生成青塔街道接诉即办工作周汇报.*共 \d+ 页/);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<section class="jr-sheet"');
    // Nothing to fetch: namespaces (xmlns="http://…") are names, not links.
    expect(text).not.toMatch(/<script|(src|href|url)[=(]["']?https?:/);
    const docx = join(dir, '月度分析.docx');
    // The format from the extension.
    expect((await report('monthly', '--date', '2026-11-25', '--out', docx)).code).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes a PDF', async () => {
    const pdf = join(dir, '日通报.pdf');
    expect((await report('daily', '--date', '2026-11-25', '--format', 'pdf', '--out', pdf)).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('refuses bad input in Chinese, exit code 2, nothing written', async () => {
    const out = join(dir, 'bad.pdf');
    for (const args of [
      ['yearly', '--date', '2026-11-25', '--out', out],
      ['weekly', '--date', '2026-02-30', '--out', out],
      ['weekly', '--out', out],
      ['weekly', '--date', '2026-11-25', '--format', 'xlsx', '--out', out],
      ['weekly', '--date', '2026-11-25'],
    ]) {
      const r = await report(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('says so in Chinese when the folder cannot be written', async () => {
    const r = await report('weekly', '--date', '2026-11-25', '--format', 'html', '--out', join(dir, 'no-such-folder', 'x.html'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('无法写入');
  });
});
