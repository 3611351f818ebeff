import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startShell, type ShellElectron, type ShellEnv } from '../../../main/electron/shell.js';
import { openApp } from '../../../main/runtime.js';
import { PushBus } from '../../../main/services/context.js';
import { IPC_CHANNEL_INVOKE } from '../../../preload/contract/bridge.js';
import { AppError } from '../../../preload/contract/errors.js';
import { app, dialog, fakeElectron, FakeBrowserWindow, FakeEvent, ipcMain, Menu, protocol, resetFake, session } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const quiet = { error: vi.fn(), warn: vi.fn() };

let appData: string;
let userData: string;
beforeEach(() => {
  resetFake();
  appData = mkdtempSync(join(tmpdir(), 'jiesu-appdata-'));
  app.appDataDir = appData;
  userData = join(appData, '接诉台');
  quiet.error.mockClear();
});
afterEach(() => rmSync(appData, { recursive: true, force: true }));

function fakeRuntime() {
  return { dispatch: vi.fn(async () => ({ reply: {} })), push: new PushBus(), close: vi.fn(async () => {}) };
}

function start(env: Partial<ShellEnv> = {}) {
  const runtime = fakeRuntime();
  const openAppFn = vi.fn(env.openApp ?? (async () => runtime));
  const handle = startShell(fakeElectron() as unknown as ShellElectron, {
    argv: ['electron', '.'],
    platform: 'linux',
    appRoot: ROOT,
    version: '9.9.9',
    log: quiet,
    ...env,
    openApp: openAppFn,
  });
  return { handle, runtime, openApp: openAppFn };
}

