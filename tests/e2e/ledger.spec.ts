/**
 * 导入 / 导出 in the browser: the platform's own export (xlsx, and the GBK csv) goes in through the page
 * — upload, progress, preview, 确认导入 — and a re-import changes nothing; a changed file shows what
 * changed upstream, rejected rows and in-file duplicates; a big file can be cancelled mid-read; a
 * mapping preset teaches it another layout. Ledgers come back as downloads (both presets, CSV) and are
 * checked with exceljs. This spec commits imports, so it runs on its own small database and its own
 * `jiesu serve`, leaving the shared e2e database (and the counts other specs see) alone.
 */
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ARTIFACTS, ROOT, callApi, jiesu, openApp, startServer, type RunningServer } from './support.js';
import { sortGrid } from './workflowSupport.js';

const FIXTURES = join(ROOT, '..', 'shared', 'fixtures');
const SAMPLE_XLSX = join(FIXTURES, 'platform-export-sample.xlsx');
const SAMPLE_GBK = join(FIXTURES, 'platform-export-sample.gbk.csv');
const SAMPLE_ORDERS = 120;
const PLATFORM_HEADER = [
  '工单编号', '受理时间', '派单时间', '诉求人', '联系电话', '诉求类型', '一级分类', '二级分类', '三级分类', '诉求内容', '诉求地址',
  '所属社区', '承办单位', '办理时限', '工单状态', '回访时间', '是否有效回访', '是否联系', '是否解决', '满意度',
];

test.describe.configure({ mode: 'serial' });

let server: RunningServer;
let dir: string;

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiesu-e2e-ledger-'));
  const db = join(dir, 'ledger.db');
  await jiesu(['seed', '--orders', '1500', '--seed', '11', '--db', db]);
  server = await startServer(db);
});
test.afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

async function openView(page: Page, view: '导入' | '导出'): Promise<void> {
  await openApp(page, server.url);
  await page.locator('.rail').getByRole('button', { name: view }).click();
  await expect(page.locator('.page__title').filter({ visible: true })).toHaveText(view === '导入' ? '导入工单' : '导出台账');
}

const count = (preview: Locator, id: string) => preview.getByTestId(`count-${id}`).locator('.ledger-count__value');
async function counts(preview: Locator): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of ['new', 'updated', 'unchanged', 'rejected', 'duplicates']) out[id] = Number((await count(preview, id).textContent())!.replace(/,/g, ''));
  return out;
}

/** Chooses a file through the page and waits for its preview. */
async function previewFile(page: Page, file: string): Promise<Locator> {
  await page.getByTestId('import-file').setInputFiles(file);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  return preview;
}

async function commit(page: Page): Promise<Locator> {
  await page.getByTestId('import-commit').click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('导入完成', { timeout: 30_000 });
  return result;
}

/** Makes sure the sample's orders are in the database (whatever ran before). */
async function ensureSampleImported(page: Page): Promise<void> {
  const preview = await previewFile(page, SAMPLE_XLSX);
  const c = await counts(preview);
  if (c.new! + c.updated! > 0) {
    await commit(page);
    await page.getByRole('button', { name: '导入另一个文件' }).click();
  } else {
    await preview.getByRole('button', { name: '取消' }).click();
  }
}

const orderCount = async (page: Page) => (await callApi(page, 'app.info', {})).orderCount;

test('imports the platform xlsx: upload, preview, 确认导入; importing it again changes nothing', async ({ page }) => {
  await openView(page, '导入');
  await shot(page, 'ledger-import-start');
  const before = await orderCount(page);

  const preview = await previewFile(page, SAMPLE_XLSX);
  await expect(preview.locator('h3')).toHaveText('预览「platform-export-sample.xlsx」');
  await expect(preview.locator('.card__meta')).toContainText('表头在第 2 行');
  const c = await counts(preview);
  expect(c.new! + c.unchanged! + c.updated!).toBe(SAMPLE_ORDERS);
  expect(c.rejected).toBe(0);
  expect(c.duplicates).toBe(0);
  // Communities and units the demo street does not have are told, not silently dropped.
  await expect(preview.getByTestId('import-warnings')).toContainText('不在本街道的社区列表中');
  await shot(page, 'ledger-import-preview');

  const result = await commit(page);
  await expect(result).toContainText(`新增 ${c.new} 件`);
  await expect(page.locator('.topbar')).toContainText(`工单 ${(before + c.new!).toLocaleString('zh-CN')} 件`);
  expect(await orderCount(page)).toBe(before + c.new!);
  await shot(page, 'ledger-import-result');

  // The same file again: everything unchanged, nothing to write.
  await page.getByRole('button', { name: '导入另一个文件' }).click();
  const again = await previewFile(page, SAMPLE_XLSX);
  expect(await counts(again)).toEqual({ new: 0, updated: 0, unchanged: SAMPLE_ORDERS, rejected: 0, duplicates: 0 });
  await expect(again.getByTestId('import-nothing-new')).toBeVisible();
  await shot(page, 'ledger-import-reimport');
  await again.getByRole('button', { name: '取消' }).click();
  await expect(page.locator('.ledger__notice')).toHaveText('已取消导入，未写入任何内容。');
  expect(await orderCount(page)).toBe(before + c.new!);
});

