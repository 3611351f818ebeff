/**
 * Handlers of the reports. `reports.save` writes where it is told: the transports decide what a page
 * may name (the desktop's 另存为 grants in main/electron/files.ts, browser mode's download references in
 * main/web/download.ts); in-process callers (the CLI, tests) name their files directly. The PDF is
 * printed by the system Chromium here; the desktop shell prints it with Electron before it gets here
 * (main/electron/reportPdf.ts).
 */
import type { Handlers } from '../dispatch.js';
import type { Services } from '../services/index.js';
import { buildReport, renderPages, saveReport } from '../services/reports/index.js';

type ReportsMethod = Extract<keyof Handlers, `reports.${string}`>;

export function reportsHandlers(s: Services) {
  const { ctx } = s;
  return {
    'reports.build': async (a) => {
      const doc = await buildReport(ctx, a.kind, a.date);
      const pages = renderPages(doc);
      return { kind: doc.kind, title: doc.title, subtitle: doc.subtitle, fileName: doc.fileName, period: doc.period, pageCount: pages.pageCount, css: pages.css, body: pages.body };
    },
    'reports.save': (a) => saveReport(ctx, a),
  } satisfies Pick<Handlers, ReportsMethod>;
}
