/** Ledger exports: the xlsx a district opens, the csv that is safe to open, and export → import with no change. */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import type { MethodInput } from '../../../preload/api.js';
import { fromBeijing } from '../../../preload/contract/time.js';
import { insertOrders, insertUnits, TEST_NOW } from '../../support/app.js';
import { countRows, createLedgerApp, importFile, PLATFORM_HEADER, snapshot, tmpDir } from './support.js';

const FIXTURE_XLSX = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'platform-export-sample.xlsx');

let app: AppRuntime;
let dir: string;
beforeEach(async () => {
  app = await createLedgerApp();
  await insertUnits(app, [
    { kind: 'community', name: '西洼地社区' },
    { kind: 'community', name: '东高地东里社区' },
    { kind: 'community', name: '万源南里社区' },
    { kind: 'department', name: '社区建设办公室' },
    { kind: 'department', name: '城市管理办公室' },
  ]);
  dir = tmpDir();
});
afterEach(async () => {
  app.services.ledger.close();
  await app.close();
});

type ExportArgs = MethodInput<'export.ledger'>;
async function exportLedger(args: Omit<ExportArgs, 'path'> & { file: string }): Promise<{ rows: number; path: string }> {
  const { file, ...rest } = args;
  const r = await app.dispatch('export.ledger', { ...rest, path: join(dir, file) }, { actor: '导出员', transport: 'in-process' });
  if ('error' in r) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.reply as { rows: number; path: string };
}

async function readBack(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets[0]!;
}

