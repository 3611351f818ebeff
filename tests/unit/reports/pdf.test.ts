/**
 * The weekly report printed to PDF by the system Chromium, read back with poppler: Chinese text, the
 * same page count as the preview, the right figures, 第 N 页 / 共 M 页 on each page. The pages are also
 * rendered to PNG (test-results/reports/) for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, renderPages, renderReport } from '../../../main/services/reports/index.js';
import { createReportStreet, STREET, type ReportStreet } from './support.js';

let s: ReportStreet;
const dir = mkdtempSync(join(tmpdir(), 'jiesu-report-pdf-'));
beforeAll(async () => {
  s = await createReportStreet();
});
afterAll(() => s.app.close());

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

describe('report PDF', () => {
  it('prints the weekly summary on as many A4 pages as the preview shows, with its figures', async () => {
    const doc = await buildReport(s.app.services.ctx, 'weekly', '2026-11-25');
    const { pageCount } = renderPages(doc);
    const { bytes } = await renderReport(doc, 'pdf');
    const file = join(dir, 'weekly.pdf');
    writeFileSync(file, bytes);
    expect(pdfPages(file)).toBe(pageCount);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
    const text = pdfText(file);
    expect(text).toContain(`${STREET}接诉即办工作周汇报`);
    // pdftotext drops the thin spaces of the footer.
    const squeezed = text.replace(/\s+/g, '');
    for (let n = 1; n <= pageCount; n++) expect(squeezed).toContain(`第${n}页/共${pageCount}页`);
    // The 主要指标 row of the score and of the new orders, as printed.
    expect(text).toMatch(/综合得分\s+68\.67\s+100\.00\s+-31\.33分/);
    expect(text).toMatch(/新接工单（增量）\s+6\s+4\s+\+50\.0%/);
    expect(text).toContain('一、总体情况');
    expect(text).toContain('七、主动治理');
    // Pictures of the pages, to look at (not under test-results/: Playwright empties that folder).
    const out = process.env['REPORT_PAGES_DIR'] ?? join(tmpdir(), 'jiesu-report-pages');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(out, 'weekly')]);
  }, 60_000);

  it('prints the daily bulletin and the monthly analysis too', async () => {
    for (const kind of ['daily', 'monthly'] as const) {
      const doc = await buildReport(s.app.services.ctx, kind, '2026-11-25');
      const file = join(dir, `${kind}.pdf`);
      writeFileSync(file, (await renderReport(doc, 'pdf')).bytes);
      expect(pdfPages(file)).toBe(renderPages(doc).pageCount);
      expect(pdfText(file)).toContain(doc.title);
    }
  }, 60_000);
});
