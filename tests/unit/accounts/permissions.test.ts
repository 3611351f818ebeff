/**
 * The permission table is complete, and the dispatcher enforces it before any handler runs: a 只读
 * account cannot accept an order (nothing changes), a socket without a login gets nothing, full phone
 * numbers need the right, and every event names the account that acted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../preload/api.js';
import { ROLE } from '../../../preload/contract/methods/accounts.js';
import { allowedMethods, PERMISSIONS } from '../../../main/auth/permissions.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { ensureAccount, TEST_PASSWORD, type TestAccount } from '../../support/accounts.js';
import { createTestApp, insertOrders } from '../../support/app.js';
import { codeOf, messageOf, send, windowContext } from './support.js';

const CAPABILITIES = ['public', 'session', 'read', 'intake', 'handle', 'report', 'reveal', 'admin'];

describe('the permission table', () => {
  it('names every contract method exactly once, each with a known capability', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...METHOD_NAMES].sort());
    for (const m of METHOD_NAMES) expect(CAPABILITIES).toContain(PERMISSIONS[m]);
  });

  it('lets 只读 read but change nothing, and keeps account admin to 管理员', () => {
    const viewer = allowedMethods('viewer');
    expect(viewer).toContain('orders.page');
    expect(viewer.filter((m) => m.startsWith('workflow.') && m !== 'workflow.assignOptions')).toEqual([]);
    expect(viewer).not.toContain('orders.revealCitizen');
    expect(viewer).not.toContain('export.ledger');
    for (const role of ROLE.codes) expect(allowedMethods(role).includes('accounts.create')).toBe(role === 'admin');
    expect(allowedMethods('handler')).toContain('workflow.reply');
    expect(allowedMethods('handler')).not.toContain('workflow.accept');
    expect(allowedMethods('dispatcher')).toContain('workflow.accept');
    expect(allowedMethods('dispatcher')).not.toContain('settings.set');
    expect(allowedMethods('analyst')).toContain('export.ledger');
  });
});

describe('the dispatcher', () => {
  let app: AppRuntime;
  let orderId: number;
  const people: Record<string, TestAccount> = {
    viewer: { login: 'kan', displayName: '只看看', role: 'viewer' },
    dispatcher: { login: 'pai', displayName: '派单张', role: 'dispatcher' },
    analyst: { login: 'tong', displayName: '统计刘', role: 'analyst' },
  };
  const loggedIn = async (who: TestAccount) => {
    await ensureAccount(app, who);
    const w = windowContext();
    await send(app, w, 'accounts.login', { login: who.login, password: TEST_PASSWORD });
    return w;
  };
  const status = async () => (await app.handle.db.selectFrom('orders').select(['status', 'version']).where('id', '=', orderId).executeTakeFirstOrThrow());

  beforeAll(async () => {
    app = await createTestApp();
    [orderId] = (await insertOrders(app, [{ status: 'received' }])) as [number];
  });
  afterAll(() => app.close());

  it('refuses a socket that has not logged in, for everything but the login screen', async () => {
    const w = windowContext();
    expect(await messageOf(send(app, w, 'orders.count', {}))).toBe('请先登录。');
    expect(await codeOf(send(app, w, 'app.info', {}))).toBe('UNAUTHORIZED');
    expect(await codeOf(send(app, windowContext('ipc'), 'orders.get', { id: orderId }))).toBe('UNAUTHORIZED');
    expect(await codeOf(send(app, w, 'accounts.loginInfo', {}))).toBe('REPLY');
  });

  it('refuses 只读 accepting an order, in Chinese, and the order is untouched', async () => {
    const w = await loggedIn(people.viewer!);
    const before = await status();
    const refusal = send(app, w, 'workflow.accept', { orderId, version: before.version });
    expect(await messageOf(refusal)).toContain('当前账号（只读）无权执行此操作：签收工单');
    expect(await status()).toEqual(before);
    expect(await codeOf(send(app, w, 'orders.revealCitizen', { id: orderId }))).toBe('FORBIDDEN');
    expect(await codeOf(send(app, w, 'orders.count', {}))).toBe('REPLY');
  });

  it('lets 派单员 accept, and the event names the account, not the transport', async () => {
    const w = await loggedIn(people.dispatcher!);
    const { version } = await status();
    await send(app, w, 'workflow.accept', { orderId, version });
    expect((await status()).status).toBe('in_progress');
    const events = await app.handle.db.selectFrom('events').select(['actor', 'kind']).where('order_id', '=', orderId).execute();
    expect(events).toContainEqual({ actor: '派单张', kind: 'accepted' });
    expect(events.map((e) => e.actor)).not.toContain('web');
  });

  it('lets 统计 export with masked phones only', async () => {
    const w = await loggedIn(people.analyst!);
    const withPhones = send(app, w, 'export.ledger', { preset: 'platform', format: 'csv', path: '/nonexistent/dir/x.csv', withPhones: true });
    expect(await messageOf(withPhones)).toContain('无权执行此操作：查看诉求人完整联系方式');
  });

  it('ends the session at logout', async () => {
    const w = await loggedIn(people.dispatcher!);
    await send(app, w, 'accounts.logout', {});
    expect(await codeOf(send(app, w, 'orders.count', {}))).toBe('UNAUTHORIZED');
  });
});
