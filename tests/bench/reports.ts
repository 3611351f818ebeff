/**
 * The reports' part of `npm run bench` (issue 6): on the seeded database, the 周汇报 of the last full
 * week before the seed's end —
 *   - its data (every figure, table and hotspot: `buildReport`) ≤ 1 s;
 *   - its PDF (sheets → HTML → the system Chromium's page.pdf, launch included) ≤ 3 s;
 * and, for the note, its preview through the dispatcher (`reports.build`, sheets and charts included)
 * and the Word file. Wire it into run.ts next to benchAssessment:
 *   allOk = (await benchReports(app, UNTIL)) && allOk;
 */
import type { AppRuntime } from '../../main/runtime.js';
import { buildReport, renderReport } from '../../main/services/reports/index.js';
import { addDays, beijingDay } from '../../preload/contract/time.js';
import { printTable, time, type Row } from './measure.js';

export async function benchReports(app: AppRuntime, until: number): Promise<boolean> {
  const ctx = app.services.ctx;
  // A day of the last full week before `until`.
  const date = addDays(beijingDay(until), -7);
  const rows: Row[] = [];
  const weekly = await time(() => buildReport(ctx, 'weekly', date), 5, 1);
  rows.push({ what: '周汇报 data (buildReport weekly)', ms: weekly.median, target: { ms: 1000 } });
  const doc = await buildReport(ctx, 'weekly', date);
  const pdf = await time(() => renderReport(doc, 'pdf'), 3, 1);
  rows.push({ what: '周汇报 PDF (Chromium, launch included)', ms: pdf.median, target: { ms: 3000 } });
  const both = await time(async () => renderReport(await buildReport(ctx, 'weekly', date), 'pdf'), 3, 0);
  rows.push({ what: '周汇报 data + PDF', ms: both.median });
  const preview = await time(async () => {
    const r = await app.dispatch('reports.build', { kind: 'weekly', date }, { actor: 'bench', transport: 'in-process' });
    if ('error' in r) throw new Error(r.error.message);
  }, 5, 1);
  rows.push({ what: '周汇报 preview via dispatch (reports.build)', ms: preview.median });
  const docx = await time(() => renderReport(doc, 'docx'), 3, 1);
  rows.push({ what: '周汇报 docx', ms: docx.median });
  const monthly = await time(() => buildReport(ctx, 'monthly', date), 3, 1);
  rows.push({ what: '月度分析 data (buildReport monthly)', ms: monthly.median });
  return printTable(`Reports (周汇报 of the week containing ${date})`, rows);
}
