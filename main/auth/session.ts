/**
 * The login state of one connection: an Electron window (per webContents) or one browser-mode
 * socket. The transport creates it empty; accounts.login / accounts.resume fill in the token and
 * accounts.logout clears it. The guard (guard.ts) turns the token into the account on every call.
 */
export interface ConnectionSession {
  token: string | null;
}

export function newConnectionSession(): ConnectionSession {
  return { token: null };
}
