/**
 * Logging in: the first-run admin and its forced password change, wrong passwords and the lockout,
 * disabled accounts, and the demo accounts of a demo database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { LOCKOUT_MS, MAX_FAILED_LOGINS } from '../../../main/services/accounts/service.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, INITIAL_ADMIN } from '../../../main/services/accounts/initial.js';
import { ensureAccount, TEST_PASSWORD } from '../../support/accounts.js';
import { createTestApp } from '../../support/app.js';
import { clockedApp, codeOf, messageOf, send, windowContext } from './support.js';

let app: AppRuntime | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('the first run', () => {
  it('offers the initial admin, forces a password change, then stops showing the initial password', async () => {
    app = await createTestApp();
    const w = windowContext();
    const info = await send(app, w, 'accounts.loginInfo', {});
    expect(info.firstRun).toEqual({ login: INITIAL_ADMIN.login, password: INITIAL_ADMIN.password });

    const s = await send(app, w, 'accounts.login', { login: 'admin', password: INITIAL_ADMIN.password });
    expect(s.account.mustChangePassword).toBe(true);
    // Nothing but the password change (and logout / whoami) until it is done.
    expect(await messageOf(send(app, w, 'orders.count', {}))).toContain('请先修改初始密码');
    expect(await codeOf(send(app, w, 'accounts.changePassword', { current: INITIAL_ADMIN.password, next: INITIAL_ADMIN.password }))).toBe('INVALID_INPUT');
    const changed = await send(app, w, 'accounts.changePassword', { current: INITIAL_ADMIN.password, next: 'a-new-secret-9' });
    expect(changed.account.mustChangePassword).toBe(false);
    expect(await codeOf(send(app, w, 'orders.count', {}))).toBe('REPLY');
    expect((await send(app, windowContext(), 'accounts.loginInfo', {})).firstRun).toBeNull();
    expect(await codeOf(send(app, windowContext(), 'accounts.login', { login: 'admin', password: INITIAL_ADMIN.password }))).toBe('UNAUTHORIZED');
  });

  it('gives a demo database one ready account per role with the demo password', async () => {
    app = await createTestApp();
    await app.handle.db.insertInto('app_meta').values({ key: 'demo', value: '1' }).execute();
    const info = await send(app, windowContext(), 'accounts.loginInfo', {});
    expect(info).toMatchObject({ demo: true, demoPassword: DEMO_PASSWORD, firstRun: null });
    expect(info.demoAccounts.map((a) => a.role).sort()).toEqual(['admin', 'analyst', 'dispatcher', 'handler', 'viewer']);
    for (const d of DEMO_ACCOUNTS) {
      const s = await send(app, windowContext(), 'accounts.login', { login: d.login, password: DEMO_PASSWORD });
      expect(s.account).toMatchObject({ role: d.role, mustChangePassword: false });
    }
  });
});

describe('wrong passwords', () => {
  it(`locks the account after ${MAX_FAILED_LOGINS} in a row for ${LOCKOUT_MS / 60_000} minutes, even against the right password`, async () => {
    const c = await clockedApp();
    app = c.app;
    await ensureAccount(app, { login: 'wang', displayName: '王芳', role: 'handler' });
    const w = windowContext();
    const wrong = () => send(app!, w, 'accounts.login', { login: 'wang', password: 'wrong-password' });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) expect(await codeOf(wrong())).toBe('UNAUTHORIZED');
    expect(await messageOf(wrong())).toContain('已锁定');
    expect(await messageOf(send(app, w, 'accounts.login', { login: 'wang', password: TEST_PASSWORD }))).toMatch(/已锁定，请 15 分钟后再试/);
    c.clock.now += LOCKOUT_MS - 60_000;
    expect(await codeOf(send(app, w, 'accounts.login', { login: 'wang', password: TEST_PASSWORD }))).toBe('FORBIDDEN');
    c.clock.now += 61_000;
    expect((await send(app, w, 'accounts.login', { login: 'wang', password: TEST_PASSWORD })).account.displayName).toBe('王芳');
  });

  it('a correct password resets the count, and an unknown login gets the same message as a wrong password', async () => {
    app = await createTestApp();
    await ensureAccount(app, { login: 'li', displayName: '李四', role: 'viewer' });
    const w = windowContext();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await codeOf(send(app, w, 'accounts.login', { login: 'li', password: 'nope-nope' }));
      expect(await codeOf(send(app, w, 'accounts.login', { login: 'LI', password: TEST_PASSWORD }))).toBe('REPLY');
    }
    const unknown = await messageOf(send(app, w, 'accounts.login', { login: 'nobody', password: 'whatever' }));
    expect(unknown).toBe('用户名或密码不正确。');
  });

  it('refuses a disabled account and ends its open sessions', async () => {
    app = await createTestApp();
    const id = await ensureAccount(app, { login: 'zhao', displayName: '赵六', role: 'dispatcher' });
    const w = windowContext();
    await send(app, w, 'accounts.login', { login: 'zhao', password: TEST_PASSWORD });
    // Disabled by the local system actor (the CLI's path: in-process, no session).
    await send(app, { actor: 'cli', transport: 'in-process' }, 'accounts.update', { id, disabled: true });
    expect(await messageOf(send(app, w, 'orders.count', {}))).toContain('登录已失效');
    expect(await messageOf(send(app, windowContext(), 'accounts.login', { login: 'zhao', password: TEST_PASSWORD }))).toContain('已停用');
  });
});
