/**
 * Handlers of the accounts methods and of revealing a citizen's contact. Login binds the account to
 * the calling connection's session (ctx.session); the guard has already checked the role.
 */
import { AppError } from '../../preload/contract/errors.js';
import type { Account } from '../../preload/contract/methods/accounts.js';
import type { CallContext, Handlers } from '../dispatch.js';
import { allowedMethods } from '../auth/permissions.js';
import type { Services } from '../services/index.js';
import { revealCitizen } from '../services/accounts/reveal.js';

function session(account: Account) {
  return { account, methods: allowedMethods(account.role) };
}

/** The guard sets ctx.account for every method that needs a login; without it we are in-process. */
function caller(ctx: CallContext): Account {
  if (!ctx.account) throw new AppError('UNAUTHORIZED', '请先登录（命令行以本机系统身份运行，没有登录账号）。');
  return ctx.account;
}

export function accountHandlers(s: Services) {
  const { accounts } = s;
  return {
    'accounts.loginInfo': () => accounts.loginInfo(),
    'accounts.login': async (a, ctx) => {
      const { account, token } = await accounts.login(a.login, a.password);
      if (ctx.session) {
        if (ctx.session.token) accounts.sessions.close(ctx.session.token);
        ctx.session.token = token;
      }
      return { ...session(account), token };
    },
    'accounts.resume': async (a, ctx) => {
      const account = await accounts.sessionAccount(a.token);
      if (!account) throw new AppError('UNAUTHORIZED', '登录已失效，请重新登录。');
      if (ctx.session) ctx.session.token = a.token;
      return session(account);
    },
    'accounts.logout': (_a, ctx) => {
      if (ctx.session?.token) accounts.sessions.close(ctx.session.token);
      if (ctx.session) ctx.session.token = null;
      return { ok: true as const };
    },
    'accounts.whoami': (_a, ctx) => session(caller(ctx)),
    'accounts.changePassword': async (a, ctx) => session(await accounts.changePassword(caller(ctx), ctx.session?.token ?? null, a.current, a.next)),
    'accounts.list': () => accounts.list(),
    'accounts.create': (a, ctx) => accounts.create(ctx.actor, a),
    'accounts.update': (a, ctx) => accounts.update(ctx.account ?? null, a),
    'accounts.resetPassword': (a, ctx) => accounts.resetPassword(ctx.actor, a.id, a.password),
    'orders.revealCitizen': (a, ctx) => revealCitizen(s.ctx, ctx.actor, a.id),
  } satisfies Pick<
    Handlers,
    | 'accounts.loginInfo'
    | 'accounts.login'
    | 'accounts.resume'
    | 'accounts.logout'
    | 'accounts.whoami'
    | 'accounts.changePassword'
    | 'accounts.list'
    | 'accounts.create'
    | 'accounts.update'
    | 'accounts.resetPassword'
    | 'orders.revealCitizen'
  >;
}
