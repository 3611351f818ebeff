/**
 * The preload: puts exactly one object on the page, window.api = {invoke, onPush, pathForFile}, and nothing else.
 * ipcRenderer itself (and the IPC event, whose `sender` is ipcRenderer) never reaches the page.
 *
 * Runs sandboxed, where require() knows only 'electron' and a few built-ins, so Vite bundles this
 * file and the contract it imports into one CommonJS file (vite.preload.config.ts →
 * dist/preload/index.cjs). The tsc output of this file (dist/preload/index.js) is not used.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRenderer } from 'electron';
import { METHOD_NAMES, PUSH_NAMES, type PushEnvelope, type ResponseEnvelope } from './api.js';
import { BRIDGE_GLOBAL, IPC_CHANNEL_INVOKE, IPC_CHANNEL_PUSH, type PreloadBridge } from './contract/bridge.js';

const methods = new Set<string>(METHOD_NAMES);
const pushes = new Set<string>(PUSH_NAMES);

/** IPC replies carry no correlation id: ipcRenderer.invoke pairs each reply with its request. */
const IPC_ID = 0;

function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): PreloadBridge {
  return {
    async invoke(name: string, args: unknown): Promise<ResponseEnvelope> {
      // Refused here, before any IPC traffic: the page cannot probe the main process with made-up names.
      if (typeof name !== 'string' || !methods.has(name)) {
        return { id: IPC_ID, error: { code: 'UNKNOWN_METHOD', message: `未知的接口：${String(name).slice(0, 100)}` } };
      }
      try {
        return (await ipc.invoke(IPC_CHANNEL_INVOKE, { name, args })) as ResponseEnvelope;
      } catch {
        // No handler yet, or the main process is going away: an envelope, never a rejection.
        return { id: IPC_ID, error: { code: 'TRANSPORT', message: '与后台的通信中断，请稍后重试；如仍失败，请重新启动接诉台。' } };
      }
    },
    onPush(listener: (push: PushEnvelope) => void): () => void {
      const handler = (_event: unknown, envelope: unknown): void => {
        if (typeof envelope !== 'object' || envelope === null) return;
        const { push, payload } = envelope as { push?: unknown; payload?: unknown };
        if (typeof push === 'string' && pushes.has(push)) listener({ push: push as PushEnvelope['push'], payload });
      };
      ipc.on(IPC_CHANNEL_PUSH, handler);
      return () => {
        ipc.removeListener(IPC_CHANNEL_PUSH, handler);
      };
    },
    pathForFile(file: object): string {
      // Only a real dropped File has a path; anything else the page passes gets ''.
      try {
        return webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]);
      } catch {
        return '';
      }
    },
  };
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer));
