import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { build, resolveConfig } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { appLayout } from '../../../main/electron/paths.js';
import { createMainWindow, focusWindow, mainWindowOptions, WindowRegistry } from '../../../main/electron/window.js';
import type { PreloadBridge } from '../../../preload/contract/bridge.js';
import { FakeBrowserWindow, resetFake } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const PRELOAD_CONFIG = join(ROOT, 'vite.preload.config.ts');
const layout = appLayout(ROOT);
type Ctor = new (o: BrowserWindowConstructorOptions) => BrowserWindow;

describe('main window options', () => {
  const options = mainWindowOptions({ preloadPath: layout.preloadPath, devTools: false });
  const web = options.webPreferences!;

  it('isolates and sandboxes the page, with no Node in it', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.preload).toBe(layout.preloadPath);
  });

  it('is titled 接诉台 and is shown only when ready', () => {
    expect(options.title).toBe('接诉台');
    expect(options.show).toBe(false);
  });

  it('disables DevTools in a packaged app', () => {
    expect(web.devTools).toBe(false);
    expect(mainWindowOptions({ preloadPath: 'p', devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('fits a small office screen but never below the minimum', () => {
    const small = mainWindowOptions({ preloadPath: 'p', devTools: false, workArea: { width: 1366, height: 728 } });
    expect([small.width, small.height]).toEqual([1366, 728]);
    const big = mainWindowOptions({ preloadPath: 'p', devTools: false, workArea: { width: 3840, height: 2160 } });
    expect([big.width, big.height]).toEqual([1440, 900]);
    const tiny = mainWindowOptions({ preloadPath: 'p', devTools: false, workArea: { width: 800, height: 600 } });
    expect([tiny.width, tiny.height]).toEqual([tiny.minWidth, tiny.minHeight]);
  });
});

describe('createMainWindow', () => {
  beforeEach(() => resetFake());

  it('loads the app page, shows on ready-to-show and is registered as ours until closed', () => {
    const registry = new WindowRegistry();
    const win = createMainWindow({ BrowserWindow: FakeBrowserWindow as unknown as Ctor, registry, url: 'app://jiesu/index.html', preloadPath: layout.preloadPath, devTools: false }) as unknown as FakeBrowserWindow;
    expect(win.loadedUrl).toBe('app://jiesu/index.html');
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
    expect(registry.owns(win.webContents as never)).toBe(true);
    expect(registry.owns(new FakeBrowserWindow({}).webContents as never)).toBe(false);
    win.close();
    expect(registry.owns(win.webContents as never)).toBe(false);
    expect(registry.first()).toBeUndefined();
  });

  it('focusWindow restores a minimised window', () => {
    const win = new FakeBrowserWindow({});
    win.minimized = true;
    focusWindow(win as unknown as BrowserWindow);
    expect(win.minimized).toBe(false);
    expect(win.visible).toBe(true);
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('preload bundle (vite.preload.config.ts)', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'jiesu-preload-'));
  let files: string[] = [];
  let code = '';
  beforeAll(async () => {
    await build({ configFile: PRELOAD_CONFIG, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    files = readdirSync(outDir);
    code = readFileSync(join(outDir, 'index.cjs'), 'utf8');
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('is written where the window looks for it', async () => {
    const config = await resolveConfig({ configFile: PRELOAD_CONFIG, logLevel: 'silent' }, 'build');
    const lib = config.build.lib as { fileName: (format: string, entry: string) => string };
    expect(resolve(config.root, config.build.outDir, lib.fileName('cjs', 'index'))).toBe(layout.preloadPath);
    expect(layout.preloadPath).toBe(join(ROOT, 'dist', 'preload', 'index.cjs'));
  });

  it('is one CommonJS file that requires nothing but electron', () => {
    expect(files).toEqual(['index.cjs']);
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s|^\s*export\s/m);
  });

  it('runs in a sandbox-like context and exposes only window.api', async () => {
    const exposed = new Map<string, unknown>();
    const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn(async () => ({ id: 0, reply: {} })) });
    const electron = { contextBridge: { exposeInMainWorld: (k: string, v: unknown) => exposed.set(k, v) }, ipcRenderer };
    const sandboxRequire = (id: string): unknown => {
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id}`);
    };
    const module = { exports: {} };
    const run = runInNewContext(`(function (require, exports, module) {\n${code}\n})`, { console }) as (r: unknown, e: unknown, m: unknown) => void;
    run(sandboxRequire, module.exports, module);

    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as PreloadBridge;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onPush', 'pathForFile']);
    expect(await api.invoke('nope', {})).toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    await api.invoke('app.info', {});
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('jiesu:invoke', { name: 'app.info', args: {} });
  });
});
