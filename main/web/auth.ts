/**
 * The per-launch secret that keeps other local programs and web pages out of browser mode.
 * Anyone who can reach 127.0.0.1 could otherwise read every order; the token is printed only to the
 * clerk who started `jiesu serve`. The first page load carries it in the URL, after which an
 * HttpOnly, SameSite=Strict cookie carries it on every asset request and on the WebSocket upgrade.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Cookies are shared by every port of a host, so the name carries the port: two instances (or a test
 * server next to a real one) must not overwrite each other's token.
 */
export function tokenCookieName(port: number): string {
  return `jiesu_token_${port}`;
}

/** Constant-time comparison; hashing first makes the lengths equal without leaking the real one. */
export function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 1024) return false;
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export type TokenSource = 'query' | 'cookie' | null;

/** Which credential (if any) on this request is valid: the URL's ?token= or the cookie. */
export function authenticate(req: IncomingMessage, url: URL, token: string, port: number): TokenSource {
  if (tokenMatches(url.searchParams.get('token'), token)) return 'query';
  if (tokenMatches(readCookie(req.headers.cookie, tokenCookieName(port)), token)) return 'cookie';
  return null;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
