/**
 * The street's reports (issue 6, DESIGN §5): build a 日通报 / 周汇报 / 月度分析 for a day, and write it
 * as HTML, PDF or docx. The PDF printer is injected (Chromium via playwright-core by default; the
 * desktop shell prints with Electron instead).
 */
import { writeFile } from 'node:fs/promises';
import { AppError } from '../../../preload/contract/errors.js';
import type { ServiceContext } from '../context.js';
import { buildDaily } from './daily.js';
import { renderDocx } from './docx.js';
import { renderHtmlDocument, renderPages } from './html.js';
import type { ReportDoc, ReportKind } from './model.js';
import { buildMonthly } from './monthly.js';
import { printPdfWithChromium, type PdfPrinter } from './pdf.js';
import { buildWeekly } from './weekly.js';

export { REPORT_KIND, type ReportDoc, type ReportKind, type Block, type Cell, type Drill } from './model.js';
export { renderPages, renderHtmlDocument } from './html.js';
export { renderDocx, chartPng } from './docx.js';
export { printPdfWithChromium, chromiumPath, type PdfPrinter } from './pdf.js';
export { paginate } from './layout.js';

export type { ReportFormat } from '../../../preload/contract/methods/reports.js';
import type { ReportFormat } from '../../../preload/contract/methods/reports.js';

export function buildReport(ctx: ServiceContext, kind: ReportKind, date: string): Promise<ReportDoc> {
  switch (kind) {
    case 'daily':
      return buildDaily(ctx, date);
    case 'weekly':
      return buildWeekly(ctx, date);
    case 'monthly':
      return buildMonthly(ctx, date);
  }
}

export async function renderReport(doc: ReportDoc, format: ReportFormat, printPdf: PdfPrinter = printPdfWithChromium): Promise<{ bytes: Uint8Array; pageCount: number | null }> {
  if (format === 'docx') return { bytes: await renderDocx(doc), pageCount: null };
  const pages = renderPages(doc);
  const html = renderHtmlDocument(doc, pages);
  if (format === 'html') return { bytes: new TextEncoder().encode(html), pageCount: pages.pageCount };
  return { bytes: await printPdf(html), pageCount: pages.pageCount };
}

/** Builds, renders and writes one report; refuses a path it cannot write with a Chinese message. */
export async function saveReport(ctx: ServiceContext, args: { kind: ReportKind; date: string; format: ReportFormat; path: string }, printPdf?: PdfPrinter) {
  const doc = await buildReport(ctx, args.kind, args.date);
  const { bytes, pageCount } = await renderReport(doc, args.format, printPdf);
  try {
    await writeFile(args.path, bytes);
  } catch (e) {
    throw new AppError('FORBIDDEN', `无法写入「${args.path}」：文件夹不存在、没有写入权限，或文件正被其他程序（如 Word）打开。`, { cause: e });
  }
  return { path: args.path, bytes: bytes.byteLength, pageCount, title: `${doc.title}${doc.subtitle}` };
}
