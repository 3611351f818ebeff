/**
 * Browser mode: the renderer and the API over HTTP + WebSocket, on 127.0.0.1 only.
 *
 * Who may talk to it: whoever holds this launch's token (see auth.ts). Every HTTP request and the
 * WebSocket upgrade must carry it; the upgrade must also come from our own origin, so a page on any
 * other site (or another local port) cannot drive the API even if the browser sends the cookie.
 * The Host header must name us too, which defeats DNS-rebinding tricks before the token is even read.
 * Files cross only through POST /upload (import) and GET /download/<id> (export): see upload.ts and
 * download.ts; over the WebSocket a page never names a path on this machine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { AppError } from '../../preload/contract/errors.js';
import type { Dispatch } from '../dispatch.js';
import type { PushBus } from '../services/context.js';
import { authenticate, createToken, tokenCookie } from './auth.js';
import { DOWNLOAD_PREFIX, Downloads } from './download.js';
import { attachApi } from './socket.js';
import { lookupStatic, sendFile } from './static.js';
import { UPLOAD_PATH, Uploads } from './upload.js';

export const API_PATH = '/api';
/** The largest request frame accepted; a bigger one closes that socket (code 1009). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
const HOST = '127.0.0.1';

export interface WebServerOptions {
  dispatch: Dispatch;
  push: PushBus;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** The largest upload (POST /upload) accepted; default 1 GB. */
  maxUploadBytes?: number;
  /**
   * Lets `import.preview` / `export.ledger` also take plain server paths, as the CLI does. Only for tests
   * that drive the ledger with files they wrote themselves; `jiesu serve` never sets it, so a page can
   * read only what it uploaded and write only to its own download targets (upload.ts, download.ts).
   */
  trustClientPaths?: boolean;
}

export interface WebServer {
  /** What the clerk opens: carries the token once. */
  url: string;
  /** http://127.0.0.1:PORT — the only Origin accepted on the WebSocket. */
  origin: string;
  token: string;
  port: number;
  /** The per-launch folder of uploads and exports (removed on close). */
  filesDir: string;
  /** The bound socket address (always 127.0.0.1; tests check it). */
  address(): AddressInfo;
  close(): Promise<void>;
}

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    `connect-src 'self' ws://${HOST}:${port}`,
    // The renderer is built without inline styles or data: URLs (vite.config.ts), so none are allowed.
    "img-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function setSecurityHeaders(res: ServerResponse, port: number): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(port));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  // The first URL carries the token: never let it travel on as a Referer.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function textPage(res: ServerResponse, status: number, title: string, message: string, extraHeaders: Record<string, string> = {}): void {
  const body = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${message}</p></body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

const UNAUTHORIZED_TEXT = '缺少或错误的访问令牌。请使用启动「jiesu serve」时显示的完整地址（含 ?token=…）打开接诉台。';

/** Splits the raw request target; null for anything but an origin-form path. */
function parseTarget(req: IncomingMessage): { rawPath: string; url: URL } | null {
  const target = req.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//')) return null;
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  try {
    return { rawPath, url: new URL(target, `http://${HOST}`) };
  } catch {
    return null;
  }
}

function refuseUpgrade(socket: Duplex, status: number, reason: string, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = createToken();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  // Known once listening; requests cannot arrive before that.
  let port = 0;
  // Files moving in and out of browser mode live in a private folder of this launch only.
  const filesDir = await mkdtemp(join(tmpdir(), 'jiesu-files-'));
  const trustClientPaths = options.trustClientPaths ?? false;
  const uploads = new Uploads({ dir: filesDir, origin: () => `http://${HOST}:${port}`, maxBytes: options.maxUploadBytes, trustClientPaths });
  const downloads = new Downloads({ dir: filesDir, trustClientPaths });
  const unsubscribe = attachApi(wss, downloads.guard(uploads.guard(options.dispatch)), options.push);
  const hostOk = (req: IncomingMessage) => req.headers.host === `${HOST}:${port}`;

  const server = createServer((req, res) => {
    setSecurityHeaders(res, port);
    void handleHttp(req, res).catch(() => {
      if (!res.headersSent) textPage(res, 500, '服务器错误', '读取界面文件失败，请重试。');
      else res.destroy();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostOk(req)) return textPage(res, 400, '地址不正确', `请通过 http://${HOST}:${port}/ 访问接诉台。`);
    const target = parseTarget(req);
    if (!target) return textPage(res, 400, '请求不正确', '无法识别的访问路径。');
    const auth = authenticate(req, target.url, token, port);
    if (!auth) return textPage(res, 401, '未授权', UNAUTHORIZED_TEXT);
    if (auth === 'query') res.setHeader('Set-Cookie', tokenCookie(port, token));
    if (target.rawPath === UPLOAD_PATH) return uploads.receive(req, res);
    if (target.rawPath.startsWith(DOWNLOAD_PREFIX)) return downloads.send(req, res, target.rawPath);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return textPage(res, 405, '不支持的请求', '浏览器模式只提供读取界面文件；数据操作经由 WebSocket 接口。', { Allow: 'GET, HEAD' });
    }
    if (target.rawPath === API_PATH) return textPage(res, 426, '需要 WebSocket', '此地址只接受 WebSocket 连接。', { Upgrade: 'websocket' });
    const found = await lookupStatic(options.staticDir, target.rawPath);
    if (found.kind === 'bad') return textPage(res, 400, '请求不正确', '访问路径不合法。');
    if (found.kind === 'missing') {
      return textPage(res, 404, '找不到', /\.[^/]*$/.test(target.rawPath) ? '找不到该文件。' : '找不到界面文件：请先构建界面（npm run build）。');
    }
    await sendFile(res, found, req.method === 'HEAD');
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const target = parseTarget(req);
    if (!target || target.rawPath !== API_PATH) return refuseUpgrade(socket, 404, 'Not Found', '找不到该接口。');
    if (!hostOk(req)) return refuseUpgrade(socket, 400, 'Bad Request', '地址不正确。');
    if (req.headers.origin !== `http://${HOST}:${port}`) return refuseUpgrade(socket, 403, 'Forbidden', '拒绝来自其他来源的连接。');
    if (!authenticate(req, target.url, token, port)) return refuseUpgrade(socket, 401, 'Unauthorized', UNAUTHORIZED_TEXT);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  // Malformed HTTP from a local program: answer 400 and drop it, never crash.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolvePromise, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE') reject(new AppError('TRANSPORT', `端口 ${options.port} 已被占用：请换一个端口（--port），或不指定端口由系统自动选择。`, { cause: e }));
      else reject(new AppError('TRANSPORT', `无法在 ${HOST}:${options.port} 上启动浏览器模式：${e.message}`, { cause: e }));
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePromise();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(options.port, HOST);
  }).catch(async (e: unknown) => {
    unsubscribe();
    await rm(filesDir, { recursive: true, force: true });
    throw e;
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    filesDir,
    address: () => server.address() as AddressInfo,
    close() {
      closing ??= new Promise<void>((resolvePromise) => {
        unsubscribe();
        for (const ws of wss.clients) ws.close(1001, '服务已停止');
        // Give sockets a moment to close politely, then cut what is left.
        const force = setTimeout(() => {
          for (const ws of wss.clients) ws.terminate();
          server.closeAllConnections();
        }, 500);
        wss.close();
        server.close(() => {
          clearTimeout(force);
          void rm(filesDir, { recursive: true, force: true }).finally(resolvePromise);
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
