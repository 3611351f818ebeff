/**
 * Logged-in sessions, kept in the memory of the running app (they end with it, never on disk).
 * A session is addressed by a random token the UI keeps for its tab, so a reload or a reconnect
 * resumes without typing the password again; idle sessions expire.
 */
import { randomBytes } from 'node:crypto';

/** ⚙ candidate: a session unused for this long must log in again. */
export const SESSION_IDLE_MS = 8 * 3_600_000;

interface Entry {
  accountId: number;
  lastSeen: number;
}

export class SessionStore {
  private readonly byToken = new Map<string, Entry>();
  constructor(private readonly now: () => number) {}

  open(accountId: number): string {
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(token, { accountId, lastSeen: this.now() });
    return token;
  }

  /** The account of a live session (and it counts as used), or null. */
  touch(token: string): number | null {
    const e = this.byToken.get(token);
    if (!e) return null;
    if (this.now() - e.lastSeen > SESSION_IDLE_MS) {
      this.byToken.delete(token);
      return null;
    }
    e.lastSeen = this.now();
    return e.accountId;
  }

  close(token: string): void {
    this.byToken.delete(token);
  }

  /** Ends every session of an account (disabled, password reset), except `keep`. */
  closeAccount(accountId: number, keep?: string): void {
    for (const [t, e] of this.byToken) if (e.accountId === accountId && t !== keep) this.byToken.delete(t);
  }
}
