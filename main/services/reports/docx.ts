/**
 * The report as a Word document (opens in Word and WPS): A4, the same title, headings, paragraphs and
 * tables (header rows repeated across pages), charts as PNG images, the 落款, and 第 N 页 / 共 M 页 in
 * the footer as PAGE / NUMPAGES fields. Word decides its own page breaks; the content is the same.
 * Fonts are the ones every Chinese office PC has (宋体, 黑体, 仿宋).
 */
import { Resvg } from '@resvg/resvg-js';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { renderChart } from './charts.js';
import { CONTENT_WIDTH, PAGE } from './layout.js';
import type { Block, ReportDoc } from './model.js';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
const font = (name: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: name });
/** Sizes in half-points. */
const run = (text: string, f: string, size: number, extra: Partial<IRunOptions> = {}) => new TextRun({ text, font: font(f), size, ...extra });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '333333' };
const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

/** An SVG chart as PNG bytes, Chinese text drawn with the system's CJK fonts. */
export function chartPng(svg: string, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' }, fitTo: { mode: 'zoom', value: scale }, background: '#ffffff' });
  return resvg.render().asPng();
}

function table(b: Extract<Block, { kind: 'table' }>): Array<Paragraph | Table> {
  const total = b.columns.reduce((a, c) => a + c.width, 0);
  const widths = b.columns.map((c) => twips((CONTENT_WIDTH * c.width) / total));
  const align = (a: string | undefined) => (a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  const cellOf = (text: string, width: number, a: string | undefined, head: boolean, span = 1) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: CELL_BORDERS,
      columnSpan: span,
      ...(head ? { shading: { fill: 'F0F0F0' } } : {}),
      children: [new Paragraph({ alignment: head ? AlignmentType.CENTER : align(a), children: [run(text, head ? '黑体' : '仿宋', 20)] })],
    });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cellOf(c.label, widths[i]!, 'center', true)) });
  const rows = b.rows.length === 0
    ? [new TableRow({ children: [cellOf(b.empty ?? '无', widths.reduce((a, w) => a + w, 0), 'center', false, b.columns.length)] })]
    : b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cellOf(c.text, widths[i]!, b.columns[i]?.align, false)) }));
  const out: Array<Paragraph | Table> = [];
  if (b.caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, keepNext: true, children: [run(b.caption, '黑体', 21, { bold: true })] }));
  out.push(new Table({ width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA }, columnWidths: widths, rows: [header, ...rows] }));
  out.push(new Paragraph({ spacing: { after: 80 }, children: [] }));
  return out;
}

function blockParts(b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ keepNext: true, spacing: { before: 200, after: 100 }, children: [run(b.text, '黑体', b.level === 1 ? 28 : 24)] })];
    case 'paragraph':
      return [new Paragraph({ indent: { firstLine: 480 }, alignment: AlignmentType.JUSTIFIED, spacing: { line: 400, after: 80 }, children: [run(b.text, '仿宋', 24)] })];
    case 'note':
      return [new Paragraph({ spacing: { after: 80 }, children: [run(b.text, '仿宋', 20, { color: '444444' })] })];
    case 'table':
      return table(b);
    case 'chart': {
      const png = chartPng(renderChart(b.option, b.widthMm, b.heightMm));
      const px = (mm: number) => Math.round((mm * 96) / 25.4);
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60 }, children: [run(b.caption, '黑体', 21, { bold: true })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new ImageRun({ type: 'png', data: png, transformation: { width: px(b.widthMm), height: px(b.heightMm) } })] }),
      ];
    }
  }
}

export async function renderDocx(doc: ReportDoc): Promise<Uint8Array> {
  const head = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(doc.title, '宋体', 40, { bold: true, color: 'C00000' })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(doc.subtitle, '仿宋', 26)] }),
    new Paragraph({
      border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 18, color: 'C00000', space: 4 } },
      tabStops: [{ type: 'right', position: twips(CONTENT_WIDTH) }],
      spacing: { after: 240 },
      children: [run(`${doc.streetName}市民诉求处置中心`, '仿宋', 22), run(`\t${doc.issuedOn}`, '仿宋', 22)],
    }),
  ];
  const sign = [
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [run(doc.streetName, '仿宋', 24)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(doc.issuedOn, '仿宋', 24)] }),
  ];
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font: font('仿宋'), size: 21, children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'] })],
      }),
    ],
  });
  const document = new Document({
    creator: doc.streetName,
    title: `${doc.title}${doc.subtitle}`,
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(PAGE.width), height: twips(PAGE.height) },
            margin: { top: twips(PAGE.top), bottom: twips(PAGE.bottom), left: twips(PAGE.left), right: twips(PAGE.right), footer: twips(11) },
          },
        },
        footers: { default: footer },
        children: [...head, ...doc.blocks.flatMap(blockParts), ...sign],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
