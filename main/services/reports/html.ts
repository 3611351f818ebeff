/**
 * The report as HTML sheets: one fixed-size A4 <section> per page as layout.ts cut them, with the
 * footer 第 N 页 / 共 M 页, charts as inline SVG. No scripts, no style attributes, no external URLs:
 * the same markup goes into the app's preview (under its strict CSP), the saved .html file, and the
 * Chromium that prints the PDF.
 */
import { renderChart } from './charts.js';
import { REPORT_CSS } from './css.js';
import { paginate, type Placed, type Sheet } from './layout.js';
import type { Cell, ReportDoc } from './model.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function cellHtml(c: Cell, align: string | undefined): string {
  const cls = [align === 'right' ? 'jr-r' : align === 'center' ? 'jr-c' : '', c.drill || c.orders || c.filter ? 'jr-drill' : ''].filter(Boolean).join(' ');
  const drill = c.drill
    ? ` data-drill="${escapeHtml(JSON.stringify(c.drill))}"`
    : c.orders
      ? ` data-orders="${c.orders.ids.join(',')}" data-title="${escapeHtml(c.orders.title)}"`
      : c.filter
        ? ` data-filter="${escapeHtml(JSON.stringify(c.filter.filter))}" data-title="${escapeHtml(c.filter.title)}"`
        : '';
  return `<td${cls ? ` class="${cls}"` : ''}${drill} title="${escapeHtml(c.text)}">${escapeHtml(c.text)}</td>`;
}

function blockHtml(b: Placed): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level + 1} class="jr-h${b.level}">${escapeHtml(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p class="jr-p">${escapeHtml(b.text)}</p>`;
    case 'note':
      return `<p class="jr-note">${escapeHtml(b.text)}</p>`;
    case 'chart':
      return `<figure class="jr-chart"><div class="jr-caption">${escapeHtml(b.caption)}</div>${renderChart(b.option, b.widthMm, b.heightMm)}</figure>`;
    case 'table': {
      const total = b.columns.reduce((a, c) => a + c.width, 0);
      // Column widths as <col span> classes would need a style per table; the width attribute is not a style.
      const cols = b.columns.map((c) => `<col width="${((c.width / total) * 100).toFixed(2)}%">`).join('');
      const head = `<tr>${b.columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('')}</tr>`;
      const body = b.rows.length === 0
        ? `<tr><td class="jr-empty" colspan="${b.columns.length}">${escapeHtml(b.empty ?? '无')}</td></tr>`
        : b.rows.map((r) => `<tr>${r.map((c, i) => cellHtml(c, b.columns[i]?.align)).join('')}</tr>`).join('');
      const caption = b.caption ? `<div class="jr-caption">${escapeHtml(b.caption)}</div>` : '';
      return `<div class="jr-tablebox">${caption}<table class="jr-table"><colgroup>${cols}</colgroup><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
    }
  }
}

function sheetHtml(doc: ReportDoc, sheet: Sheet, n: number, total: number): string {
  const head = sheet.first
    ? `<header class="jr-head"><h1 class="jr-title">${escapeHtml(doc.title)}</h1><p class="jr-subtitle">${escapeHtml(doc.subtitle)}</p>` +
      `<div class="jr-issuer"><span>${escapeHtml(doc.streetName)}市民诉求处置中心</span><span>${escapeHtml(doc.issuedOn)}</span></div><div class="jr-rule"></div></header>`
    : '';
  const sign = sheet.last ? `<div class="jr-sign"><div>${escapeHtml(doc.streetName)}</div><div>${escapeHtml(doc.issuedOn)}</div></div>` : '';
  return `<section class="jr-sheet" data-page="${n}"><div class="jr-body">${head}${sheet.blocks.map(blockHtml).join('')}${sign}</div>` +
    `<footer class="jr-foot">第 ${n} 页 / 共 ${total} 页</footer></section>`;
}

export interface RenderedPages {
  pageCount: number;
  /** The sheets, one <section class="jr-sheet"> each, inside <div class="jr-doc">. */
  body: string;
  css: string;
}

export function renderPages(doc: ReportDoc): RenderedPages {
  const sheets = paginate(doc.blocks);
  const body = `<div class="jr-doc">${sheets.map((s, i) => sheetHtml(doc, s, i + 1, sheets.length)).join('')}</div>`;
  return { pageCount: sheets.length, body, css: REPORT_CSS };
}

/** A self-contained HTML document (inline CSS and SVG; no scripts, no external URLs). */
export function renderHtmlDocument(doc: ReportDoc, pages = renderPages(doc)): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${escapeHtml(doc.title)}${escapeHtml(doc.subtitle)}</title><style>${pages.css}\nbody { margin: 0; }</style></head>` +
    `<body>${pages.body}</body></html>`;
}
