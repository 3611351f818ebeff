/**
 * The IPC end of the door: one invoke channel into the dispatcher and one push channel out.
 *
 * The preload already refuses unknown method names, but the main process trusts nothing that
 * crosses the process boundary: the sender must be the top frame of one of our windows showing
 * our own page, and the message must have the {name, args} shape, before dispatch sees it.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import type { PushEnvelope, ResponseEnvelope } from '../../preload/api.js';
import { IPC_CHANNEL_INVOKE, IPC_CHANNEL_PUSH } from '../../preload/contract/bridge.js';
import type { ErrorPayload } from '../../preload/contract/errors.js';
import type { CallContext, Dispatch } from '../dispatch.js';
import type { PushBus } from '../services/context.js';
import { isAppUrl } from './origin.js';
import { newConnectionSession, type ConnectionSession } from '../auth/session.js';

/** The IPC message: the wire envelope without `id` (ipcRenderer.invoke pairs replies itself). */
export const IpcRequest = z.object({ name: z.string().min(1).max(100), args: z.unknown() }).strict();

/** IPC replies carry no correlation id; the field is kept so the envelope type is shared. */
const IPC_ID = 0;

/** One login per window (webContents); it survives a reload of the page and ends with the window. */
const sessions = new WeakMap<object, ConnectionSession>();
function desktopContext(sender: object): CallContext {
  let session = sessions.get(sender);
  if (!session) sessions.set(sender, (session = newConnectionSession()));
  return { actor: 'desktop', transport: 'ipc', session };
}

const FORBIDDEN: ErrorPayload = { code: 'FORBIDDEN', message: '拒绝访问：请求并非来自接诉台自己的窗口。' };

export interface PushTarget {
  isDestroyed(): boolean;
  webContents: Pick<WebContents, 'send' | 'getURL' | 'isDestroyed'>;
}

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: Dispatch;
  push: PushBus;
  /** Whether this WebContents belongs to one of our windows. */
  ownsSender(sender: WebContents): boolean;
  /** The windows that receive push events. */
  windows(): PushTarget[];
  /** Where refusals are logged (they hint at a bug or an attack; never shown raw to the clerk). */
  onRefused?: (reason: string) => void;
}

/** Why a sender is refused, or null when it is our own page in our own window. */
export function senderProblem(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, ownsSender: (s: WebContents) => boolean): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'sender frame is gone';
  if (frame.parent) return 'sender is a subframe';
  if (!isAppUrl(frame.url)) return `sender frame URL is foreign: ${frame.url.slice(0, 200)}`;
  if (!ownsSender(event.sender)) return 'sender is not one of our windows';
  return null;
}

export async function handleInvoke(deps: IpcDeps, event: IpcMainInvokeEvent, message: unknown): Promise<ResponseEnvelope> {
  const problem = senderProblem(event, deps.ownsSender);
  if (problem) {
    deps.onRefused?.(problem);
    return { id: IPC_ID, error: FORBIDDEN };
  }
  const parsed = IpcRequest.safeParse(message);
  if (!parsed.success) {
    return { id: IPC_ID, error: { code: 'INVALID_INPUT', message: '请求格式不正确：缺少接口名称或参数。' } };
  }
  try {
    const result = await deps.dispatch(parsed.data.name, parsed.data.args, desktopContext(event.sender));
    return 'error' in result ? { id: IPC_ID, error: result.error } : { id: IPC_ID, reply: result.reply };
  } catch {
    // The dispatcher turns handler failures into envelopes; this is the last net.
    return { id: IPC_ID, error: { code: 'INTERNAL', message: '操作失败：程序内部错误，数据未作改动。请重试或联系技术支持。' } };
  }
}

/** Registers the invoke handler and forwards push events; returns the undo. */
export function registerIpc(deps: IpcDeps): () => void {
  deps.ipcMain.handle(IPC_CHANNEL_INVOKE, (event, message: unknown) => handleInvoke(deps, event, message));
  const unsubscribe = deps.push.subscribe((name, payload) => {
    const envelope: PushEnvelope = { push: name, payload };
    for (const win of deps.windows()) {
      if (win.isDestroyed() || win.webContents.isDestroyed()) continue;
      // A window whose page is not ours (should never happen: navigation is locked) gets nothing.
      if (!isAppUrl(win.webContents.getURL())) continue;
      win.webContents.send(IPC_CHANNEL_PUSH, envelope);
    }
  });
  return () => {
    unsubscribe();
    deps.ipcMain.removeHandler(IPC_CHANNEL_INVOKE);
  };
}
