/**
 * Accounts for tests: put a ready-to-use account straight into the database (no forced password
 * change), and log a transport's connection in as it — browser-mode sockets and IPC windows need a
 * login since issue 7; in-process dispatch without a session acts as the local system actor.
 */
import type { Role } from '../../preload/contract/methods/accounts.js';
import type { Transport } from '../../preload/contract/client.js';
import type { AppRuntime } from '../../main/runtime.js';
import { hashPassword } from '../../main/services/accounts/password.js';
import { accountsDb } from '../../main/services/accounts/tables.js';

export const TEST_PASSWORD = 'test-password-1';

export interface TestAccount {
  login: string;
  displayName: string;
  role: Role;
}

/** The account the contract suite's web transport logs in as: its name is the in-process actor's. */
export const TEST_ADMIN: TestAccount = { login: 'tester', displayName: 'test', role: 'admin' };

/** Inserts the account unless its login exists; returns its id. */
export async function ensureAccount(app: Pick<AppRuntime, 'handle'>, a: TestAccount, password = TEST_PASSWORD): Promise<number> {
  const db = accountsDb(app.handle.db);
  const found = await db.selectFrom('accounts').select('id').where('login', '=', a.login).executeTakeFirst();
  if (found) return found.id;
  const h = await hashPassword(password);
  const row = await db
    .insertInto('accounts')
    .values({
      login: a.login,
      display_name: a.displayName,
      role: a.role,
      staff_id: null,
      password_hash: h.hash,
      password_salt: h.salt,
      password_params: h.params,
      must_change_password: 0,
      failed_count: 0,
      locked_until: null,
      disabled: 0,
      created_at: 0,
      updated_at: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Logs the transport's connection in (creating the account first); throws on refusal. */
export async function loginAs(app: Pick<AppRuntime, 'handle'>, transport: Transport, a: TestAccount = TEST_ADMIN): Promise<string> {
  await ensureAccount(app, a);
  const res = await transport.request('accounts.login', { login: a.login, password: TEST_PASSWORD });
  if ('error' in res) throw new Error(`login as ${a.login} failed: ${res.error.code} ${res.error.message}`);
  return (res.reply as { token: string }).token;
}
