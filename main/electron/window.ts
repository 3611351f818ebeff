/**
 * The main window and the set of windows the shell owns. Only a window created here may talk to
 * the backend (ipc.ts asks `owns()`); its page runs sandboxed with only window.api exposed.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';

export const WINDOW_TITLE = '接诉台';
/** Roomy enough for the order grid plus the detail pane; shrunk to fit small office screens. */
export const DEFAULT_SIZE = { width: 1440, height: 900 };
export const MIN_SIZE = { width: 1024, height: 640 };

export interface WindowOptionsInput {
  preloadPath: string;
  /** DevTools only in development: a packaged app gives the clerk no console to paste into. */
  devTools: boolean;
  /** The primary display's work area, when known. */
  workArea?: { width: number; height: number };
}

export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const width = Math.max(MIN_SIZE.width, Math.min(DEFAULT_SIZE.width, input.workArea?.width ?? DEFAULT_SIZE.width));
  const height = Math.max(MIN_SIZE.height, Math.min(DEFAULT_SIZE.height, input.workArea?.height ?? DEFAULT_SIZE.height));
  return {
    title: WINDOW_TITLE,
    width,
    height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    // Shown on 'ready-to-show', so the clerk never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}

/** The windows the shell created and that are still open. */
export class WindowRegistry {
  private readonly windows = new Set<BrowserWindow>();

  add(win: BrowserWindow): void {
    this.windows.add(win);
    win.on('closed', () => this.windows.delete(win));
  }

  all(): BrowserWindow[] {
    return [...this.windows].filter((w) => !w.isDestroyed());
  }

  first(): BrowserWindow | undefined {
    return this.all()[0];
  }

  /** Whether this WebContents belongs to one of our windows (not a devtools or foreign contents). */
  owns(contents: WebContents): boolean {
    return this.all().some((w) => w.webContents === contents);
  }
}

export interface CreateWindowDeps extends WindowOptionsInput {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  registry: WindowRegistry;
  url: string;
  onLoadFailed?: (error: unknown) => void;
}

export function createMainWindow(deps: CreateWindowDeps): BrowserWindow {
  const win = new deps.BrowserWindow(mainWindowOptions(deps));
  deps.registry.add(win);
  win.once('ready-to-show', () => win.show());
  win.loadURL(deps.url).catch((e: unknown) => deps.onLoadFailed?.(e));
  return win;
}

/** Brings an existing window to the front (a second launch of the app lands here). */
export function focusWindow(win: BrowserWindow | undefined): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