test('imports the GBK csv (encoding detected), and a re-import is all unchanged', async ({ page }) => {
  await openView(page, '导入');
  const preview = await previewFile(page, SAMPLE_GBK);
  await expect(preview.locator('.card__meta')).toContainText('GBK 编码');
  await expect(preview.locator('.card__meta')).toContainText('表头在第 1 行');
  const c = await counts(preview);
  expect(c.new! + c.unchanged! + c.updated!).toBe(SAMPLE_ORDERS);
  expect(c.rejected).toBe(0);
  await shot(page, 'ledger-import-gbk');
  await commit(page);

  await page.getByRole('button', { name: '导入另一个文件' }).click();
  const again = await previewFile(page, SAMPLE_GBK);
  expect(await counts(again)).toEqual({ new: 0, updated: 0, unchanged: SAMPLE_ORDERS, rejected: 0, duplicates: 0 });
  await again.getByRole('button', { name: '取消' }).click();
});

test('a changed export shows what changed upstream, the rejected rows and in-file duplicates', async ({ page }) => {
  await openView(page, '导入');
  await ensureSampleImported(page);

  // The platform's next export: one order called back, one row without 工单编号, one order twice, a new column.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_XLSX);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(2).values as unknown[]).map(String);
  const col = (name: string) => header.indexOf(name);
  let changedRow = 0;
  let changedNo = '';
  ws.eachRow((row, i) => {
    if (changedRow || i < 3 || row.getCell(col('工单状态')).value !== '办理中') return;
    changedRow = i;
    changedNo = String(row.getCell(col('工单编号')).value);
    row.getCell(col('工单状态')).value = '已办结';
    row.getCell(col('回访时间')).value = '2026-12-01 10:00:00';
    row.getCell(col('是否有效回访')).value = '是';
    row.getCell(col('是否联系')).value = '是';
    row.getCell(col('是否解决')).value = '是';
    row.getCell(col('满意度')).value = '满意';
  });
  expect(changedRow).toBeGreaterThan(0);
  const last = ws.rowCount;
  const copy = (ws.getRow(3).values as unknown[]).slice(1);
  ws.addRow(copy);
  const blank = [...copy];
  blank[0] = '';
  ws.addRow(blank);
  ws.getRow(2).getCell(header.length).value = '内部备注';
  const changed = join(dir, '平台导出-第二周.xlsx');
  await wb.xlsx.writeFile(changed);

  const preview = await previewFile(page, changed);
  const c = await counts(preview);
  expect(c).toEqual({ new: 0, updated: 1, unchanged: SAMPLE_ORDERS - 1, rejected: 1, duplicates: 1 });
  const changes = preview.getByTestId('import-changes');
  await expect(changes.locator('tbody tr')).toHaveCount(1);
  await expect(changes).toContainText(changedNo);
  await expect(changes).toContainText(String(changedRow));
  await expect(changes).toContainText('办理中');
  await expect(changes).toContainText('已办结');
  await expect(changes).toContainText('满意');
  const rejected = preview.getByTestId('import-rejected');
  await expect(rejected).toContainText(`第 ${last + 2} 行`);
  await expect(rejected).toContainText('工单编号');
  await expect(preview.getByTestId('import-ignored')).toContainText('内部备注');
  await preview.locator('h3').focus();
  await shot(page, 'ledger-import-changes');

  const result = await commit(page);
  await expect(result).toContainText('更新 1 件');
  await expect(result).toContainText('拒绝 1 行');
  await expect(result).toContainText('文件内重复 1 行');
});

