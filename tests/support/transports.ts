/**
 * The two ways a test can reach the API, both behind the client's `Transport` interface:
 * straight into dispatch (the wire simulated by a JSON round trip), or over a real loopback WebSocket
 * to startWebServer, authenticated the way a browser is (token + our own Origin).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket, type ClientOptions } from 'ws';
import type { PushEnvelope, ResponseEnvelope } from '../../preload/api.js';
import type { Transport } from '../../preload/contract/client.js';
import { createSocketTransport, type SocketTransport, type SocketTransportOptions } from '../../preload/contract/socketTransport.js';
import { toResponse } from '../../main/dispatch.js';
import type { AppRuntime } from '../../main/runtime.js';
import { startWebServer, type WebServer } from '../../main/web/server.js';

export function createInProcessTransport(app: Pick<AppRuntime, 'dispatch' | 'push'>): Transport {
  let nextId = 1;
  return {
    async request(name, args): Promise<ResponseEnvelope> {
      const id = nextId++;
      const wireArgs = args === undefined ? undefined : (JSON.parse(JSON.stringify(args)) as unknown);
      const result = await app.dispatch(name, wireArgs, { actor: 'test', transport: 'in-process' });
      return JSON.parse(JSON.stringify(toResponse(id, result))) as ResponseEnvelope;
    },
    onPush(listener) {
      return app.push.subscribe((name, payload) => listener(JSON.parse(JSON.stringify({ push: name, payload })) as PushEnvelope));
    },
  };
}

export const TEST_INDEX_HTML = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>接诉台</title></head><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>';
export const TEST_APP_JS = 'console.log("接诉台");\n';

/** A throwaway renderer build: index.html and one asset. */
export async function createStaticDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'jiesu-static-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), TEST_INDEX_HTML);
  await writeFile(join(dir, 'assets', 'app.js'), TEST_APP_JS);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface TestWebServer {
  server: WebServer;
  staticDir: string;
  close(): Promise<void>;
}

export async function startTestWebServer(app: Pick<AppRuntime, 'dispatch' | 'push'>): Promise<TestWebServer> {
  const staticDir = await createStaticDir();
  // The contract suite's ledger cases name the files they write (as the CLI does); real browser mode never may.
  const server = await startWebServer({ dispatch: app.dispatch, push: app.push, port: 0, staticDir: staticDir.dir, trustClientPaths: true });
  return {
    server,
    staticDir: staticDir.dir,
    async close() {
      await server.close();
      await staticDir.remove();
    },
  };
}

/** `ws`'s WebSocket bound to extra handshake options (Origin, cookie), shaped like the browser's constructor. */
export function nodeWebSocket(options: ClientOptions): new (url: string) => WebSocket {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, options);
    }
  };
}

/** The browser-mode transport over a real socket: token in the URL, our own origin. */
export function createWebTransport(server: WebServer, options: SocketTransportOptions = {}): SocketTransport {
  return createSocketTransport(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, nodeWebSocket({ origin: server.origin }), options);
}
