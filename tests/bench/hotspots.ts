/**
 * The hotspots' part of `npm run bench` (issue 6 item 5), on the seeded database: the week before the
 * seed's end through the dispatcher (contract validation included) and the service alone, plus the
 * running (partial) week. Target: ≤ 500 ms, half of the weekly summary's 1 s budget (the heating-season weeks are the heaviest).
 * Wire-up (lead): `allOk = (await benchHotspots(app, UNTIL)) && allOk;` in run.ts.
 */
import type { AppRuntime } from '../../main/runtime.js';
import { weeklyHotspots } from '../../main/services/hotspots/index.js';
import { addDays, beijingDay } from '../../preload/contract/time.js';
import { printTable, time, type Row } from './measure.js';

export async function benchHotspots(app: AppRuntime, until: number): Promise<boolean> {
  const ctx = { actor: 'bench', transport: 'in-process' as const };
  const lastWeek = addDays(beijingDay(until), -7);
  const thisWeek = beijingDay(until);
  const send = async (date: string) => {
    const r = await app.dispatch('hotspots.week', { date }, ctx);
    if ('error' in r) throw new Error(`hotspots.week: ${r.error.message}`);
    return r.reply as { weekTotal: number; categories: { spikeCount: number }; addresses: { items: unknown[] }; clusters: { items: unknown[] } };
  };
  const sample = await send(lastWeek);
  const rows: Row[] = [];
  const measure = async (what: string, fn: () => Promise<unknown>, targetMs?: number) => {
    const t = await time(fn, 7);
    rows.push({ what, ms: t.median, ...(targetMs ? { target: { ms: targetMs } } : {}) });
  };
  await measure('hotspots of last week (dispatch)', () => send(lastWeek), 500);
  await measure('hotspots of last week (service)', () => weeklyHotspots(app.handle.db, lastWeek), 500);
  await measure('hotspots of the running week', () => send(thisWeek), 500);
  return printTable(
    `Hotspots (${lastWeek}: ${sample.weekTotal} orders, ${sample.categories.spikeCount} spikes, ` +
      `${sample.addresses.items.length} recurring addresses, ${sample.clusters.items.length} clusters)`,
    rows,
  );
}
