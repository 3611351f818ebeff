/** Importing generated platform files, one quirk of real exports per test. */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import {
  countRows,
  createLedgerApp,
  importFile,
  orderByNo,
  PLATFORM_HEADER,
  platformRow,
  previewFile,
  tmpDir,
  writeCsv,
  writeXlsx,
  type Row,
} from './support.js';

let app: AppRuntime;
let dir: string;
beforeEach(async () => {
  app = await createLedgerApp();
  dir = tmpDir();
});
afterEach(async () => {
  app.services.ledger.close();
  await app.close();
});

describe('finding the header and mapping columns', () => {
  it('skips title and note rows above the header and reports unknown columns', async () => {
    const rows: Row[] = [
      ['北京市12345市民服务热线工单导出'],
      ['导出时间：2026-03-02 10:00', null, '导出人：系统'],
      [],
      [...PLATFORM_HEADER, '备注', '序号'],
      [...platformRow({ no: 'T001' }), '老人独居', 1],
    ];
    const { preview, result } = await importFile(app, await writeXlsx(join(dir, 'title.xlsx'), rows));
    expect(preview.file).toMatchObject({ kind: 'xlsx', headerRow: 4, sheet: '工单' });
    expect(preview.ignoredColumns).toEqual(['备注', '序号']);
    expect(result.new).toBe(1);
  });

  it('understands the alias names of other platform versions', async () => {
    const header = ['工单号', '来电时间', '派发时间', '来电人', '来电人电话/账号', '工单类型', '问题分类', '主要内容', '问题点位', '村/社区', '主办单位', '办理时限', '状态'];
    const row = ['A-77', '2026/3/2 8:05', '2026/3/2 8:30', '赵先生', '13911112222', '求助', '城市管理->市容环境->占道经营', '门口摆摊', '南街8号', '南街', '综治办', '2026-03-09 18:00', '办理中'];
    const { preview } = await importFile(app, await writeCsv(join(dir, 'alias.csv'), [header, row]));
    expect(preview.ignoredColumns).toEqual([]);
    expect(preview.mappedColumns.map((m) => m.field)).toEqual([
      'orderNo', 'receivedAt', 'dispatchedAt', 'citizenName', 'citizenPhone', 'appealType', 'category', 'content', 'address', 'community', 'leadUnit', 'handleDue', 'platformStatus',
    ]);
    const o = await orderByNo(app, 'A-77');
    const [community] = await app.handle.db.selectFrom('units').select('id').where('name', '=', '南街社区').execute();
    expect(o).toMatchObject({
      received_at: fromBeijing(2026, 3, 2, 8, 5),
      dispatched_at: fromBeijing(2026, 3, 2, 8, 30),
      appeal_type: 'help',
      category: '城市管理/市容环境/占道经营',
      address: '南街8号',
      community_id: community!.id,
      status: 'in_progress',
      platform_status: '办理中',
      handle_due_at: fromBeijing(2026, 3, 9, 18, 0),
      due_source: 'import',
    });
    const lead = await app.handle.db.selectFrom('order_units').innerJoin('units', 'units.id', 'order_units.unit_id').select(['units.name', 'role']).where('order_id', '=', o.id).execute();
    expect(lead).toEqual([{ name: '综治办', role: 'lead' }]);
  });

  it('applies a saved mapping preset to a layout the alias table does not know', async () => {
    const rows: Row[] = [['单号', '登记日', '事项'], ['P-1', '2026-03-01 10:00', '路灯不亮']];
    const path = await writeCsv(join(dir, 'odd.csv'), rows);
    await expect(previewFile(app, path)).rejects.toMatchObject({ code: 'IMPORT_NO_HEADER' });
    const r = await app.dispatch(
      'import.presets.save',
      { name: '街道自建表', headerRow: null, columns: { 单号: 'orderNo', 登记日: 'receivedAt', 事项: 'content' } },
      { actor: '测试员', transport: 'in-process' },
    );
    expect('reply' in r).toBe(true);
    const { result } = await importFile(app, path, '街道自建表');
    expect(result.new).toBe(1);
    expect((await orderByNo(app, 'P-1')).content).toBe('路灯不亮');
  });
  it('finds a header below the automatic search when a preset names its row', async () => {
    const notes: Row[] = Array.from({ length: 39 }, (_, i) => [`说明第${i + 1}行`]);
    const path = await writeCsv(join(dir, 'deep.csv'), [...notes, PLATFORM_HEADER, platformRow({ no: 'DEEP-1' })]);
    await expect(previewFile(app, path)).rejects.toMatchObject({ code: 'IMPORT_NO_HEADER' });
    const saved = await app.dispatch('import.presets.save', { name: '表头在第40行', headerRow: 40, columns: {} }, { actor: '测试员', transport: 'in-process' });
    expect('reply' in saved).toBe(true);
    const { preview, result } = await importFile(app, path, '表头在第40行');
    expect(preview.file.headerRow).toBe(40);
    expect(result.new).toBe(1);
  });
});