test('a big file shows its progress and 取消 stops it without writing anything', async ({ page }) => {
  await openView(page, '导入');
  const before = await orderCount(page);
  const lines = ['工单编号,受理时间,诉求类型,诉求内容,诉求地址'];
  for (let i = 0; i < 200_000; i++) lines.push(`E2EBIG${String(i).padStart(8, '0')},2026-03-01 09:00:00,求助,市民反映小区路灯不亮需要维修,北京市丰台区某小区${i}号楼`);
  const big = join(dir, '大文件.csv');
  await writeFile(big, `${lines.join('\r\n')}\r\n`);

  await page.getByTestId('import-file').setInputFiles(big);
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress.locator('h3')).toContainText(/正在(上传|读取|比对)「大文件.csv」/);
  await expect(progress.getByTestId('import-progress-amount')).toContainText('%');
  await shot(page, 'ledger-import-progress');
  await progress.getByRole('button', { name: '取消' }).click();
  await expect(page.locator('.ledger__notice')).toHaveText('已取消导入，未写入任何内容。');
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('import-preview')).toBeHidden();
  expect(await orderCount(page)).toBe(before);
});

test('a mapping preset teaches the import another layout', async ({ page }) => {
  await openView(page, '导入');
  const suffix = String(Date.now() % 1_000_000);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('登记表');
  ws.addRow(['街道自建登记表']);
  ws.addRow(['单号', '登记日期', '事项描述', '位置', '经办人备注']);
  for (let i = 1; i <= 3; i++) ws.addRow([`E2EMAP${suffix}${i}`, `2026-03-0${i} 10:00`, `路灯不亮第${i}处`, `东街${i}号`, '—']);
  const file = join(dir, `自建登记表-${suffix}.xlsx`);
  await wb.xlsx.writeFile(file);

  // Without a preset the headers mean nothing to the importer: it says so in Chinese.
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-error')).toContainText('无法导入');

  await page.getByRole('button', { name: '新建方案…' }).click();
  const dialog = page.getByTestId('dialog-import-preset');
  await dialog.getByLabel('方案名称').fill(`自建登记表${suffix}`);
  const pairs: Array<[string, string]> = [
    ['单号', '工单编号'],
    ['登记日期', '受理时间'],
    ['事项描述', '诉求内容'],
    ['位置', '诉求地址'],
    ['经办人备注', '（不导入）'],
  ];
  for (const [i, [header, field]] of pairs.entries()) {
    if (i > 0) await dialog.getByRole('button', { name: '添加一列' }).click();
    await dialog.getByLabel(`第 ${i + 1} 列的表头文字`).fill(header);
    await dialog.getByLabel(`第 ${i + 1} 列的含义`).selectOption({ label: field });
  }
  await shot(page, 'ledger-import-preset');
  await dialog.getByRole('button', { name: '保存方案' }).click();
  await expect(dialog).toBeHidden();

  // Saving selects the preset and reads the same file again with it.
  await expect(page.getByTestId('import-preset')).toHaveValue(`自建登记表${suffix}`);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  expect(await counts(preview)).toEqual({ new: 3, updated: 0, unchanged: 0, rejected: 0, duplicates: 0 });
  await preview.getByText(/各列的识别结果/).click();
  await expect(preview.locator('.ledger-mapping')).toContainText('事项描述');
  await preview.getByRole('button', { name: '取消' }).click();
});

async function exportAndDownload(page: Page): Promise<{ download: Download; text: string; file: string }> {
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-submit').click();
  const download = await downloadPromise;
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const text = (await page.getByTestId('export-done').textContent()) ?? '';
  return { download, text, file };
}

const rowsOf = (text: string) => Number(/已导出 ([\d,]+) 行/.exec(text)![1]!.replace(/,/g, ''));

async function readXlsx(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}

