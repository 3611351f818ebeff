/**
 * THE contract suite: every method of preload/api.ts through a `Transport`, exactly as the UI calls it.
 * It runs once per transport (contract.test.ts); a method added to the contract without a case here
 * fails the coverage check, so both transports stay proven for every method.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, ORDER_SORT_COLUMNS, type MethodName, type OrderSort } from '../../../preload/api.js';
import { createClient, type ApiClient, type Transport } from '../../../preload/contract/client.js';
import { AppError, type ErrorCode } from '../../../preload/contract/errors.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { createTestApp } from '../../support/app.js';
import { expectedOrder, seedFixture, STREET_NAME, type Fixture } from './fixture.js';
import { adminContractCases } from '../admin/contractCases.js';
import { workflowContractCases } from '../workflow/contractCases.js';
import { ledgerContractCases } from '../ledger/contractCases.js';
import { backupContractCases } from '../backup/contractCases.js';
import { triageContractCases } from '../triage/contractCases.js';
import { assessmentContractCases } from '../assessment/contractCases.js';
import { hotspotsContractCases } from '../hotspots/contractCases.js';
import { dashboardContractCases } from '../dashboard/contractCases.js';
import { reportsContractCases } from '../reports/contractCases.js';
import { accountContractCases } from '../accounts/contractCases.js';

export interface TransportHarness {
  transport: Transport;
  teardown(): Promise<void>;
}

const CHINESE = /[\u4e00-\u9fff]/;

async function expectError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, got a reply`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(CHINESE);
  return error as AppError;
}

/** Calls a method with arguments the types would refuse: the wire must refuse them too. */
function sendRaw(client: ApiClient, name: string, args: unknown): Promise<unknown> {
  return (client.send as (n: string, a: unknown) => Promise<unknown>)(name, args);
}

const SORTS: OrderSort[] = ORDER_SORT_COLUMNS.flatMap((column) => [
  { column, direction: 'asc' as const },
  { column, direction: 'desc' as const },
]);

