/**
 * The API client's transport in browser mode: envelopes over one WebSocket to the loopback server
 * (main/web). Environment-neutral on purpose: the renderer passes the browser's WebSocket, tests pass
 * Node's `ws`; both fit the small interface declared here.
 *
 * Requests made while the socket is still connecting wait in a queue. When the socket drops, every
 * request that has not been answered fails with TRANSPORT (it may or may not have run: it is never
 * re-sent silently), and the transport reconnects with a growing pause so pushes resume on their own.
 */
import type { PushEnvelope, ResponseEnvelope } from '../api.js';
import type { Transport } from './client.js';

/** The part of a WebSocket (browser or `ws`) this transport uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  // Parameters are `any` so both the DOM's and `ws`'s event types fit; each is narrowed on use.
  onopen: ((event: any) => void) | null;
  onmessage: ((event: any) => void) | null;
  onclose: ((event: any) => void) | null;
  onerror: ((event: any) => void) | null;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface SocketTransport extends Transport {
  /** Connection changes, e.g. to show a banner and to refresh after a reconnect (pushes were missed). */
  onState(listener: (state: ConnectionState) => void): () => void;
  /** Stops for good: fails what is pending and does not reconnect. */
  close(): void;
}

export interface SocketTransportOptions {
  /** First pause before reconnecting; doubles up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export const DISCONNECTED_MESSAGE = '与本机服务的连接已断开，操作结果未知。请确认接诉台仍在运行，刷新后重试。';
const CLOSED_MESSAGE = '与本机服务的连接已关闭。';
const OPEN = 1;

interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
// Both browsers and Node have these; the contract's lib (plain ES) does not declare them.
const timers = globalThis as unknown as Timers;

interface Pending {
  id: number;
  frame: string;
  sent: boolean;
  resolve(response: ResponseEnvelope): void;
}

/** `ws://host/api`, with the page's ?token= passed on when it has one (the cookie usually suffices). */
export function webSocketUrl(location: { host: string; search: string }): string {
  const match = /[?&]token=([^&#]*)/.exec(location.search);
  return `ws://${location.host}/api${match?.[1] ? `?token=${match[1]}` : ''}`;
}

function isResponse(value: unknown): value is ResponseEnvelope {
  if (typeof value !== 'object' || value === null || typeof (value as { id?: unknown }).id !== 'number') return false;
  return 'reply' in value || 'error' in value;
}

function isPush(value: unknown): value is PushEnvelope {
  return typeof value === 'object' && value !== null && typeof (value as { push?: unknown }).push === 'string';
}

export function createSocketTransport(url: string, WebSocketImpl: WebSocketConstructor, options: SocketTransportOptions = {}): SocketTransport {
  const initialBackoff = options.initialBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  const pending = new Map<number, Pending>();
  const pushListeners = new Set<(push: PushEnvelope) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let nextId = 1;
  let socket: WebSocketLike | null = null;
  let backoff = initialBackoff;
  let reconnectTimer: unknown = null;
  let stopped = false;

  const notify = <T>(listeners: Set<(value: T) => void>, value: T) => {
    for (const l of [...listeners]) {
      try {
        l(value);
      } catch (e) {
        // One faulty listener must not starve the others; surface the error outside this loop.
        timers.setTimeout(() => {
          throw e;
        }, 0);
      }
    }
  };

  const failAll = (message: string) => {
    const all = [...pending.values()];
    pending.clear();
    for (const p of all) p.resolve({ id: p.id, error: { code: 'TRANSPORT', message } });
  };

  const flush = () => {
    if (!socket || socket.readyState !== OPEN) return;
    for (const p of pending.values()) {
      if (!p.sent) {
        p.sent = true;
        socket.send(p.frame);
      }
    }
  };

  const onMessage = (event: { data?: unknown }) => {
    if (typeof event.data !== 'string') return;
    let msg: unknown;
    try {
      msg = JSON.parse(event.data);
    } catch {
      return;
    }
    if (isPush(msg)) {
      notify(pushListeners, msg);
    } else if (isResponse(msg)) {
      const p = pending.get(msg.id);
      if (p) {
        pending.delete(msg.id);
        p.resolve(msg);
      }
    }
  };

  const scheduleReconnect = () => {
    if (stopped || reconnectTimer !== null || pushListeners.size + stateListeners.size + pending.size === 0) return;
    const delay = backoff;
    backoff = Math.min(backoff * 2, maxBackoff);
    reconnectTimer = timers.setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
  };

  function connect(): void {
    if (stopped || socket) return;
    if (reconnectTimer !== null) {
      timers.clearTimeout(reconnectTimer);
      reconnectTimer = null;
    }
    let ws: WebSocketLike;
    try {
      ws = new WebSocketImpl(url);
    } catch {
      failAll(DISCONNECTED_MESSAGE);
      scheduleReconnect();
      return;
    }
    socket = ws;
    notify(stateListeners, 'connecting');
    ws.onopen = () => {
      backoff = initialBackoff;
      notify(stateListeners, 'open');
      flush();
    };
    ws.onmessage = onMessage;
    // Browsers follow an error with close; all the cleanup happens there.
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failAll(stopped ? CLOSED_MESSAGE : DISCONNECTED_MESSAGE);
      notify(stateListeners, 'closed');
      scheduleReconnect();
    };
  }

  return {
    request(name, args) {
      if (stopped) return Promise.resolve({ id: 0, error: { code: 'TRANSPORT', message: CLOSED_MESSAGE } });
      const id = nextId++;
      let frame: string;
      try {
        frame = JSON.stringify({ id, name, args });
      } catch {
        return Promise.resolve({ id, error: { code: 'INVALID_INPUT', message: '参数无法发送（含有不能序列化的值）。' } });
      }
      return new Promise<ResponseEnvelope>((resolve) => {
        pending.set(id, { id, frame, sent: false, resolve });
        if (socket) flush();
        else connect();
      });
    },
    onPush(listener) {
      pushListeners.add(listener);
      connect();
      return () => pushListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      stopped = true;
      if (reconnectTimer !== null) timers.clearTimeout(reconnectTimer);
      reconnectTimer = null;
      const ws = socket;
      socket = null;
      failAll(CLOSED_MESSAGE);
      ws?.close(1000);
      notify(stateListeners, 'closed');
    },
  };
}
