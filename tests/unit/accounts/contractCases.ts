/**
 * The contract suite's cases for the accounts methods (spread into tests/unit/contract/suite.ts).
 * Over the WebSocket the suite is logged in as TEST_ADMIN; every case that changes that login puts it
 * back. In-process dispatch has no session, so the session methods answer "请先登录" there.
 */
import { expect } from 'vitest';
import type { ApiClient } from '../../../preload/contract/client.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { accountMethods } from '../../../preload/contract/methods/accounts.js';
import type { AppRuntime } from '../../../main/runtime.js';
import type { Fixture } from '../contract/fixture.js';
import { ensureAccount, TEST_ADMIN, TEST_PASSWORD } from '../../support/accounts.js';

export type AccountMethodName = keyof typeof accountMethods;
interface Case {
  happy: () => Promise<void>;
  invalid: unknown[];
}
export interface AccountSuiteEnv {
  client: ApiClient;
  app: AppRuntime;
  fx: Fixture;
  /** True over a transport with a login of its own (the WebSocket). */
  withSession: boolean;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'REPLY';
  } catch (e) {
    return e instanceof AppError ? e.code : 'THROWN';
  }
}

export function accountContractCases(env: () => AccountSuiteEnv): Record<AccountMethodName, Case> {
  const c = () => env().client;
  const relogin = async () => {
    await ensureAccount(env().app, TEST_ADMIN);
    return c().send('accounts.login', { login: TEST_ADMIN.login, password: TEST_PASSWORD });
  };
  let viewerId: number | null = null;
  const viewer = async () => (viewerId ??= (await c().send('accounts.create', { login: 'suite.viewer', displayName: '套件只读', role: 'viewer', password: 'viewer-pass-1' })).id);

  return {
    'accounts.loginInfo': {
      async happy() {
        const info = await c().send('accounts.loginInfo', {});
        expect(info).toMatchObject({ streetName: '测试街道', demo: false, demoAccounts: [], demoPassword: null });
      },
      invalid: [{ x: 1 }],
    },
    'accounts.login': {
      async happy() {
        const s = await relogin();
        expect(s.account).toMatchObject({ login: TEST_ADMIN.login, displayName: TEST_ADMIN.displayName, role: 'admin', mustChangePassword: false });
        expect(s.methods).toContain('accounts.create');
        expect(s.token.length).toBeGreaterThan(20);
        expect(await codeOf(c().send('accounts.login', { login: TEST_ADMIN.login, password: 'wrong-password' }))).toBe('UNAUTHORIZED');
      },
      invalid: [{ login: '', password: 'x' }, { login: 'a' }, { login: 'a', password: 1 }, { login: 'a', password: 'x'.repeat(200) }],
    },
    'accounts.resume': {
      async happy() {
        const { token } = await relogin();
        expect((await c().send('accounts.resume', { token })).account.login).toBe(TEST_ADMIN.login);
        expect(await codeOf(c().send('accounts.resume', { token: 'not-a-session' }))).toBe('UNAUTHORIZED');
      },
      invalid: [{ token: '' }, {}, { token: 'x'.repeat(300) }],
    },
    'accounts.logout': {
      async happy() {
        await relogin();
        expect(await c().send('accounts.logout', {})).toEqual({ ok: true });
        // Logged out over the socket: the next call needs a login. In-process calls act as the system.
        expect(await codeOf(c().send('units.list', {}))).toBe(env().withSession ? 'UNAUTHORIZED' : 'REPLY');
        await relogin();
      },
      invalid: [{ all: true }],
    },
    'accounts.whoami': {
      async happy() {
        await relogin();
        if (env().withSession) expect((await c().send('accounts.whoami', {})).account.login).toBe(TEST_ADMIN.login);
        else expect(await codeOf(c().send('accounts.whoami', {}))).toBe('UNAUTHORIZED');
      },
      invalid: [{ id: 1 }],
    },
    'accounts.changePassword': {
      async happy() {
        await relogin();
        if (!env().withSession) {
          expect(await codeOf(c().send('accounts.changePassword', { current: TEST_PASSWORD, next: 'another-pass-2' }))).toBe('UNAUTHORIZED');
          return;
        }
        expect(await codeOf(c().send('accounts.changePassword', { current: 'wrong-current', next: 'another-pass-2' }))).toBe('INVALID_INPUT');
        await c().send('accounts.changePassword', { current: TEST_PASSWORD, next: 'another-pass-2' });
        await c().send('accounts.changePassword', { current: 'another-pass-2', next: TEST_PASSWORD });
      },
      invalid: [{ current: 'x', next: 'short' }, { current: 'x' }, { current: 'x', next: 'y'.repeat(129) }],
    },
    'accounts.list': {
      async happy() {
        await ensureAccount(env().app, TEST_ADMIN);
        const list = await c().send('accounts.list', {});
        expect(list.map((a) => a.login)).toContain(TEST_ADMIN.login);
        expect(JSON.stringify(list)).not.toMatch(/hash|salt/i);
      },
      invalid: [{ role: 'admin' }],
    },
    'accounts.create': {
      async happy() {
        const id = await viewer();
        const list = await c().send('accounts.list', {});
        expect(list.find((a) => a.id === id)).toMatchObject({ login: 'suite.viewer', role: 'viewer', mustChangePassword: true, disabled: false });
        expect(await codeOf(c().send('accounts.create', { login: 'SUITE.viewer', displayName: '重名', role: 'viewer', password: 'viewer-pass-1' }))).toBe('INVALID_INPUT');
      },
      invalid: [
        { login: '中文名', displayName: '甲', role: 'viewer', password: 'long-enough' },
        { login: 'ok', displayName: '甲', role: 'boss', password: 'long-enough' },
        { login: 'ok', displayName: '甲', role: 'viewer', password: 'short' },
        { login: 'ok', displayName: '', role: 'viewer', password: 'long-enough' },
      ],
    },
    'accounts.update': {
      async happy() {
        const id = await viewer();
        expect(await c().send('accounts.update', { id, role: 'analyst', displayName: '套件统计' })).toMatchObject({ role: 'analyst', displayName: '套件统计' });
        expect(await c().send('accounts.update', { id, disabled: true })).toMatchObject({ disabled: true });
        expect(await codeOf(c().send('accounts.update', { id: 999_999, disabled: true }))).toBe('NOT_FOUND');
      },
      invalid: [{ id: 0 }, { id: 1, role: 'root' }, { id: 1, disabled: 'yes' }],
    },
    'accounts.resetPassword': {
      async happy() {
        const id = await viewer();
        expect(await c().send('accounts.resetPassword', { id, password: 'fresh-pass-9' })).toMatchObject({ id, mustChangePassword: true, lockedUntil: null });
      },
      invalid: [{ id: 1, password: 'short' }, { password: 'long-enough' }],
    },
    'orders.revealCitizen': {
      async happy() {
        const { fx } = env();
        // insertOrders' defaults: 张三 / 13812345678 — masked in the grid, in full here, and logged.
        const id = fx.orderIds[0]!;
        expect(await c().send('orders.revealCitizen', { id })).toEqual({ id, citizenName: '张三', citizenPhone: '13812345678' });
        const timeline = await c().send('orders.timeline', { id });
        expect(timeline[0]).toMatchObject({ kind: 'citizen_revealed', summary: '查看了诉求人联系方式', actor: 'test' });
        expect(await codeOf(c().send('orders.revealCitizen', { id: fx.confidentialOrderId }))).toBe('FORBIDDEN');
      },
      invalid: [{ id: 0 }, {}, { id: '1' }],
    },
  };
}
