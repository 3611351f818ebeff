/**
 * Contract methods of local accounts: login and sessions, the account admin page, and revealing a
 * citizen's full name and phone (personal data is masked everywhere else).
 *
 * Which role may call which method is decided in the main process (main/auth/permissions.ts); the
 * UI only hides what the session's `methods` list does not contain.
 */
import { z } from 'zod';
import { labels } from '../enums.js';
import { method } from '../method.js';
import { epochMs, id } from '../scalars.js';

export const ROLE = labels({
  admin: '管理员',
  dispatcher: '派单员',
  handler: '承办人',
  analyst: '统计',
  viewer: '只读',
});
export type Role = (typeof ROLE.codes)[number];

/** What a role is for, shown on the account admin page. */
export const ROLE_DUTY: Record<Role, string> = {
  admin: '全部功能，含账号、设置、备份与恢复',
  dispatcher: '签收、派单、异议、延期审批、回访登记、导入导出',
  handler: '联系诉求人、办结反馈、申请延期',
  analyst: '查看与导出统计、报表、台账',
  viewer: '只能查看（诉求人信息始终遮蔽）',
};

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const loginName = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名最多 32 个字符')
  .regex(/^[a-zA-Z0-9_.-]+$/, '用户名只能包含英文字母、数字、下划线、点和减号');
const displayName = z.string().trim().min(1, '请填写姓名').max(32, '姓名最多 32 个字符');
const password = z.string().min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 位`).max(PASSWORD_MAX, `密码最多 ${PASSWORD_MAX} 位`);
/** A password typed at login: any length is checked against the hash, so only a sane bound here. */
const typedPassword = z.string().max(PASSWORD_MAX, '密码过长');

export const Account = z.object({
  id,
  login: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE.codes),
  staffId: id.nullable(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  /** Set while the account is locked after repeated wrong passwords. */
  lockedUntil: epochMs.nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Account = z.infer<typeof Account>;

/** The logged-in account of this window / tab and the methods its role may call. */
export const SessionInfo = z.object({
  account: Account,
  methods: z.array(z.string()),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** Login also hands back a token: a reload or a reconnect of the same tab resumes with it. */
export const LoginResult = SessionInfo.extend({ token: z.string() });
export type LoginResult = z.infer<typeof LoginResult>;

export const LoginInfo = z.object({
  streetName: z.string(),
  demo: z.boolean(),
  /** Demo databases only: the demo accounts and their shared password. */
  demoAccounts: z.array(z.object({ login: z.string(), displayName: z.string(), role: z.enum(ROLE.codes) })),
  demoPassword: z.string().nullable(),
  /** A fresh database whose only account is the first-run admin, not yet changed: its initial password. */
  firstRun: z.object({ login: z.string(), password: z.string() }).nullable(),
});
export type LoginInfo = z.infer<typeof LoginInfo>;

export const RevealedCitizen = z.object({ id, citizenName: z.string().nullable(), citizenPhone: z.string().nullable() });
export type RevealedCitizen = z.infer<typeof RevealedCitizen>;

const empty = z.object({}).strict();

export const accountMethods = {
  'accounts.loginInfo': method(empty, LoginInfo, '登录页所需信息（无需登录）'),
  'accounts.login': method(z.object({ login: z.string().trim().min(1, '请输入用户名').max(64), password: typedPassword }).strict(), LoginResult, '登录'),
  'accounts.resume': method(z.object({ token: z.string().min(1).max(200) }).strict(), SessionInfo, '刷新页面或重新连接后恢复登录'),
  'accounts.logout': method(empty, z.object({ ok: z.literal(true) }), '退出登录'),
  'accounts.whoami': method(empty, SessionInfo, '当前登录的账号'),
  'accounts.changePassword': method(z.object({ current: typedPassword, next: password }).strict(), SessionInfo, '修改自己的密码'),
  'accounts.list': method(empty, z.array(Account), '全部账号（管理员）'),
  'accounts.create': method(
    z.object({ login: loginName, displayName, role: z.enum(ROLE.codes), staffId: id.nullable().optional(), password }).strict(),
    Account,
    '新建账号，首次登录须修改密码（管理员）',
  ),
  'accounts.update': method(
    z.object({ id, displayName: displayName.optional(), role: z.enum(ROLE.codes).optional(), staffId: id.nullable().optional(), disabled: z.boolean().optional() }).strict(),
    Account,
    '修改账号的姓名、角色、关联人员或停用（管理员）',
  ),
  'accounts.resetPassword': method(z.object({ id, password }).strict(), Account, '重置密码并解除锁定，下次登录须修改（管理员）'),
  'orders.revealCitizen': method(z.object({ id }).strict(), RevealedCitizen, '查看诉求人完整姓名与电话（记入工单时间线）'),
} as const;
