/** The shared sample exports (../shared/fixtures): xlsx with a title row, UTF-8 csv, GBK csv — the same 120 orders. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { insertUnits } from '../../support/app.js';
import { countRows, createLedgerApp, importFile, orderByNo } from './support.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures');
const XLSX = join(FIXTURES, 'platform-export-sample.xlsx');
const UTF8 = join(FIXTURES, 'platform-export-sample.utf8.csv');
const GBK = join(FIXTURES, 'platform-export-sample.gbk.csv');

describe('the shared platform samples', () => {
  let app: AppRuntime;
  beforeAll(async () => {
    app = await createLedgerApp();
    await insertUnits(app, [
      { kind: 'community', name: '西洼地社区' },
      { kind: 'community', name: '东高地东里社区' },
      { kind: 'community', name: '万源南里社区' },
      { kind: 'department', name: '社区建设办公室' },
      { kind: 'department', name: '城市管理办公室' },
    ]);
  });
  afterAll(async () => {
    app.services.ledger.close();
    await app.close();
  });

  it('imports the xlsx (title row above the header) as 120 new orders', async () => {
    const { preview, result } = await importFile(app, XLSX);
    expect(preview).toMatchObject({ new: 120, updated: 0, unchanged: 0, rejectedCount: 0, duplicatesInFile: 0, ignoredColumns: [], warnings: [] });
    expect(preview.file.headerRow).toBe(2);
    // 8 three-level paths; only 市政设施 was known already.
    expect(result).toMatchObject({ new: 120, categoriesAdded: 23 });
    expect(await countRows(app, 'callbacks')).toBe(81);
    const statuses = await app.handle.db.selectFrom('orders').select(['status']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('status').orderBy('status').execute();
    expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['callback_done', 81], ['in_progress', 20], ['received', 19]]);
    expect(await countRows(app, 'order_units')).toBe(120);
  });

  it('keeps the samples’ quirks: 保密 phones, Chinese text intact, deadlines from 办理时限', async () => {
    const secret = await app.handle.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('citizen_phone', '=', '保密').executeTakeFirstOrThrow();
    expect(Number(secret.n)).toBe(12);
    const bad = await app.handle.db.selectFrom('orders').select('order_no').where('address', 'like', '%\uFFFD%').execute();
    expect(bad).toEqual([]);
    const first = await orderByNo(app, 'FT2611000007');
    expect(first).toMatchObject({
      received_at: fromBeijing(2026, 11, 22, 2, 0),
      dispatched_at: fromBeijing(2026, 11, 22, 2, 15),
      tier: 'urgent',
      handle_due_at: fromBeijing(2026, 11, 22, 4, 15),
      category: '市政设施/排水/污水外溢',
      citizen_phone: '保密',
      status: 'callback_done',
    });
  });

  it('finds the UTF-8 csv, the GBK csv and the xlsx again identical: nothing changes, no event is written', async () => {
    const events = await countRows(app, 'events');
    for (const path of [UTF8, GBK, XLSX]) {
      const { preview, result } = await importFile(app, path);
      expect(preview, path).toMatchObject({ new: 0, updated: 0, unchanged: 120, rejectedCount: 0, changes: [] });
      expect(result, path).toMatchObject({ new: 0, updated: 0, unchanged: 120, events: 0 });
    }
    expect(await countRows(app, 'events')).toBe(events);
  });
});