describe('single instance', () => {
  it('quits at once when another instance holds the lock', async () => {
    app.lockGranted = false;
    const { handle, openApp: open } = start();
    await handle.ready;
    expect(handle.started).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('focuses the existing window when the app is launched a second time', async () => {
    const { handle } = start();
    await handle.ready;
    const [win] = FakeBrowserWindow.instances;
    win!.minimized = true;
    app.emit('second-instance', new FakeEvent(), ['jiesu'], '/');
    expect(win!.minimized).toBe(false);
    expect(win!.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
});

describe('startup', () => {
  it('registers the app:// scheme before ready, then opens one locked-down window on it', async () => {
    let ready!: () => void;
    app.readyPromise = new Promise<void>((r) => (ready = r));
    const { handle } = start();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(protocol.privileged[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(protocol.privileged[0]!.privileges).not.toHaveProperty('bypassCSP');
    expect(FakeBrowserWindow.instances).toHaveLength(0);

    ready();
    await handle.ready;
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.loadedUrl).toBe('app://jiesu/index.html');
    expect(win.options.webPreferences.preload).toBe(join(ROOT, 'dist', 'preload', 'index.cjs'));
    expect(win.options.webPreferences.sandbox).toBe(true);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.headersListener).toBeDefined();
    expect(session.defaultSession.permissionRequestHandler).toBeDefined();
    expect(ipcMain.handlers.has(IPC_CHANNEL_INVOKE)).toBe(true);
    expect((Menu.applied?.template as Array<{ label: string }>).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('shows the version in the 关于接诉台 box from the 帮助 menu', async () => {
    const { handle } = start();
    await handle.ready;
    const help = (Menu.applied!.template as Array<{ label: string; submenu: Array<{ label: string; click?: () => void }> }>).find((m) => m.label === '帮助')!;
    help.submenu.find((i) => i.label === '关于接诉台')!.click!();
    const box = dialog.showMessageBox.mock.calls[0]!.at(-1) as { title: string; message: string };
    expect(box.title).toBe('关于接诉台');
    expect(box.message).toContain('9.9.9');
  });

  it('hardens the windows it creates (navigation to a foreign site is refused)', async () => {
    const { handle } = start();
    await handle.ready;
    const e = new FakeEvent('http://evil.example');
    FakeBrowserWindow.instances[0]!.webContents.emit('will-navigate', e, e.url);
    expect(e.defaultPrevented).toBe(true);
  });

  it('opens the real database under userData, and the demo database only with --demo', async () => {
    const real = start();
    await real.handle.ready;
    expect(app.setPath).toHaveBeenCalledWith('userData', userData);
    expect(real.openApp).toHaveBeenCalledWith(join(userData, 'jiesu.db'));

    resetFake();
    app.appDataDir = appData;
    const demo = start({ argv: ['jiesu.exe', '--demo'] });
    await demo.handle.ready;
    expect(demo.openApp).toHaveBeenCalledWith(join(userData, 'jiesu-demo.db'));
  });

  it('shows a Chinese error box and quits when the database is newer than the program', async () => {
    // A real database written by a future version: openApp itself refuses it with DB_NEWER.
    const dbPath = join(userData, 'jiesu.db');
    mkdirSync(userData, { recursive: true });
    const sqlite = new BetterSqlite3(dbPath);
    sqlite.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL, app_version TEXT NOT NULL)');
    sqlite.prepare('INSERT INTO schema_migrations VALUES (999, ?, 0, ?)').run('future', '99.0.0');
    sqlite.close();

    const { handle } = start({ openApp: (p) => openApp(p) });
    await handle.ready;
    expect(dialog.showErrorBox).toHaveBeenCalledOnce();
    const [title, body] = dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('接诉台无法启动');
    expect(body).toContain('更新版本');
    expect(body).toContain(dbPath);
    expect(app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('does not show raw English error text for an unexpected failure', async () => {
    const { handle } = start({ openApp: async () => Promise.reject(new Error('SQLITE_CANTOPEN: unable to open database file')) });
    await handle.ready;
    const [, body] = dialog.showErrorBox.mock.calls[0]!;
    expect(body).toMatch(/无法打开数据库文件/);
    expect(body).not.toContain('SQLITE');
    expect(app.quit).toHaveBeenCalled();
  });

  it('passes an AppError message through unchanged', async () => {
    const { handle } = start({ openApp: async () => Promise.reject(new AppError('DB_MIGRATION_FAILED', '数据库升级失败，已恢复原状。')) });
    await handle.ready;
    expect(dialog.showErrorBox.mock.calls[0]![1]).toContain('数据库升级失败，已恢复原状。');
  });
});

describe('quitting', () => {
  it('quits when the last window closes, except on macOS', async () => {
    const linux = start();
    await linux.handle.ready;
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();

    resetFake();
    app.appDataDir = appData;
    const mac = start({ platform: 'darwin' });
    await mac.handle.ready;
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('closes the database once before the process exits', async () => {
    const { handle, runtime } = start();
    await handle.ready;
    const first = new FakeEvent();
    app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(runtime.close).toHaveBeenCalledOnce();
    expect(ipcMain.handlers.has(IPC_CHANNEL_INVOKE)).toBe(false);

    const second = new FakeEvent();
    app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
    expect(runtime.close).toHaveBeenCalledOnce();
  });
});

describe('end to end over IPC with the real runtime', () => {
  it('answers our window and refuses a foreign frame', async () => {
    const { handle } = start({ openApp: (p) => openApp(p) });
    await handle.ready;
    const win = FakeBrowserWindow.instances[0]!;
    const ours = { url: 'app://jiesu/index.html', parent: null };
    // A fresh install: the window logs in as the first-run admin and sets its own password (issue 7).
    await ipcMain.invokeFrom(IPC_CHANNEL_INVOKE, win.webContents, ours, { name: 'accounts.login', args: { login: 'admin', password: 'jiesu-admin' } });
    await ipcMain.invokeFrom(IPC_CHANNEL_INVOKE, win.webContents, ours, { name: 'accounts.changePassword', args: { current: 'jiesu-admin', next: 'desk-pass-123' } });
    const res = (await ipcMain.invokeFrom(IPC_CHANNEL_INVOKE, win.webContents, ours, { name: 'app.info', args: {} })) as {
      reply: { orderCount: number; dbPath: string };
    };
    // A fresh install opens an empty database: the shell never seeds.
    expect(res.reply.orderCount).toBe(0);
    expect(res.reply.dbPath).toBe(join(userData, 'jiesu.db'));

    const refused = await ipcMain.invokeFrom(IPC_CHANNEL_INVOKE, win.webContents, { url: 'https://evil.example/', parent: null }, { name: 'app.info', args: {} });
    expect(refused).toMatchObject({ error: { code: 'FORBIDDEN' } });

    app.emit('will-quit', new FakeEvent());
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
  });
});
