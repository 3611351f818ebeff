/** Imported orders are searchable at once: the commit indexes its new orders in the same transaction. */
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { createLedgerApp, importFile, PLATFORM_HEADER, platformRow, tmpDir, writeXlsx } from './support.js';

let app: AppRuntime;
beforeEach(async () => {
  app = await createLedgerApp();
});
afterEach(async () => {
  app.services.ledger.close();
  await app.close();
});

it('finds an imported order by a 2-character word of its content, and keeps indexing later inserts', async () => {
  const path = join(tmpDir(), 'in.xlsx');
  await writeXlsx(path, [
    PLATFORM_HEADER,
    platformRow({ no: 'S-1', content: '楼道里的声控灯坏了，晚上很黑。' }),
    platformRow({ no: 'S-2', content: '门口的井盖松动，车辆经过响声很大。' }),
  ]);
  const { result } = await importFile(app, path);
  expect(result.new).toBe(2);
  const search = async (term: string) => {
    const r = await app.dispatch('orders.page', { sort: { column: 'orderNo', direction: 'asc' }, startRow: 0, endRow: 10, filter: { search: term } }, { actor: 't', transport: 'in-process' });
    if ('error' in r) throw new Error(r.error.message);
    return (r.reply as { rows: Array<{ orderNo: string }> }).rows.map((o) => o.orderNo);
  };
  expect(await search('井盖')).toEqual(['S-2']);
  expect(await search('声控')).toEqual(['S-1']);
  // The insert trigger is back after the commit: an order written later is indexed too.
  const trigger = app.handle.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'orders_search_insert'").get() as { n: number };
  expect(trigger.n).toBe(1);
});