export function contractSuite(label: string, connect: (app: AppRuntime) => Promise<TransportHarness>): void {
  describe(`contract over ${label}`, () => {
    let app: AppRuntime;
    let fx: Fixture;
    let harness: TransportHarness;
    let client: ApiClient;

    beforeAll(async () => {
      app = await createTestApp();
      fx = await seedFixture(app);
      harness = await connect(app);
      client = createClient(harness.transport);
    });
    afterAll(async () => {
      await harness?.teardown();
      await app?.close();
    });

    /** Per method: a happy path and at least one input the contract refuses. */
    const cases: Record<MethodName, { happy: () => Promise<void>; invalid: unknown[] }> = {
      'app.info': {
        async happy() {
          const info = await client.send('app.info', {});
          expect(info).toMatchObject({ streetName: STREET_NAME, demo: false, orderCount: fx.orderIds.length, dbPath: ':memory:' });
          expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
        },
        invalid: [{ verbose: true }],
      },
      'units.list': {
        async happy() {
          const all = await client.send('units.list', {});
          // Communities first, each kind in its configured order (not insertion order).
          expect(all.map((u) => u.name)).toEqual(['南街社区', '东园社区', '北里社区', '综治办', '城管科']);
          const departments = await client.send('units.list', { kind: 'department' });
          expect(departments.map((u) => u.id)).toEqual([fx.departmentIds[1], fx.departmentIds[0]]);
          expect(departments.every((u) => u.kind === 'department')).toBe(true);
        },
        invalid: [{ kind: 'street' }, { kind: 'community', extra: 1 }],
      },
      'orders.page': {
        async happy() {
          const ids = await expectedOrder(app, 'receivedAt', 'desc');
          const { rows, rowCount } = await client.send('orders.page', { sort: { column: 'receivedAt', direction: 'desc' }, startRow: 0, endRow: 100 });
          expect(rowCount).toBe(fx.orderIds.length);
          expect(rows.map((r) => r.id)).toEqual(ids);
          const newest = rows[0];
          expect(newest).toMatchObject({ id: fx.detailOrderId, orderNo: 'D2026030013', communityName: '东园社区', status: 'received', appealType: 'complaint' });
        },
        invalid: [
          { sort: { column: 'content', direction: 'asc' }, startRow: 0, endRow: 10 },
          { sort: { column: 'orderNo', direction: 'up' }, startRow: 0, endRow: 10 },
          { sort: { column: 'orderNo', direction: 'asc' }, startRow: 5, endRow: 5 },
          { sort: { column: 'orderNo', direction: 'asc' }, startRow: 0, endRow: 501 },
          { sort: { column: 'orderNo', direction: 'asc' }, startRow: -1, endRow: 10 },
          { startRow: 0, endRow: 10 },
          { sort: { column: 'orderNo', direction: 'asc' }, startRow: 0, endRow: 10, filter: { statuses: ['unknown'] } },
        ],
      },
      'orders.position': {
        async happy() {
          const ids = await expectedOrder(app, 'orderNo', 'asc');
          const res = await client.send('orders.position', { sort: { column: 'orderNo', direction: 'asc' }, orderId: fx.detailOrderId });
          expect(res.index).toBe(ids.indexOf(fx.detailOrderId));
          const missing = await client.send('orders.position', { sort: { column: 'orderNo', direction: 'asc' }, orderId: 999_999 });
          expect(missing.index).toBeNull();
        },
        invalid: [{ sort: { column: 'orderNo', direction: 'asc' }, orderId: 0 }, { sort: { column: 'orderNo', direction: 'asc' }, orderId: 1.5 }, { orderId: 1 }],
      },
      'orders.get': {
        async happy() {
          const d = await client.send('orders.get', { id: fx.detailOrderId });
          expect(d).toMatchObject({
            id: fx.detailOrderId,
            orderNo: 'D2026030013',
            communityName: '东园社区',
            leadUnit: '城管科',
            assistUnits: ['东园社区'],
            citizenPhoneMasked: '139****5678',
            citizenName: '李**',
          });
          // The full phone number never leaves the backend.
          expect(JSON.stringify(d)).not.toContain('13912345678');
          const secret = await client.send('orders.get', { id: fx.confidentialOrderId });
          expect(secret).toMatchObject({ citizenName: '保密', citizenPhoneMasked: '保密', leadUnit: null, assistUnits: [] });
        },
        invalid: [{ id: '1' }, { id: -3 }, {}],
      },
      ...adminContractCases(() => ({ client, app, fx })),
      ...workflowContractCases(() => ({ client, app, fx })),
      ...ledgerContractCases(() => ({ client, app })),
      ...backupContractCases(() => ({ client, app })),
      ...triageContractCases(() => ({ client, app, fx })),
      ...assessmentContractCases(() => ({ client, app, fx })),
      ...hotspotsContractCases(() => ({ client, app })),
      ...dashboardContractCases(() => client),
      ...reportsContractCases(() => client),
      ...accountContractCases(() => ({ client, app, fx, withSession: label !== 'in-process dispatch' })),
      // The file dialogs: no transport under test has one (in-process callers name paths, browser mode uploads).
      'files.pickImport': {
        async happy() {
          await expectError(client.send('files.pickImport', {}), 'FORBIDDEN');
        },
        invalid: [{ title: '选择' }],
      },
      'files.pickExportTarget': {
        async happy() {
          const picked = await client.send('files.pickExportTarget', { name: '区考核台账-20260302', format: 'csv' }).catch((e: unknown) => e);
          if (picked instanceof AppError) {
            // In-process: no dialog and no download folder.
            expect(picked.code).toBe('FORBIDDEN');
            expect(picked.message).toMatch(CHINESE);
            return;
          }
          // Browser mode: an opaque download target that export.ledger writes to; no server path comes back.
          const target = picked as { path: string; name: string; downloadUrl: string | null };
          expect(target).toMatchObject({ name: '区考核台账-20260302.csv', path: expect.stringMatching(/^download:/), downloadUrl: expect.stringMatching(/^\/download\/[\w-]+$/) });
          const r = await client.send('export.ledger', { preset: 'district', format: 'csv', path: target.path });
          expect(r).toEqual({ rows: (await client.send('app.info', {})).orderCount, path: target.path });
        },
        invalid: [{}, { name: '', format: 'csv' }, { name: 'a/b', format: 'csv' }, { name: '台账', format: 'xls' }, { name: '台账', format: 'csv', extra: 1 }],
      },
    };

    it('has a case for every method of the contract', () => {
      expect(Object.keys(cases).sort()).toEqual([...METHOD_NAMES].sort());
    });

    for (const name of METHOD_NAMES) {
      const c = cases[name];
      it(`${name}: answers a valid request`, async () => {
        await c.happy();
      });
      it(`${name}: refuses invalid input with INVALID_INPUT`, async () => {
        for (const args of [...c.invalid, 'not an object', 42, [1, 2]]) {
          await expectError(sendRaw(client, name, args), 'INVALID_INPUT');
        }
      });
    }

    it('refuses an unknown method with UNKNOWN_METHOD', async () => {
      for (const name of ['orders.delete', '__proto__', 'constructor', 'toString', '']) {
        await expectError(sendRaw(client, name, {}), 'UNKNOWN_METHOD');
      }
    });

    it('orders.get of a missing order is NOT_FOUND', async () => {
      const e = await expectError(client.send('orders.get', { id: 999_999 }), 'NOT_FOUND');
      expect(e.message).toContain('999999');
    });

    describe('orders.page sorts in the database exactly as a JS sort would', () => {
      for (const sort of SORTS) {
        it(`${sort.column} ${sort.direction}`, async () => {
          const ids = await expectedOrder(app, sort.column, sort.direction);
          const n = ids.length;
          const page = async (startRow: number, endRow: number) => {
            const res = await client.send('orders.page', { sort, startRow, endRow });
            expect(res.rowCount).toBe(n);
            return res.rows.map((r) => r.id);
          };
          // Jumps first (no cursor known yet): near the end, then the middle.
          expect(await page(n - 3, n + 5)).toEqual(ids.slice(n - 3));
          expect(await page(5, 9)).toEqual(ids.slice(5, 9));
          // Then scrolling block by block, continuing from remembered cursors.
          const scrolled: number[] = [];
          for (let start = 0; start < n; start += 4) scrolled.push(...(await page(start, start + 4)));
          expect(scrolled).toEqual(ids);
          expect(await page(0, n)).toEqual(ids);
          expect(await page(n, n + 10)).toEqual([]);
        });
      }
    });

    describe('orders.position matches the row index under every sort', () => {
      for (const sort of SORTS) {
        it(`${sort.column} ${sort.direction}`, async () => {
          const ids = await expectedOrder(app, sort.column, sort.direction);
          const positions: Array<number | null> = [];
          for (const orderId of ids) positions.push((await client.send('orders.position', { sort, orderId })).index);
          expect(positions).toEqual(ids.map((_, i) => i));
        });
      }
    });

    it('delivers push events from the backend to the client', async () => {
      await client.send('app.info', {}); // the connection is up before anything is pushed
      const received: unknown[] = [];
      const off = client.on('orders.changed', (payload) => received.push(payload));
      try {
        await client.send('app.info', {});
        app.push.emit('orders.changed', { reason: 'import', count: 3 });
        await expect.poll(() => received, { timeout: 2000 }).toEqual([{ reason: 'import', count: 3 }]);
      } finally {
        off();
      }
      app.push.emit('orders.changed', { reason: 'after-unsubscribe', count: 1 });
      await client.send('app.info', {}); // a round trip later, nothing more has arrived
      expect(received).toHaveLength(1);
    });
  });
}
