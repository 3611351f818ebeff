/**
 * The app's own origin, app://jiesu/, serving the renderer build from disk.
 *
 * Why not file://: a file:// page may read any other local file, has no real origin for CSP
 * 'self', and cannot reliably be given response headers. A privileged standard scheme gives the
 * pages one origin, a secure context, and a place to attach the Content-Security-Policy header.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_SCHEME, isAppUrl } from './origin.js';
import { CONTENT_SECURITY_POLICY } from './security.js';

/**
 * Must be registered before the app is ready (see shell.ts). standard: real origin, relative URLs;
 * secure: a secure context; corsEnabled: Vite emits <script type="module" crossorigin>, fetched in
 * CORS mode; codeCache: V8 caches the compiled bundle between launches. Never bypassCSP.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Maps an app:// URL to a file inside rendererDir, or null when the URL is foreign or tries to
 * leave the folder (../, encoded separators, absolute paths).
 */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  // Backslashes are separators on Windows: refused everywhere so both platforms behave alike.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rendererDir);
  const file = resolve(root, wanted);
  const rel = relative(root, file);
  if (rel === '' || isAbsolute(rel) || rel.split(sep)[0] === '..') return null;
  return file;
}

export interface ProtocolDeps {
  rendererDir: string;
  /** Injected for tests; Node's fs reads inside app.asar in the Electron main process. */
  readFile?: (path: string) => Promise<Uint8Array>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

/** The protocol.handle callback: files from rendererDir, with the CSP header on every response. */
export function createAppProtocolHandler(deps: ProtocolDeps): (request: Request) => Promise<Response> {
  const read = deps.readFile ?? ((p: string) => readFile(p));
  return async (request) => {
    const file = resolveAppFile(deps.rendererDir, request.url);
    if (!file) return new Response('禁止访问', { status: 403, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
    try {
      const body = await read(file);
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': type } });
    } catch {
      return new Response('未找到', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
    }
  };
}
