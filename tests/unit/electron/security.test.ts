import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session, WebContents } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../../main/electron/origin.js';
import { createAppProtocolHandler, resolveAppFile } from '../../../main/electron/protocol.js';
import { CONTENT_SECURITY_POLICY, hardenWebContents, installSessionSecurity } from '../../../main/electron/security.js';
import { FakeEvent, FakeWebContents, resetFake, session } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it("allows only the app's own origin: no remote host, no wildcard", () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    for (const [name, values] of csp) {
      for (const v of values) {
        expect(v, `${name} ${v}`).not.toMatch(/^(https?:|wss?:|\*|file:)/);
      }
    }
  });

  it('keeps scripts and styles strict: nothing inline, no eval, no data: URLs', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|data:/);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });

  beforeEach(() => resetFake());

  it('is put on every response, replacing a weaker policy the response carried', () => {
    installSessionSecurity(session.defaultSession as unknown as Session);
    const listener = session.defaultSession.headersListener!;
    const got: Array<Record<string, string[]> | undefined> = [];
    listener(
      { url: 'app://jiesu/index.html', responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      (r) => got.push(r.responseHeaders),
    );
    expect(got[0]).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('cancels every request to a remote host', () => {
    installSessionSecurity(session.defaultSession as unknown as Session);
    const { filter, listener } = session.defaultSession.beforeRequest!;
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const decisions: boolean[] = [];
    listener({ url: 'https://evil.example/x.js' }, (r) => decisions.push(r.cancel === true));
    expect(decisions).toEqual([true]);
  });

  it('denies every permission request and check', () => {
    installSessionSecurity(session.defaultSession as unknown as Session);
    const s = session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      s.permissionRequestHandler!(null, permission, cb, {});
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.permissionCheckHandler!(null, permission, 'app://jiesu', {})).toBe(false);
    }
    expect(s.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });
});

describe('web contents hardening', () => {
  function hardened(): FakeWebContents {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    return contents;
  }

  function navigate(contents: FakeWebContents, event: string, url: string): boolean {
    const e = new FakeEvent(url);
    contents.emit(event, e, url);
    return e.defaultPrevented;
  }

  it('refuses navigation away from the app', () => {
    const contents = hardened();
    expect(navigate(contents, 'will-navigate', 'http://evil.example')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://jiesu.evil/index.html')).toBe(true);
    expect(navigate(contents, 'will-frame-navigate', 'https://evil.example/frame')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('lets the app move within its own pages', () => {
    const contents = hardened();
    expect(navigate(contents, 'will-navigate', 'app://jiesu/index.html#/orders')).toBe(false);
    expect(navigate(contents, 'will-frame-navigate', 'app://jiesu/index.html')).toBe(false);
  });

  it('denies window.open and <webview>', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url: 'app://jiesu/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    const e = new FakeEvent();
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.defaultPrevented).toBe(true);
  });
});

describe('app:// origin', () => {
  it('recognises only app://jiesu', () => {
    expect(isAppUrl('app://jiesu/index.html')).toBe(true);
    expect(isAppUrl('app://jiesu/')).toBe(true);
    for (const url of ['app://jiesu.evil/', 'app://evil@jiesu/', 'app://jiesu:8080/', 'http://jiesu/', 'file:///index.html', '', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('app:// protocol handler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiesu-renderer-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>接诉台</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'citizen phone numbers');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const handler = createAppProtocolHandler({ rendererDir });

  it('serves the renderer with the CSP header and the right type', async () => {
    const res = await handler(new Request('app://jiesu/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('接诉台');
    const js = await handler(new Request('app://jiesu/assets/app.js'));
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of ['app://jiesu/..%2Fsecret.txt', 'app://jiesu/assets/..%2F..%2Fsecret.txt', 'app://jiesu/..%5Csecret.txt', 'app://other/index.html']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(403);
      expect(await res.text()).not.toContain('citizen');
    }
    // The URL parser itself folds %2e%2e into '..' and drops it above the root: a plain miss.
    const dotted = await handler(new Request('app://jiesu/%2e%2e/secret.txt'));
    expect(await dotted.text()).not.toContain('citizen');
    expect(resolveAppFile(rendererDir, `app://jiesu/${encodeURIComponent(join(dir, 'secret.txt'))}`)).not.toBe(join(dir, 'secret.txt'));
  });

  it('answers 404 for a missing file', async () => {
    const res = await handler(new Request('app://jiesu/assets/missing.js'));
    expect(res.status).toBe(404);
  });
});
