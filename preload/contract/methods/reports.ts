/**
 * Contract of the street's reports (issue 6, DESIGN §5): 日通报, 周汇报, 月度分析 for a chosen day.
 *  - `reports.build`: the report as A4 sheets for the preview — the sheets' HTML and their stylesheet
 *    (no scripts, no style attributes: the page shows them in a shadow root under its strict CSP);
 *  - `reports.save`: the report written as PDF, Word (docx) or HTML to a path chosen by
 *    `files.pickExportTarget` (desktop: the 另存为 dialog; browser mode: a download reference).
 */
import { z } from 'zod';
import { method } from '../method.js';
import { ResolvedPeriod } from './assessment.js';
import { AssessmentDay } from './assessmentSettings.js';

export const REPORT_KIND = {
  codes: ['daily', 'weekly', 'monthly'] as const,
  label: { daily: '日通报', weekly: '周汇报', monthly: '月度分析' },
} as const;
export type ReportKind = (typeof REPORT_KIND.codes)[number];

export const REPORT_FORMAT = {
  codes: ['pdf', 'docx', 'html'] as const,
  label: { pdf: 'PDF', docx: 'Word 文档', html: '网页（HTML）' },
} as const;
export type ReportFormat = (typeof REPORT_FORMAT.codes)[number];

const kind = z.enum(REPORT_KIND.codes, { error: '报表类型只能是日通报（daily）、周汇报（weekly）或月度分析（monthly）' });

export const ReportPreview = z.object({
  kind,
  /** '青塔街道接诉即办工作周汇报' */
  title: z.string(),
  /** '（2026年11月23日—11月29日）' */
  subtitle: z.string(),
  /** Suggested file name without extension. */
  fileName: z.string(),
  period: ResolvedPeriod,
  pageCount: z.number().int().positive(),
  /** The sheets' stylesheet (for a constructed stylesheet in the preview's shadow root). */
  css: z.string(),
  /** The sheets: <div class="jr-doc"><section class="jr-sheet">…</section>…</div>. */
  body: z.string(),
});
export type ReportPreview = z.infer<typeof ReportPreview>;

export const ReportSaved = z.object({
  /** As given (browser mode: the download reference). */
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Sheets of the PDF / HTML; null for docx (Word paginates it). */
  pageCount: z.number().int().positive().nullable(),
  title: z.string(),
});
export type ReportSaved = z.infer<typeof ReportSaved>;

export const reportsMethods = {
  'reports.build': method(z.object({ kind, date: AssessmentDay }).strict(), ReportPreview, '生成日通报、周汇报或月度分析（A4 分页预览）'),
  'reports.save': method(
    z
      .object({
        kind,
        date: AssessmentDay,
        format: z.enum(REPORT_FORMAT.codes, { error: '保存格式只能是 pdf、docx 或 html' }),
        path: z.string().trim().min(1, '请选择保存位置').max(4096, '保存路径过长'),
      })
      .strict(),
    ReportSaved,
    '把报表保存为 PDF、Word 或 HTML 文件',
  ),
} as const;
