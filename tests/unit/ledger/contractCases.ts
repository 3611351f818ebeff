/**
 * The contract suite's cases for the ledger methods (spread into tests/unit/contract/suite.ts). They
 * leave the fixture's orders as they are: the import cases re-import the suite's own 平台格式 export,
 * which changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ApiClient } from '../../../preload/contract/client.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { ledgerMethods } from '../../../preload/contract/methods/ledger.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { tmpDir } from './support.js';

export type LedgerMethodName = keyof typeof ledgerMethods;
interface Case {
  happy: () => Promise<void>;
  invalid: unknown[];
}
export interface SuiteEnv {
  client: ApiClient;
  app: AppRuntime;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return (e as AppError).code;
}

export function ledgerContractCases(env: () => SuiteEnv): Record<LedgerMethodName, Case> {
  const c = () => env().client;
  const dir = tmpDir();
  let exported = 0;
  /** The suite's street as a 平台格式 ledger (re-imports with no change). */
  const ledgerFile = async () => {
    const path = join(dir, `ledger-${++exported}.xlsx`);
    await c().send('export.ledger', { preset: 'platform', withPhones: true, format: 'xlsx', path });
    return path;
  };
  const orderCount = async () => (await c().send('app.info', {})).orderCount;
  const badToken = { token: 'bad token!' };

  return {
    'import.preview': {
      async happy() {
        const path = await ledgerFile();
        const p = await c().send('import.preview', { path, token: 'contract-preview-1' });
        expect(p).toMatchObject({ token: 'contract-preview-1', new: 0, updated: 0, unchanged: await orderCount(), rejectedCount: 0, ignoredColumns: [] });
        expect(p.file).toMatchObject({ kind: 'xlsx', headerRow: 1, sheet: '台账' });
        expect((await c().send('import.cancel', { token: p.token })).cancelled).toBe(true);
        // A file that cannot be read: a Chinese reason with its own code.
        expect(await codeOf(c().send('import.preview', { path: join(dir, 'missing.xlsx') }))).toBe('IMPORT_UNREADABLE');
      },
      invalid: [{}, { path: '' }, { path: 1 }, { path: 'x.xlsx', token: 'short' }, { path: 'x.xlsx', extra: true }],
    },
    'import.commit': {
      async happy() {
        const before = await orderCount();
        const p = await c().send('import.preview', { path: await ledgerFile() });
        const r = await c().send('import.commit', { token: p.token });
        expect(r).toMatchObject({ new: 0, updated: 0, unchanged: before });
        // Categories the fixture's orders use but the taxonomy lacks are added once (with one event for the file).
        expect(r.events).toBe(r.categoriesAdded > 0 ? 1 : 0);
        expect(await orderCount()).toBe(before);
        // The session is spent.
        expect(await codeOf(c().send('import.commit', { token: p.token }))).toBe('IMPORT_SESSION');
      },
      invalid: [{}, badToken, { token: 'abcdefgh', extra: 1 }],
    },
    'import.cancel': {
      async happy() {
        const p = await c().send('import.preview', { path: await ledgerFile() });
        expect(await c().send('import.cancel', { token: p.token })).toEqual({ cancelled: true });
        expect(await c().send('import.cancel', { token: p.token })).toEqual({ cancelled: false });
        expect(await codeOf(c().send('import.commit', { token: p.token }))).toBe('IMPORT_SESSION');
      },
      invalid: [{}, badToken],
    },
    'import.presets.list': {
      async happy() {
        await c().send('import.presets.save', { name: '列表用方案', headerRow: 3, columns: { 编号: 'orderNo' } });
        const list = await c().send('import.presets.list', {});
        expect(list).toContainEqual({ name: '列表用方案', headerRow: 3, columns: { 编号: 'orderNo' } });
      },
      invalid: [{ name: 'x' }],
    },
    'import.presets.save': {
      async happy() {
        const preset = { name: '街道自建表', headerRow: null, columns: { 单号: 'orderNo' as const, 登记日: 'receivedAt' as const, 备注: 'ignore' as const } };
        expect(await c().send('import.presets.save', preset)).toEqual(preset);
        // Saving under the same name replaces it.
        await c().send('import.presets.save', { ...preset, headerRow: 2 });
        expect((await c().send('import.presets.list', {})).filter((p) => p.name === '街道自建表')).toEqual([{ ...preset, headerRow: 2 }]);
      },
      invalid: [{}, { name: '', headerRow: null, columns: {} }, { name: 'a', headerRow: 0, columns: {} }, { name: 'a', headerRow: null, columns: { 列: 'nonsense' } }],
    },
    'export.columns': {
      async happy() {
        const r = await c().send('export.columns', {});
        expect(r.columns.find((col) => col.key === 'orderNo')).toEqual({ key: 'orderNo', label: '工单编号' });
        expect(r.presets.map((p) => p.label)).toEqual(['平台格式', '区考核台账']);
        expect(r.presets[0]!.columns).toHaveLength(20);
      },
      invalid: [{ preset: 'platform' }],
    },
    'export.ledger': {
      async happy() {
        const path = join(dir, 'ledger.csv');
        const r = await c().send('export.ledger', { preset: 'district', columns: ['orderNo', 'citizenPhone'], format: 'csv', path });
        expect(r).toEqual({ rows: await orderCount(), path });
        const text = readFileSync(path, 'utf8');
        expect(text.startsWith('\uFEFF工单编号,联系电话\r\n')).toBe(true);
        // Phones are masked unless asked for.
        expect(text).toContain('139****5678');
        expect(text).not.toContain('13912345678');
      },
      invalid: [
        {},
        { preset: 'weekly', format: 'xlsx', path: 'x.xlsx' },
        { preset: 'platform', format: 'pdf', path: 'x.pdf' },
        { preset: 'platform', format: 'xlsx', path: '' },
        { preset: 'platform', format: 'xlsx', path: 'x.xlsx', columns: [] },
        { preset: 'platform', format: 'xlsx', path: 'x.xlsx', columns: ['secret'] },
        { preset: 'platform', format: 'xlsx', path: 'x.xlsx', from: '2026-03-05', to: '2026-03-01' },
        { preset: 'platform', format: 'xlsx', path: 'x.xlsx', from: '3/5' },
      ],
    },
  };
}
