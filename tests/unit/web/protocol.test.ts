/**
 * What the WebSocket endpoint does with what a page sends: garbage gets a Chinese TRANSPORT error
 * (never a crash, never a silent hang), every call reaches dispatch as the 'web' actor, pushes reach
 * every open socket, and close() really ends the sockets so clients notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { CallContext, Dispatch } from '../../../main/dispatch.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { MAX_MESSAGE_BYTES } from '../../../main/web/server.js';
import { createClient } from '../../../preload/contract/client.js';
import { createTestApp } from '../../support/app.js';
import { createWebTransport, startTestWebServer, type TestWebServer } from '../../support/transports.js';
import { roundTrip, wsAttempt } from './http.js';

const CHINESE = /[\u4e00-\u9fff]/;

let app: AppRuntime;
let web: TestWebServer;
const contexts: CallContext[] = [];

async function openSocket(server = web.server): Promise<WebSocket> {
  const result = await wsAttempt(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, { origin: server.origin });
  if (!('opened' in result)) throw new Error(`upgrade refused: ${result.refused}`);
  return result.opened;
}

beforeAll(async () => {
  app = await createTestApp();
  const spy: Dispatch = (name, args, ctx) => {
    contexts.push(ctx);
    return app.dispatch(name, args, ctx);
  };
  web = await startTestWebServer({ dispatch: spy, push: app.push });
});
afterAll(async () => {
  await web?.close();
  await app?.close();
});

describe('the /api socket', () => {
  it('answers malformed frames with a TRANSPORT error envelope and keeps serving the socket', async () => {
    const ws = await openSocket();
    const bad = await roundTrip(ws, '{not json');
    expect(bad).toMatchObject({ id: -1, error: { code: 'TRANSPORT' } });
    expect((bad as { error: { message: string } }).error.message).toMatch(CHINESE);
    // The id is echoed when it is readable, so the caller's request settles.
    expect(await roundTrip(ws, JSON.stringify({ id: 7, args: {} }))).toMatchObject({ id: 7, error: { code: 'TRANSPORT' } });
    expect(await roundTrip(ws, JSON.stringify({ id: 'x', name: 'app.info' }))).toMatchObject({ id: -1, error: { code: 'TRANSPORT' } });
    expect(await roundTrip(ws, JSON.stringify([1, 2, 3]))).toMatchObject({ id: -1, error: { code: 'TRANSPORT' } });
    expect(await roundTrip(ws, 'null')).toMatchObject({ id: -1, error: { code: 'TRANSPORT' } });
    expect(await roundTrip(ws, Buffer.from([1, 2, 3]))).toMatchObject({ id: -1, error: { code: 'TRANSPORT' } });
    // Contract errors still come from the dispatcher.
    expect(await roundTrip(ws, JSON.stringify({ id: 8, name: 'orders.nope', args: {} }))).toMatchObject({ id: 8, error: { code: 'UNKNOWN_METHOD' } });
    // Before a login only the login screen's method answers (issue 7); the rest say 请先登录.
    const ok = await roundTrip(ws, JSON.stringify({ id: 9, name: 'accounts.loginInfo', args: {} }));
    expect(ok).toMatchObject({ id: 9, reply: { demo: false } });
    expect(await roundTrip(ws, JSON.stringify({ id: 10, name: 'app.info', args: {} }))).toMatchObject({ id: 10, error: { code: 'UNAUTHORIZED' } });
    ws.close();
  });

  it('calls dispatch as the web actor over the web transport', async () => {
    contexts.length = 0;
    const ws = await openSocket();
    await roundTrip(ws, JSON.stringify({ id: 1, name: 'units.list', args: {} }));
    // Each socket carries its own login state (issue 7), logged out until accounts.login.
    expect(contexts).toEqual([{ actor: 'web', transport: 'web', session: { token: null } }]);
    ws.close();
  });

  it('closes a socket that sends an oversized frame, and the server keeps accepting others', async () => {
    const ws = await openSocket();
    const closed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
    ws.send(JSON.stringify({ id: 1, name: 'app.info', args: { padding: 'x'.repeat(MAX_MESSAGE_BYTES) } }));
    expect(await closed).toBe(1009);
    const again = await openSocket();
    expect(await roundTrip(again, JSON.stringify({ id: 2, name: 'accounts.loginInfo', args: {} }))).toMatchObject({ id: 2, reply: {} });
    again.close();
  });

  it('pushes to every open socket', async () => {
    const [a, b] = await Promise.all([openSocket(), openSocket()]);
    const next = (ws: WebSocket) => new Promise<unknown>((resolve) => ws.once('message', (d: Buffer) => resolve(JSON.parse(d.toString()))));
    const got = Promise.all([next(a), next(b)]);
    app.push.emit('orders.changed', { reason: 'cli', count: 5 });
    expect(await got).toEqual([
      { push: 'orders.changed', payload: { reason: 'cli', count: 5 } },
      { push: 'orders.changed', payload: { reason: 'cli', count: 5 } },
    ]);
    a.close();
    b.close();
  });
});

describe('close()', () => {
  it('ends open sockets: a request in flight fails with TRANSPORT, and the port is released', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Dispatch = async (name, args, ctx) => {
      await gate;
      return app.dispatch(name, args, ctx);
    };
    const own = await startTestWebServer({ dispatch: slow, push: app.push });
    const transport = createWebTransport(own.server);
    const client = createClient(transport);
    const states: string[] = [];
    transport.onState((s) => states.push(s));
    const inFlight = client.send('app.info', {}).catch((e: unknown) => e);
    await expect.poll(() => states).toContain('open');
    await own.close();
    expect(await inFlight).toMatchObject({ code: 'TRANSPORT' });
    release();
    transport.close();
    await expect(wsAttempt(`ws://127.0.0.1:${own.server.port}/api`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