describe('xlsx ledger', () => {
  it('has Chinese headers, a frozen header row, an autofilter, widths and real dates in Beijing time', async () => {
    await importFile(app, FIXTURE_XLSX);
    const { rows, path } = await exportLedger({ preset: 'platform', format: 'xlsx', withPhones: true, file: 'ledger.xlsx', sort: { column: 'orderNo', direction: 'asc' } });
    expect(rows).toBe(120);
    const ws = await readBack(path);
    expect(ws.name).toBe('台账');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(PLATFORM_HEADER);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:T1');
    expect(ws.getColumn(1).width).toBe(18);
    expect(ws.getColumn(10).width).toBe(50);
    expect(ws.getRow(1).font?.bold).toBe(true);
    const received = ws.getRow(2).getCell(2);
    expect(ws.getRow(2).getCell(1).value).toBe('FT2611000007');
    expect(received.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    // Excel shows the wall clock stored in the cell: 2026-11-22 02:00 Beijing.
    expect(received.value).toEqual(new Date(Date.UTC(2026, 10, 22, 2, 0)));
    expect(ws.rowCount).toBe(121);
  });

  it('平台格式 round-trips: exporting then importing changes nothing, with or without phones', async () => {
    await importFile(app, FIXTURE_XLSX);
    // Orders that did not come from the platform too: no platform status, no category, other statuses.
    await insertOrders(app, [
      { orderNo: 'LOCAL-1', status: 'in_progress', category: '', citizenPhone: '13912345678' },
      { orderNo: 'LOCAL-2', status: 'returned', citizenPhone: null, citizenName: null },
    ]);
    for (const [file, withPhones] of [['full.xlsx', true], ['masked.xlsx', false], ['full.csv', true], ['masked.csv', false]] as const) {
      const before = await snapshot(app);
      const { rows, path } = await exportLedger({ preset: 'platform', format: file.endsWith('.csv') ? 'csv' : 'xlsx', withPhones, file });
      expect(rows).toBe(122);
      const events = await countRows(app, 'events');
      const { preview, result } = await importFile(app, path);
      expect(preview, file).toMatchObject({ new: 0, updated: 0, unchanged: 122, rejectedCount: 0, ignoredColumns: [], changes: [] });
      expect(result.events, file).toBe(0);
      expect(await countRows(app, 'events')).toBe(events);
      // Only the export's own event was added.
      const after = await snapshot(app);
      expect(after.split('\n').filter((_, i) => i !== 1)).toEqual(before.split('\n').filter((_, i) => i !== 1));
    }
  });

  it('区考核台账 carries callbacks, each order’s part in the 三率, and the rates on a closing line', async () => {
    await importFile(app, FIXTURE_XLSX);
    const { path } = await exportLedger({ preset: 'district', format: 'xlsx', withPhones: false, file: 'district.xlsx' });
    const ws = await readBack(path);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['回访时间', '是否有效回访', '是否联系', '是否解决', '满意度', '是否纳入考核', '响应得分', '解决得分', '满意得分']));
    const last = (ws.getRow(ws.rowCount).values as unknown[]).slice(1);
    // 81 valid callbacks, of which the 咨询 ones are excluded from assessment.
    expect(String(last[0])).toMatch(/^合计：120 件，纳入考核 \d+ 件$/);
    expect(last).toEqual(expect.arrayContaining([expect.stringMatching(/^响应率 \d+\.\d%$/), expect.stringMatching(/^满意率 \d+\.\d%$/)]));
  });

  it('scores the 三率 columns by the assessment formula the street configured', async () => {
    const [consult, basic] = await insertOrders(app, [
      { orderNo: 'K-consult', appealType: 'consult' },
      { orderNo: 'K-basic', appealType: 'complaint' },
    ]);
    for (const [orderId, satisfaction] of [[consult!, 'satisfied'], [basic!, 'basic']] as const) {
      await app.handle.db.insertInto('callbacks').values({ order_id: orderId, at: TEST_NOW, valid: 1, contacted: 1, resolution: 'partial', satisfaction, note: null, origin: 'import' }).execute();
    }
    const columns = ['orderNo', 'assessed', 'resolutionScore', 'satisfactionScore'] as const;
    const scores = async (file: string) => {
      const { path } = await exportLedger({ preset: 'district', columns: [...columns], format: 'csv', withPhones: false, file, sort: { column: 'orderNo', direction: 'desc' } });
      return readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n').slice(1);
    };
    // DESIGN's defaults: 咨询 excluded, 部分解决 × 0, 基本满意 × 0.9.
    expect(await scores('default.csv')).toEqual(['K-consult,否,,', 'K-basic,是,0,0.9', '合计：2 件，纳入考核 1 件,,解决率 0.0%,满意率 90.0%']);
    const r = await app.dispatch(
      'settings.set',
      {
        key: 'assessment.formulas',
        version: 0,
        value: [{ effectiveFrom: '2021-09-24', weights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 }, partialResolvedWeight: 0.5, basicSatisfiedWeight: 0.6, exclude: { appealTypes: [], unreasonableApproved: true, duplicateApproved: true } }],
      },
      { actor: '管理员', transport: 'in-process' },
    );
    expect('reply' in r, JSON.stringify(r)).toBe(true);
    expect(await scores('configured.csv')).toEqual(['K-consult,是,0.5,1', 'K-basic,是,0.5,0.6', '合计：2 件，纳入考核 2 件,,解决率 50.0%,满意率 80.0%']);
  });

  it('exports the chosen columns in the grid’s sort, within the 受理时间 range', async () => {
    const [south] = await app.handle.db.selectFrom('units').select('id').where('name', '=', '南街社区').execute();
    await insertOrders(app, [
      { orderNo: 'A', receivedAt: fromBeijing(2026, 3, 1, 23, 59), communityId: south!.id },
      { orderNo: 'B', receivedAt: fromBeijing(2026, 3, 2, 0, 0), communityId: null },
      { orderNo: 'C', receivedAt: fromBeijing(2026, 3, 3, 23, 59), communityId: south!.id },
      { orderNo: 'D', receivedAt: fromBeijing(2026, 3, 4, 0, 0), communityId: null },
      { orderNo: 'E', receivedAt: fromBeijing(2026, 3, 2, 12, 0), communityId: null },
    ]);
    const sort = { column: 'community' as const, direction: 'desc' as const };
    const { rows, path } = await exportLedger({ preset: 'district', columns: ['orderNo', 'community'], from: '2026-03-02', to: '2026-03-03', sort, format: 'csv', withPhones: false, file: 'chosen.csv' });
    expect(rows).toBe(3);
    const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('工单编号,所属社区');
    const grid = await app.services.grid.page(sort, 0, 100);
    const expected = grid.rows.map((r) => r.orderNo).filter((no) => ['B', 'C', 'E'].includes(no));
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(expected);
  });

  it('"the current table" exports exactly the grid’s filtered orders (search, community, drill-down ids), in its sort', async () => {
    const [south] = await app.handle.db.selectFrom('units').select('id').where('name', '=', '南街社区').execute();
    await insertOrders(app, [
      { orderNo: 'L1', content: '楼道漏水严重', communityId: south!.id, receivedAt: fromBeijing(2026, 3, 1, 9) },
      { orderNo: 'L2', content: '厨房漏水', communityId: null, receivedAt: fromBeijing(2026, 3, 2, 9) },
      { orderNo: 'N1', content: '噪音扰民', communityId: south!.id, receivedAt: fromBeijing(2026, 3, 3, 9) },
      { orderNo: 'L3', content: '漏水：屋顶', communityId: south!.id, receivedAt: fromBeijing(2026, 3, 4, 9) },
    ]);
    const sort = { column: 'receivedAt' as const, direction: 'asc' as const };
    const orderNos = async (file: string, filter: NonNullable<ExportArgs['filter']>) => {
      const { path } = await exportLedger({ preset: 'district', columns: ['orderNo'], sort, filter, format: 'csv', withPhones: false, file });
      return readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n').slice(1);
    };
    expect(await orderNos('search.csv', { search: '漏水' })).toEqual(['L1', 'L2', 'L3']);
    expect(await orderNos('both.csv', { search: '漏水', communityIds: [south!.id] })).toEqual(['L1', 'L3']);
    const ids = (await app.handle.db.selectFrom('orders').select(['id', 'order_no']).execute()).filter((o) => ['N1', 'L2'].includes(o.order_no)).map((o) => o.id);
    expect(await orderNos('drill.csv', { orderIds: ids })).toEqual(['L2', 'N1']);
    const events = await app.handle.db.selectFrom('events').select('summary').where('kind', '=', 'export.ledger').execute();
    expect(events.at(-1)!.summary).toContain('按「工单」表格的筛选');
  });
});

