/**
 * Local accounts: login with lockout, sessions, the forced password change, and the administrator's
 * account page. Every account change writes an event (order_id NULL) naming who did it.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AppError } from '../../../preload/contract/errors.js';
import { ROLE, type Account, type LoginInfo, type Role } from '../../../preload/contract/methods/accounts.js';
import type { MethodArgs } from '../../../preload/api.js';
import { META_DEMO, META_STREET_NAME, readMeta } from '../app.js';
import type { ServiceContext } from '../context.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, INITIAL_ADMIN } from './initial.js';
import { hashPassword, verifyPassword } from './password.js';
import { SessionStore } from './sessions.js';
import { accountsDb, type AccountRow, type AccountTables } from './tables.js';

/** ⚙ candidates: wrong passwords in a row before the account locks, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

const WRONG_LOGIN = '用户名或密码不正确。';

export function toAccount(r: AccountRow, now: number): Account {
  return {
    id: r.id,
    login: r.login,
    displayName: r.display_name,
    role: r.role as Role,
    staffId: r.staff_id,
    mustChangePassword: r.must_change_password === 1,
    disabled: r.disabled === 1,
    lockedUntil: r.locked_until !== null && r.locked_until > now ? r.locked_until : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function minutesLeft(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 60_000));
}

export class AccountService {
  readonly sessions: SessionStore;
  private initializing: Promise<void> | null = null;

  constructor(private readonly ctx: ServiceContext) {
    this.sessions = new SessionStore(ctx.now);
  }

  private get db() {
    return accountsDb(this.ctx.handle.db);
  }

  /** Creates the starting accounts (initial.ts) if the database has none. */
  ensureInitial(): Promise<void> {
    this.initializing ??= this.createInitial().finally(() => {
      this.initializing = null;
    });
    return this.initializing;
  }

  private async createInitial(): Promise<void> {
    const row = await this.db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(row.n) > 0) return;
    const demo = (await readMeta(this.ctx, META_DEMO)) === '1';
    const now = this.ctx.now();
    const seeds = demo
      ? DEMO_ACCOUNTS.map((a) => ({ ...a, password: DEMO_PASSWORD, mustChange: 0 }))
      : [{ login: INITIAL_ADMIN.login, displayName: INITIAL_ADMIN.displayName, role: 'admin' as Role, password: INITIAL_ADMIN.password, mustChange: 1 }];
    // The demo's 承办人 is a real handler of the demo street, so 我的待办 shows that person's open orders.
    const demoHandler = demo
      ? ((
          await this.ctx.handle.db
            .selectFrom('order_units')
            .select('handler_staff_id')
            .where('handler_staff_id', 'is not', null)
            .groupBy('handler_staff_id')
            .orderBy((eb) => eb.fn.countAll(), 'desc')
            .limit(1)
            .executeTakeFirst()
        )?.handler_staff_id ?? null)
      : null;
    const rows: Array<Omit<AccountRow, 'id'>> = [];
    for (const s of seeds) {
      const h = await hashPassword(s.password);
      rows.push({
        login: s.login,
        display_name: s.displayName,
        role: s.role,
        staff_id: s.role === 'handler' ? demoHandler : null,
        password_hash: h.hash,
        password_salt: h.salt,
        password_params: h.params,
        must_change_password: s.mustChange,
        failed_count: 0,
        locked_until: null,
        disabled: 0,
        created_at: now,
        updated_at: now,
      });
    }
    // Another caller may have won the race while we hashed: insert only into an empty table.
    await this.ctx.handle.db.transaction().execute(async (trx) => {
      const t = accountsDb(trx);
      const again = await t.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
      if (!again) await t.insertInto('accounts').values(rows).execute();
    });
  }

  async loginInfo(): Promise<LoginInfo> {
    await this.ensureInitial();
    const demo = (await readMeta(this.ctx, META_DEMO)) === '1';
    const rows = await this.db.selectFrom('accounts').selectAll().orderBy('id').execute();
    const only = rows.length === 1 ? rows[0] : undefined;
    const firstRun =
      !demo && only && only.login === INITIAL_ADMIN.login && only.must_change_password === 1 && (await verifyPassword(INITIAL_ADMIN.password, { hash: only.password_hash, salt: only.password_salt, params: only.password_params }))
        ? { login: INITIAL_ADMIN.login, password: INITIAL_ADMIN.password }
        : null;
    const demoAccounts = demo ? rows.filter((r) => r.disabled === 0 && DEMO_ACCOUNTS.some((d) => d.login === r.login)).map((r) => ({ login: r.login, displayName: r.display_name, role: r.role as Role })) : [];
    return {
      streetName: (await readMeta(this.ctx, META_STREET_NAME)) ?? '未命名街道',
      demo,
      demoAccounts,
      demoPassword: demo ? DEMO_PASSWORD : null,
      firstRun,
    };
  }

  private async byLogin(login: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('accounts').selectAll().where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase())).executeTakeFirst();
  }

  async byId(id: number): Promise<AccountRow> {
    const row = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `账号不存在（编号 ${id}）。`);
    return row;
  }

  /**
   * Checks the password; 5 wrong ones in a row lock the account for 15 minutes. The reply never
   * tells whether the login name exists (same message, same hashing work).
   */
  async login(login: string, password: string): Promise<{ account: Account; token: string }> {
    await this.ensureInitial();
    const now = this.ctx.now();
    const row = await this.byLogin(login.trim());
    if (!row) {
      await hashPassword(password); // same cost as a real check
      throw new AppError('UNAUTHORIZED', WRONG_LOGIN);
    }
    if (row.locked_until !== null && row.locked_until > now) {
      throw new AppError('FORBIDDEN', `密码连续输错 ${MAX_FAILED_LOGINS} 次，账号已锁定，请 ${minutesLeft(row.locked_until, now)} 分钟后再试，或请管理员解锁。`);
    }
    const ok = await verifyPassword(password, { hash: row.password_hash, salt: row.password_salt, params: row.password_params });
    if (!ok) {
      const failed = (row.locked_until !== null ? 0 : row.failed_count) + 1;
      const lock = failed >= MAX_FAILED_LOGINS;
      await this.db
        .updateTable('accounts')
        .set({ failed_count: lock ? 0 : failed, locked_until: lock ? now + LOCKOUT_MS : null })
        .where('id', '=', row.id)
        .execute();
      if (lock) throw new AppError('FORBIDDEN', `密码连续输错 ${MAX_FAILED_LOGINS} 次，账号已锁定 ${LOCKOUT_MS / 60_000} 分钟。`);
      const left = MAX_FAILED_LOGINS - failed;
      throw new AppError('UNAUTHORIZED', `${WRONG_LOGIN}${left <= 2 ? `再输错 ${left} 次账号将被锁定 ${LOCKOUT_MS / 60_000} 分钟。` : ''}`);
    }
    if (row.disabled === 1) throw new AppError('FORBIDDEN', '该账号已停用，请联系管理员。');
    await this.db.updateTable('accounts').set({ failed_count: 0, locked_until: null }).where('id', '=', row.id).execute();
    return { account: toAccount({ ...row, failed_count: 0, locked_until: null }, now), token: this.sessions.open(row.id) };
  }

  /** The live account of a session token, or null (expired, logged out, disabled, deleted). */
  async sessionAccount(token: string): Promise<Account | null> {
    const id = this.sessions.touch(token);
    if (id === null) return null;
    const row = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.disabled === 1) {
      this.sessions.close(token);
      return null;
    }
    return toAccount(row, this.ctx.now());
  }

  async changePassword(account: Account, token: string | null, current: string, next: string): Promise<Account> {
    const row = await this.byId(account.id);
    if (!(await verifyPassword(current, { hash: row.password_hash, salt: row.password_salt, params: row.password_params }))) {
      throw new AppError('INVALID_INPUT', '当前密码不正确。');
    }
    if (current === next) throw new AppError('INVALID_INPUT', '新密码不能与当前密码相同。');
    const h = await hashPassword(next);
    const now = this.ctx.now();
    await this.change(account.displayName, { kind: 'account.password', summary: `修改了自己的密码（${row.login}）`, before: null, after: null }, (t) =>
      t.updateTable('accounts').set({ password_hash: h.hash, password_salt: h.salt, password_params: h.params, must_change_password: 0, updated_at: now }).where('id', '=', row.id).execute(),
    );
    // Other windows logged in with the old password must log in again.
    this.sessions.closeAccount(row.id, token ?? undefined);
    return toAccount(await this.byId(row.id), now);
  }

  async list(): Promise<Account[]> {
    await this.ensureInitial();
    const now = this.ctx.now();
    return (await this.db.selectFrom('accounts').selectAll().orderBy('id').execute()).map((r) => toAccount(r, now));
  }

  async create(actor: string, a: MethodArgs<'accounts.create'>): Promise<Account> {
    if (await this.byLogin(a.login)) throw new AppError('INVALID_INPUT', `用户名「${a.login}」已被使用。`);
    await this.checkStaff(a.staffId ?? null);
    const h = await hashPassword(a.password);
    const now = this.ctx.now();
    const id = await this.change(actor, { kind: 'account.created', summary: `新建账号 ${a.login}（${a.displayName}，${ROLE.label[a.role]}）`, before: null, after: { login: a.login, displayName: a.displayName, role: a.role } }, async (t) => {
      const r = await t
        .insertInto('accounts')
        .values({ login: a.login, display_name: a.displayName, role: a.role, staff_id: a.staffId ?? null, password_hash: h.hash, password_salt: h.salt, password_params: h.params, must_change_password: 1, failed_count: 0, locked_until: null, disabled: 0, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    });
    return toAccount(await this.byId(id), now);
  }

  async update(actor: Account | null, a: MethodArgs<'accounts.update'>): Promise<Account> {
    const row = await this.byId(a.id);
    const role = a.role ?? (row.role as Role);
    const disabled = a.disabled ?? row.disabled === 1;
    if (actor && actor.id === row.id && (disabled || role !== 'admin')) {
      throw new AppError('FORBIDDEN', '不能停用自己的账号或取消自己的管理员角色（请由另一位管理员操作）。');
    }
    if (row.role === 'admin' && row.disabled === 0 && (role !== 'admin' || disabled)) await this.keepOneAdmin(row.id);
    if (a.staffId !== undefined) await this.checkStaff(a.staffId);
    const now = this.ctx.now();
    const before = { displayName: row.display_name, role: row.role, staffId: row.staff_id, disabled: row.disabled === 1 };
    const after = { displayName: a.displayName ?? row.display_name, role, staffId: a.staffId === undefined ? row.staff_id : a.staffId, disabled };
    const what: string[] = [];
    if (after.displayName !== before.displayName) what.push(`姓名改为「${after.displayName}」`);
    if (role !== before.role) what.push(`角色由${ROLE.label[before.role as Role]}改为${ROLE.label[role]}`);
    if (after.staffId !== before.staffId) what.push('关联人员已更改');
    if (disabled !== before.disabled) what.push(disabled ? '停用' : '启用');
    await this.change(actor?.displayName ?? '系统', { kind: 'account.updated', summary: `账号 ${row.login}：${what.join('，') || '未改动'}`, before, after }, (t) =>
      t.updateTable('accounts').set({ display_name: after.displayName, role, staff_id: after.staffId, disabled: disabled ? 1 : 0, updated_at: now }).where('id', '=', row.id).execute(),
    );
    if (disabled) this.sessions.closeAccount(row.id);
    return toAccount(await this.byId(row.id), now);
  }

  async resetPassword(actor: string, id: number, password: string): Promise<Account> {
    const row = await this.byId(id);
    const h = await hashPassword(password);
    const now = this.ctx.now();
    await this.change(actor, { kind: 'account.password_reset', summary: `重置了账号 ${row.login} 的密码并解除锁定`, before: null, after: null }, (t) =>
      t.updateTable('accounts').set({ password_hash: h.hash, password_salt: h.salt, password_params: h.params, must_change_password: 1, failed_count: 0, locked_until: null, updated_at: now }).where('id', '=', row.id).execute(),
    );
    this.sessions.closeAccount(row.id);
    return toAccount(await this.byId(row.id), now);
  }

  private async keepOneAdmin(exceptId: number): Promise<void> {
    const others = await this.db.selectFrom('accounts').select('id').where('role', '=', 'admin').where('disabled', '=', 0).where('id', '!=', exceptId).limit(1).executeTakeFirst();
    if (!others) throw new AppError('FORBIDDEN', '至少要保留一个启用的管理员账号。');
  }

  private async checkStaff(staffId: number | null): Promise<void> {
    if (staffId === null) return;
    const s = await this.ctx.handle.db.selectFrom('staff').select('id').where('id', '=', staffId).executeTakeFirst();
    if (!s) throw new AppError('NOT_FOUND', `人员不存在（编号 ${staffId}）。`);
  }

  /** One account change and its event (order_id NULL), in one transaction. */
  private change<T>(actor: string, e: { kind: string; summary: string; before: unknown; after: unknown }, write: (t: Transaction<Database & AccountTables>) => Promise<T>): Promise<T> {
    return this.ctx.handle.db.transaction().execute(async (trx) => {
      const result = await write(accountsDb(trx));
      await trx
        .insertInto('events')
        .values({ order_id: null, at: this.ctx.now(), actor, kind: e.kind, summary: e.summary, before_json: e.before === null ? null : JSON.stringify(e.before), after_json: e.after === null ? null : JSON.stringify(e.after) })
        .execute();
      return result;
    });
  }
}
