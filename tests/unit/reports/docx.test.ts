/**
 * The Word file, opened as the zip it is: A4 page, the same tables as the report (header rows marked
 * to repeat), one PNG per chart, and 第 {PAGE} 页 / 共 {NUMPAGES} 页 fields in the footer.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, renderReport } from '../../../main/services/reports/index.js';
import { createReportStreet, STREET, type ReportStreet } from './support.js';

let s: ReportStreet;
beforeAll(async () => {
  s = await createReportStreet();
});
afterAll(() => s.app.close());

describe('report docx', () => {
  it('holds the tables, the charts as PNG and page numbers in the footer', async () => {
    const doc = await buildReport(s.app.services.ctx, 'weekly', '2026-11-25');
    const zip = await JSZip.loadAsync((await renderReport(doc, 'docx')).bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const tables = doc.blocks.filter((b) => b.kind === 'table').length;
    const charts = doc.blocks.filter((b) => b.kind === 'chart').length;
    expect(xml.match(/<w:tbl>/g)?.length).toBe(tables);
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(tables);
    expect(xml).toContain(`${STREET}接诉即办工作周汇报`);
    expect(xml).toContain('68.67');
    // A4 in twips.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(charts);
    for (const m of media) {
      const png = await zip.file(m)!.async('uint8array');
      expect([...png.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    }
    const footerName = Object.keys(zip.files).find((n) => /^word\/footer\d*\.xml$/.test(n))!;
    const footer = await zip.file(footerName)!.async('string');
    expect(footer).toMatch(/instrText[^>]*>\s*PAGE\s*</);
    expect(footer).toMatch(/instrText[^>]*>\s*NUMPAGES\s*</);
    expect(footer).toContain('第 ');
  }, 60_000);
});