describe('reading cells', () => {
  it('reads Excel serial dates, text dates in the usual forms and full-width digits, all as Beijing time', async () => {
    const serial = 46083 + 9.5 / 24; // 2026-03-02 09:30 (Excel day 46083 = 2026-03-02)
    const rows: Row[] = [
      PLATFORM_HEADER,
      platformRow({ no: 'D1', received: serial, dispatched: serial + 1 / 24 }),
      platformRow({ no: 'D2', received: '2026年3月2日 14时30分', dispatched: null }),
      platformRow({ no: 'D3', received: '2026.03.02', dispatched: '20260302153000' }),
      platformRow({ no: 'Ｄ４', received: '２０２６－０３－０２　１６：００', phone: '１３８００００２２２２' }),
      platformRow({ no: 'D5', received: '2026-03-02T08:00:00Z' }),
    ];
    await importFile(app, await writeXlsx(join(dir, 'dates.xlsx'), rows));
    expect((await orderByNo(app, 'D1')).received_at).toBe(fromBeijing(2026, 3, 2, 9, 30));
    expect((await orderByNo(app, 'D1')).dispatched_at).toBe(fromBeijing(2026, 3, 2, 10, 30));
    const d2 = await orderByNo(app, 'D2');
    expect(d2.received_at).toBe(fromBeijing(2026, 3, 2, 14, 30));
    expect(d2.dispatched_at).toBe(d2.received_at); // no 派单时间: the clock starts at 受理
    expect((await orderByNo(app, 'D3')).received_at).toBe(fromBeijing(2026, 3, 2));
    expect((await orderByNo(app, 'D3')).dispatched_at).toBe(fromBeijing(2026, 3, 2, 15, 30));
    const d4 = await orderByNo(app, 'D4');
    expect(d4.received_at).toBe(fromBeijing(2026, 3, 2, 16, 0));
    expect(d4.citizen_phone).toBe('13800002222');
    expect((await orderByNo(app, 'D5')).received_at).toBe(fromBeijing(2026, 3, 2, 16, 0));
  });

  it('takes a category from three level columns or from one path with -> / or 、', async () => {
    const header = ['工单编号', '受理时间', '问题分类'];
    await importFile(app, await writeCsv(join(dir, 'paths.csv'), [
      header,
      ['C1', '2026-03-02 09:00', '城市管理->市容环境->占道经营'],
      ['C2', '2026-03-02 09:00', '城市管理/市容环境/占道经营'],
      ['C3', '2026-03-02 09:00', '城市管理、市容环境、占道经营'],
      ['C4', '2026-03-02 09:00', ' 城市管理 -> 市容环境 '],
    ]));
    for (const no of ['C1', 'C2', 'C3']) expect((await orderByNo(app, no)).category).toBe('城市管理/市容环境/占道经营');
    expect((await orderByNo(app, 'C4')).category).toBe('城市管理/市容环境');
    await importFile(app, await writeXlsx(join(dir, 'levels.xlsx'), [PLATFORM_HEADER, platformRow({ no: 'C5', levels: ['城市管理', '市容环境', '占道经营'] })]));
    expect((await orderByNo(app, 'C5')).category).toBe('城市管理/市容环境/占道经营');
  });

  it('adds categories the taxonomy does not know, with their parent levels', async () => {
    const before = await countRows(app, 'categories');
    const { preview, result } = await importFile(app, await writeXlsx(join(dir, 'newcat.xlsx'), [
      PLATFORM_HEADER,
      platformRow({ no: 'N1', levels: ['环境保护', '噪声污染', '商业噪声'] }),
      platformRow({ no: 'N2', levels: ['城市管理', '市容环境', '乱贴广告'] }),
    ]));
    // Parents first, so each level finds its parent.
    expect(preview.newCategories).toEqual(['环境保护', '环境保护/噪声污染', '城市管理/市容环境/乱贴广告', '环境保护/噪声污染/商业噪声']);
    expect(result.categoriesAdded).toBe(4);
    expect(await countRows(app, 'categories')).toBe(before + 4);
    const leaf = await app.handle.db.selectFrom('categories').selectAll().where('path', '=', '环境保护/噪声污染/商业噪声').executeTakeFirstOrThrow();
    expect(leaf).toMatchObject({ level: 3, parent_path: '环境保护/噪声污染', name: '商业噪声' });
  });

  it('keeps 保密 as the phone value and trims whitespace', async () => {
    await importFile(app, await writeXlsx(join(dir, 'secret.xlsx'), [
      PLATFORM_HEADER,
      platformRow({ no: '  S1 ', phone: '保密', name: '  刘女士  ', content: '\n 楼道堆物 \t' }),
      platformRow({ no: 'S2', phone: '（保密）' }),
      platformRow({ no: 'S3', phone: 13800003333 }),
    ]));
    expect(await orderByNo(app, 'S1')).toMatchObject({ citizen_phone: '保密', citizen_name: '刘女士', content: '楼道堆物' });
    expect((await orderByNo(app, 'S2')).citizen_phone).toBe('保密');
    expect((await orderByNo(app, 'S3')).citizen_phone).toBe('13800003333');
  });

  it('reads a GBK csv, a UTF-8 csv with BOM, a tab-separated UTF-16 file the same way', async () => {
    const rows: Row[] = [PLATFORM_HEADER, platformRow({ no: 'G1', content: '暖气不热，家中老人受冻。', levels: ['市政设施', '供暖', '暖气不热'] })];
    for (const [name, opts] of [
      ['gbk.csv', { encoding: 'gbk' }],
      ['bom.csv', { encoding: 'utf-8', bom: true }],
      ['wide.txt', { encoding: 'utf-16le', delimiter: '\t' }],
    ] as const) {
      const p = await previewFile(app, await writeCsv(join(dir, name), rows, opts));
      app.services.ledger.cancel(p.token);
      expect(p.file.encoding, name).toBe(opts.encoding);
      expect(p.new, name).toBe(1);
      expect(p.ignoredColumns, name).toEqual([]);
    }
    await importFile(app, await writeCsv(join(dir, 'gbk2.csv'), rows, { encoding: 'gbk' }));
    expect(await orderByNo(app, 'G1')).toMatchObject({ content: '暖气不热，家中老人受冻。', category: '市政设施/供暖/暖气不热' });
  });

  it('reads quoted csv cells with commas, quotes and line breaks', async () => {
    const content = '他说："门口,有人摆摊"\r\n第二行';
    await importFile(app, await writeCsv(join(dir, 'quoted.csv'), [PLATFORM_HEADER, platformRow({ no: 'Q1', content })]));
    expect((await orderByNo(app, 'Q1')).content).toBe(content);
  });
});

