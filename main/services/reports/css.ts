/**
 * The report's stylesheet, shared by the preview (a shadow root's constructed stylesheet), the printed
 * pages and the PDF. Sizes here are the ones layout.ts measures with; change them together.
 * Type follows the look of a government office document with the fonts every install has (Noto CJK):
 * a red 小标宋-like serif title, 黑体-like sans headings, a 仿宋-like serif body.
 */
import { PAGE, SIZE } from './layout.js';

const SERIF = "'Noto Serif CJK SC', 'Source Han Serif SC', 'FangSong', 'STFangsong', 'SimSun', serif";
const SANS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'SimHei', 'Microsoft YaHei', sans-serif";

export const REPORT_CSS = `
@page { size: A4; margin: 0; }
.jr-doc { margin: 0; padding: 0; font-family: ${SERIF}; color: #111; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.jr-sheet { box-sizing: border-box; position: relative; width: ${PAGE.width}mm; height: ${PAGE.height}mm; overflow: hidden; background: #fff;
  padding: ${PAGE.top}mm ${PAGE.right}mm ${PAGE.bottom}mm ${PAGE.left}mm; break-after: page; page-break-after: always; }
.jr-sheet:last-child { break-after: auto; page-break-after: auto; }
.jr-body { height: 100%; overflow: hidden; }
.jr-foot { position: absolute; left: 0; right: 0; bottom: 11mm; text-align: center; font-family: ${SERIF}; font-size: 10.5pt; color: #333; }
.jr-head { height: ${SIZE.docHead}mm; box-sizing: border-box; text-align: center; }
.jr-title { margin: 0; padding-top: 2mm; font-family: ${SERIF}; font-weight: 700; font-size: 21pt; line-height: 12mm; color: #c00000; letter-spacing: 0.5pt; white-space: nowrap; }
.jr-subtitle { margin: 0; font-family: ${SERIF}; font-size: 13pt; line-height: 8mm; }
.jr-issuer { display: flex; justify-content: space-between; margin-top: 4mm; font-size: 11pt; line-height: 6mm; }
.jr-rule { margin-top: 1.5mm; border-top: 0.8mm solid #c00000; border-bottom: 0.3mm solid #c00000; height: 0.8mm; }
.jr-h1 { margin: 0; height: ${SIZE.heading1}mm; box-sizing: border-box; padding-top: 3mm; font-family: ${SANS}; font-weight: 700; font-size: 14pt; line-height: 9mm; }
.jr-h2 { margin: 0; height: ${SIZE.heading2}mm; font-family: ${SANS}; font-size: 12pt; line-height: ${SIZE.heading2}mm; }
.jr-p { margin: 0 0 ${SIZE.paragraphGap}mm; font-size: 12pt; line-height: ${SIZE.paragraphLine}mm; text-indent: 2em; text-align: justify; overflow-wrap: anywhere; }
.jr-note { margin: 0 0 ${SIZE.noteGap}mm; font-size: 10pt; line-height: ${SIZE.noteLine}mm; color: #444; overflow-wrap: anywhere; }
.jr-caption { height: ${SIZE.caption}mm; line-height: ${SIZE.caption}mm; font-family: ${SANS}; font-size: 10.5pt; font-weight: 700; text-align: center; }
.jr-tablebox { margin-bottom: ${SIZE.tableGap}mm; }
.jr-table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 10pt; }
.jr-table th, .jr-table td { box-sizing: border-box; border: 0.25mm solid #333; padding: 0 1.4mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.jr-table th { height: ${SIZE.headerRow}mm; font-family: ${SANS}; font-weight: 700; font-size: 10pt; background: #f0f0f0; text-align: center; }
.jr-table td { height: ${SIZE.row}mm; line-height: 1.2; }
.jr-table td.jr-r { text-align: right; font-variant-numeric: tabular-nums; }
.jr-table td.jr-c { text-align: center; }
.jr-table td.jr-empty { text-align: center; color: #555; }
.jr-chart { margin-bottom: ${SIZE.chartGap}mm; text-align: center; }
.jr-chart svg { display: block; margin: 0 auto; }
.jr-sign { margin-top: 10mm; text-align: right; font-size: 12pt; line-height: 8mm; padding-right: 4mm; }
@media screen {
  .jr-doc { background: #e6e6e6; padding: 8mm 0; }
  .jr-sheet { margin: 0 auto 8mm; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
  .jr-drill { cursor: pointer; color: #1a4fa0; text-decoration: underline dotted; }
}
`;
