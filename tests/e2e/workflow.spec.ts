/**
 * Issue 3 in the UI: a clerk takes orders through the main road (待签收 → 已回访 → 二次办理) and the side
 * roads (objection, extension, duplicates), from the detail pane, the grid's own context menu and the
 * keyboard. Every step must show in the order's timeline. Each test takes fresh orders of the shared
 * demo database (see workflowSupport.ts), so the tests do not depend on each other or on their order.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { formatBeijing } from '../../preload/contract/time.js';
import { ARTIFACTS, callApi, openApp, serverUrl, watchPage } from './support.js';
import { actionButton, freshIn, freshOrder, gridRow, openOrder, timelineSummaries } from './workflowSupport.js';

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

test('main road: 签收 → 派单 (suggestion, Art. 17 reason) → 联系 → 办结 with a template → unsatisfied 回访 → 二次办理', async ({ page }) => {
  const watch = watchPage(page, new URL(serverUrl()).origin);
  await openApp(page);
  const title = `e2e通用答复${Date.now() % 1_000_000}`;
  await callApi(page, 'templates.upsert', { categoryPrefix: '', title, body: '您好，您反映的{地址}问题（工单{工单编号}）已由{主办单位}处理完毕。' });
  // An order whose category some community may not lead, so the Art. 17 reason can be exercised.
  let outside = '';
  const order = await freshOrder(page, async (row) => {
    if (row.status !== 'received') return false;
    const { units } = await callApi(page, 'workflow.assignOptions', { orderId: row.id });
    outside = units.find((u) => u.kind === 'community' && !u.inDuty)?.name ?? '';
    return outside !== '';
  });
  const detail = await openOrder(page, order);
  await expect(detail.locator('.status-line .chip')).toHaveText('待签收');
  await expect(detail.getByTestId('first-contact-band')).toHaveText(/正常|即将超时|已超时/);
  // Only what the backend allows is offered: no 办结 before 签收.
  await expect(actionButton(detail, 'accept')).toBeVisible();
  await expect(actionButton(detail, 'reply')).toHaveCount(0);

  // 签收: a confirmation that Enter accepts.
  await actionButton(detail, 'accept').click();
  await expect(page.getByTestId('dialog-accept')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dialog-accept')).toHaveCount(0);
  await expect(detail.locator('.status-line .chip')).toHaveText('办理中');
  await expect(detail.locator('.timeline__summary').first()).toContainText('签收');

  // 派单: suggestions with their reasons; a community outside its duty list needs a written reason.
  await actionButton(detail, 'assign').click();
  const assign = page.getByTestId('dialog-assign');
  await expect(assign.locator('.suggest__item').first()).toBeVisible();
  await expect(assign.locator('.suggest__reason').first()).toHaveText(/近30天|分类规则|职责清单/);
  await assign.getByLabel('主办单位', { exact: true }).selectOption({ label: `${outside}（不在职责清单）` });
  const reason = assign.getByLabel('超职责主办理由');
  await expect(reason).toBeVisible();
  await assign.getByRole('button', { name: '派单', exact: true }).click();
  await expect(assign.locator('.dialog__error')).toContainText('职责清单');
  await reason.fill('该路段由本社区网格员长期巡查，熟悉情况');
  await shot(page, 'workflow-assign');
  await assign.getByRole('button', { name: '派单', exact: true }).click();
  await expect(assign).toHaveCount(0);
  await expect(detail.locator('.timeline__summary').first()).toContainText(`派单：主办 ${outside}`);
  await expect(detail.locator('.timeline__summary').first()).toContainText('理由：该路段由本社区网格员长期巡查');
  await expect(detail.getByTestId('records-assignment')).toContainText('超职责主办理由');

  // 联系: the keyboard fills it — Enter moves on, Enter in the last field submits.
  await actionButton(detail, 'contact').click();
  const contact = page.getByTestId('dialog-contact');
  await expect(contact.getByLabel('联系方式')).toBeFocused();
  await expect(contact.getByLabel('联系时间（北京时间）')).toHaveValue(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('电话联系诉求人，告知已安排现场核查');
  await page.keyboard.press('Enter');
  await expect(contact).toHaveCount(0);
  await expect(detail.locator('.timeline__summary').first()).toContainText('首次联系诉求人');
  await expect(detail.getByTestId('first-contact-band')).toHaveText(/按时完成|超时完成/);
  await expect(detail.getByTestId('records-contacts')).toContainText('电话联系诉求人，告知已安排现场核查');

  // 办结 with a template filled from the order's facts.
  await actionButton(detail, 'reply').click();
  const reply = page.getByTestId('dialog-reply');
  await reply.getByLabel('答复模板').selectOption({ label: `${title}（通用）` });
  await expect(reply.getByLabel('答复内容')).toHaveValue(new RegExp(`工单${order.orderNo}）已由${outside}处理完毕`));
  await expect(reply.locator('.dialog__note')).toContainText('已按模板填入');
  await shot(page, 'workflow-reply');
  await reply.getByRole('button', { name: '办结', exact: true }).click();
  await expect(reply).toHaveCount(0);
  await expect(detail.locator('.status-line .chip')).toHaveText('已办结');
  await expect(detail.getByTestId('detail-reply')).toContainText(`工单${order.orderNo}`);

  // 回访 unsatisfied → 二次办理 is offered at once, and confirmed before it happens.
  await actionButton(detail, 'recordCallback').click();
  const callback = page.getByTestId('dialog-callback');
  await callback.getByLabel('满意度').selectOption({ label: '不满意' });
  await callback.getByRole('button', { name: '记录回访' }).click();
  const reopen = page.getByTestId('dialog-reopen');
  await expect(reopen).toContainText('可以二次办理');
  await reopen.getByLabel('二次办理说明').fill('回访不满意，重新核实');
  await reopen.getByRole('button', { name: '二次办理', exact: true }).click();
  await expect(reopen.locator('.dialog__confirm')).toContainText('确认二次办理');
  await shot(page, 'workflow-reopen-confirm');
  await page.keyboard.press('Enter');
  await expect(reopen).toHaveCount(0);
  await expect(detail.locator('.status-line .chip')).toHaveText('办理中');
  await expect(detail.locator('.status-line')).toContainText('二次办理 1 次');

  // Every step is in the timeline, newest first, exactly as the backend recorded it.
  const summaries = await timelineSummaries(detail);
  const steps = ['二次办理', '记录回访', '办结反馈', '首次联系诉求人', '派单：主办', '签收'];
  steps.forEach((s, i) => expect(summaries[i], `timeline entry ${i}`).toContain(s));
  const events = await callApi(page, 'orders.timeline', { id: order.id });
  expect(summaries).toEqual(events.map((e) => e.summary));
  await shot(page, 'workflow-main-road');
  expect(watch.consoleErrors, 'console errors / CSP violations').toEqual([]);
});

test('side road: an objection raised and rejected by the district goes back to 办理中', async ({ page }) => {
  await openApp(page);
  const order = await freshIn(page, 'in_progress', ['raiseObjection']);
  const detail = await openOrder(page, order);

  await actionButton(detail, 'raiseObjection').click();
  const raise = page.getByTestId('dialog-raise-objection');
  await raise.getByLabel('异议理由').fill('问题地址位于相邻街道辖区');
  await raise.getByLabel('证明材料说明').fill('辖区界线图');
  await raise.getByRole('button', { name: '提交异议' }).click();
  await expect(raise).toHaveCount(0);
  await expect(detail.locator('.status-line .chip')).toHaveText('异议审核中');
  await expect(detail.locator('.timeline__summary').first()).toContainText('提出派单异议');

  await actionButton(detail, 'decideObjection').click();
  const decide = page.getByTestId('dialog-decide-objection');
  await expect(decide.locator('.record-box')).toContainText('问题地址位于相邻街道辖区');
  await decide.getByLabel('异议驳回（继续办理）').check();
  await decide.getByLabel('审核意见').fill('经核实属本街道辖区');
  await decide.getByRole('button', { name: '登记结果' }).click();
  // Confirmation first: nothing is recorded yet.
  await expect(decide.locator('.dialog__confirm')).toContainText('确认登记「异议驳回」');
  expect((await callApi(page, 'orders.get', { id: order.id })).status).toBe('objecting');
  await shot(page, 'workflow-objection-confirm');
  await decide.getByRole('button', { name: '确认登记结果' }).click();
  await expect(decide).toHaveCount(0);
  await expect(detail.locator('.status-line .chip')).toHaveText('办理中');
  await expect(detail.locator('.timeline__summary').first()).toContainText('派单异议被驳回');
  await expect(detail.getByTestId('records-objections')).toContainText('异议驳回');
});

test('side road: an approved extension moves 办理时限', async ({ page }) => {
  await openApp(page);
  const order = await freshIn(page, 'in_progress', ['requestExtension']);
  const detail = await openOrder(page, order);
  const before = formatBeijing(order.handleDueAt);
  await expect(detail.getByTestId('handle-due')).toContainText(before);

  await actionButton(detail, 'requestExtension').click();
  const request = page.getByTestId('dialog-request-extension');
  await request.getByLabel('延期理由').fill('需协调产权单位维修');
  await request.getByLabel('延长时长').fill('5');
  await request.getByRole('button', { name: '提交申请' }).click();
  await expect(request).toHaveCount(0);
  await expect(detail.locator('.timeline__summary').first()).toContainText('申请延期至');
  const pending = (await callApi(page, 'orders.get', { id: order.id })).extensions.at(-1)!;
  const after = formatBeijing(pending.requestedDueAt);
  expect(pending.requestedDueAt).toBeGreaterThan(order.handleDueAt);

  await actionButton(detail, 'decideExtension').click();
  const decide = page.getByTestId('dialog-decide-extension');
  await decide.getByLabel('批准', { exact: true }).check();
  await decide.getByRole('button', { name: '登记结果' }).click();
  await expect(decide.locator('.dialog__confirm')).toContainText(`办理时限将由 ${before} 改为 ${after}`);
  await decide.getByRole('button', { name: '确认登记结果' }).click();
  await expect(decide).toHaveCount(0);
  await expect(detail.getByTestId('handle-due')).toContainText(after);
  await expect(detail.getByTestId('handle-due')).toContainText('已延期');
  await expect(detail.locator('.timeline__summary').first()).toContainText(`延期获批：办理时限 ${before} → ${after}`);
  await shot(page, 'workflow-extension');
});

test('the grid: its own right-click menu, and the keyboard path a then c', async ({ page }) => {
  await openApp(page);
  const order = await freshIn(page, 'received', ['accept']);
  const row = await gridRow(page, order.id);
  await page.evaluate(() => {
    (window as unknown as { ctxPrevented: boolean[] }).ctxPrevented = [];
    window.addEventListener('contextmenu', (e) => (window as unknown as { ctxPrevented: boolean[] }).ctxPrevented.push(e.defaultPrevented));
  });
  await row.locator('.ag-cell[col-id="category"]').click({ button: 'right' });
  const menu = page.getByTestId('context-menu');
  await expect(menu).toContainText(`工单 ${order.orderNo}`);
  await expect(menu.getByRole('menuitem', { name: /签收/ })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /办结/ })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { ctxPrevented: boolean[] }).ctxPrevented)).toEqual([true]);
  await shot(page, 'workflow-context-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  // The keyboard: focus is on the row; ? shows the sheet, a accepts, c records a contact.
  const focused = page.locator('.ag-row-focus');
  await expect(focused).toHaveAttribute('row-id', String(order.id));
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-sheet')).toContainText('签收');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-sheet')).toHaveCount(0);
  await page.keyboard.press('a');
  await expect(page.getByTestId('dialog-accept')).toContainText(order.orderNo);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dialog-accept')).toHaveCount(0);
  // The order moved under the status sort; focus followed it, so the next key acts on the same order.
  await expect(focused).toHaveAttribute('row-id', String(order.id));
  await expect(focused.locator('.ag-cell[col-id="status"]')).toHaveText('办理中');
  await page.keyboard.press('c');
  const contact = page.getByTestId('dialog-contact');
  await expect(contact).toContainText(order.orderNo);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('短信告知诉求人已受理');
  await page.keyboard.press('Enter');
  await expect(contact).toHaveCount(0);
  const events = await callApi(page, 'orders.timeline', { id: order.id });
  expect(events[0]!.summary).toContain('首次联系诉求人');
  expect(events[1]!.summary).toContain('签收');
  const detail = page.getByRole('complementary', { name: '工单详情' });
  await expect(detail.locator('.timeline__summary').first()).toContainText('短信告知诉求人已受理');

  // The menu offers the order's new actions and opens their dialogs; Esc cancels without a change.
  await focused.locator('.ag-cell[col-id="category"]').click({ button: 'right' });
  await menu.getByRole('menuitem', { name: /申请延期/ }).click();
  await expect(page.getByTestId('dialog-request-extension')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dialog-request-extension')).toHaveCount(0);
  expect((await callApi(page, 'orders.timeline', { id: order.id })).length).toBe(events.length);
});

test('two clerks, one order: a stale save shows what the other changed and reloads the order', async ({ page }) => {
  await openApp(page);
  const order = await freshIn(page, 'in_progress', ['contact', 'setSupervised']);
  const detail = await openOrder(page, order);
  await actionButton(detail, 'contact').click();
  const contact = page.getByTestId('dialog-contact');
  await contact.getByLabel('联系情况').fill('上门核实情况');
  // Meanwhile another clerk marks the order 督办.
  await callApi(page, 'workflow.setSupervised', { orderId: order.id, version: order.version, on: true, note: '区领导批示' });
  await contact.getByRole('button', { name: '记录联系' }).click();
  await expect(contact.locator('.dialog__error')).toContainText('已被修改');
  await expect(contact.locator('.dialog__error')).toContainText('督办');
  await expect(contact.locator('.dialog__error')).toContainText('已重新读取');
  await expect(detail.locator('.status-line')).toContainText('督办');
  await shot(page, 'workflow-stale');
  // The dialog now holds the fresh version: saving again works, and nothing typed was lost.
  await expect(contact.getByLabel('联系情况')).toHaveValue('上门核实情况');
  await contact.getByRole('button', { name: '记录联系' }).click();
  await expect(contact).toHaveCount(0);
  await expect(detail.locator('.timeline__summary').first()).toContainText('上门核实情况');
});

test('duplicates: link to a master by 工单编号, and the master copies its reply to it', async ({ page }) => {
  await openApp(page);
  const master = await freshOrder(page, async (row, detail) => {
    if (row.status !== 'replied') return false;
    const d = await detail();
    return !!d.replyText && d.duplicates.length === 0 && d.duplicateOf === null;
  });
  const dup = await freshIn(page, 'in_progress', ['linkDuplicate']);
  const detail = await openOrder(page, dup);

  await actionButton(detail, 'linkDuplicate').click();
  const link = page.getByTestId('dialog-link-duplicate');
  await link.getByLabel('主工单的工单编号').fill(master.orderNo);
  await page.keyboard.press('Enter');
  await expect(link).toHaveCount(0);
  await expect(detail.getByTestId('records-duplicates')).toContainText(`本单是工单 ${master.orderNo}`);
  await expect(detail.locator('.timeline__summary').first()).toContainText(`关联为重复件，主工单 ${master.orderNo}`);

  // Open the master from the link; it lists the duplicate and copies its reply to it (confirmed).
  await detail.getByTestId('records-duplicates').getByRole('button', { name: master.orderNo }).click();
  await expect(detail.locator('h2')).toHaveText(`工单 ${master.orderNo}`);
  await expect(detail.getByTestId('records-duplicates')).toContainText(dup.orderNo);
  await actionButton(detail, 'copyReplyToDuplicates').click();
  const copy = page.getByTestId('dialog-copy-reply');
  await copy.getByRole('button', { name: '复制答复' }).click();
  await expect(copy.locator('.dialog__confirm')).toContainText('确认把主工单');
  await copy.getByRole('button', { name: '确认复制答复' }).click();
  await expect(copy.locator('.copy-result')).toContainText(dup.orderNo);
  await shot(page, 'workflow-copy-reply');
  await copy.getByRole('button', { name: '完成' }).click();
  await expect(copy).toHaveCount(0);
  await expect(detail.locator('.timeline__summary').first()).toContainText(`答复已复制到 1 件重复件：${dup.orderNo}`);
  expect((await callApi(page, 'orders.get', { id: dup.id })).status).toBe('replied');
});

test('flags: 疑难 needs a reason and an escalation target; 不合理诉求, 督办 and 每月一题 set and clear', async ({ page }) => {
  await openApp(page);
  const order = await freshOrder(page, async (row, detail) => {
    if (row.status !== 'in_progress') return false;
    const { flags, tags } = await detail();
    return !flags.difficult && !flags.unreasonable && !flags.supervised && tags.length === 0;
  });
  const detail = await openOrder(page, order);
  const chips = detail.locator('.status-line__chips');

  await actionButton(detail, 'setDifficult').click();
  const difficult = page.getByTestId('dialog-difficult');
  await difficult.getByRole('button', { name: '标记疑难' }).click();
  await expect(difficult.locator('.dialog__error')).toContainText('须填写原因和上报对象');
  await difficult.getByLabel('疑难原因').fill('涉及历史遗留产权问题，短期无法解决');
  await difficult.getByLabel('上报对象').fill('区接诉即办工作专班');
  await shot(page, 'workflow-flags-difficult');
  await difficult.getByRole('button', { name: '标记疑难' }).click();
  await expect(difficult).toHaveCount(0);
  await expect(chips).toContainText('疑难');
  await expect(actionButton(detail, 'setDifficult')).toHaveText('取消疑难');
  await expect(detail.locator('.timeline__summary').first()).toContainText('标记为疑难件，上报区接诉即办工作专班');

  await actionButton(detail, 'setUnreasonable').click();
  const unreasonable = page.getByTestId('dialog-unreasonable');
  await unreasonable.getByLabel('不合理诉求说明').fill('诉求超出政策规定范围');
  await unreasonable.getByLabel('核减已获批（不计入考核）').check();
  await unreasonable.getByRole('button', { name: '保存' }).click();
  await expect(chips).toContainText('不合理诉求·已核减');

  await actionButton(detail, 'setSupervised').click();
  await page.getByTestId('dialog-supervised').getByLabel('督办说明').fill('街道主任督办');
  await page.getByTestId('dialog-supervised').getByRole('button', { name: '设为督办' }).click();
  await expect(chips).toContainText('督办');
  await actionButton(detail, 'setSupervised').click();
  await page.getByTestId('dialog-supervised').getByRole('button', { name: '取消督办' }).click();
  await expect(chips).not.toContainText('督办');

  // 每月一题 from the grid's menu, on the same order.
  const row = await gridRow(page, order.id);
  await row.locator('.ag-cell[col-id="category"]').click({ button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: '每月一题' }).click();
  await page.getByTestId('dialog-tag').getByRole('button', { name: '加上标签' }).click();
  await expect(chips).toContainText('每月一题');

  const summaries = await timelineSummaries(detail);
  for (const s of ['加上标签「每月一题」', '取消督办', '设为督办件：街道主任督办', '标记为不合理诉求（核减已获批）', '标记为疑难件']) {
    expect(summaries.some((t) => t.includes(s)), `timeline has ${s}`).toBe(true);
  }
});
