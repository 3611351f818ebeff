/**
 * Files in and out of browser mode: the page uploads an import file (POST /upload) and downloads an
 * exported ledger (GET /download/<id>); over the WebSocket it never names a path on this machine.
 * Only the clerk's own page may upload (token + our Origin), uploads stop at the size limit, and no id
 * or reference can reach a file the server did not make for this launch.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { startWebServer, type WebServer } from '../../../main/web/server.js';
import { contentDisposition, targetName } from '../../../main/web/download.js';
import { createClient, type ApiClient } from '../../../preload/contract/client.js';
import { AppError } from '../../../preload/contract/errors.js';
import { createTestApp } from '../../support/app.js';
import { createStaticDir, createWebTransport } from '../../support/transports.js';
import { loginAs } from '../../support/accounts.js';
import { seedFixture } from '../contract/fixture.js';
import { httpGet, type HttpResult } from './http.js';

const SAMPLE = fileURLToPath(new URL('../../../../shared/fixtures/platform-export-sample.xlsx', import.meta.url));
const CHINESE = /[\u4e00-\u9fff]/;
const LIMIT = 64 * 1024;

let app: AppRuntime;
let server: WebServer;
let staticDir: { dir: string; remove(): Promise<void> };
let transport: ReturnType<typeof createWebTransport>;
let client: ApiClient;
let cookie: string;
let scratch: string;

/** A POST with the body sent as given (one buffer with Content-Length, or chunks without one). */
function post(path: string, headers: Record<string, string>, body: Buffer | Buffer[]): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const chunked = Array.isArray(body);
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: 'POST', headers: chunked ? headers : { 'Content-Length': String(body.length), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    // The server may answer and hang up before the whole body is sent (413): that is its right.
    req.on('error', (e) => (String((e as NodeJS.ErrnoException).code).match(/EPIPE|ECONNRESET/) ? undefined : reject(e)));
    if (chunked) for (const c of body) req.write(c);
    else req.write(body);
    req.end();
  });
}

const uploadHeaders = (name: string, extra: Record<string, string> = {}) => ({
  cookie,
  origin: server.origin,
  'content-type': 'application/octet-stream',
  'x-jiesu-file-name': encodeURIComponent(name),
  ...extra,
});

async function upload(name: string, body: Buffer): Promise<{ path: string; name: string; size: number }> {
  const res = await post('/upload', uploadHeaders(name), body);
  expect(res.status, res.body).toBe(201);
  return JSON.parse(res.body) as { path: string; name: string; size: number };
}

async function codeOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).message).toMatch(CHINESE);
  return e as AppError;
}

const uploadedFiles = () => {
  const dir = join(server.filesDir, 'uploads');
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : [];
};

beforeAll(async () => {
  app = await createTestApp();
  await seedFixture(app);
  staticDir = await createStaticDir();
  scratch = await mkdtemp(join(tmpdir(), 'jiesu-files-test-'));
  server = await startWebServer({ dispatch: app.dispatch, push: app.push, port: 0, staticDir: staticDir.dir, maxUploadBytes: LIMIT });
  const first = await httpGet(server.port, `/?token=${server.token}`);
  cookie = (first.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  transport = createWebTransport(server);
  client = createClient(transport);
  await loginAs(app, transport);
});
afterAll(async () => {
  transport?.close();
  await server?.close();
  await app?.close();
  await staticDir?.remove();
  await rm(scratch, { recursive: true, force: true });
});

describe('POST /upload: who may upload', () => {
  it('refuses a request without the token, or with a wrong one, before reading the body', async () => {
    const body = Buffer.from('工单编号\n1\n');
    expect((await post('/upload', { ...uploadHeaders('a.csv'), cookie: '' }, body)).status).toBe(401);
    expect((await post('/upload', { ...uploadHeaders('a.csv'), cookie: `${cookie}x` }, body)).status).toBe(401);
    expect(uploadedFiles()).toEqual([]);
  });

  it("refuses another origin — another site or another local port sharing the token cookie", async () => {
    const body = Buffer.from('工单编号\n1\n');
    const otherPort = `http://127.0.0.1:${server.port + 1}`;
    for (const origin of [otherPort, 'http://localhost:' + server.port, 'null', '']) {
      const res = await post('/upload', uploadHeaders('a.csv', { origin }), body);
      expect(res.status, origin).toBe(403);
      expect(res.body).toMatch(CHINESE);
    }
    const { origin: _omit, ...noOrigin } = uploadHeaders('a.csv');
    expect((await post('/upload', noOrigin, body)).status).toBe(403);
    // A browser that says the request crossed sites is refused even with the right Origin.
    expect((await post('/upload', uploadHeaders('a.csv', { 'sec-fetch-site': 'same-site' }), body)).status).toBe(403);
    expect(uploadedFiles()).toEqual([]);
  });

  it('refuses what an HTML form could send (no custom content type), and other methods', async () => {
    const body = Buffer.from('a=1');
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
      expect((await post('/upload', uploadHeaders('a.csv', { 'content-type': type }), body)).status).toBe(415);
    }
    const get = await httpGet(server.port, '/upload', { cookie });
    expect(get.status).toBe(405);
    expect(get.headers['allow']).toBe('POST');
    // POST anywhere else is still not allowed.
    expect((await post('/', uploadHeaders('a.csv'), body)).status).toBe(405);
  });
});

