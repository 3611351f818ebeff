/**
 * Schema v7: local accounts (issue 7). Frozen in time: written against Kysely<any>.
 *
 *  - accounts: one row per clerk. The password is never stored: only its scrypt hash, the random
 *    salt and the cost parameters it was made with (so the cost can be raised later without locking
 *    anyone out). failed_count / locked_until implement the lockout after repeated wrong passwords.
 *    The first-run admin is created by the accounts service, not here: hashing belongs to the app.
 * Sessions are not stored: they live in the memory of the running app and end with it.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('admin', 'dispatcher', 'handler', 'analyst', 'viewer')`))
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_salt', 'text', (c) => c.notNull())
    .addColumn('password_params', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'integer')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  // Login names compare case-insensitively: 'Admin' and 'admin' are one account.
  await sql`CREATE UNIQUE INDEX accounts_login ON accounts (login COLLATE NOCASE)`.execute(db);
}
