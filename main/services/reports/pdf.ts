/**
 * PDF outside Electron (the CLI, browser mode's server, tests): the system Chromium through
 * playwright-core prints the report's HTML with its own CSS page size (A4, no margins: the sheets carry
 * them), so the PDF has exactly the sheets of the preview. The desktop app prints with Electron's own
 * printToPDF instead (main/electron/reportPdf.ts).
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../../preload/contract/errors.js';

export type PdfPrinter = (html: string) => Promise<Uint8Array>;

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function chromiumPath(): string {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new AppError('INTERNAL', '未找到可用于生成 PDF 的 Chromium 浏览器：请安装 Chromium，或用环境变量 CHROME_PATH 指明其位置；也可以先保存为 Word 或 HTML。');
  return found;
}

export const printPdfWithChromium: PdfPrinter = async (html) => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    // Nothing may be fetched: the HTML is self-contained.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
};