describe('csv ledger', () => {
  it('is UTF-8 with a BOM, CRLF lines, and makes formula-like cells inert', async () => {
    await insertOrders(app, [
      { orderNo: 'F1', content: '=HYPERLINK("http://evil","点我")', receivedAt: TEST_NOW - 1000 },
      { orderNo: 'F2', content: '+86 13800000000 来电', receivedAt: TEST_NOW - 2000 },
      { orderNo: 'F3', content: '-1 楼漏水', receivedAt: TEST_NOW - 3000 },
      { orderNo: 'F4', content: '@所有人', receivedAt: TEST_NOW - 4000 },
      { orderNo: 'F5', content: '\t制表符开头', receivedAt: TEST_NOW - 5000 },
      { orderNo: 'F6', content: '\r回车开头', receivedAt: TEST_NOW - 6000 },
      { orderNo: 'F7', content: '普通内容，含逗号,和"引号"', receivedAt: TEST_NOW - 7000 },
    ]);
    const { path } = await exportLedger({ preset: 'platform', columns: ['orderNo', 'content'], format: 'csv', withPhones: false, file: 'inj.csv' });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')).toEqual([
      '工单编号,诉求内容',
      `F1,"'=HYPERLINK(""http://evil"",""点我"")"`,
      "F2,'+86 13800000000 来电",
      "F3,'-1 楼漏水",
      "F4,'@所有人",
      "F5,'\t制表符开头",
      `F6,"'\r回车开头"`,
      'F7,"普通内容，含逗号,和""引号"""',
      '',
    ]);
    // No line starts a cell with a formula character any more.
    for (const line of text.split('\r\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+\-@\t]/);
  });

  it('masks phones unless asked to include them, and records every export as an event', async () => {
    await insertOrders(app, [{ orderNo: 'P1', citizenPhone: '13912345678' }, { orderNo: 'P2', citizenPhone: '保密' }]);
    const masked = readFileSync((await exportLedger({ preset: 'platform', format: 'csv', withPhones: false, file: 'm.csv', from: '2026-01-01', to: '2026-12-31' })).path, 'utf8');
    expect(masked).toContain('139****5678');
    expect(masked).not.toContain('13912345678');
    expect(masked).toContain('保密');
    const full = readFileSync((await exportLedger({ preset: 'platform', format: 'csv', withPhones: true, file: 'f.csv' })).path, 'utf8');
    expect(full).toContain('13912345678');
    const events = await app.handle.db.selectFrom('events').selectAll().where('kind', '=', 'export.ledger').orderBy('id').execute();
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ order_id: null, actor: '导出员', at: TEST_NOW });
    expect(events[0]!.summary).toBe('导出台账（平台格式，csv，2 件，受理时间 2026-01-01 至 2026-12-31）');
    expect(JSON.parse(events[0]!.after_json!)).toMatchObject({ preset: 'platform', filter: { from: '2026-01-01', to: '2026-12-31' }, withPhones: false, rows: 2 });
    expect(events[1]!.summary).toContain('含完整联系电话');
  });

  it('fails clearly and leaves no file and no event when the folder does not exist', async () => {
    const events = await countRows(app, 'events');
    await expect(exportLedger({ preset: 'platform', format: 'xlsx', withPhones: false, file: join('missing', 'x.xlsx') })).rejects.toMatchObject({
      code: 'EXPORT_FAILED',
      message: expect.stringContaining('文件夹不存在'),
    });
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    expect(await countRows(app, 'events')).toBe(events);
  });
});
