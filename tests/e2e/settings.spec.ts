/**
 * 设置 in the UI: deadline rules saved with their version (a stale save is refused with the Chinese
 * conflict message), holiday overrides with the year's calendar, units with duty lists and staff, the
 * taxonomy, reply templates and routing rules. Names carry a per-run suffix and what a test adds that
 * could touch other specs (a holiday, a routing rule, an active unit) is taken away again.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { SettingEntry, SettingKey } from '../../preload/api.js';
import { ARTIFACTS, callApi, openApp } from './support.js';

const suffix = String(Date.now() % 1_000_000);
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

async function setting<K extends SettingKey>(page: Page, key: K): Promise<Extract<SettingEntry, { key: K }>> {
  return (await callApi(page, 'settings.get', { key })) as Extract<SettingEntry, { key: K }>;
}

async function openSettings(page: Page, tab: string): Promise<void> {
  await openApp(page);
  await page.locator('.rail').getByRole('button', { name: '设置' }).click();
  await page.locator('.settings__nav').getByRole('button', { name: tab }).click();
  await expect(page.locator('.page__title')).toHaveText(tab);
}

test('时限规则: a save carries the version it read; a stale save shows who changed what, and can be re-read', async ({ page }) => {
  await openSettings(page, '时限规则');
  const warn = page.getByTestId('setting-deadlines.warnWithinHours');
  const before = await setting(page, 'deadlines.warnWithinHours');
  const hours = warn.getByLabel('预警时长（小时）');
  await expect(hours).toHaveValue(String(before.value));

  await hours.fill(String(before.value + 12));
  await warn.getByRole('button', { name: '保存' }).click();
  await expect(warn.locator('.card__saved')).toHaveText('已保存');
  await expect(warn.locator('.card__meta')).toContainText(`第 ${before.version + 1} 版`);

  // Another administrator saves the setting meanwhile (back to what it was).
  await callApi(page, 'settings.set', { key: 'deadlines.warnWithinHours', value: before.value, version: before.version + 1 });
  await hours.fill(String(before.value + 24));
  await warn.getByRole('button', { name: '保存' }).click();
  const error = warn.locator('.card__error');
  await expect(error).toContainText('已被他人修改');
  await expect(error).toContainText(`当前值为：${before.value}小时`);
  await shot(page, 'settings-stale');
  expect((await setting(page, 'deadlines.warnWithinHours')).value).toBe(before.value);
  await error.getByRole('button', { name: '重新读取' }).click();
  await expect(hours).toHaveValue(String(before.value));
  await expect(warn.locator('.card__meta')).toContainText(`第 ${before.version + 2} 版`);

  // The tier table: one amount changed and saved, then put back.
  const tiers = page.getByTestId('setting-deadlines.tiers');
  const urgentContact = tiers.getByLabel('紧急首次联系时长');
  const original = await urgentContact.inputValue();
  await urgentContact.fill('3');
  await tiers.getByRole('button', { name: '保存' }).click();
  await expect(tiers.locator('.card__saved')).toHaveText('已保存');
  expect((await setting(page, 'deadlines.tiers')).value.urgent.firstContact).toEqual({ amount: 3, unit: 'hours' });
  await urgentContact.fill('0');
  await tiers.getByRole('button', { name: '保存' }).click();
  await expect(tiers.locator('.card__error')).toContainText('「紧急」的首次联系时限应为大于 0 的整数');
  await urgentContact.fill(original);
  await tiers.getByRole('button', { name: '保存' }).click();
  await expect(tiers.locator('.card__saved')).toHaveText('已保存');
  await shot(page, 'settings-deadlines');
});

test('节假日调整: an override shows in the year calendar, with the official-data flag, and can be deleted', async ({ page }) => {
  await openSettings(page, '节假日调整');
  const year = Number(await page.getByLabel('年份').inputValue()) + 3;
  await page.getByLabel('年份').selectOption(String(year));
  const info = await callApi(page, 'calendar.year', { year });
  await expect(page.getByTestId('calendar-flag')).toContainText(info.officialData ? '有国务院节假日安排数据' : '没有国务院节假日安排数据');

  const day = `${year}-06-08`;
  await page.getByLabel('日期').fill(day);
  await page.getByLabel('类型').selectOption({ label: '放假' });
  await page.getByLabel('备注').fill(`e2e${suffix}`);
  await page.getByRole('button', { name: '添加或修改' }).click();
  const row = page.getByTestId('holiday-overrides').locator('tr', { hasText: day });
  await expect(row).toContainText('放假');
  const cell = page.locator(`.cal__day[data-day="${day}"]`);
  await expect(cell).toHaveClass(/cal__day--override/);
  await expect(cell).toHaveClass(/cal__day--rest/);
  await shot(page, 'settings-holidays');

  await row.getByRole('button', { name: '删除' }).click();
  await row.getByRole('button', { name: `确认删除 ${day}` }).click();
  await expect(row).toHaveCount(0);
  await expect(cell).not.toHaveClass(/cal__day--override/);
});

test('社区与科室: add a community, give it a duty list and staff, rename and deactivate it', async ({ page }) => {
  await openSettings(page, '社区与科室');
  const name = `e2e社区${suffix}`;
  const list = page.getByTestId('units-community');
  await list.getByLabel('新社区名称').fill(name);
  await list.getByRole('button', { name: '新增社区' }).click();
  const item = list.locator('.unit-list__item', { hasText: name });
  await item.locator('.unit-list__name').click();

  const duties = page.getByTestId('unit-duties');
  await expect(duties).toContainText(`${name} · 职责清单`);
  const picker = duties.getByLabel('添加职责分类');
  const first = await picker.locator('option').nth(1).getAttribute('value');
  await picker.selectOption(first!);
  await duties.getByRole('button', { name: '加入清单' }).click();
  await duties.getByRole('button', { name: '保存职责清单' }).click();
  await expect(duties.locator('.card__saved')).toHaveText('已保存');
  await expect(item).toContainText('职责 1');

  const staff = page.getByTestId('unit-staff');
  await staff.getByLabel('新人员姓名').fill('测试员');
  await staff.getByLabel('新人员电话').fill('13800001234');
  await staff.getByRole('button', { name: '新增人员' }).click();
  await expect(staff.locator('tr', { hasText: '测试员' })).toContainText('13800001234');
  await expect(item).toContainText('人员 1');
  await shot(page, 'settings-units');

  await item.getByRole('button', { name: '改名' }).click();
  await item.getByLabel(`${name}的新名称`).fill(`${name}甲`);
  await page.keyboard.press('Enter');
  const renamed = list.locator('.unit-list__item', { hasText: `${name}甲` });
  await expect(renamed).toBeVisible();
  await renamed.getByRole('button', { name: '停用' }).click();
  await expect(renamed).toContainText('已停用');
  const units = await callApi(page, 'units.listAll', { kind: 'community' });
  expect(units.find((u) => u.name === `${name}甲`)).toMatchObject({ active: false, duties: [first], staffCount: 1 });
});

test('问题分类, 答复模板, 派单规则: add and change what the workflow uses', async ({ page }) => {
  await openSettings(page, '问题分类');
  const tree = page.getByTestId('category-tree');
  const firstL1 = tree.locator('.cat-tree__l1').first();
  await firstL1.locator('.cat-row__toggle').first().click();
  const l2 = `e2e二级${suffix}`;
  await firstL1.getByRole('textbox', { name: /下新增二级分类/ }).fill(l2);
  await firstL1.getByRole('textbox', { name: /下新增二级分类/ }).press('Enter');
  const l2Row = firstL1.locator('.cat-tree__l2', { hasText: l2 });
  await expect(l2Row).toBeVisible();
  await l2Row.getByRole('button', { name: `展开${l2}` }).click();
  await l2Row.getByRole('textbox', { name: /下新增三级分类/ }).fill('测试小类');
  await l2Row.getByRole('button', { name: '添加' }).click();
  await l2Row.getByLabel('测试小类的默认时限档位').selectOption({ label: '默认档位：紧急' });
  await expect(l2Row.getByLabel('测试小类的默认时限档位')).toHaveValue('urgent');
  await shot(page, 'settings-categories');

  await page.locator('.settings__nav').getByRole('button', { name: '答复模板' }).click();
  await page.getByRole('button', { name: '新建模板' }).click();
  const title = `e2e模板${suffix}`;
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('模板内容').fill('您好，工单');
  await page.locator('.palette__item', { hasText: '{工单编号}' }).click();
  await expect(page.getByLabel('模板内容')).toHaveValue('您好，工单{工单编号}');
  await page.getByRole('button', { name: '保存模板' }).click();
  await expect(page.getByTestId('template-list')).toContainText(title);
  await shot(page, 'settings-templates');
  await page.getByRole('button', { name: '删除模板' }).click();
  await page.getByRole('button', { name: '确认删除此模板' }).click();
  await expect(page.getByTestId('template-list')).not.toContainText(title);

  await page.locator('.settings__nav').getByRole('button', { name: '派单规则' }).click();
  const note = `e2e规则${suffix}`;
  await page.getByLabel('规则分类').selectOption({ index: 1 });
  await page.getByLabel('建议主办单位').selectOption({ index: 1 });
  await page.getByLabel('规则备注').fill(note);
  await page.getByRole('button', { name: '新增规则' }).click();
  const rule = page.getByTestId('routing-rules').locator('tr', { hasText: note });
  await expect(rule).toBeVisible();
  await shot(page, 'settings-routing');
  await rule.getByRole('button', { name: '删除' }).click();
  await rule.getByRole('button', { name: '确认删除' }).click();
  await expect(rule).toHaveCount(0);
});
