/**
 * Changing one's own password: at the first login (forced, full screen) and from the top bar. The new
 * password is typed twice; the backend checks the current one and the length.
 */
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN, type SessionInfo } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';

interface Props {
  onChanged(info: SessionInfo): void;
  onCancel?: () => void;
  onLogout?: () => void;
  forced: boolean;
}

export function ChangePasswordForm({ onChanged, onCancel, onLogout, forced }: Props) {
  const client = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (next.length < PASSWORD_MIN) return setError(`新密码至少 ${PASSWORD_MIN} 位。`);
    if (next !== again) return setError('两次输入的新密码不一致。');
    setBusy(true);
    setError(null);
    try {
      onChanged(await client.send('accounts.changePassword', { current, next }));
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="login__card" onSubmit={(e) => void submit(e)} aria-label="修改密码" data-testid="change-password-form">
      <h1 className="login__title">修改密码</h1>
      {forced && <p className="login__notice">这是首次登录或密码已被重置：请设置一个只有您知道的新密码，然后才能使用接诉台。</p>}
      <label className="login__field">
        <span>当前密码</span>
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required autoFocus />
      </label>
      <label className="login__field">
        <span>新密码（至少 {PASSWORD_MIN} 位）</span>
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required />
      </label>
      <label className="login__field">
        <span>再次输入新密码</span>
        <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />
      </label>
      {error && (
        <p className="login__error" role="alert">
          {error}
        </p>
      )}
      <div className="login__actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? '正在保存…' : '保存新密码'}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            取消
          </button>
        )}
        {onLogout && (
          <button type="button" className="btn" onClick={onLogout}>
            退出登录
          </button>
        )}
      </div>
    </form>
  );
}
