/**
 * The API over one WebSocket: the same request/response/push envelopes as Electron IPC.
 * A malformed frame is answered with a TRANSPORT error envelope (id -1 when the id is unreadable);
 * nothing a page sends can crash the server or reach a handler without passing the dispatcher.
 */
import type { WebSocket, WebSocketServer } from 'ws';
import { RequestEnvelope, type PushEnvelope, type ResponseEnvelope } from '../../preload/api.js';
import { toResponse, type CallContext, type Dispatch } from '../dispatch.js';
import type { PushBus } from '../services/context.js';
import { newConnectionSession } from '../auth/session.js';

/** Each socket is its own login: a new socket (another tab, a reconnect) starts logged out. */
function webContext(): CallContext {
  return { actor: 'web', transport: 'web', session: newConnectionSession() };
}

function transportError(id: number, message: string): ResponseEnvelope {
  return { id, error: { code: 'TRANSPORT', message } };
}

/** The id of a request that failed validation, if it is usable at all (so the caller's promise settles). */
function salvageId(value: unknown): number {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return id;
  }
  return -1;
}

export async function handleFrame(dispatch: Dispatch, data: string, ctx: CallContext = webContext()): Promise<ResponseEnvelope> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return transportError(-1, '请求格式不正确：不是有效的 JSON。');
  }
  const envelope = RequestEnvelope.safeParse(parsed);
  if (!envelope.success) {
    return transportError(salvageId(parsed), '请求格式不正确：需要 {id, name, args}。');
  }
  const { id, name, args } = envelope.data;
  try {
    return toResponse(id, await dispatch(name, args, ctx));
  } catch {
    // The dispatcher turns handler errors into envelopes itself; this is only a last line of defence.
    return { id, error: { code: 'INTERNAL', message: '操作失败：程序内部错误，数据未作改动。请重试或联系技术支持。' } };
  }
}

function sendIfOpen(ws: WebSocket, text: string): void {
  if (ws.readyState === ws.OPEN) ws.send(text);
}

/** Wires request handling onto every accepted socket and fans push events out to all of them. */
export function attachApi(wss: WebSocketServer, dispatch: Dispatch, push: PushBus): () => void {
  wss.on('connection', (ws) => {
    const ctx = webContext();
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        sendIfOpen(ws, JSON.stringify(transportError(-1, '请求格式不正确：只接受文本消息。')));
        return;
      }
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
      void handleFrame(dispatch, text, ctx).then((response) => sendIfOpen(ws, JSON.stringify(response)));
    });
    // A socket error (client vanished mid-frame) must not become an uncaught exception.
    ws.on('error', () => ws.terminate());
  });
  return push.subscribe((name, payload) => {
    const text = JSON.stringify({ push: name, payload } satisfies PushEnvelope);
    for (const ws of wss.clients) sendIfOpen(ws, text);
  });
}
