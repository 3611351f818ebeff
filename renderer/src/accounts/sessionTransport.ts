/**
 * The tab's login token and a transport that keeps the login across reconnects.
 *
 * Browser mode logs in per socket; when the socket drops and reconnects (or the page reloads), the
 * server no longer knows this tab. The token from accounts.login is kept in sessionStorage (this tab
 * only, gone when it closes) and, when a call is refused as not logged in, the session is resumed
 * once and the call repeated. If resuming fails, listeners hear `lost` and the login screen returns.
 */
import type { ResponseEnvelope } from '../../../preload/api.js';
import type { Transport } from '../../../preload/contract/client.js';

const TOKEN_KEY = 'jiesu.session';

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function saveToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage refused (private mode): a reload will simply ask for the password again.
  }
}

export interface SessionTransport extends Transport {
  /** Told when a call found the login gone and it could not be resumed. */
  onLost(listener: () => void): () => void;
}

function notLoggedIn(res: ResponseEnvelope): boolean {
  return 'error' in res && res.error.code === 'UNAUTHORIZED';
}

export function withSession(inner: Transport): SessionTransport {
  const lost = new Set<() => void>();
  let resuming: Promise<boolean> | null = null;

  async function resume(): Promise<boolean> {
    const token = readToken();
    if (!token) return false;
    const res = await inner.request('accounts.resume', { token });
    if (notLoggedIn(res)) saveToken(null);
    return !('error' in res);
  }

  return {
    async request(name, args) {
      const res = await inner.request(name, args);
      // The accounts methods answer for themselves (a wrong password is not a lost session).
      if (!notLoggedIn(res) || name.startsWith('accounts.')) return res;
      resuming ??= resume().finally(() => {
        resuming = null;
      });
      if (await resuming) return inner.request(name, args);
      for (const l of [...lost]) l();
      return res;
    },
    onPush: (listener) => inner.onPush(listener),
    onLost(listener) {
      lost.add(listener);
      return () => lost.delete(listener);
    },
  };
}
