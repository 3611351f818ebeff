/** The accounts table (schema v7), seen through Kysely next to the core Database interface. */
import type { Generated, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';

export interface AccountTable {
  id: Generated<number>;
  login: string;
  display_name: string;
  role: string;
  staff_id: number | null;
  password_hash: string;
  password_salt: string;
  /** JSON of the scrypt cost parameters the hash was made with. */
  password_params: string;
  must_change_password: number;
  failed_count: number;
  locked_until: number | null;
  disabled: number;
  created_at: number;
  updated_at: number;
}
export type AccountRow = Selectable<AccountTable>;

export type AccountTables = { accounts: AccountTable };
export type AccountsDb = Kysely<Database & AccountTables>;

export function accountsDb(db: Transaction<Database>): Transaction<Database & AccountTables>;
export function accountsDb(db: Kysely<Database>): AccountsDb;
export function accountsDb(db: Kysely<Database> | Transaction<Database>): AccountsDb | Transaction<Database & AccountTables> {
  return db.withTables<AccountTables>();
}
