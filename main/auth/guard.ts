/**
 * The dispatcher's gate, run after the input is validated and before the handler: who is calling
 * (the connection's session → the live account), may that role call this method with these
 * arguments (permissions.ts), and then the handler runs with `ctx.actor` = the account's name, so
 * every event it writes names the acting account.
 *
 * A call without a session object comes from inside the process (the CLI, tests, start-up jobs) and
 * acts as the local system actor: whoever can run the CLI can open the database file anyway.
 * Electron IPC and browser-mode sockets always carry a session, so they always need a login.
 */
import { api, type MethodArgs, type MethodName } from '../../preload/api.js';
import { AppError } from '../../preload/contract/errors.js';
import { ROLE } from '../../preload/contract/methods/accounts.js';
import type { CallContext } from '../dispatch.js';
import type { AccountService } from '../services/accounts/service.js';
import { PERMISSIONS, requiredCapabilities, roleMay } from './permissions.js';

export type Guard = <K extends MethodName>(method: K, args: MethodArgs<K>, ctx: CallContext) => Promise<CallContext>;

export function createGuard(accounts: AccountService): Guard {
  return async (method, args, ctx) => {
    const needs = requiredCapabilities(method, args);
    if (PERMISSIONS[method] === 'public') return ctx;
    if (!ctx.session) {
      if (ctx.transport === 'in-process') return ctx;
      throw new AppError('UNAUTHORIZED', '请先登录。');
    }
    const token = ctx.session.token;
    const account = token === null ? null : await accounts.sessionAccount(token);
    if (!account) {
      ctx.session.token = null;
      throw new AppError('UNAUTHORIZED', token === null ? '请先登录。' : '登录已失效（已退出、超时或账号被停用），请重新登录。');
    }
    if (account.mustChangePassword && PERMISSIONS[method] !== 'session') {
      throw new AppError('FORBIDDEN', '请先修改初始密码，然后才能使用接诉台。');
    }
    const missing = needs.find((c) => !roleMay(account.role, c));
    if (missing) {
      const what = missing === 'reveal' ? '查看诉求人完整联系方式' : api[method].doc;
      throw new AppError('FORBIDDEN', `当前账号（${ROLE.label[account.role]}）无权执行此操作：${what}。`);
    }
    return { ...ctx, actor: account.displayName, account };
  };
}
