/**
 * Page breaks: a table longer than a page continues on the next sheet under its repeated header with
 * "（续）"; a heading never ends a sheet; every sheet is one fixed A4 <section> with 第 N 页 / 共 M 页.
 */
import { describe, expect, it } from 'vitest';
import { paginate, renderPages, type Block, type ReportDoc } from '../../../main/services/reports/index.js';

const longTable: Block = {
  kind: 'table',
  caption: '超时未办结工单',
  columns: [
    { label: '工单编号', width: 2 },
    { label: '社区', width: 2 },
  ],
  rows: Array.from({ length: 70 }, (_, i) => [{ text: `G${String(i + 1).padStart(3, '0')}` }, { text: '六营门社区' }]),
};

const doc = (blocks: Block[]): ReportDoc => ({
  kind: 'weekly',
  streetName: '青塔街道',
  title: '青塔街道接诉即办工作周汇报',
  subtitle: '（2026年11月23日—11月29日）',
  period: { kind: 'week', from: 0, to: 1, firstDay: '2026-11-23', lastDay: '2026-11-29', label: '2026年11月23日—11月29日（周）' },
  issuedOn: '2026年11月30日',
  fileName: '周汇报',
  blocks,
});

describe('paginate', () => {
  it('splits a long table over sheets, each slice under the header, every row once', () => {
    const sheets = paginate([{ kind: 'heading', level: 1, text: '五、超时工单' }, longTable]);
    expect(sheets.length).toBeGreaterThanOrEqual(3);
    const slices = sheets.flatMap((s) => s.blocks.filter((b) => b.kind === 'table'));
    expect(slices.map((t) => (t as { caption: string }).caption)).toEqual(['超时未办结工单', ...Array(slices.length - 1).fill('超时未办结工单（续）')]);
    expect(slices.flatMap((t) => (t as { rows: Array<Array<{ text: string }>> }).rows.map((r) => r[0]!.text))).toEqual(longTable.kind === 'table' ? longTable.rows.map((r) => r[0]!.text) : []);
    expect(sheets[0]!.first && sheets.at(-1)!.last).toBe(true);
  });

  it('moves a heading to the next sheet rather than leave it alone at the foot', () => {
    const filler: Block[] = Array.from({ length: 26 }, () => ({ kind: 'paragraph', text: '本周共接收工单一千余件，环比下降。' }));
    const sheets = paginate([...filler, { kind: 'heading', level: 1, text: '二、诉求类型' }, longTable]);
    for (const s of sheets) expect(s.blocks.at(-1)?.kind).not.toBe('heading');
    const withHeading = sheets.find((s) => s.blocks.some((b) => b.kind === 'heading'))!;
    const at = withHeading.blocks.findIndex((b) => b.kind === 'heading');
    expect(withHeading.blocks[at + 1]?.kind).toBe('table');
  });

  it('draws each sheet as an A4 section with its page number and the header repeated', () => {
    const pages = renderPages(doc([longTable]));
    const sections = pages.body.match(/<section class="jr-sheet"/g) ?? [];
    expect(sections).toHaveLength(pages.pageCount);
    for (let n = 1; n <= pages.pageCount; n++) expect(pages.body).toContain(`第 ${n} 页 / 共 ${pages.pageCount} 页`);
    expect(pages.body.match(/<thead>/g)).toHaveLength(pages.pageCount);
    expect(pages.css).toContain('width: 210mm; height: 297mm');
    // The 落款 closes the last sheet.
    expect(pages.body.lastIndexOf('jr-sign')).toBeGreaterThan(pages.body.lastIndexOf('data-page="'));
  });
});
