/**
 * The desktop's report PDF (main/electron/reportPdf.ts): `reports.save` as pdf is printed by Electron in
 * a hidden window with JavaScript off, in its own session, from the sheets of `reports.build`, and
 * written to the path; Word and HTML, and invalid input, go on to the shared handler. Electron is
 * replaced by a fake window (as in tests/unit/electron).
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron/fake-electron.js'));

const { createReportPdf, sheetsDocument } = await import('../../../main/electron/reportPdf.js');
import type { Dispatch } from '../../../main/dispatch.js';

class FakePrintWindow {
  static made: FakePrintWindow[] = [];
  loaded = '';
  destroyed = false;
  webContents = { printToPDF: vi.fn(async (_o: unknown) => Buffer.from('%PDF-1.4 fake')) };
  constructor(readonly options: Record<string, any>) {
    FakePrintWindow.made.push(this);
  }
  async loadURL(url: string) {
    this.loaded = url;
  }
  destroy() {
    this.destroyed = true;
  }
}

const preview = { kind: 'weekly', title: '青塔街道接诉即办工作周汇报', subtitle: '（2026年11月23日—11月29日）', fileName: 'x', period: {}, pageCount: 3, css: '.jr-sheet{}', body: '<div class="jr-doc"></div>' };
const ctx = { actor: '王芳', transport: 'ipc' as const };

function setup(write = vi.fn(async () => undefined)) {
  const inner = vi.fn<Dispatch>(async (name) => (name === 'reports.build' ? { reply: preview } : { reply: { path: 'handled', bytes: 1, pageCount: null, title: 't' } }));
  const guard = createReportPdf({ BrowserWindow: FakePrintWindow as never, writeFile: write }).guard(inner);
  return { inner, guard, write };
}

describe('desktop report PDF', () => {
  it('prints the sheets in a hidden, script-less window with the CSS page size and writes the file', async () => {
    const { guard, inner, write } = setup();
    const r = await guard('reports.save', { kind: 'weekly', date: '2026-11-25', format: 'pdf', path: '/home/a/周汇报.pdf' }, ctx);
    expect(r).toEqual({ reply: { path: '/home/a/周汇报.pdf', bytes: 13, pageCount: 3, title: '青塔街道接诉即办工作周汇报（2026年11月23日—11月29日）' } });
    expect(inner).toHaveBeenCalledWith('reports.build', { kind: 'weekly', date: '2026-11-25' }, ctx);
    const win = FakePrintWindow.made.at(-1)!;
    expect(win.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, partition: 'jiesu-report-print' } });
    expect(Buffer.from(win.loaded.split(',')[1]!, 'base64').toString('utf8')).toContain('青塔街道接诉即办工作周汇报');
    expect(win.webContents.printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: true });
    expect(win.destroyed).toBe(true);
    expect(write).toHaveBeenCalledWith('/home/a/周汇报.pdf', expect.any(Uint8Array));
  });

  it('leaves Word, HTML and invalid input to the shared handler', async () => {
    const { guard, inner } = setup();
    await guard('reports.save', { kind: 'weekly', date: '2026-11-25', format: 'docx', path: '/a.docx' }, ctx);
    await guard('reports.save', { kind: 'weekly', date: 'soon', format: 'pdf', path: '/a.pdf' }, ctx);
    await guard('orders.count', {}, ctx);
    expect(inner.mock.calls.map((c) => c[0])).toEqual(['reports.save', 'reports.save', 'orders.count']);
  });

  it('tells the clerk in Chinese when the file cannot be written', async () => {
    const { guard } = setup(vi.fn(async () => Promise.reject(new Error('EACCES'))));
    const r = await guard('reports.save', { kind: 'daily', date: '2026-11-25', format: 'pdf', path: '/root/x.pdf' }, ctx);
    expect(r).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringContaining('无法写入') } });
  });

  it('makes a self-contained document of the sheets', () => {
    const html = sheetsDocument({ title: 'A&B', subtitle: '', css: '.x{}', body: '<p>1</p>' });
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<title>A&amp;B</title>');
  });
});
