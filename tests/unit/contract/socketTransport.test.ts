/**
 * The browser-mode transport's behaviour when the connection is not simply "up": queueing while
 * connecting, failing (never silently re-sending) on a drop, reconnecting with a growing pause.
 * A scripted fake socket stands in for the browser's WebSocket so every moment is under control.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResponseEnvelope } from '../../../preload/api.js';
import { createClient } from '../../../preload/contract/client.js';
import { AppError } from '../../../preload/contract/errors.js';
import { createSocketTransport, DISCONNECTED_MESSAGE, webSocketUrl, type WebSocketLike } from '../../../preload/contract/socketTransport.js';

class FakeSocket implements WebSocketLike {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: Array<{ id: number; name: string; args: unknown }> = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send before open');
    this.sent.push(JSON.parse(data) as { id: number; name: string; args: unknown });
  }
  close(): void {
    this.drop();
  }
  // Test controls:
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  reply(response: ResponseEnvelope | string): void {
    this.onmessage?.({ data: typeof response === 'string' ? response : JSON.stringify(response) });
  }
  drop(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onerror?.({});
    this.onclose?.({ code: 1006, reason: '' });
  }
}

const latest = () => FakeSocket.instances[FakeSocket.instances.length - 1] as FakeSocket;

beforeEach(() => {
  FakeSocket.instances = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('socket transport', () => {
  it('queues requests until the socket opens, then sends them in order and matches replies by id', async () => {
    const transport = createSocketTransport('ws://127.0.0.1:1/api', FakeSocket);
    const client = createClient(transport);
    const info = client.send('app.info', {});
    const units = client.send('units.list', { kind: 'community' });
    const socket = latest();
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(socket.sent.map((r) => r.name)).toEqual(['app.info', 'units.list']);
    const [a, b] = socket.sent as Array<{ id: number }> as [{ id: number }, { id: number }];
    // Answers may come back in any order.
    socket.reply({ id: b.id, reply: [{ id: 1, kind: 'community', name: '南街社区', sortOrder: 1 }] });
    socket.reply({ id: a.id, error: { code: 'NOT_FOUND', message: '没有' } });
    await expect(units).resolves.toEqual([{ id: 1, kind: 'community', name: '南街社区', sortOrder: 1 }]);
    await expect(info).rejects.toMatchObject({ code: 'NOT_FOUND', message: '没有' });
    expect(FakeSocket.instances).toHaveLength(1);
    transport.close();
  });

  it('fails unanswered requests with TRANSPORT when the connection drops, and does not re-send them', async () => {
    const transport = createSocketTransport('ws://127.0.0.1:1/api', FakeSocket, { initialBackoffMs: 100 });
    const client = createClient(transport);
    const pending = client.send('orders.get', { id: 1 });
    latest().open();
    latest().drop();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'TRANSPORT', message: DISCONNECTED_MESSAGE });

    // The next request opens a new connection and carries only itself.
    const next = client.send('app.info', {});
    const second = latest();
    expect(FakeSocket.instances).toHaveLength(2);
    second.open();
    expect(second.sent.map((r) => r.name)).toEqual(['app.info']);
    second.reply({ id: second.sent[0]!.id, reply: { ok: true } });
    await expect(next).resolves.toEqual({ ok: true });
    transport.close();
  });

  it('reconnects on its own with a growing pause while someone listens for pushes, and delivers pushes again', async () => {
    const transport = createSocketTransport('ws://127.0.0.1:1/api', FakeSocket, { initialBackoffMs: 100, maxBackoffMs: 400 });
    const states: string[] = [];
    transport.onState((s) => states.push(s));
    const payloads: unknown[] = [];
    createClient(transport).on('orders.changed', (p) => payloads.push(p));
    latest().open();
    latest().drop();
    expect(FakeSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(FakeSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.instances).toHaveLength(2);
    latest().drop(); // the service is still down
    await vi.advanceTimersByTimeAsync(199);
    expect(FakeSocket.instances).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.instances).toHaveLength(3);
    latest().open();
    latest().reply(JSON.stringify({ push: 'orders.changed', payload: { reason: 'import', count: 2 } }));
    expect(payloads).toEqual([{ reason: 'import', count: 2 }]);
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'closed', 'connecting', 'open']);
    transport.close();
  });

  it('stops for good on close(): pending requests fail and no reconnect happens', async () => {
    const transport = createSocketTransport('ws://127.0.0.1:1/api', FakeSocket, { initialBackoffMs: 10 });
    transport.onPush(() => undefined);
    const pending = transport.request('app.info', {});
    transport.close();
    await expect(pending).resolves.toMatchObject({ error: { code: 'TRANSPORT' } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeSocket.instances).toHaveLength(1);
    await expect(transport.request('app.info', {})).resolves.toMatchObject({ error: { code: 'TRANSPORT' } });
  });

  it('ignores garbage and replies to unknown ids instead of resolving the wrong request', async () => {
    const transport = createSocketTransport('ws://127.0.0.1:1/api', FakeSocket);
    const pending = transport.request('app.info', {});
    const socket = latest();
    socket.open();
    socket.reply('not json');
    socket.reply({ id: 9999, reply: 'someone else' });
    socket.reply(JSON.stringify({ id: socket.sent[0]!.id }));
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    socket.reply({ id: socket.sent[0]!.id, reply: 'mine' });
    await expect(pending).resolves.toEqual({ id: socket.sent[0]!.id, reply: 'mine' });
    transport.close();
  });

  it('refuses arguments that cannot be serialised without touching the socket', async () => {
    const transport = createSocketTransport('ws://127.0.0.1:1/api', FakeSocket);
    await expect(transport.request('orders.get', { id: 10n })).resolves.toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(FakeSocket.instances).toHaveLength(0);
  });

  it('builds the socket URL from the page location, passing the token on when the page has one', () => {
    expect(webSocketUrl({ host: '127.0.0.1:5123', search: '?token=abc_-9' })).toBe('ws://127.0.0.1:5123/api?token=abc_-9');
    expect(webSocketUrl({ host: '127.0.0.1:5123', search: '?x=1&token=t2' })).toBe('ws://127.0.0.1:5123/api?token=t2');
    expect(webSocketUrl({ host: '127.0.0.1:5123', search: '' })).toBe('ws://127.0.0.1:5123/api');
  });
});
