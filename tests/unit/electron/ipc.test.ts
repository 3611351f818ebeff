import type { IpcMain, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpc, type PushTarget } from '../../../main/electron/ipc.js';
import type { Dispatch } from '../../../main/dispatch.js';
import { PushBus } from '../../../main/services/context.js';
import { IPC_CHANNEL_INVOKE, IPC_CHANNEL_PUSH } from '../../../preload/contract/bridge.js';
import { FakeBrowserWindow, ipcMain, resetFake, type FakeFrame, type FakeWebContents } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

const APP_PAGE = 'app://jiesu/index.html';
const topFrame = (url: string): FakeFrame => ({ url, parent: null });

describe('IPC invoke', () => {
  let ours: FakeBrowserWindow;
  let dispatch: ReturnType<typeof vi.fn<Dispatch>>;
  let push: PushBus;
  let dispose: () => void;

  beforeEach(() => {
    resetFake();
    ours = new FakeBrowserWindow({});
    ours.webContents.url = APP_PAGE;
    dispatch = vi.fn<Dispatch>(async () => ({ reply: { ok: true } }));
    push = new PushBus();
    dispose = registerIpc({
      ipcMain: ipcMain as unknown as IpcMain,
      dispatch,
      push,
      ownsSender: (s) => s === (ours.webContents as unknown as WebContents),
      windows: () => FakeBrowserWindow.getAllWindows() as unknown as PushTarget[],
    });
  });

  const invoke = (sender: FakeWebContents, frame: FakeFrame | null, message: unknown) => ipcMain.invokeFrom(IPC_CHANNEL_INVOKE, sender, frame, message);

  it('dispatches a request from our own page as the desktop clerk', async () => {
    const res = await invoke(ours.webContents, topFrame(APP_PAGE), { name: 'app.info', args: {} });
    expect(res).toEqual({ id: 0, reply: { ok: true } });
    expect(dispatch).toHaveBeenCalledWith('app.info', {}, { actor: 'desktop', transport: 'ipc', session: { token: null } });
  });

  it('passes dispatcher errors through as the error envelope', async () => {
    dispatch.mockResolvedValueOnce({ error: { code: 'NOT_FOUND', message: '工单不存在' } });
    const res = await invoke(ours.webContents, topFrame(APP_PAGE), { name: 'orders.get', args: { id: 9 } });
    expect(res).toEqual({ id: 0, error: { code: 'NOT_FOUND', message: '工单不存在' } });
  });

  it('refuses a foreign frame URL with FORBIDDEN and never dispatches', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://jiesu.evil/index.html', 'about:blank']) {
      const res = (await invoke(ours.webContents, topFrame(url), { name: 'app.info', args: {} })) as { error: { code: string; message: string } };
      expect(res.error.code, url).toBe('FORBIDDEN');
      expect(res.error.message).toMatch(/拒绝/);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a subframe, a vanished frame and a window that is not ours', async () => {
    const sub = { url: APP_PAGE, parent: topFrame(APP_PAGE) };
    expect(await invoke(ours.webContents, sub, { name: 'app.info', args: {} })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await invoke(ours.webContents, null, { name: 'app.info', args: {} })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const stranger = new FakeBrowserWindow({});
    stranger.webContents.url = APP_PAGE;
    expect(await invoke(stranger.webContents, topFrame(APP_PAGE), { name: 'app.info', args: {} })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a malformed message before dispatch', async () => {
    for (const message of [undefined, null, 'app.info', { name: 42, args: {} }, { args: {} }, { name: 'x'.repeat(101) }, { name: 'app.info', args: {}, extra: 1 }]) {
      expect(await invoke(ours.webContents, topFrame(APP_PAGE), message)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatcher into INTERNAL without leaking the error', async () => {
    dispatch.mockRejectedValueOnce(new Error('SQLITE_CORRUPT: secret path /home/clerk'));
    const res = (await invoke(ours.webContents, topFrame(APP_PAGE), { name: 'app.info', args: {} })) as { error: { code: string; message: string } };
    expect(res.error.code).toBe('INTERNAL');
    expect(res.error.message).not.toContain('SQLITE');
  });

  it('forwards push events to our windows only, and stops after dispose', () => {
    const foreign = new FakeBrowserWindow({});
    foreign.webContents.url = 'https://evil.example/';
    const closed = new FakeBrowserWindow({});
    closed.webContents.url = APP_PAGE;
    closed.close();

    push.emit('orders.changed', { reason: 'import', count: 3 });
    expect(ours.webContents.sent).toEqual([{ channel: IPC_CHANNEL_PUSH, args: [{ push: 'orders.changed', payload: { reason: 'import', count: 3 } }] }]);
    expect(foreign.webContents.sent).toEqual([]);
    expect(closed.webContents.sent).toEqual([]);

    dispose();
    push.emit('orders.changed', { reason: 'edit', count: 1 });
    expect(ours.webContents.sent).toHaveLength(1);
    expect(ipcMain.handlers.has(IPC_CHANNEL_INVOKE)).toBe(false);
  });
});
