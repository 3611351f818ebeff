import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushEnvelope } from '../../../preload/api.js';
import { BRIDGE_GLOBAL, IPC_CHANNEL_INVOKE, IPC_CHANNEL_PUSH, type PreloadBridge } from '../../../preload/contract/bridge.js';
import { contextBridge, ipcRenderer } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

// The preload runs once per page, at import: load it once against the fake and inspect what it exposed.
let api: PreloadBridge;
beforeAll(async () => {
  await import('../../../preload/index.js');
  api = contextBridge.exposed.get(BRIDGE_GLOBAL) as PreloadBridge;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset();
});

describe('preload bridge', () => {
  it('exposes exactly one global, window.api, with exactly invoke, onPush and pathForFile', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onPush', 'pathForFile']);
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer);
    }
  });

  it("tells a dropped file's path, and '' for anything that is not a file", () => {
    expect(api.pathForFile!({ fakePath: 'D:\\台账\\本周.xlsx' })).toBe('D:\\台账\\本周.xlsx');
    expect(api.pathForFile!({ name: 'x.xlsx' })).toBe('');
  });

  it('refuses an unknown method with UNKNOWN_METHOD without any IPC traffic', async () => {
    const res = await api.invoke('orders.dropAll', {});
    expect(res).toEqual({ id: 0, error: { code: 'UNKNOWN_METHOD', message: '未知的接口：orders.dropAll' } });
    expect(await api.invoke('__proto__', {})).toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });
    expect(await api.invoke(42 as unknown as string, {})).toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('sends a known method as {name, args} on the invoke channel and returns the reply envelope', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ id: 0, reply: { orderCount: 12 } });
    const res = await api.invoke('app.info', {});
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNEL_INVOKE, { name: 'app.info', args: {} });
    expect(res).toEqual({ id: 0, reply: { orderCount: 12 } });
  });

  it('turns a broken channel into a TRANSPORT envelope instead of a rejection', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'jiesu:invoke'"));
    const res = await api.invoke('app.info', {});
    expect(res).toMatchObject({ error: { code: 'TRANSPORT' } });
    expect((res as { error: { message: string } }).error.message).not.toContain('handler');
  });

  it('delivers known push events without the IPC event object, and unsubscribes', () => {
    const got: PushEnvelope[] = [];
    const off = api.onPush((p) => got.push(p));
    const ipcEvent = { sender: ipcRenderer };
    ipcRenderer.emit(IPC_CHANNEL_PUSH, ipcEvent, { push: 'orders.changed', payload: { reason: 'import', count: 2 } });
    ipcRenderer.emit(IPC_CHANNEL_PUSH, ipcEvent, { push: 'system.takeover', payload: {} });
    ipcRenderer.emit(IPC_CHANNEL_PUSH, ipcEvent, null);
    expect(got).toEqual([{ push: 'orders.changed', payload: { reason: 'import', count: 2 } }]);

    off();
    expect(ipcRenderer.listenerCount(IPC_CHANNEL_PUSH)).toBe(0);
    ipcRenderer.emit(IPC_CHANNEL_PUSH, ipcEvent, { push: 'orders.changed', payload: { reason: 'edit', count: 1 } });
    expect(got).toHaveLength(1);
  });
});
