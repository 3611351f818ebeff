/**
 * Restore in browser mode: the page never names a path on the server. It restores a backup of the
 * folder's list by its name, or a file it uploaded (POST /upload → `upload:<id>`); a path — even the
 * path of a real backup — is refused before anything is read, and the server's folders never travel
 * back in the replies. The command line and the desktop keep taking paths.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLiveApp, type LiveApp } from '../../../main/liveApp.js';
import { startWebServer, type WebServer } from '../../../main/web/server.js';
import type { BackupFile, BackupInspection, RestoreResult } from '../../../preload/api.js';
import { createClient, type ApiClient } from '../../../preload/contract/client.js';
import { AppError } from '../../../preload/contract/errors.js';
import { ensureAccount, loginAs } from '../../support/accounts.js';
import { createStaticDir, createWebTransport } from '../../support/transports.js';
import { httpGet } from '../web/http.js';
import { addOrders, countOrders, fileApp, strict, tempDir, testClock } from './support.js';

let tmp: ReturnType<typeof tempDir>;
let live: LiveApp;
let server: WebServer;
let staticDir: { dir: string; remove(): Promise<void> };
let transport: ReturnType<typeof createWebTransport>;
let client: ApiClient;
let cookie: string;
let made: BackupFile;
let path: string;

function uploadFile(name: string, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/upload',
        method: 'POST',
        headers: { cookie, origin: server.origin, 'content-type': 'application/octet-stream', 'x-jiesu-file-name': encodeURIComponent(name), 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

beforeEach(async () => {
  tmp = tempDir();
  const clock = testClock();
  path = join(tmp.dir, 'jiesu.db');
  const app = await fileApp(path, 5, clock.now);
  // The administrator exists in the backup too, so the session outlives the restore.
  await ensureAccount(app, { login: 'tester', displayName: 'test', role: 'admin' });
  made = (await app.services.backup.run('daily')).backup;
  await addOrders(app, 3);
  await app.close();
  live = await openLiveApp(path, { now: clock.now, onInternalError: strict });
  staticDir = await createStaticDir();
  server = await startWebServer({ dispatch: live.dispatch, push: live.push, port: 0, staticDir: staticDir.dir });
  const first = await httpGet(server.port, `/?token=${server.token}`);
  cookie = (first.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  transport = createWebTransport(server);
  await loginAs(live.runtime, transport);
  client = createClient(transport);
});
afterEach(async () => {
  transport.close();
  await server.close();
  await live.close();
  await staticDir.remove();
  tmp.remove();
});

describe('browser mode: restore without server paths', () => {
  it('restores a backup of the list by its name', async () => {
    const listed = await client.send('backup.list', {});
    expect(listed.map((b) => b.name)).toEqual([made.name]);
    const seen: BackupInspection = await client.send('backup.inspect', { file: made.name });
    expect(seen).toMatchObject({ orderCount: 5 });
    const result: RestoreResult = await client.send('backup.restore', { file: made.name });
    expect(result.restored.orderCount).toBe(5);
    expect(countOrders(path)).toBe(5);
  });

  it('restores an uploaded backup, and the reply names the upload, not the server folder', async () => {
    const up = await uploadFile('办公室备份.db', readFileSync(made.path));
    expect(up.status, up.body).toBe(201);
    const ref = (JSON.parse(up.body) as { path: string }).path;
    expect(ref).toMatch(/^upload:/);
    const seen = await client.send('backup.inspect', { file: ref });
    expect(seen).toMatchObject({ path: '办公室备份.db', orderCount: 5 });
    const result = await client.send('backup.restore', { file: ref });
    expect(result.restored.path).toBe('办公室备份.db');
    expect(countOrders(path)).toBe(5);
  });

  it('refuses paths — a real backup by its full path, the database, any file — and unknown uploads; nothing is replaced', async () => {
    for (const file of [made.path, path, '/etc/passwd', '..\\..\\jiesu.db', `./${made.name}`, 'upload:AAAAAAAAAAAAAAAAAAAAAAAA']) {
      const e = await refusal(client.send('backup.restore', { file }));
      expect(e.code, file).toBe('FORBIDDEN');
      expect(e.message).not.toContain(tmp.dir);
      expect((await refusal(client.send('backup.inspect', { file }))).code).toBe('FORBIDDEN');
    }
    expect(countOrders(path)).toBe(8);
  });

  it('a name that is not in the folder is refused with what to do', async () => {
    const e = await refusal(client.send('backup.restore', { file: 'jiesu-20250101-080000.db' }));
    expect(e.code).toBe('RESTORE_REFUSED');
    expect(e.message).toContain('刷新列表');
    expect(countOrders(path)).toBe(8);
  });

  it('in-process callers (desktop IPC, tests) still name a path', async () => {
    const r = await live.dispatch('backup.inspect', { file: made.path }, { actor: '测试', transport: 'in-process' });
    expect(r).toMatchObject({ reply: { path: made.path, orderCount: 5 } });
  });
});
