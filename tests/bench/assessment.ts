/**
 * The assessment's part of `npm run bench` (issue 6), on the seeded database, through the dispatcher
 * (contract validation included). Nothing is cached between runs: every run reads the callbacks again.
 *   - a month's 三率 by community ≤ 100 ms (the target);
 *   - the other groupings, 存量/增量/首办, the forecast and a drill-down: shown for the note.
 * The month is the last full calendar month before the seed's end.
 */
import type { AppRuntime } from '../../main/runtime.js';
import type { MethodName } from '../../preload/api.js';
import { beijingParts } from '../../preload/contract/time.js';
import { printTable, time, type Row } from './measure.js';

export async function benchAssessment(app: AppRuntime, until: number): Promise<boolean> {
  const ctx = { actor: 'bench', transport: 'in-process' as const };
  const send = async (name: MethodName, args: unknown) => {
    const r = await app.dispatch(name, args, ctx);
    if ('error' in r) throw new Error(`${name}: ${r.error.message}`);
    return r.reply as Record<string, unknown>;
  };
  const p = beijingParts(until);
  const last = p.month === 1 ? { y: p.year - 1, m: 12 } : { y: p.year, m: p.month - 1 };
  const period = { kind: 'month', month: `${last.y}-${String(last.m).padStart(2, '0')}` };
  const kpi = (await send('assessment.kpi', { period, by: 'community' })) as { total: { validCallbacks: number }; groups: Array<{ key: string }> };
  const community = kpi.groups[0]!.key;

  const rows: Row[] = [];
  const measure = async (what: string, name: MethodName, args: unknown, targetMs?: number) => {
    const t = await time(() => send(name, args), 9);
    rows.push({ what, ms: t.median, ...(targetMs ? { target: { ms: targetMs } } : {}) });
  };
  await measure('三率 of a month by community', 'assessment.kpi', { period, by: 'community' }, 100);
  await measure('三率 of a month, street total', 'assessment.kpi', { period }, 100);
  await measure('三率 of a month by lead unit', 'assessment.kpi', { period, by: 'department' });
  await measure('三率 of a month by top category', 'assessment.kpi', { period, by: 'category' });
  await measure('三率 of a month by handler', 'assessment.kpi', { period, by: 'handler' });
  await measure('存量/增量/首办 of a month by community', 'assessment.volume', { period, by: 'community' });
  await measure('forecast of the running month', 'assessment.forecast', { by: 'community' });
  await measure('drill-down: 不满意 of one community', 'assessment.orders', { period, by: 'community', group: community, measure: 'unsatisfied' });
  return printTable(`Assessment (${period.month}: ${kpi.total.validCallbacks} valid callbacks counted)`, rows);
}