describe('rules for rows', () => {
  it('rejects rows without 工单编号 or with an unreadable 受理时间, by spreadsheet row, and skips blank rows', async () => {
    const rows: Row[] = [
      ['12345工单'],
      PLATFORM_HEADER,
      platformRow({ no: 'R1' }),
      [],
      platformRow({ no: '' }),
      platformRow({ no: 'R3', received: '上周三' }),
      platformRow({ no: 'R4', received: '2026-02-30 10:00' }),
      platformRow({ no: 'R5', received: '' }),
      platformRow({ no: 'R6' }),
    ];
    const { preview, result } = await importFile(app, await writeXlsx(join(dir, 'reject.xlsx'), rows));
    expect(preview.rejected).toEqual([
      { row: 5, reason: '缺少工单编号' },
      { row: 6, reason: '受理时间无法识别：「上周三」' },
      { row: 7, reason: '受理时间无法识别：「2026-02-30 10:00」' },
      { row: 8, reason: '受理时间为空' },
    ]);
    expect(preview.rejectedCount).toBe(4);
    expect(result).toMatchObject({ new: 2, rejectedCount: 4 });
    expect(await countRows(app, 'orders')).toBe(2);
  });

  it('keeps the last row of a 工单编号 repeated in the file and counts the earlier ones', async () => {
    const rows: Row[] = [
      PLATFORM_HEADER,
      platformRow({ no: 'DUP', content: '第一次' }),
      platformRow({ no: 'X1' }),
      platformRow({ no: 'DUP', content: '第二次' }),
      platformRow({ no: 'DUP', content: '最后一次' }),
    ];
    const { preview, result } = await importFile(app, await writeCsv(join(dir, 'dup.csv'), rows));
    expect(preview).toMatchObject({ new: 2, duplicatesInFile: 2 });
    expect(result).toMatchObject({ new: 2, duplicatesInFile: 2 });
    expect((await orderByNo(app, 'DUP')).content).toBe('最后一次');
  });

  it('maps communities by name (with or without 社区) and warns about unknown ones', async () => {
    const { preview } = await importFile(app, await writeXlsx(join(dir, 'comm.xlsx'), [
      PLATFORM_HEADER,
      platformRow({ no: 'M1', community: '东园' }),
      platformRow({ no: 'M2', community: '西洼地社区' }),
      platformRow({ no: 'M3', community: '西洼地社区', unit: '不存在的科' }),
    ]));
    const [east] = await app.handle.db.selectFrom('units').select('id').where('name', '=', '东园社区').execute();
    expect((await orderByNo(app, 'M1')).community_id).toBe(east!.id);
    expect((await orderByNo(app, 'M2')).community_id).toBeNull();
    expect(preview.warnings).toContain('社区「西洼地社区」不在本街道的社区列表中，所属社区已留空（共 2 行：第 3、4 行）');
    expect(preview.warnings.some((w) => w.includes('不存在的科'))).toBe(true);
  });

  it('gives deadlines: the file’s 办理时限 wins, else the category’s tier, else 一般', async () => {
    await importFile(app, await writeXlsx(join(dir, 'due.xlsx'), [
      PLATFORM_HEADER,
      // Monday 2026-03-02 09:15 dispatch.
      platformRow({ no: 'T-date', due: '2026-03-05 17:00' }),
      platformRow({ no: 'T-2h', due: '2小时' }),
      platformRow({ no: 'T-7wd', due: '7个工作日' }),
      platformRow({ no: 'T-none', due: null }),
      platformRow({ no: 'T-heat', due: null, levels: ['市政设施', '供暖', '暖气不热'] }),
    ]));
    const dispatched = fromBeijing(2026, 3, 2, 9, 15);
    expect(await orderByNo(app, 'T-date')).toMatchObject({ handle_due_at: fromBeijing(2026, 3, 5, 17, 0), due_source: 'import', tier: 'general' });
    expect(await orderByNo(app, 'T-2h')).toMatchObject({ handle_due_at: dispatched + 2 * 3_600_000, tier: 'urgent', first_contact_due_at: dispatched + 2 * 3_600_000 });
    expect(await orderByNo(app, 'T-7wd')).toMatchObject({ handle_due_at: fromBeijing(2026, 3, 11, 23, 59, 59), tier: 'general' });
    expect(await orderByNo(app, 'T-none')).toMatchObject({ handle_due_at: fromBeijing(2026, 3, 11, 23, 59, 59), tier: 'general', due_source: 'tier' });
    // 暖气不热's parent 供暖 carries the 24-hour tier.
    expect(await orderByNo(app, 'T-heat')).toMatchObject({ handle_due_at: dispatched + 24 * 3_600_000, tier: 'utility', due_source: 'tier' });
  });

  it('maps the platform’s status and turns the callback columns into a callback record', async () => {
    await importFile(app, await writeXlsx(join(dir, 'status.xlsx'), [
      PLATFORM_HEADER,
      platformRow({ no: 'ST1', status: '待签收' }),
      platformRow({ no: 'ST2', status: '已办结' }),
      platformRow({ no: 'ST3', status: '已办结', callback: ['2026-03-10 10:00:00', '是', '是', '否', '基本满意'] }),
      platformRow({ no: 'ST4', status: '已回访', callback: ['2026-03-10 11:00:00', '否', '否', '部分解决', '不满意'] }),
      platformRow({ no: 'ST5', status: '神秘状态' }),
    ]));
    expect((await orderByNo(app, 'ST1')).status).toBe('received');
    expect((await orderByNo(app, 'ST2')).status).toBe('replied');
    const st3 = await orderByNo(app, 'ST3');
    expect(st3).toMatchObject({ status: 'callback_done', platform_status: '已办结' });
    const callbacks = await app.handle.db.selectFrom('callbacks').selectAll().orderBy('at').execute();
    expect(callbacks.map(({ id: _id, ...c }) => c)).toEqual([
      { order_id: st3.id, at: fromBeijing(2026, 3, 10, 10), valid: 1, contacted: 1, resolution: 'unresolved', satisfaction: 'basic', note: null, origin: 'import' },
      { order_id: (await orderByNo(app, 'ST4')).id, at: fromBeijing(2026, 3, 10, 11), valid: 0, contacted: 0, resolution: 'partial', satisfaction: 'unsatisfied', note: null, origin: 'import' },
    ]);
    expect((await orderByNo(app, 'ST5')).status).toBe('received');
  });

  it('records who imported: one event per new order and one for the file', async () => {
    await importFile(app, await writeXlsx(join(dir, 'ev.xlsx'), [PLATFORM_HEADER, platformRow({ no: 'E1' }), platformRow({ no: 'E2' })]));
    const events = await app.handle.db.selectFrom('events').selectAll().orderBy('id').execute();
    expect(events.map((e) => [e.kind, e.actor, e.order_version])).toEqual([
      ['imported', '测试员', 1],
      ['imported', '测试员', 1],
      ['import.file', '测试员', null],
    ]);
    expect(events[2]!.summary).toContain('新增 2 件');
  });
});
