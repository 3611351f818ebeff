/**
 * The shell's life: one instance, locks on, database open, IPC wired, one window; closed cleanly.
 * Takes the electron modules as arguments so tests can drive it with a fake (main.ts passes the real ones).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { App, BrowserWindow, Dialog, IpcMain, Menu, Protocol, Screen, Session } from 'electron';
import { isAppError } from '../../preload/contract/errors.js';
import type { AppRuntime } from '../runtime.js';
import { createDesktopFiles } from './files.js';
import { registerIpc } from './ipc.js';
import { createReportPdf } from './reportPdf.js';
import { aboutText, buildMenuTemplate } from './menu.js';
import { APP_ENTRY_URL, APP_SCHEME } from './origin.js';
import { APP_ID, appLayout, databasePath, USER_DATA_DIR_NAME } from './paths.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol.js';
import { hardenWebContents, installSessionSecurity } from './security.js';
import { createMainWindow, focusWindow, WindowRegistry } from './window.js';

export interface ShellElectron {
  app: App;
  BrowserWindow: typeof BrowserWindow;
  dialog: Dialog;
  ipcMain: IpcMain;
  Menu: typeof Menu;
  protocol: Protocol;
  session: { defaultSession: Session };
  screen: Screen;
}

/** What the shell needs of the open database. */
export type ShellRuntime = Pick<AppRuntime, 'dispatch' | 'push' | 'close'>;

export interface ShellEnv<R extends ShellRuntime = ShellRuntime> {
  argv: readonly string[];
  platform: NodeJS.Platform;
  /** Opens and migrates the database (main/runtime.ts's openApp, or main/liveApp.ts's openLiveApp). */
  openApp(dbPath: string): Promise<R>;
  /** Starts the automatic backups (at start, then daily) of the open runtime; returns their stop. */
  startBackupSchedule?(runtime: R): () => void;
  /** Where dist/ lives (the project root, or app.asar when packaged); defaults to app.getAppPath(). */
  appRoot?: string;
  version?: string;
  log?: Pick<Console, 'error' | 'warn'>;
}

export interface ShellHandle {
  /** False when another instance holds the lock: this one quits at once. */
  started: boolean;
  /** Settles once the window is created (or startup failed and the app is quitting). */
  ready: Promise<void>;
  windows: WindowRegistry;
}

export const STARTUP_FAILED_TITLE = '接诉台无法启动';

/** The Chinese text of the startup error box. AppErrors (e.g. DB_NEWER) already speak to the clerk. */
export function openFailureMessage(error: unknown, dbPath: string): string {
  if (isAppError(error)) return `${error.message}\n\n数据库文件：${dbPath}`;
  return `无法打开数据库文件：\n${dbPath}\n\n请确认磁盘空间充足、文件没有被其他程序占用，然后重新启动接诉台。如仍无法打开，请联系技术支持。`;
}

export function startShell<R extends ShellRuntime>(electron: ShellElectron, env: ShellEnv<R>): ShellHandle {
  const { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, screen } = electron;
  const log = env.log ?? console;
  const windows = new WindowRegistry();

  // A second launch (double-click on the shortcut again) focuses the running window instead of
  // opening the same database twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { started: false, ready: Promise.resolve(), windows };
  }
  app.on('second-instance', () => focusWindow(windows.first()));

  // Everything below up to whenReady runs synchronously, before 'ready' (a requirement for schemes).
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.setPath('userData', join(app.getPath('appData'), USER_DATA_DIR_NAME));
  if (env.platform === 'win32') app.setAppUserModelId(APP_ID);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (env.platform !== 'darwin') app.quit();
  });

  const layout = appLayout(env.appRoot ?? app.getAppPath());
  const version = env.version ?? app.getVersion();

  const openWindow = (): BrowserWindow =>
    createMainWindow({
      BrowserWindow,
      registry: windows,
      url: APP_ENTRY_URL,
      preloadPath: layout.preloadPath,
      devTools: !app.isPackaged,
      workArea: screen.getPrimaryDisplay().workAreaSize,
      onLoadFailed: (e) => log.error('[接诉台] 页面加载失败:', e instanceof Error ? e.message : e),
    });

  const onReady = async (): Promise<void> => {
    installSessionSecurity(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir: layout.rendererDir }));

    const dbPath = databasePath(app.getPath('userData'), env.argv);
    let runtime: R;
    try {
      mkdirSync(dirname(dbPath), { recursive: true });
      runtime = await env.openApp(dbPath);
    } catch (e) {
      log.error('[接诉台] 数据库打开失败:', e instanceof Error ? e.message : e);
      dialog.showErrorBox(STARTUP_FAILED_TITLE, openFailureMessage(e, dbPath));
      app.quit();
      return;
    }

    const stopBackups = env.startBackupSchedule?.(runtime) ?? (() => undefined);

    // The file dialogs of the typed API (files.pickImport / files.pickExportTarget) answer in front of dispatch.
    const files = createDesktopFiles({ dialog, parent: () => windows.first() ?? null, documentsDir: () => app.getPath('documents') });
    const disposeIpc = registerIpc({
      ipcMain,
      // Reports' PDFs are printed by Electron itself, behind the 另存为 check of files.guard.
      dispatch: files.guard(createReportPdf({ BrowserWindow }).guard(runtime.dispatch)),
      push: runtime.push,
      ownsSender: (sender) => windows.owns(sender),
      windows: () => windows.all(),
      onRefused: (reason) => log.warn('[接诉台] 已拒绝 IPC 请求:', reason),
    });

    const showAbout = (): void => {
      const text = aboutText(version);
      const parent = windows.first();
      const box = { type: 'info' as const, buttons: ['确定'], ...text };
      void (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, platform: env.platform, onAbout: showAbout })));

    openWindow();
    app.on('activate', () => {
      if (windows.all().length === 0) openWindow();
    });

    // Close the database before the process exits (WAL checkpoint, no half-written pages).
    let closed = false;
    app.on('will-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      closed = true;
      stopBackups();
      disposeIpc();
      runtime
        .close()
        .catch((e: unknown) => log.error('[接诉台] 关闭数据库失败:', e instanceof Error ? e.message : e))
        .finally(() => app.quit());
    });
  };

  const ready = app
    .whenReady()
    .then(onReady)
    .catch((e: unknown) => {
      log.error('[接诉台] 启动失败:', e);
      dialog.showErrorBox(STARTUP_FAILED_TITLE, '程序启动时出错，请重新启动接诉台。如仍无法启动，请联系技术支持。');
      app.quit();
    });
  return { started: true, ready, windows };
}
