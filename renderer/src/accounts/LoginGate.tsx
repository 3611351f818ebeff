/**
 * Nothing of the app renders before a login: the gate asks who this window is (a reload in Electron
 * keeps the window's login; a browser tab resumes with its token), else shows the login screen; an
 * account that must change its password sees only that form. Losing the login later (logged out in
 * another way, disabled, timed out) brings the login screen back with a note.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginResult, MethodName, SessionInfo } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { LoginScreen } from './LoginScreen.js';
import { SessionContext, type Session } from './SessionContext.js';
import { readToken, saveToken, type SessionTransport } from './sessionTransport.js';

type Phase = { kind: 'checking' } | { kind: 'login'; notice: string | null } | { kind: 'ready'; info: SessionInfo };

export function LoginGate({ transport, children }: { transport: SessionTransport; children: ReactNode }) {
  const client = useApi();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        return await client.send('accounts.whoami', {});
      } catch {
        const token = readToken();
        if (!token) return null;
        return client.send('accounts.resume', { token }).catch(() => {
          saveToken(null);
          return null;
        });
      }
    })().then((info) => live && setPhase(info ? { kind: 'ready', info } : { kind: 'login', notice: null }));
    return () => {
      live = false;
    };
  }, [client]);

  useEffect(() => transport.onLost(() => setPhase({ kind: 'login', notice: '登录已失效（已退出、超时或账号被停用），请重新登录。' })), [transport]);

  const logout = useCallback(async () => {
    await client.send('accounts.logout', {}).catch(() => undefined);
    saveToken(null);
    setPhase({ kind: 'login', notice: '已退出登录。' });
  }, [client]);

  const session = useMemo<Session | null>(() => {
    if (phase.kind !== 'ready') return null;
    const allowed = new Set(phase.info.methods);
    return {
      info: phase.info,
      can: (m: MethodName) => allowed.has(m),
      logout,
      update: (info) => setPhase({ kind: 'ready', info }),
    };
  }, [phase, logout]);

  if (phase.kind === 'checking') return <div className="login" aria-busy="true" />;
  if (phase.kind === 'login') {
    return (
      <LoginScreen
        notice={phase.notice}
        onLoggedIn={(r: LoginResult) => {
          saveToken(r.token);
          setPhase({ kind: 'ready', info: { account: r.account, methods: r.methods } });
        }}
      />
    );
  }
  if (phase.info.account.mustChangePassword) {
    return (
      <div className="login">
        <ChangePasswordForm forced onChanged={(info) => setPhase({ kind: 'ready', info })} onLogout={() => void logout()} />
      </div>
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