test('exports 平台格式 as xlsx: a download that opens with the platform headers and masked phones', async ({ page }) => {
  await openView(page, '导出');
  await expect(page.getByTestId('export-column-count')).toHaveText('已选 20 列');
  await shot(page, 'ledger-export');
  const { download, text, file } = await exportAndDownload(page);
  expect(download.suggestedFilename()).toMatch(/^平台格式台账-\d{8}\.xlsx$/);
  await expect(page.getByTestId('export-done')).toContainText('浏览器正在下载');

  const ws = await readXlsx(file);
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(PLATFORM_HEADER);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const rows = rowsOf(text);
  expect(rows).toBe(await orderCount(page));
  expect(ws.actualRowCount).toBe(rows + 1);
  const phones: string[] = [];
  ws.eachRow((row, i) => {
    if (i > 1) phones.push(String(row.getCell(5).value ?? ''));
  });
  expect(phones.some((p) => /^\d{3}\*{4}\d{4}$/.test(p))).toBe(true);
  expect(phones.some((p) => /^1\d{10}$/.test(p))).toBe(false);
});

test('exports 区考核台账 with a date range and the column chooser’s choice and order', async ({ page }) => {
  await openView(page, '导出');
  await page.getByRole('radio', { name: '区考核台账' }).check();
  await expect(page.getByTestId('export-column-count')).toHaveText('已选 21 列');
  const chooser = page.getByTestId('export-columns');
  await chooser.getByRole('checkbox', { name: '诉求内容' }).uncheck();
  // 所属社区 up by keyboard (Alt+↑) and by button.
  await chooser.getByRole('checkbox', { name: '所属社区' }).press('Alt+ArrowUp');
  await chooser.getByRole('button', { name: '上移「所属社区」' }).click();
  await expect(page.getByTestId('export-column-count')).toHaveText('已选 20 列（已调整）');
  await page.getByLabel('受理日期 从').fill('2026-11-01');
  await page.getByLabel('至').fill('2026-11-30');
  await shot(page, 'ledger-export-district');
  const { download, text, file } = await exportAndDownload(page);
  expect(download.suggestedFilename()).toMatch(/^区考核台账-\d{8}\.xlsx$/);

  const ws = await readXlsx(file);
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  expect(header.slice(0, 6)).toEqual(['工单编号', '受理时间', '诉求类型', '所属社区', '问题分类', '诉求地址']);
  expect(header).not.toContain('诉求内容');
  expect(header).toEqual(expect.arrayContaining(['满意度', '是否纳入考核', '响应得分', '解决得分', '满意得分']));
  const rows = rowsOf(text);
  expect(rows).toBeGreaterThan(0);
  // 受理时间 as real Excel dates (Beijing wall-clock time, as the workbook shows it), all in the range.
  const received: string[] = [];
  for (let i = 2; i <= rows + 1; i++) {
    const v = ws.getRow(i).getCell(2).value;
    received.push(v instanceof Date ? v.toISOString() : String(v));
  }
  expect(received.filter((t) => !t.startsWith('2026-11'))).toEqual([]);
  // The closing line: totals and the 三率.
  expect(String(ws.getRow(rows + 2).getCell(1).value)).toMatch(/^合计：/);
});

test('exports the current table as CSV with phones: a clear warning, BOM, the grid’s order, full numbers', async ({ page }) => {
  await openApp(page, server.url);
  await sortGrid(page, { column: 'orderNo', direction: 'asc' });
  await page.locator('.rail').getByRole('button', { name: '导出' }).click();
  await page.getByRole('radio', { name: /CSV/ }).check();
  await page.getByRole('radio', { name: /导出当前表格/ }).check();
  await expect(page.getByRole('radio', { name: /导出当前表格/ })).toHaveAccessibleName(/工单编号升序/);
  await page.getByRole('checkbox', { name: '包含完整联系电话' }).check();
  await expect(page.getByTestId('export-phones-warning')).toContainText('个人信息');
  await expect(page.getByTestId('export-submit')).toHaveText('导出 CSV');
  await shot(page, 'ledger-export-phones');
  const { download, text, file } = await exportAndDownload(page);
  expect(download.suggestedFilename()).toMatch(/^平台格式台账-\d{8}\.csv$/);

  const bytes = await readFile(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter((l) => l !== '');
  expect(lines[0]).toBe(PLATFORM_HEADER.join(','));
  expect(lines.length - 1).toBe(rowsOf(text));
  const orderNos = lines.slice(1, 21).map((l) => l.split(',')[0]);
  const grid = await callApi(page, 'orders.page', { sort: { column: 'orderNo', direction: 'asc' }, startRow: 0, endRow: 20 });
  expect(orderNos).toEqual(grid.rows.map((r) => r.orderNo));
  expect(lines.slice(1).some((l) => /,1\d{10},/.test(l))).toBe(true);
});
