/**
 * The desktop's PDF of a report: Electron's own Chromium prints it (webContents.printToPDF in a hidden
 * window), so the installed app needs no separate browser. It answers `reports.save` with format pdf
 * in front of the dispatcher (after main/electron/files.ts has checked the path was chosen in the
 * 另存为 dialog): the sheets come from `reports.build`, are loaded into a hidden window with JavaScript
 * off in its own in-memory session (the app's CSP, which forbids inline styles, is for the app's
 * pages), printed with the sheets' own A4 page size, and written to the chosen path.
 */
import { writeFile } from 'node:fs/promises';
import type { BrowserWindow } from 'electron';
import { api, type ReportPreview } from '../../preload/api.js';
import type { CallContext, Dispatch } from '../dispatch.js';

/** The pieces of BrowserWindow used here (a test passes a fake). */
export type PrintWindowClass = new (options: ConstructorParameters<typeof BrowserWindow>[0]) => Pick<BrowserWindow, 'loadURL' | 'destroy'> & {
  webContents: Pick<BrowserWindow['webContents'], 'printToPDF'>;
};

export interface ReportPdfDeps {
  BrowserWindow: PrintWindowClass;
  writeFile?: (path: string, data: Uint8Array) => Promise<void>;
}

/** The sheets as one self-contained page (the same document the CLI prints). */
export function sheetsDocument(preview: Pick<ReportPreview, 'title' | 'subtitle' | 'css' | 'body'>): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${esc(preview.title + preview.subtitle)}</title><style>${preview.css}\nbody { margin: 0; }</style></head><body>${preview.body}</body></html>`;
}

export async function printToPdf(deps: ReportPdfDeps, html: string): Promise<Uint8Array> {
  const win = new deps.BrowserWindow({
    show: false,
    width: 800,
    height: 1100,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'jiesu-report-print', spellcheck: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
  }
}

export function createReportPdf(deps: ReportPdfDeps) {
  const write = deps.writeFile ?? ((path: string, data: Uint8Array) => writeFile(path, data));
  return {
    guard(dispatch: Dispatch): Dispatch {
      return async (name: string, args: unknown, ctx: CallContext) => {
        if (name !== 'reports.save') return dispatch(name, args, ctx);
        const parsed = api['reports.save'].input.safeParse(args ?? {});
        // Invalid input, or Word / HTML: the shared handler answers.
        if (!parsed.success || parsed.data.format !== 'pdf') return dispatch(name, args, ctx);
        const { kind, date, path } = parsed.data;
        const built = await dispatch('reports.build', { kind, date }, ctx);
        if ('error' in built) return built;
        const preview = built.reply as ReportPreview;
        let pdf: Uint8Array;
        try {
          pdf = await printToPdf(deps, sheetsDocument(preview));
        } catch {
          return { error: { code: 'INTERNAL', message: '生成 PDF 失败，请重试；也可以先保存为 Word 文档。' } };
        }
        try {
          await write(path, pdf);
        } catch {
          return { error: { code: 'FORBIDDEN', message: `无法写入「${path}」：没有写入权限，或文件正被其他程序打开。` } };
        }
        return { reply: { path, bytes: pdf.byteLength, pageCount: preview.pageCount, title: `${preview.title}${preview.subtitle}` } };
      };
    },
  };
}
