/** The top bar's right end: who is logged in (name and role), 修改密码 and 退出登录. */
import { useState } from 'react';
import { ROLE } from '../../../preload/api.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { useOptionalSession } from './SessionContext.js';

export function AccountMenu() {
  const session = useOptionalSession();
  const [changing, setChanging] = useState(false);
  if (!session) return null;
  const { account } = session.info;
  return (
    <div className="account-menu" data-testid="account-menu">
      <span className="account-menu__who">
        {account.displayName}
        <span className="account-menu__role">{ROLE.label[account.role]}</span>
      </span>
      <button type="button" className="btn btn--small" onClick={() => setChanging(true)}>
        修改密码
      </button>
      <button type="button" className="btn btn--small" onClick={() => void session.logout()}>
        退出登录
      </button>
      {changing && (
        <div className="account-overlay" role="dialog" aria-modal="true" aria-label="修改密码">
          <ChangePasswordForm
            forced={false}
            onCancel={() => setChanging(false)}
            onChanged={(info) => {
              session.update(info);
              setChanging(false);
            }}
          />
        </div>
      )}
    </div>
  );
}
