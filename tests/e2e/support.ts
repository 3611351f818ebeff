/**
 * Shared e2e plumbing: build the database with the real CLI, start `jiesu serve` on a free port and
 * read the address it prints, and small page helpers (grid rows, the app's own API over the socket).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../preload/api.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
const CLI = join(ROOT, 'bin', 'jiesu.js');
const run = promisify(execFile);

/** Env var through which global setup hands the server address to the tests. */
export const URL_ENV = 'JIESU_E2E_URL';

export function assertBuilt(): void {
  for (const f of ['dist/main/cli.js', 'dist/main/cli/commands/seed.js', 'dist/renderer/index.html']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`e2e needs the build: ${f} is missing — run \`npm run build\` first.`);
  }
}

export async function jiesu(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

export interface RunningServer {
  url: string;
  origin: string;
  stop(): Promise<void>;
}

/** Starts `jiesu serve --port 0` and waits for 「浏览器模式已启动：URL」. */
export async function startServer(dbPath: string, timeoutMs = 30_000): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--db', dbPath, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`jiesu serve printed no address within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /浏览器模式已启动：(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`jiesu serve exited (${code}) before printing its address:\n${output}`));
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { url, origin: new URL(url).origin, stop };
}

export function serverUrl(): string {
  const url = process.env[URL_ENV];
  if (!url) throw new Error(`${URL_ENV} is not set: run the e2e tests through playwright.config.ts (its global setup starts the server).`);
  return url;
}

/** Calls the app's API from inside the page, over the same socket protocol the UI uses. */
export async function callApi<K extends MethodName>(page: Page, name: K, args: MethodInput<K>): Promise<MethodOutput<K>> {
  const res = await page.evaluate(
    async ({ name, args }) => {
      const token = new URLSearchParams(location.search).get('token');
      const ws = new WebSocket(`ws://${location.host}/api${token ? `?token=${token}` : ''}`);
      // Each socket is its own login: resume the page's login (its tab token) before the call.
      const session = sessionStorage.getItem('jiesu.session');
      try {
        return await new Promise<{ reply?: unknown; error?: { code: string; message: string } }>((resolve, reject) => {
          ws.onerror = () => reject(new Error('socket error'));
          const call = () => ws.send(JSON.stringify({ id: 1, name, args }));
          ws.onopen = () => (session ? ws.send(JSON.stringify({ id: 0, name: 'accounts.resume', args: { token: session } })) : call());
          ws.onmessage = (e: MessageEvent<string>) => {
            const msg = JSON.parse(e.data) as { id?: number; reply?: unknown; error?: { code: string; message: string } };
            // The call waits for the resume: the server answers frames concurrently.
            if (msg.id === 0) call();
            if (msg.id === 1) resolve(msg);
          };
        });
      } finally {
        ws.close();
      }
    },
    { name, args: args as unknown },
  );
  if (res.error) throw new Error(`${name} failed: ${res.error.code} ${res.error.message}`);
  return res.reply as MethodOutput<K>;
}

export interface RenderedRow {
  index: number;
  orderNo: string;
  cells: Record<string, string>;
}

/** The rows AG Grid has rendered (loaded or not), ordered by row index. */
export async function renderedRows(page: Page): Promise<RenderedRow[]> {
  return page.evaluate(() => {
    // No pinned columns, so each row index appears once.
    const rows = Array.from(document.querySelectorAll<HTMLElement>('.ag-row[row-index]'));
    return rows
      .map((r) => {
        const cells: Record<string, string> = {};
        for (const c of Array.from(r.querySelectorAll<HTMLElement>('.ag-cell[col-id]'))) cells[c.getAttribute('col-id')!] = c.textContent?.trim() ?? '';
        return { index: Number(r.getAttribute('row-index')), orderNo: cells['orderNo'] ?? '', cells };
      })
      .sort((a, b) => a.index - b.index);
  });
}

/** The demo database's accounts (main/services/accounts/initial.ts): one per role, one password. */
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_LOGINS = { admin: 'admin', dispatcher: 'paidan', handler: 'chengban', analyst: 'tongji', viewer: 'zhidu' } as const;

/** Fills the login screen and submits it (the app shows it until someone logs in). */
export async function logIn(page: Page, login: string = DEMO_LOGINS.admin, password = DEMO_PASSWORD): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.waitFor();
  await form.getByLabel('用户名').fill(login);
  await form.getByLabel('密码', { exact: true }).fill(password);
  await form.getByRole('button', { name: '登录', exact: true }).click();
}

/** A fresh (non-demo) database: log in as the first-run admin and set a new password when asked. */
export async function logInFirstRun(page: Page, newPassword = 'e2e-new-pass-1'): Promise<void> {
  await logIn(page, 'admin', 'jiesu-admin');
  const form = page.getByTestId('change-password-form');
  await form.getByLabel('当前密码').fill('jiesu-admin');
  await form.getByLabel(/^新密码/).fill(newPassword);
  await form.getByLabel('再次输入新密码').fill(newPassword);
  await form.getByRole('button', { name: '保存新密码' }).click();
  await form.waitFor({ state: 'detached' });
}

/** Opens the app, logs in as the demo admin and waits for the first row to be filled. */
export async function openApp(page: Page, url = serverUrl(), login: string = DEMO_LOGINS.admin): Promise<void> {
  await page.goto(url);
  await logIn(page, login);
  await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="orderNo"]').filter({ hasText: /\S/ }).first().waitFor();
}

export interface PageWatch {
  /** Requests that left the app's own origin (there must be none: no CDN, no fonts, no telemetry). */
  foreign: string[];
  /** CSP violations and other console errors. */
  consoleErrors: string[];
}

export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { foreign: [], consoleErrors: [] };
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith(origin.replace('http:', 'ws:'))) watch.foreign.push(u);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (e) => watch.consoleErrors.push(e.message));
  return watch;
}
