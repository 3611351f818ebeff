/**
 * Accounts in the browser: a wrong password is told in Chinese, five lock the account, a new account
 * must change its password first, a 只读 account is offered no 签收 and the API refuses it anyway, and
 * revealing a citizen's phone shows it in full and writes the order's timeline.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ARTIFACTS, DEMO_LOGINS, callApi, logIn, openApp, serverUrl } from './support.js';
import { actionButton, freshIn, freshOrder, openOrder } from './workflowSupport.js';

const suffix = Date.now().toString(36);

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'REPLY';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** As the demo admin: a new account that must change its password at the first login. */
async function newAccount(page: Page, login: string, role: 'viewer' | 'handler', password: string): Promise<void> {
  await openApp(page);
  await callApi(page, 'accounts.create', { login, displayName: `测试${login.slice(0, 6)}`, role, password });
}

test('a wrong password is refused in Chinese, and five in a row lock the account', async ({ page, browser }) => {
  const login = `lock.${suffix}`;
  await newAccount(page, login, 'viewer', 'first-pass-1');
  const other = await browser.newPage();
  try {
    await other.goto(serverUrl());
    const alert = other.getByTestId('login-form').getByRole('alert');
    await logIn(other, login, 'not-the-password');
    await expect(alert).toHaveText('用户名或密码不正确。');
    for (let i = 2; i <= 4; i++) {
      await logIn(other, login, 'not-the-password');
      await expect(alert).toContainText(i >= 3 ? `再输错 ${5 - i} 次账号将被锁定` : '用户名或密码不正确');
    }
    await logIn(other, login, 'not-the-password');
    await expect(alert).toContainText('已锁定 15 分钟');
    // Even the right password is refused now.
    await logIn(other, login, 'first-pass-1');
    await expect(alert).toContainText('请 15 分钟后再试');
    await other.screenshot({ path: join(ARTIFACTS, 'accounts-locked.png') });
    // The admin sees it locked and can unlock it with a password reset.
    await page.locator('.rail').getByRole('button', { name: /设置/ }).click();
    await page.getByRole('button', { name: '账号管理' }).click();
    const row = page.getByTestId('accounts-table').locator('tr', { hasText: login });
    await expect(row).toContainText('已锁定至');
  } finally {
    await other.close();
  }
});

test('a new account must change its password before anything else', async ({ page, browser }) => {
  const login = `new.${suffix}`;
  await newAccount(page, login, 'handler', 'given-pass-1');
  const clerk = await browser.newPage();
  try {
    await clerk.goto(serverUrl());
    await logIn(clerk, login, 'given-pass-1');
    const form = clerk.getByTestId('change-password-form');
    await expect(form).toContainText('首次登录或密码已被重置');
    await expect(clerk.locator('.ag-row')).toHaveCount(0);
    await form.getByLabel('当前密码').fill('given-pass-1');
    await form.getByLabel(/^新密码/).fill('my-own-pass-2');
    await form.getByLabel('再次输入新密码').fill('my-own-pass-3');
    await form.getByRole('button', { name: '保存新密码' }).click();
    await expect(form.getByRole('alert')).toHaveText('两次输入的新密码不一致。');
    await form.getByLabel('再次输入新密码').fill('my-own-pass-2');
    await form.getByRole('button', { name: '保存新密码' }).click();
    await expect(clerk.getByTestId('account-menu')).toContainText('承办人');
    // Logging out returns to the login screen; the old password no longer works.
    await clerk.getByTestId('account-menu').getByRole('button', { name: '退出登录' }).click();
    await logIn(clerk, login, 'given-pass-1');
    await expect(clerk.getByTestId('login-form').getByRole('alert')).toHaveText('用户名或密码不正确。');
  } finally {
    await clerk.close();
  }
});

test('a 只读 account is offered no 签收, and the API refuses it anyway', async ({ page }) => {
  await openApp(page, serverUrl(), DEMO_LOGINS.viewer);
  await expect(page.getByTestId('account-menu')).toContainText('只读');
  const order = await freshIn(page, 'received');
  expect(order.allowedActions).toEqual([]);
  const detail = await openOrder(page, order);
  await expect(actionButton(detail, 'accept')).toHaveCount(0);
  await expect(detail).toContainText('当前账号只能查看，不能办理工单。');
  // No button for the full phone either: 只读 never sees personal data.
  await expect(detail.getByRole('button', { name: '显示完整号码' })).toHaveCount(0);
  const refused = await errorOf(callApi(page, 'workflow.accept', { orderId: order.id, version: order.version }));
  expect(refused).toContain('FORBIDDEN');
  expect(refused).toContain('无权');
  expect((await callApi(page, 'orders.get', { id: order.id })).status).toBe('received');
  await page.screenshot({ path: join(ARTIFACTS, 'accounts-viewer.png') });
});

test('revealing a citizen phone shows it in full and is recorded on the order', async ({ page }) => {
  await openApp(page);
  const order = await freshOrder(page, (row) => row.citizenPhoneMasked !== null && row.citizenPhoneMasked.includes('*'));
  const detail = await openOrder(page, order);
  await expect(detail).toContainText(order.citizenPhoneMasked!);
  await detail.getByRole('button', { name: '显示完整号码' }).click();
  await expect(detail.getByTestId('revealed-citizen')).toHaveText(/\d{11}/);
  const timeline = await callApi(page, 'orders.timeline', { id: order.id });
  expect(timeline[0]).toMatchObject({ kind: 'citizen_revealed', summary: '查看了诉求人联系方式', actor: '演示管理员' });
});
