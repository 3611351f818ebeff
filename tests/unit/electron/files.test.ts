/**
 * The desktop's file dialogs behind the typed API: files.pickImport / files.pickExportTarget open the
 * system dialogs (modal to our window, in Chinese), and export.ledger writes only where the clerk chose
 * in the 另存为 dialog. Electron is faked; the dispatcher behind is the real one over a test database.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallContext, Dispatch } from '../../../main/dispatch.js';
import { newConnectionSession } from '../../../main/auth/session.js';
import { ensureAccount, TEST_ADMIN, TEST_PASSWORD } from '../../support/accounts.js';
import { createDesktopFiles, withExtension } from '../../../main/electron/files.js';
import { startShell, type ShellElectron } from '../../../main/electron/shell.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { PushBus } from '../../../main/services/context.js';
import { IPC_CHANNEL_INVOKE } from '../../../preload/contract/bridge.js';
import { createTestApp } from '../../support/app.js';
import { seedFixture } from '../contract/fixture.js';
import { app as fakeApp, dialog as fakeDialog, fakeElectron, FakeBrowserWindow, ipcMain, resetFake } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

// One window's login (issue 7): IPC calls carry the window's session, logged in in beforeAll.
const CTX: CallContext = { actor: 'desktop', transport: 'ipc', session: newConnectionSession() };
const CHINESE = /[\u4e00-\u9fff]/;

let app: AppRuntime;
let dir: string;
let clock: number;
const parentWindow = { id: 'main-window' };

const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '' as string | undefined })),
};

let inner: ReturnType<typeof vi.fn<Dispatch>>;
let dispatch: Dispatch;

beforeAll(async () => {
  app = await createTestApp();
  await seedFixture(app);
  await ensureAccount(app, TEST_ADMIN);
  await app.dispatch('accounts.login', { login: TEST_ADMIN.login, password: TEST_PASSWORD }, CTX);
  dir = mkdtempSync(join(tmpdir(), 'jiesu-desktop-files-'));
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  clock = 1_000_000;
  dialog.showOpenDialog.mockReset();
  dialog.showSaveDialog.mockReset();
  inner = vi.fn<Dispatch>((name, args, ctx) => app.dispatch(name, args, ctx));
  const files = createDesktopFiles({
    dialog: dialog as never,
    parent: () => parentWindow as never,
    documentsDir: () => join(dir, '文档'),
    now: () => clock,
  });
  dispatch = files.guard(inner);
});

const reply = async (name: string, args: unknown) => {
  const r = await dispatch(name, args, CTX);
  if ('error' in r) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.reply;
};
const error = async (name: string, args: unknown) => {
  const r = await dispatch(name, args, CTX);
  if (!('error' in r)) throw new Error(`expected an error, got ${JSON.stringify(r.reply)}`);
  expect(r.error.message).toMatch(CHINESE);
  return r.error;
};

describe('files.pickImport', () => {
  it('opens the system 打开 dialog on our window and answers the chosen file', async () => {
    const chosen = join(dir, '平台导出', '本周.xlsx');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] });
    expect(await reply('files.pickImport', {})).toEqual({ path: chosen, name: '本周.xlsx' });
    const [parent, options] = dialog.showOpenDialog.mock.calls[0]!;
    expect(parent).toBe(parentWindow);
    expect(options).toMatchObject({ title: '选择要导入的表格', properties: ['openFile'], defaultPath: join(dir, '文档') });
    expect((options as { filters: Array<{ extensions: string[] }> }).filters[0]!.extensions).toEqual(['xlsx', 'csv', 'txt']);
    // The next dialog opens where the last file was.
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await reply('files.pickImport', {})).toBeNull();
    expect(dialog.showOpenDialog.mock.calls[1]![1]).toMatchObject({ defaultPath: join(dir, '平台导出') });
    expect(inner).not.toHaveBeenCalled();
  });

  it('says so in Chinese when the dialog cannot open, and refuses bad input like every method', async () => {
    dialog.showOpenDialog.mockRejectedValueOnce(new Error('boom'));
    expect((await error('files.pickImport', {})).code).toBe('INTERNAL');
    expect((await error('files.pickImport', { multiple: true })).code).toBe('INVALID_INPUT');
  });
});

describe('files.pickExportTarget and export.ledger', () => {
  it('opens 另存为 with the suggested name, adds the extension, and the export writes there', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, '区考核台账-20260302') });
    const target = (await reply('files.pickExportTarget', { name: '区考核台账-20260302.xlsx', format: 'xlsx' })) as { path: string };
    expect(target).toEqual({ path: join(dir, '区考核台账-20260302.xlsx'), name: '区考核台账-20260302.xlsx', downloadUrl: null });
    const [parent, options] = dialog.showSaveDialog.mock.calls[0]!;
    expect(parent).toBe(parentWindow);
    expect(options).toMatchObject({ title: '导出台账', defaultPath: join(dir, '文档', '区考核台账-20260302.xlsx'), filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });

    const r = await reply('export.ledger', { preset: 'district', format: 'xlsx', path: target.path });
    expect(r).toMatchObject({ path: target.path });
    expect(readFileSync(target.path).subarray(0, 2).toString('latin1')).toBe('PK');
    // One choice, one export: writing there again needs the dialog again.
    expect((await error('export.ledger', { preset: 'district', format: 'xlsx', path: target.path })).code).toBe('FORBIDDEN');
  });

  it('never writes where the clerk did not choose: other paths, or a choice older than 30 minutes', async () => {
    const planted = join(dir, 'planted.csv');
    expect((await error('export.ledger', { preset: 'platform', format: 'csv', path: planted })).code).toBe('FORBIDDEN');
    expect(existsSync(planted)).toBe(false);
    expect(inner).not.toHaveBeenCalled();

    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'late.csv') });
    const target = (await reply('files.pickExportTarget', { name: '平台格式', format: 'csv' })) as { path: string };
    clock += 31 * 60_000;
    expect((await error('export.ledger', { preset: 'platform', format: 'csv', path: target.path })).code).toBe('FORBIDDEN');
    expect(existsSync(target.path)).toBe(false);
  });

  it('keeps the choice when the export fails, so the clerk can retry after fixing the cause', async () => {
    const missingFolder = join(dir, '不存在的文件夹', '台账.csv');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: missingFolder });
    const target = (await reply('files.pickExportTarget', { name: '台账', format: 'csv' })) as { path: string };
    expect((await error('export.ledger', { preset: 'platform', format: 'csv', path: target.path })).code).toBe('EXPORT_FAILED');
    expect(inner).toHaveBeenCalledTimes(1);
    expect((await error('export.ledger', { preset: 'platform', format: 'csv', path: target.path })).code).toBe('EXPORT_FAILED');
  });

  it('answers null when the clerk cancels, and INVALID_INPUT for a bad name', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: undefined });
    expect(await reply('files.pickExportTarget', { name: '台账', format: 'csv' })).toBeNull();
    expect((await error('files.pickExportTarget', { name: '../台账', format: 'csv' })).code).toBe('INVALID_INPUT');
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
  });

  it('gives the file the format’s extension', () => {
    expect(withExtension('/d/台账', 'csv')).toBe('/d/台账.csv');
    expect(withExtension('/d/台账.CSV', 'csv')).toBe('/d/台账.CSV');
    expect(withExtension('/d/台账.xlsx', 'csv')).toBe('/d/台账.xlsx.csv');
  });

  it('passes every other method through unchanged (import.preview reads a dropped or chosen file)', async () => {
    await dispatch('app.info', {}, CTX);
    await dispatch('import.preview', { path: join(dir, 'missing.xlsx') }, CTX);
    expect(inner.mock.calls.map((c) => c[0])).toEqual(['app.info', 'import.preview']);
    expect(inner.mock.calls[1]![1]).toEqual({ path: join(dir, 'missing.xlsx') });
  });
});

describe('wired into the shell', () => {
  it('answers files.pickImport over IPC from our window with the real dialog module', async () => {
    resetFake();
    const appData = mkdtempSync(join(tmpdir(), 'jiesu-appdata-'));
    fakeApp.appDataDir = appData;
    const chosen = join(appData, '本周.csv');
    const showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: [chosen] }));
    Object.assign(fakeDialog, { showOpenDialog });
    const runtime = { dispatch: vi.fn(async () => ({ reply: {} })), push: new PushBus(), close: vi.fn(async () => {}) };
    try {
      const handle = startShell(fakeElectron() as unknown as ShellElectron, {
        argv: ['electron', '.'],
        platform: 'linux',
        appRoot: resolve(import.meta.dirname, '..', '..', '..'),
        version: '9.9.9',
        log: { error: vi.fn(), warn: vi.fn() },
        openApp: async () => runtime,
      });
      await handle.ready;
      const [win] = FakeBrowserWindow.instances;
      const res = await ipcMain.invokeFrom(IPC_CHANNEL_INVOKE, win!.webContents, { url: 'app://jiesu/index.html', parent: null }, { name: 'files.pickImport', args: {} });
      expect(res).toEqual({ id: 0, reply: { path: chosen, name: '本周.csv' } });
      expect((showOpenDialog.mock.calls[0] as unknown[])[0]).toBe(win);
      expect(runtime.dispatch).not.toHaveBeenCalled();
    } finally {
      rmSync(appData, { recursive: true, force: true });
    }
  });
});
