/**
 * 设置 → 账号管理 (管理员): every account with its role and state; new accounts, role changes,
 * 停用/启用, and a password reset (which also unlocks). New and reset passwords must be changed at the
 * next login. The backend refuses the rest (e.g. disabling the last administrator).
 */
import { useCallback, useState } from 'react';
import { ROLE, ROLE_DUTY, PASSWORD_MIN, type Account, type Role } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { formatTime } from '../orders/format.js';
import { attempt, useLoad } from '../settings/useLoad.js';
import { useOptionalSession } from './SessionContext.js';

function stateText(a: Account): string {
  if (a.disabled) return '已停用';
  if (a.lockedUntil !== null) return `已锁定至 ${formatTime(a.lockedUntil)}`;
  if (a.mustChangePassword) return '待修改密码';
  return '正常';
}

function ResetPassword({ account, onReset }: { account: Account; onReset(password: string): Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  if (!open) {
    return (
      <button type="button" className="btn btn--small" onClick={() => setOpen(true)}>
        重置密码
      </button>
    );
  }
  return (
    <span className="inline-form">
      <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} aria-label={`${account.login}的新密码`} placeholder={`新密码（至少 ${PASSWORD_MIN} 位）`} autoFocus />
      <button
        type="button"
        className="btn btn--small btn--primary"
        onClick={async () => {
          if (await onReset(password)) {
            setOpen(false);
            setPassword('');
          }
        }}
      >
        确定
      </button>
      <button type="button" className="btn btn--small" onClick={() => setOpen(false)}>
        取消
      </button>
    </span>
  );
}

export function AccountsPage() {
  const client = useApi();
  const session = useOptionalSession();
  const mayManage = session?.can('accounts.list') ?? false;
  const load = useCallback(() => (mayManage ? client.send('accounts.list', {}) : Promise.resolve([] as Account[])), [client, mayManage]);
  const { data, error: loadError, reload } = useLoad(load);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState({ login: '', displayName: '', role: 'handler' as Role, password: '' });
  const act = async (run: () => Promise<unknown>) => {
    const ok = await attempt(run, setError);
    if (ok) reload();
    return ok;
  };

  if (!mayManage) {
    return (
      <section className="page" aria-label="账号管理">
        <h2 className="page__title">账号管理</h2>
        <p className="page__hint">只有管理员可以管理账号。您可以在右上角修改自己的密码。</p>
      </section>
    );
  }
  const me = session?.info.account.id;
  return (
    <section className="page" aria-label="账号管理" data-testid="accounts-page">
      <h2 className="page__title">账号管理</h2>
      <p className="page__intro">
        角色决定能做什么：{ROLE.codes.map((r) => `${ROLE.label[r]}——${ROLE_DUTY[r]}`).join('；')}。新建或重置密码的账号，下次登录须修改密码；密码连续输错 5 次锁定 15 分钟，重置密码即解锁。
      </p>
      {loadError && <p className="page__error">{loadError}</p>}
      {data && (
        <table className="table" data-testid="accounts-table">
          <thead>
            <tr>
              <th>用户名</th>
              <th>姓名</th>
              <th>角色</th>
              <th>状态</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.map((a) => (
              <tr key={a.id} className={a.disabled ? 'row--off' : undefined}>
                <td>{a.login}</td>
                <td>{a.displayName}</td>
                <td>
                  <select value={a.role} aria-label={`${a.login}的角色`} disabled={a.id === me} onChange={(e) => void act(() => client.send('accounts.update', { id: a.id, role: e.target.value as Role }))}>
                    {ROLE.codes.map((r) => (
                      <option key={r} value={r}>
                        {ROLE.label[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{stateText(a)}</td>
                <td className="table__actions">
                  <ResetPassword account={a} onReset={(password) => act(() => client.send('accounts.resetPassword', { id: a.id, password }))} />
                  {a.id !== me && (
                    <button type="button" className="btn btn--small" onClick={() => void act(() => client.send('accounts.update', { id: a.id, disabled: !a.disabled }))}>
                      {a.disabled ? '启用' : '停用'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="add-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await act(() => client.send('accounts.create', { ...draft, staffId: null }))) setDraft({ login: '', displayName: '', role: 'handler', password: '' });
        }}
      >
        <input type="text" value={draft.login} onChange={(e) => setDraft({ ...draft, login: e.target.value })} placeholder="用户名（字母或数字）" aria-label="新账号用户名" maxLength={32} />
        <input type="text" value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} placeholder="姓名" aria-label="新账号姓名" maxLength={32} />
        <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })} aria-label="新账号角色">
          {ROLE.codes.map((r) => (
            <option key={r} value={r}>
              {ROLE.label[r]}
            </option>
          ))}
        </select>
        <input type="password" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} placeholder={`初始密码（至少 ${PASSWORD_MIN} 位）`} aria-label="新账号初始密码" />
        <button type="submit" className="btn btn--primary">
          新建账号
        </button>
      </form>
      {error && (
        <p className="card__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
