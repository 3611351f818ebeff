/**
 * Generated fixtures for the ledger tests: platform-style spreadsheets written on the fly (xlsx through
 * exceljs, csv in UTF-8 / GBK / UTF-16), a small street to import into, and helpers to run an import
 * the way the dialog does (preview, then commit).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import type { ImportPreview, ImportResult } from '../../../preload/api.js';
import { createTestApp, insertUnits } from '../../support/app.js';

const made: string[] = [];
// Registered while the importing test file is collected: runs after that file's tests.
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});
/** A scratch folder, removed after the test file's tests. */
export function tmpDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'jiesu-ledger-'));
  made.push(d);
  return d;
}

/** The platform layout of the shared fixtures. */
export const PLATFORM_HEADER = [
  '工单编号', '受理时间', '派单时间', '诉求人', '联系电话', '诉求类型', '一级分类', '二级分类', '三级分类', '诉求内容', '诉求地址',
  '所属社区', '承办单位', '办理时限', '工单状态', '回访时间', '是否有效回访', '是否联系', '是否解决', '满意度',
];

export type Row = Array<string | number | Date | null>;

export interface PlatformRowOptions {
  no: string;
  received?: string | number;
  dispatched?: string | number | null;
  name?: string;
  phone?: string | number;
  type?: string;
  levels?: [string, string, string];
  content?: string;
  address?: string;
  community?: string;
  unit?: string;
  due?: string | number | null;
  status?: string;
  callback?: [string, string, string, string, string] | null;
}

export function platformRow(o: PlatformRowOptions): Row {
  const [l1, l2, l3] = o.levels ?? ['城市管理', '市容环境', '占道经营'];
  const cb = o.callback ?? [null, null, null, null, null];
  return [
    o.no, o.received ?? '2026-03-02 09:00:00', o.dispatched === undefined ? '2026-03-02 09:15:00' : o.dispatched, o.name ?? '王女士',
    o.phone ?? '13800001111', o.type ?? '投诉', l1, l2, l3, o.content ?? '市民反映小区门口占道经营。', o.address ?? '测试路1号',
    o.community ?? '南街社区', o.unit ?? '城管科', o.due === undefined ? '7个工作日' : o.due, o.status ?? '待签收', ...cb,
  ];
}

export async function writeXlsx(path: string, rows: Row[], sheetName = '工单'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
  return path;
}

/** Cells joined the way Excel writes a csv (quotes only where needed). */
export function csvText(rows: Row[], delimiter = ','): string {
  const cell = (v: Row[number]) => {
    if (v === null || v === undefined) return '';
    const s = v instanceof Date ? v.toISOString() : String(v);
    return /[",\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}

let gbkTable: Map<string, number[]> | null = null;

/** GBK bytes of a text (the table is read back from Node's own GBK decoder). */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let b1 = 0x81; b1 <= 0xfe; b1++) {
      for (let b2 = 0x40; b2 <= 0xfe; b2++) {
        if (b2 === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([b1, b2]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [b1, b2]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

export async function writeCsv(path: string, rows: Row[], options: { encoding?: 'utf-8' | 'gbk' | 'utf-16le'; bom?: boolean; delimiter?: string } = {}): Promise<string> {
  const text = csvText(rows, options.delimiter);
  const encoding = options.encoding ?? 'utf-8';
  let body: Buffer;
  if (encoding === 'gbk') body = encodeGbk(text);
  else if (encoding === 'utf-16le') body = Buffer.concat([options.bom === false ? Buffer.alloc(0) : Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  else body = Buffer.concat([options.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  await writeFile(path, body);
  return path;
}

/** A street with the units and taxonomy the generated rows name. */
export async function createLedgerApp(options: Parameters<typeof createTestApp>[0] = {}): Promise<AppRuntime> {
  const app = await createTestApp(options);
  await insertUnits(app, [
    { kind: 'community', name: '南街社区', sortOrder: 1 },
    { kind: 'community', name: '东园社区', sortOrder: 2 },
    { kind: 'department', name: '城管科', sortOrder: 10 },
    { kind: 'department', name: '综治办', sortOrder: 11 },
  ]);
  const cats = [
    { path: '城市管理', level: 1, parent_path: null, name: '城市管理', default_tier: null, sort_order: 1 },
    { path: '城市管理/市容环境', level: 2, parent_path: '城市管理', name: '市容环境', default_tier: null, sort_order: 2 },
    { path: '城市管理/市容环境/占道经营', level: 3, parent_path: '城市管理/市容环境', name: '占道经营', default_tier: null, sort_order: 3 },
    { path: '市政设施', level: 1, parent_path: null, name: '市政设施', default_tier: null, sort_order: 4 },
    { path: '市政设施/供暖', level: 2, parent_path: '市政设施', name: '供暖', default_tier: 'utility', sort_order: 5 },
    { path: '市政设施/供暖/暖气不热', level: 3, parent_path: '市政设施/供暖', name: '暖气不热', default_tier: null, sort_order: 6 },
  ];
  await app.handle.db.insertInto('categories').values(cats).execute();
  return app;
}

export async function previewFile(app: AppRuntime, path: string, preset?: string): Promise<ImportPreview> {
  return app.services.ledger.preview({ path, ...(preset ? { preset } : {}) });
}

export async function importFile(app: AppRuntime, path: string, preset?: string): Promise<{ preview: ImportPreview; result: ImportResult }> {
  const preview = await previewFile(app, path, preset);
  const result = await app.services.ledger.commit(preview.token, '测试员');
  return { preview, result };
}

export async function orderByNo(app: AppRuntime, orderNo: string) {
  return app.handle.db.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirstOrThrow();
}

export async function countRows(app: AppRuntime, table: 'orders' | 'events' | 'callbacks' | 'categories' | 'order_units' | 'contacts'): Promise<number> {
  const row = await app.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everything an import could touch, for "nothing was written" checks. */
export async function snapshot(app: AppRuntime): Promise<string> {
  const s = app.handle.sqlite;
  const parts = ['orders', 'events', 'callbacks', 'categories', 'order_units', 'units'].map((t) => JSON.stringify(s.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
  return parts.join('\n');
}
