/** The logged-in account, what its role may call, and logging out — for any component below the gate. */
import { createContext, useContext } from 'react';
import type { MethodName, SessionInfo } from '../../../preload/api.js';

export interface Session {
  info: SessionInfo;
  /** Whether the role may call this method (the service layer decides; the UI only hides). */
  can(method: MethodName): boolean;
  logout(): Promise<void>;
  /** After the account changed its own password (or was re-read). */
  update(info: SessionInfo): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('LoginGate missing above this component');
  return s;
}

/** For components that may render outside the gate (tests, previews): null when nobody is logged in. */
export function useOptionalSession(): Session | null {
  return useContext(SessionContext);
}
