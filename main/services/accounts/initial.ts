/**
 * The accounts a database starts with, created the first time anyone asks (never by the migration:
 * hashing belongs to the app):
 *  - a clerk's real database: one `admin` with a documented initial password that must be changed at
 *    the first login; the login screen shows it only while it is still unchanged and alone;
 *  - a demo database (app_meta demo = 1): one demo account per role, all with the demo password.
 */
import type { Role } from '../../../preload/contract/methods/accounts.js';

export const INITIAL_ADMIN = { login: 'admin', displayName: '系统管理员', password: 'jiesu-admin' } as const;

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_ACCOUNTS: ReadonlyArray<{ login: string; displayName: string; role: Role }> = [
  { login: 'admin', displayName: '演示管理员', role: 'admin' },
  { login: 'paidan', displayName: '演示派单员', role: 'dispatcher' },
  { login: 'chengban', displayName: '演示承办人', role: 'handler' },
  { login: 'tongji', displayName: '演示统计员', role: 'analyst' },
  { login: 'zhidu', displayName: '演示只读', role: 'viewer' },
];
