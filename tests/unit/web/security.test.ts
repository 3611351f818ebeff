/**
 * Browser mode must be reachable by the clerk who started it and by nobody else on the machine:
 * loopback only, a per-launch token on every request, our own Origin on the WebSocket, and no file
 * outside the renderer folder — whatever the path looks like.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { startWebServer, type WebServer } from '../../../main/web/server.js';
import { createTestApp } from '../../support/app.js';
import { TEST_APP_JS, TEST_INDEX_HTML } from '../../support/transports.js';
import { httpGet, wsAttempt } from './http.js';

const SECRET = 'SECRET-OUTSIDE-THE-RENDERER-FOLDER';
const CHINESE = /[\u4e00-\u9fff]/;

let app: AppRuntime;
let server: WebServer;
let base: string;
let cookie: string;

beforeAll(async () => {
  app = await createTestApp();
  // base/secret.txt sits right next to the served folder base/www.
  base = await mkdtemp(join(tmpdir(), 'jiesu-web-'));
  const www = join(base, 'www');
  await mkdir(join(www, 'assets'), { recursive: true });
  await writeFile(join(base, 'secret.txt'), SECRET);
  await writeFile(join(www, 'index.html'), TEST_INDEX_HTML);
  await writeFile(join(www, 'assets', 'app.js'), TEST_APP_JS);
  await writeFile(join(www, '.env'), SECRET);
  await symlink(join(base, 'secret.txt'), join(www, 'assets', 'link.txt'));
  server = await startWebServer({ dispatch: app.dispatch, push: app.push, port: 0, staticDir: www });
  const first = await httpGet(server.port, `/?token=${server.token}`);
  const setCookie = first.headers['set-cookie']?.[0] ?? '';
  cookie = setCookie.split(';')[0] ?? '';
});
afterAll(async () => {
  await server?.close();
  await app?.close();
  await rm(base, { recursive: true, force: true });
});

describe('who may connect', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: server.port });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    await expect(httpGet(server.port, '/', {}, 'GET', '::1')).rejects.toMatchObject({ code: expect.stringMatching(/ECONNREFUSED|EADDRNOTAVAIL/) });
    const lanAddress = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (lanAddress) {
      await expect(httpGet(server.port, '/', {}, 'GET', lanAddress)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
  });

  it('uses a fresh, long, URL-safe token per launch', async () => {
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startWebServer({ dispatch: app.dispatch, push: app.push, port: 0, staticDir: base });
    try {
      expect(other.token).not.toBe(server.token);
    } finally {
      await other.close();
    }
  });

  it('refuses a request without a token with 401 and a Chinese explanation', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/orders/12']) {
      const res = await httpGet(server.port, path);
      expect(res.status).toBe(401);
      expect(res.body).toMatch(CHINESE);
      expect(res.body).not.toContain('接诉台</title>');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a wrong token, in the URL or in the cookie, with 401', async () => {
    const wrong = `${server.token.slice(0, -1)}${server.token.endsWith('A') ? 'B' : 'A'}`;
    expect((await httpGet(server.port, `/?token=${wrong}`)).status).toBe(401);
    expect((await httpGet(server.port, '/?token=')).status).toBe(401);
    expect((await httpGet(server.port, '/', { cookie: `jiesu_token_${server.port}=${wrong}` })).status).toBe(401);
    // The right token under another port's cookie name is not ours.
    expect((await httpGet(server.port, '/', { cookie: `jiesu_token_1=${server.token}` })).status).toBe(401);
  });

  it('trades the URL token for an HttpOnly, SameSite=Strict cookie that opens every later request', async () => {
    const first = await httpGet(server.port, `/?token=${server.token}`);
    expect(first.status).toBe(200);
    expect(first.body).toBe(TEST_INDEX_HTML);
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toContain(`jiesu_token_${server.port}=${server.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const asset = await httpGet(server.port, '/assets/app.js', { cookie });
    expect(asset.status).toBe(200);
    expect(asset.body).toBe(TEST_APP_JS);
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const res = await httpGet(server.port, `/?token=${server.token}`, { host: `evil.example:${server.port}`, cookie });
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('接诉台</title>');
  });
});

describe('the WebSocket upgrade', () => {
  const api = () => `ws://127.0.0.1:${server.port}/api`;

  it('opens for our own origin with the token in the cookie or in the URL', async () => {
    for (const attempt of [wsAttempt(api(), { origin: server.origin, headers: { cookie } }), wsAttempt(`${api()}?token=${server.token}`, { origin: server.origin })]) {
      const result = await attempt;
      expect(result).toHaveProperty('opened');
      if ('opened' in result) result.opened.close();
    }
  });

  it('is refused (403) without an Origin or from any other origin, token or not', async () => {
    const origins = [undefined, 'http://evil.example', `http://localhost:${server.port}`, `https://127.0.0.1:${server.port}`, 'http://127.0.0.1:1', 'null'];
    for (const origin of origins) {
      const result = await wsAttempt(`${api()}?token=${server.token}`, { ...(origin ? { origin } : {}), headers: { cookie } });
      expect(result, `origin ${origin}`).toEqual({ refused: 403 });
    }
  });

  it('is refused (401) from our own origin without a valid token', async () => {
    expect(await wsAttempt(api(), { origin: server.origin })).toEqual({ refused: 401 });
    expect(await wsAttempt(`${api()}?token=nope`, { origin: server.origin })).toEqual({ refused: 401 });
  });

  it('exists only at /api', async () => {
    expect(await wsAttempt(`ws://127.0.0.1:${server.port}/other?token=${server.token}`, { origin: server.origin })).toEqual({ refused: 404 });
  });
});

describe('static files', () => {
  it('serves assets with their content type and security headers; HTML carries the CSP', async () => {
    const html = await httpGet(server.port, '/', { cookie });
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(html.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      `connect-src 'self' ws://127.0.0.1:${server.port}`,
      "img-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    expect(csp).not.toMatch(/unsafe-|data:/);
    expect(html.headers['x-content-type-options']).toBe('nosniff');
    expect(html.headers['referrer-policy']).toBe('no-referrer');
    const js = await httpGet(server.port, '/assets/app.js', { cookie });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
  });

  it("answers the app's own routes with index.html but a missing asset with 404", async () => {
    const route = await httpGet(server.port, '/orders/12', { cookie });
    expect(route.status).toBe(200);
    expect(route.body).toBe(TEST_INDEX_HTML);
    // index.html links assets relatively (./assets/…), so a page at /orders/12 asks for /orders/assets/….
    const nested = await httpGet(server.port, '/orders/assets/app.js', { cookie });
    expect(nested.status).toBe(200);
    expect(nested.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(nested.body).toBe(TEST_APP_JS);
    const missing = await httpGet(server.port, '/assets/missing.js', { cookie });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatch(CHINESE);
  });

  it('never serves a file outside the folder, however the path is spelt', async () => {
    const paths = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/%252e%252e/secret.txt',
      '/.%2e/secret.txt',
      '//secret.txt',
      '/assets/link.txt',
      '/.env',
      '/%00../secret.txt',
      '/%E0%A4%A',
    ];
    for (const path of paths) {
      const res = await httpGet(server.port, path, { cookie });
      expect([400, 404], `${path} → ${res.status}`).toContain(res.status);
      expect(res.body, path).not.toContain(SECRET);
    }
    // The plain, obviously hostile form is refused outright rather than quietly resolved.
    expect((await httpGet(server.port, '/../secret.txt', { cookie })).status).toBe(400);
    expect((await httpGet(server.port, '/%2e%2e/secret.txt', { cookie })).status).toBe(400);
  });

  it('only reads: other methods get 405, and GET /api without an upgrade gets 426', async () => {
    expect((await httpGet(server.port, '/', { cookie }, 'POST')).status).toBe(405);
    expect((await httpGet(server.port, '/', { cookie }, 'DELETE')).status).toBe(405);
    expect((await httpGet(server.port, '/api', { cookie })).status).toBe(426);
    const head = await httpGet(server.port, '/assets/app.js', { cookie }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});
