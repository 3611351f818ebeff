/**
 * 登录: user name and password, the backend's message when refused (wrong password, locked, disabled),
 * and — only where it is safe to say — which accounts to use: a demo database lists its demo accounts,
 * a fresh database shows the first-run admin's initial password until it is changed.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ROLE, type LoginInfo, type LoginResult } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';

interface Props {
  notice: string | null;
  onLoggedIn(result: LoginResult): void;
}

export function LoginScreen({ notice, onLoggedIn }: Props) {
  const client = useApi();
  const [info, setInfo] = useState<LoginInfo | null>(null);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    client.send('accounts.loginInfo', {}).then(
      (i) => live && setInfo(i),
      (e: unknown) => live && setError(describeError(e, '无法连接接诉台服务').message),
    );
    return () => {
      live = false;
    };
  }, [client]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await client.send('accounts.login', { login, password }));
    } catch (err) {
      setError(describeError(err).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login">
      <form className="login__card" onSubmit={(e) => void submit(e)} aria-label="登录" data-testid="login-form">
        <h1 className="login__brand">接诉台</h1>
        {info && <p className="login__street">{info.streetName}{info.demo && !info.streetName.includes('演示') ? '（演示数据）' : ''}</p>}
        {notice && <p className="login__notice" role="status">{notice}</p>}
        <label className="login__field">
          <span>用户名</span>
          <input type="text" autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} required autoFocus />
        </label>
        <label className="login__field">
          <span>密码</span>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && (
          <p className="login__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary login__submit" disabled={busy || !login || !password}>
          {busy ? '正在登录…' : '登录'}
        </button>
        {info?.firstRun && (
          <p className="login__hint" data-testid="first-run-hint">
            首次使用：请用管理员账号 <code>{info.firstRun.login}</code>、初始密码 <code>{info.firstRun.password}</code> 登录，登录后须立即修改密码。
          </p>
        )}
        {info?.demo && info.demoAccounts.length > 0 && (
          <div className="login__hint" data-testid="demo-accounts">
            <p>演示账号（密码均为 <code>{info.demoPassword}</code>）：</p>
            <ul>
              {info.demoAccounts.map((a) => (
                <li key={a.login}>
                  <button
                    type="button"
                    className="linkish"
                    onClick={() => {
                      setLogin(a.login);
                      setPassword(info.demoPassword ?? '');
                    }}
                  >
                    {a.login}
                  </button>
                  （{ROLE.label[a.role]}，{a.displayName}）
                </li>
              ))}
            </ul>
          </div>
        )}
      </form>
    </div>
  );
}
