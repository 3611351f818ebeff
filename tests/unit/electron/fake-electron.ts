/**
 * A hand-written stand-in for the 'electron' module (the real one cannot run here: requiring it
 * from plain Node tries to download the Electron binary). Tests do
 *   vi.mock('electron', () => import('./fake-electron.js'));
 * and drive the shell through these objects. Only what the shell uses is modelled, with the same
 * behaviour where it matters (ipcMain.handle refuses a second handler, contextBridge refuses a
 * second global of the same name, a new window emits app 'web-contents-created').
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** The event object Electron passes to will-navigate & co. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url?: string) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  url = '';
  destroyed = false;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

/** A frame as seen by ipcMain (event.senderFrame). */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

class FakeApp extends EventEmitter {
  lockGranted = true;
  isPackaged = false;
  appDataDir = '/tmp/jiesu-fake-app-data';
  readonly paths = new Map<string, string>();
  appPath = '/tmp/jiesu-fake-app';
  readyPromise: Promise<void> = Promise.resolve();
  requestSingleInstanceLock = vi.fn(() => this.lockGranted);
  quit = vi.fn();
  setAppUserModelId = vi.fn();
  whenReady = vi.fn(() => this.readyPromise);
  getPath = vi.fn((name: string) => this.paths.get(name) ?? (name === 'appData' ? this.appDataDir : `${this.appDataDir}/Electron`));
  setPath = vi.fn((name: string, path: string) => {
    this.paths.set(name, path);
  });
  getAppPath = vi.fn(() => this.appPath);
  getVersion = vi.fn(() => '0.0.0-fake');
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  visible = false;
  minimized = false;
  destroyed = false;
  focus = vi.fn();
  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.instances.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Simulates ipcRenderer.invoke arriving from `sender` / `senderFrame`. */
  async invokeFrom(channel: string, sender: FakeWebContents, senderFrame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender, senderFrame, processId: 1, frameId: 1 }, ...args);
  }
}

type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders?: Record<string, string[]> }) => void) => void;
type BeforeRequestListener = (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;

class FakeSession {
  headersListener: HeadersListener | undefined;
  beforeRequest: { filter: { urls: string[] }; listener: BeforeRequestListener } | undefined;
  permissionRequestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void) | null | undefined;
  permissionCheckHandler: ((wc: unknown, permission: string, origin: string, details: unknown) => boolean) | null | undefined;
  devicePermissionHandler: ((details: unknown) => boolean) | null | undefined;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
    onBeforeRequest: (filter: { urls: string[] }, listener: BeforeRequestListener) => {
      this.beforeRequest = { filter, listener };
    },
  };
  setPermissionRequestHandler(h: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = h;
  }
}

class FakeProtocol {
  privileged: Array<{ scheme: string; privileges?: Record<string, boolean> }> = [];
  readonly handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  registerSchemesAsPrivileged = vi.fn((schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>) => {
    this.privileged.push(...schemes);
  });
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    this.handlers.set(scheme, handler);
  }
}

class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    this.exposed.set(key, api);
  }
}

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
}

export let app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;
export let ipcMain = new FakeIpcMain();
export let session = { defaultSession: new FakeSession() };
export let protocol = new FakeProtocol();
export let contextBridge = new FakeContextBridge();
export let ipcRenderer = new FakeIpcRenderer();
export const Menu = {
  applied: undefined as undefined | { template: unknown[] },
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    Menu.applied = menu ?? undefined;
  },
};
export const dialog = {
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
};
/** The preload's path lookup for dropped files: a File-like object carrying `fakePath` has one. */
export const webUtils = {
  getPathForFile: vi.fn((file: unknown) => {
    const path = (file as { fakePath?: unknown } | null)?.fakePath;
    if (typeof path !== 'string') throw new TypeError('not a File');
    return path;
  }),
};
export const screen = {
  workAreaSize: { width: 1366, height: 728 },
  getPrimaryDisplay: () => ({ workAreaSize: screen.workAreaSize }),
};

/** Fresh state for the next test (ES live bindings: importers see the new objects). */
export function resetFake(): void {
  app = new FakeApp();
  ipcMain = new FakeIpcMain();
  session = { defaultSession: new FakeSession() };
  protocol = new FakeProtocol();
  contextBridge = new FakeContextBridge();
  ipcRenderer = new FakeIpcRenderer();
  FakeBrowserWindow.instances = [];
  Menu.applied = undefined;
  dialog.showErrorBox.mockClear();
  dialog.showMessageBox.mockClear();
  screen.workAreaSize = { width: 1366, height: 728 };
}

/** The fake as the shell's electron argument (main.ts passes the real module's objects). */
export function fakeElectron() {
  return { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, screen };
}
