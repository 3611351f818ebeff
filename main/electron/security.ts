/**
 * The shell's locks: a strict Content-Security-Policy, no network, no permissions, no navigation
 * away from the app, no new windows, no <webview>. The app works on an intranet PC with personal
 * data of citizens on screen: nothing remote may ever be loaded into a window that holds window.api.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './origin.js';

/**
 * Everything from our own origin only: no inline script or style, no eval, no data: URLs. The
 * renderer is built for exactly this (vite.config.ts moves data: URLs into files; index.html
 * carries the same policy as a <meta> tag for the browser mode). Both policies apply together.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Remote schemes the app never talks to: the office PC is on an intranet, the data is local. */
export const BLOCKED_REQUEST_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/** Replaces any CSP the response carried (header names are case-insensitive) with ours. */
export function withCspHeader(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

type SessionLocks = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived' | 'onBeforeRequest'>;
};

export function installSessionSecurity(session: SessionLocks): void {
  // Every response gets our CSP (the app:// handler sets it too; this also covers anything else).
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
  session.webRequest.onBeforeRequest({ urls: BLOCKED_REQUEST_URLS }, (_details, callback) => {
    callback({ cancel: true });
  });
  // Camera, microphone, geolocation, notifications, clipboard reads, HID/USB/serial…: none needed.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

type NavigationEvent = { preventDefault(): void; url?: string };

/**
 * Applied to every WebContents the app creates (see main.ts 'web-contents-created'): the page may
 * only move within app://jiesu/, may not open windows, and may not embed <webview>.
 */
export function hardenWebContents(contents: WebContents, isAllowedUrl: (url: string) => boolean = isAppUrl): void {
  const denyForeign = (event: NavigationEvent, url: string | undefined): void => {
    if (!url || !isAllowedUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => denyForeign(event, event.url || url));
  contents.on('will-frame-navigate', (event) => denyForeign(event, event.url));
  contents.on('will-redirect', (event, url) => denyForeign(event, event.url || url));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
