/**
 * The dashboard's part of `npm run bench` (issue 6 item 3), on the seeded database, through the
 * dispatcher (contract validation included). The grid's count cache is dropped before every run, so
 * each run is a cold first paint:
 *   - 首页's first paint (dashboard.summary, then dashboard.trend) ≤ 1 s at a million orders;
 *   - each part, and the forecast the page reads after them, shown for the note.
 * Wire it into run.ts next to benchAssessment: `allOk = (await benchDashboard(app)) && allOk;`.
 */
import type { AppRuntime } from '../../main/runtime.js';
import type { MethodName } from '../../preload/api.js';
import { printTable, time, type Row } from './measure.js';

export async function benchDashboard(app: AppRuntime): Promise<boolean> {
  const ctx = { actor: 'bench', transport: 'in-process' as const };
  const send = async (name: MethodName, args: unknown) => {
    const r = await app.dispatch(name, args, ctx);
    if ('error' in r) throw new Error(`${name}: ${r.error.message}`);
    return r.reply;
  };
  const cold = (fn: () => Promise<unknown>) => async () => {
    app.services.grid.invalidate();
    await fn();
  };
  const rows: Row[] = [];
  const measure = async (what: string, fn: () => Promise<unknown>, targetMs?: number) => {
    const t = await time(cold(fn), 7, 1);
    rows.push({ what, ms: t.median, ...(targetMs ? { target: { ms: targetMs } } : {}) });
  };
  await measure('首页 first paint (summary + trend)', async () => {
    await send('dashboard.summary', { listLimit: 8 });
    await send('dashboard.trend', { days: 30 });
  }, 1000);
  await measure('dashboard.summary', () => send('dashboard.summary', { listLimit: 8 }));
  await measure('dashboard.trend (30 days)', () => send('dashboard.trend', { days: 30 }));
  await measure('forecast shown on 首页', () => send('assessment.forecast', { by: 'community', limit: 8 }));
  return printTable('Dashboard (首页)', rows);
}
