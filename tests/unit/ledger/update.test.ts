/**
 * Re-imports: the same file changes nothing; a newer export updates what changed upstream — each change
 * an event — and never the street's own work.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { TEST_NOW } from '../../support/app.js';
import { countRows, createLedgerApp, importFile, orderByNo, PLATFORM_HEADER, platformRow, previewFile, snapshot, tmpDir, writeXlsx, type PlatformRowOptions } from './support.js';

let app: AppRuntime;
let dir: string;
let n = 0;
const file = (rows: PlatformRowOptions[]) => writeXlsx(join(dir, `v${++n}.xlsx`), [PLATFORM_HEADER, ...rows.map(platformRow)]);

beforeEach(async () => {
  app = await createLedgerApp();
  dir = tmpDir();
});
afterEach(async () => {
  app.services.ledger.close();
  await app.close();
});

const v1: PlatformRowOptions = { no: 'U1', status: '办理中', due: '7个工作日', community: '南街社区', unit: '城管科', phone: '13800001111' };

describe('re-importing', () => {
  it('changes nothing when the file is the same: all unchanged, no new events', async () => {
    await importFile(app, await file([v1, { no: 'U2' }]));
    const before = await snapshot(app);
    const { preview, result } = await importFile(app, await file([v1, { no: 'U2' }]));
    expect(preview).toMatchObject({ new: 0, updated: 0, unchanged: 2, changes: [] });
    expect(result).toMatchObject({ new: 0, updated: 0, unchanged: 2, events: 0 });
    expect(await snapshot(app)).toBe(before);
  });

  it('reports and records what changed upstream, and leaves the street’s work alone', async () => {
    await importFile(app, await file([v1]));
    const o = await orderByNo(app, 'U1');
    // The street works on the order: a contact, an assist unit, a flag, and its own community choice.
    const [east] = await app.handle.db.selectFrom('units').select('id').where('name', '=', '东园社区').execute();
    await app.handle.db.insertInto('contacts').values({ order_id: o.id, at: TEST_NOW, method: 'phone', summary: '已电话联系', actor: '张三' }).execute();
    await app.handle.db.insertInto('order_units').values({ order_id: o.id, unit_id: east!.id, role: 'assist', handler_staff_id: null, assigned_at: TEST_NOW, assigned_by: '张三', override_reason: null }).execute();
    await app.handle.db.updateTable('orders').set({ difficult: 1, difficult_reason: '涉及产权', community_id: east!.id, first_contact_at: TEST_NOW }).where('id', '=', o.id).execute();
    const units = await app.handle.db.selectFrom('order_units').selectAll().where('order_id', '=', o.id).orderBy('unit_id').execute();

    const v2 = {
      ...v1,
      content: '市民再次反映占道经营。',
      status: '已办结',
      due: '2026-03-20 18:00',
      phone: '138****1111',
      community: '南街社区',
      callback: ['2026-03-21 10:00:00', '是', '是', '是', '满意'],
    } satisfies PlatformRowOptions;
    const preview = await previewFile(app, await file([v2]));
    expect(preview).toMatchObject({ new: 0, updated: 1, unchanged: 0 });
    expect(preview.changes).toEqual([
      {
        row: 2,
        orderNo: 'U1',
        changes: [
          { kind: 'fields', label: '诉求内容', before: '市民反映小区门口占道经营。', after: '市民再次反映占道经营。' },
          { kind: 'deadline', label: '办理时限', before: '2026-03-11 23:59:59', after: '2026-03-20 18:00:00' },
          { kind: 'status', label: '工单状态', before: '办理中', after: '已办结' },
          { kind: 'callback', label: '回访', before: null, after: '2026-03-21 10:00 有效回访，已联系，已解决，满意' },
        ],
      },
    ]);
    const result = await app.services.ledger.commit(preview.token, '李四');
    expect(result).toMatchObject({ updated: 1, events: 5 }); // four on the order, one for the file

    const after = await orderByNo(app, 'U1');
    expect(after).toMatchObject({
      content: '市民再次反映占道经营。',
      handle_due_at: fromBeijing(2026, 3, 20, 18),
      due_source: 'import',
      platform_status: '已办结',
      status: 'callback_done',
      version: o.version + 1,
      // The street's work stands.
      citizen_phone: '13800001111',
      community_id: east!.id,
      difficult: 1,
      difficult_reason: '涉及产权',
      first_contact_at: TEST_NOW,
    });
    expect(await countRows(app, 'contacts')).toBe(1);
    expect(await app.handle.db.selectFrom('order_units').selectAll().where('order_id', '=', o.id).orderBy('unit_id').execute()).toEqual(units);
    const events = await app.handle.db.selectFrom('events').selectAll().where('order_id', '=', o.id).where('kind', 'like', 'import.%').orderBy('id').execute();
    expect(events.map((e) => [e.kind, e.actor, e.order_version])).toEqual([
      ['import.fields', '李四', o.version + 1],
      ['import.deadline', '李四', o.version + 1],
      ['import.status', '李四', o.version + 1],
      ['import.callback', '李四', o.version + 1],
    ]);
    expect(events[2]!.summary).toBe('平台工单状态：办理中 → 已办结；本街道状态 办理中 → 已办结');
    expect(JSON.parse(events[3]!.after_json!)).toMatchObject({ status: 'callback_done' });

    // The same newer file again: nothing.
    const again = await importFile(app, await file([v2]));
    expect(again.result).toMatchObject({ updated: 0, unchanged: 1, events: 0 });
  });

  it('never moves our status backwards, and keeps a deadline set by an approved extension', async () => {
    await importFile(app, await file([{ ...v1, status: '待签收' }]));
    const o = await orderByNo(app, 'U1');
    const extended = fromBeijing(2026, 4, 1, 23, 59, 59);
    await app.handle.db.updateTable('orders').set({ status: 'replied', handle_due_at: extended, due_source: 'extension' }).where('id', '=', o.id).execute();
    // The platform still says 待签收 → nothing to do; then it says 办理中 with a new 办理时限.
    expect((await importFile(app, await file([{ ...v1, status: '待签收' }]))).result.unchanged).toBe(1);
    const { preview } = await importFile(app, await file([{ ...v1, status: '办理中', due: '2026-03-10 12:00' }]));
    expect(preview.changes[0]!.changes.map((c) => c.kind)).toEqual(['status']);
    expect(await orderByNo(app, 'U1')).toMatchObject({ status: 'replied', platform_status: '办理中', handle_due_at: extended, due_source: 'extension' });
  });

  it('does not overwrite a callback the street recorded itself', async () => {
    await importFile(app, await file([{ ...v1, status: '已办结' }]));
    const o = await orderByNo(app, 'U1');
    const at = fromBeijing(2026, 3, 21, 10);
    await app.handle.db.insertInto('callbacks').values({ order_id: o.id, at, valid: 1, contacted: 1, resolution: 'resolved', satisfaction: 'satisfied', note: '电话回访', origin: 'manual' }).execute();
    const { preview, result } = await importFile(app, await file([{ ...v1, status: '已办结', callback: ['2026-03-21 10:00:00', '是', '否', '否', '不满意'] }]));
    expect(result.unchanged).toBe(1);
    expect(preview.warnings.some((w) => w.startsWith('回访结果与本街道录入的回访记录不同'))).toBe(true);
    const callbacks = await app.handle.db.selectFrom('callbacks').select(['satisfaction', 'origin']).execute();
    expect(callbacks).toEqual([{ satisfaction: 'satisfied', origin: 'manual' }]);
  });

  it('updates a callback the platform changed and adds a second one after 二次办理', async () => {
    const first = ['2026-03-21 10:00:00', '是', '是', '否', '不满意'] as PlatformRowOptions['callback'];
    await importFile(app, await file([{ ...v1, status: '已办结', callback: first }]));
    await importFile(app, await file([{ ...v1, status: '已办结', callback: ['2026-03-21 10:00:00', '是', '是', '否', '基本满意'] }]));
    expect(await app.handle.db.selectFrom('callbacks').select(['satisfaction']).execute()).toEqual([{ satisfaction: 'basic' }]);
    await importFile(app, await file([{ ...v1, status: '已回访', callback: ['2026-04-02 10:00:00', '是', '是', '是', '满意'] }]));
    expect(await app.handle.db.selectFrom('callbacks').select(['satisfaction']).orderBy('at').execute()).toEqual([{ satisfaction: 'basic' }, { satisfaction: 'satisfied' }]);
  });
});
