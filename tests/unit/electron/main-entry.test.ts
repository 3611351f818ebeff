import { describe, expect, it, vi } from 'vitest';
import { app, FakeBrowserWindow, protocol } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

describe('main.ts (the Electron entry)', () => {
  it('hands the electron module to the shell: a second instance quits without touching anything', async () => {
    app.lockGranted = false;
    await import('../../../main/electron/main.js');
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});
