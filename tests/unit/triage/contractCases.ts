/**
 * The contract suite's cases for the triage methods (spread into tests/unit/contract/suite.ts): counts
 * and picker lists of the orders domain, saved views, bulk actions. Views are the suite client's own;
 * bulk actions work on orders inserted for them, so the fixture's orders stay as other cases expect.
 */
import { expect } from 'vitest';
import type { orderMethods } from '../../../preload/contract/methods/orders.js';
import type { triageMethods } from '../../../preload/contract/methods/triage.js';
import { BUILTIN_VIEW } from '../../../preload/contract/methods/triage.js';
import { orderIn } from '../workflow/support.js';
import type { SuiteEnv } from '../workflow/contractCases.js';

export type TriageMethodName = keyof typeof triageMethods | Extract<keyof typeof orderMethods, 'orders.count' | 'orders.facets'>;
interface Case {
  happy: () => Promise<void>;
  invalid: unknown[];
}

const sort = { column: 'receivedAt', direction: 'desc' } as const;

export function triageContractCases(env: () => SuiteEnv): Record<TriageMethodName, Case> {
  const c = () => env().client;
  const received = (orders: Array<{ status: string }>) => orders.filter((o) => o.status === 'received').length;
  return {
    'orders.count': {
      async happy() {
        const all = await env().app.handle.db.selectFrom('orders').select(['status', 'order_no']).execute();
        expect(await c().send('orders.count', {})).toEqual({ count: all.length });
        expect(await c().send('orders.count', { filter: { statuses: ['received'] } })).toEqual({ count: received(all) });
        expect(await c().send('orders.count', { filter: { search: 'd2026' } })).toEqual({ count: all.filter((o) => /^d2026/i.test(o.order_no)).length });
      },
      invalid: [{ filter: { statuses: ['open'] } }, { filter: { colour: 'red' } }, { filter: { receivedAt: { from: 5, to: 1 } } }, { filter: { search: 'x'.repeat(201) } }],
    },
    'orders.facets': {
      async happy() {
        const f = await c().send('orders.facets', {});
        expect(f.communities.map((u) => [u.name, u.initials])).toEqual([['南街社区', 'njsq'], ['东园社区', 'dysq'], ['北里社区', 'blsq']]);
        expect(f.appealTypes.map((a) => a.label)).toContain('投诉');
      },
      invalid: [{ kind: 'community' }],
    },
    'views.list': {
      async happy() {
        const { views } = await c().send('views.list', {});
        expect(views.slice(0, BUILTIN_VIEW.codes.length).map((v) => v.name)).toEqual(BUILTIN_VIEW.codes.map((k) => BUILTIN_VIEW.label[k]));
        expect(views.find((v) => v.key === 'mine')).toMatchObject({ needsStaff: true });
      },
      invalid: [{ staffId: 0 }, { staffId: 'me' }],
    },
    'views.counts': {
      async happy() {
        const { views } = await c().send('views.list', {});
        const { counts } = await c().send('views.counts', {});
        for (const v of views.filter((x) => !x.needsStaff)) {
          expect(counts[v.key], v.key).toBe((await c().send('orders.count', { filter: v.filter })).count);
        }
        expect(counts.mine).toBeNull();
      },
      invalid: [{ staffId: -1 }, { extra: true }],
    },
    'views.create': {
      async happy() {
        const v = await c().send('views.create', { name: '契约·新建', filter: { statuses: ['received'] }, sort, columnState: [{ colId: 'orderNo', width: 120 }] });
        expect(v).toMatchObject({ name: '契约·新建', own: true, shared: false, columnState: [{ colId: 'orderNo', width: 120 }] });
      },
      invalid: [{ name: '', filter: {}, sort }, { name: 'x', filter: {}, sort: { column: 'content', direction: 'asc' } }, { name: 'x', sort }, { name: 'x'.repeat(41), filter: {}, sort }],
    },
    'views.update': {
      async happy() {
        const v = await c().send('views.create', { name: '契约·改名前', filter: {}, sort });
        const u = await c().send('views.update', { id: v.id!, version: v.version!, name: '契约·改名后', shared: true });
        expect(u).toMatchObject({ name: '契约·改名后', shared: true, version: v.version! + 1 });
      },
      invalid: [{ id: 1 }, { id: 1, version: 0 }, { id: 1, version: 1, name: '' }, { id: 1, version: 1, columnState: [{ width: 3 }] }],
    },
    'views.reorder': {
      async happy() {
        const a = await c().send('views.create', { name: '契约·甲', filter: {}, sort });
        const b = await c().send('views.create', { name: '契约·乙', filter: {}, sort });
        const { views } = await c().send('views.reorder', { ids: [b.id!, a.id!] });
        const own = views.filter((v) => v.own).map((v) => v.id);
        expect(own.indexOf(b.id!)).toBeLessThan(own.indexOf(a.id!));
      },
      invalid: [{ ids: [] }, { ids: [0] }, {}],
    },
    'views.delete': {
      async happy() {
        const v = await c().send('views.create', { name: '契约·删除', filter: {}, sort });
        expect(await c().send('views.delete', { id: v.id! })).toEqual({ deleted: true });
        expect((await c().send('views.list', {})).views.some((x) => x.id === v.id)).toBe(false);
      },
      invalid: [{ id: 0 }, { id: '1' }],
    },
    'views.saveLayout': {
      async happy() {
        expect(await c().send('views.saveLayout', { key: 'overdue', columnState: [{ colId: 'handleDueAt', pinned: 'left' }] })).toEqual({ saved: true });
        const { views } = await c().send('views.list', {});
        expect(views.find((v) => v.key === 'overdue')!.columnState).toEqual([{ colId: 'handleDueAt', pinned: 'left' }]);
      },
      invalid: [{ key: 'overdue' }, { key: '', columnState: null }, { key: 'overdue', columnState: [{ colId: 'x', nested: { a: 1 } }] }],
    },
    'bulk.preview': {
      async happy() {
        const id = await orderIn(env().app, 'received');
        const p = await c().send('bulk.preview', { action: { kind: 'accept' }, selection: { kind: 'ids', ids: [id] } });
        expect(p).toMatchObject({ matched: 1, changes: [{ orderId: id, text: expect.stringContaining('签收') }], refused: [] });
      },
      invalid: [
        { action: { kind: 'delete' }, selection: { kind: 'ids', ids: [1] } },
        { action: { kind: 'accept' }, selection: { kind: 'ids', ids: [] } },
        { action: { kind: 'setDifficult', on: true }, selection: { kind: 'ids', ids: [1] } },
        { action: { kind: 'assign' }, selection: { kind: 'ids', ids: [1] } },
        { action: { kind: 'accept' }, selection: { kind: 'all' } },
      ],
    },
    'bulk.apply': {
      async happy() {
        const id = await orderIn(env().app, 'received');
        const p = await c().send('bulk.preview', { action: { kind: 'accept' }, selection: { kind: 'filter', filter: { statuses: ['received'], search: (await env().app.handle.db.selectFrom('orders').select('order_no').where('id', '=', id).executeTakeFirstOrThrow()).order_no } } });
        const r = await c().send('bulk.apply', { action: { kind: 'accept' }, orders: p.changes.map((x) => ({ orderId: x.orderId, version: x.version! })) });
        expect(r.changes.map((x) => x.orderId)).toEqual([id]);
        expect((await c().send('orders.get', { id })).status).toBe('in_progress');
      },
      invalid: [{ action: { kind: 'accept' }, orders: [] }, { action: { kind: 'accept' }, orders: [{ orderId: 1 }] }, { action: { kind: 'setTag', tag: 'vip', on: true }, orders: [{ orderId: 1, version: 1 }] }],
    },
  };
}