describe('POST /upload: the size limit', () => {
  it('refuses a declared size over the limit at once, with a Chinese reason', async () => {
    const res = await post('/upload', uploadHeaders('big.csv'), Buffer.alloc(LIMIT + 1, 0x41));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('64 KB') } });
    expect(uploadedFiles()).toEqual([]);
  });

  it('stops a streamed body (no Content-Length) at the limit and keeps nothing of it', async () => {
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(LIMIT / 8, 0x42));
    const res = await post('/upload', uploadHeaders('big.csv', { 'transfer-encoding': 'chunked' }), chunks);
    expect(res.status).toBe(413);
    expect(uploadedFiles()).toEqual([]);
  });

  it('accepts a file of exactly the limit', async () => {
    const up = await upload('exact.csv', Buffer.alloc(LIMIT, 0x43));
    expect(up.size).toBe(LIMIT);
  });
});

describe('import over the WebSocket reads only uploaded files', () => {
  it('previews an uploaded workbook under its own (Chinese) name', async () => {
    const big = await startWebServer({ dispatch: app.dispatch, push: app.push, port: 0, staticDir: staticDir.dir });
    const t = createWebTransport(big);
    try {
      await loginAs(app, t);
      const first = await httpGet(big.port, `/?token=${big.token}`);
      const bigCookie = (first.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
      const res = await new Promise<HttpResult>((resolve, reject) => {
        const body = readFileSync(SAMPLE);
        const req = request(
          {
            host: '127.0.0.1',
            port: big.port,
            path: '/upload',
            method: 'POST',
            headers: { cookie: bigCookie, origin: big.origin, 'content-type': 'application/octet-stream', 'x-jiesu-file-name': encodeURIComponent('本周平台导出.xlsx'), 'content-length': String(body.length) },
          },
          (r) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks).toString('utf8') }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(res.status).toBe(201);
      const up = JSON.parse(res.body) as { path: string; name: string; size: number };
      expect(up).toMatchObject({ name: '本周平台导出.xlsx', path: expect.stringMatching(/^upload:[\w-]{24}$/) });
      // The reference says nothing about where the file sits.
      expect(up.path).not.toContain(big.filesDir);

      const c = createClient(t);
      const preview = await c.send('import.preview', { path: up.path });
      expect(preview).toMatchObject({ new: 120, updated: 0, rejectedCount: 0, file: { name: '本周平台导出.xlsx', kind: 'xlsx' } });
      expect(JSON.stringify(preview)).not.toContain(big.filesDir);
      expect(await c.send('import.cancel', { token: preview.token })).toEqual({ cancelled: true });
    } finally {
      t.close();
      await big.close();
    }
    // Closing the server takes its folder with it.
    expect(existsSync(big.filesDir)).toBe(false);
  });

  it('refuses a server path, an unknown upload, and a made-up reference — and still says INVALID_INPUT for bad input', async () => {
    expect((await codeOf(client.send('import.preview', { path: SAMPLE }))).code).toBe('FORBIDDEN');
    expect((await codeOf(client.send('import.preview', { path: 'upload:AAAAAAAAAAAAAAAAAAAAAAAA' }))).code).toBe('FORBIDDEN');
    expect((await codeOf(client.send('import.preview', { path: 'upload:../../etc/passwd' }))).code).toBe('FORBIDDEN');
    expect((await codeOf(client.send('import.preview', { path: '' }))).code).toBe('INVALID_INPUT');
    expect((await codeOf(client.send('files.pickImport', {}))).message).toContain('上传');
  });

  it('keeps an uploaded name inside its own folder, whatever the name says', async () => {
    const up = await upload('../../../etc/passwd', Buffer.from('工单编号,受理时间\n'));
    expect(up.name).toBe('passwd');
    const stored = uploadedFiles().filter((f) => f.endsWith('passwd'));
    expect(stored).toHaveLength(1);
    expect(existsSync('/etc/passwd') && readFileSync('/etc/passwd', 'utf8')).not.toContain('工单编号');
    // A name that is nothing but dots and slashes gets a plain Chinese one.
    expect((await upload('../..', Buffer.from('x'))).name).toBe('上传的表格');
    // An upload that is not a spreadsheet gets the importer's own Chinese reason, with the clerk's file name, not a server path.
    const e = await codeOf(client.send('import.preview', { path: (await upload('说明.pdf', Buffer.from('%PDF-1.4 ...'))).path }));
    expect(e.message).toContain('说明.pdf');
    expect(e.message).not.toContain(server.filesDir);
  });
});

describe('export over the WebSocket writes only to download targets; GET /download/<id> serves them', () => {
  it('exports to a reserved target and downloads it under its Chinese name', async () => {
    const target = await client.send('files.pickExportTarget', { name: '区考核台账-20260302', format: 'xlsx' });
    expect(target).toMatchObject({ name: '区考核台账-20260302.xlsx', path: expect.stringMatching(/^download:[\w-]{24}$/) });
    const url = target!.downloadUrl!;
    // Nothing to fetch before the export has written it.
    expect((await httpGet(server.port, url, { cookie })).status).toBe(404);

    const r = await client.send('export.ledger', { preset: 'district', format: 'xlsx', path: target!.path });
    expect(r.path).toBe(target!.path);

    expect((await httpGet(server.port, url)).status).toBe(401);
    const res = await new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path: url, headers: { cookie, 'sec-fetch-site': 'same-origin' } }, (m) => {
        const chunks: Buffer[] = [];
        m.on('data', (c: Buffer) => chunks.push(c));
        m.on('end', () => resolve({ status: m.statusCode ?? 0, headers: m.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="_____-20260302.xlsx"; filename*=UTF-8''${encodeURIComponent('区考核台账')}-20260302.xlsx`,
    );
    expect(res.body.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    // Another site (or local port) cannot pull it through the clerk's browser.
    expect((await httpGet(server.port, url, { cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await httpGet(server.port, url, { cookie, 'sec-fetch-site': 'same-site' })).status).toBe(403);
  });

  it('refuses to write anywhere else: a server path, a made-up or stale target, a format the name does not have', async () => {
    const outside = join(scratch, 'planted.csv');
    expect((await codeOf(client.send('export.ledger', { preset: 'platform', format: 'csv', path: outside }))).code).toBe('FORBIDDEN');
    expect(existsSync(outside)).toBe(false);
    expect((await codeOf(client.send('export.ledger', { preset: 'platform', format: 'csv', path: 'download:../../../../tmp/x' }))).code).toBe('FORBIDDEN');
    expect((await codeOf(client.send('export.ledger', { preset: 'platform', format: 'csv', path: 'download:BBBBBBBBBBBBBBBBBBBBBBBB' }))).code).toBe('FORBIDDEN');
    const csv = await client.send('files.pickExportTarget', { name: '平台格式.xlsx', format: 'csv' });
    expect(csv!.name).toBe('平台格式.csv');
    expect((await codeOf(client.send('export.ledger', { preset: 'platform', format: 'xlsx', path: csv!.path }))).code).toBe('INVALID_INPUT');
  });

  it('serves nothing for ids that are not ids: traversal, encodings, extra segments', async () => {
    await writeFile(join(server.filesDir, 'secret.txt'), 'SECRET');
    const target = await client.send('files.pickExportTarget', { name: '台账', format: 'csv' });
    await client.send('export.ledger', { preset: 'platform', format: 'csv', path: target!.path });
    const id = target!.downloadUrl!.slice('/download/'.length);
    for (const path of [
      '/download/',
      '/download/..%2Fsecret.txt',
      '/download/%2e%2e/secret.txt',
      '/download/../secret.txt',
      `/download/${id}/../../secret.txt`,
      `/download/${id}/${encodeURIComponent('台账.csv')}`,
      `/download/${id}x`,
      `/download/${id.slice(1)}`,
      `/download/${encodeURIComponent(id)}%00`,
    ]) {
      const res = await httpGet(server.port, path, { cookie });
      expect(res.status, path).not.toBe(200);
      expect(res.body).not.toContain('SECRET');
    }
    expect((await httpGet(server.port, `/download/${id}`, { cookie })).status).toBe(200);
    expect((await httpGet(server.port, `/download/${id}`, { cookie }, 'POST')).status).toBe(405);
  });
});

describe('file names', () => {
  it('RFC 5987: an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('台账 (3).csv')).toBe(`attachment; filename="__ (3).csv"; filename*=UTF-8''%E5%8F%B0%E8%B4%A6%20%283%29.csv`);
    expect(contentDisposition('a"b\\c.xlsx')).toBe(`attachment; filename="a_b_c.xlsx"; filename*=UTF-8''a%22b%5Cc.xlsx`);
  });

  it('gives the format its extension and drops folders and reserved characters', () => {
    expect(targetName('区考核台账', 'xlsx')).toBe('区考核台账.xlsx');
    expect(targetName('区考核台账.csv', 'xlsx')).toBe('区考核台账.xlsx');
    expect(targetName('..\\..\\x:y*?.csv', 'csv')).toBe('xy.csv');
    expect(targetName('...', 'csv')).toBe('台账.csv');
  });
});
