/**
 * `jiesu account list` and `jiesu account reset-password LOGIN`: the way back in when the only
 * administrator forgot the password. Runs as the local system actor (no login): whoever can run the
 * CLI on this PC can open the database file anyway. The new password is random, printed once, and
 * must be changed at the next login.
 */
import { randomBytes } from 'node:crypto';
import { ROLE } from '../../../preload/contract/methods/accounts.js';
import { openApp } from '../../runtime.js';
import { CliError, type Command } from '../types.js';

export const accountCommand: Command = {
  name: 'account',
  summary: '列出账号，或重置某个账号的密码（忘记管理员密码时使用）',
  usage: 'jiesu account list | jiesu account reset-password 用户名',
  flags: [],
  async run(args, { io, dbPath }) {
    const [sub, login] = args.positionals;
    if (sub !== 'list' && sub !== 'reset-password') throw new CliError('用法：jiesu account list 或 jiesu account reset-password 用户名', 2);
    const app = await openApp(dbPath);
    try {
      const all = await app.services.accounts.list();
      if (sub === 'list') {
        for (const a of all) io.out(`${a.login}\t${a.displayName}\t${ROLE.label[a.role]}${a.disabled ? '\t已停用' : ''}${a.lockedUntil ? '\t已锁定' : ''}`);
        return;
      }
      const target = all.find((a) => a.login.toLowerCase() === (login ?? '').toLowerCase());
      if (!target) throw new CliError(`没有用户名为「${login ?? ''}」的账号。可用 jiesu account list 查看。`, 1);
      const password = randomBytes(9).toString('base64url');
      await app.services.accounts.resetPassword('命令行', target.id, password);
      io.out(`已重置账号 ${target.login} 的密码并解除锁定。临时密码：${password}`);
      io.out('请用临时密码登录，系统会要求立即设置新密码。');
    } finally {
      await app.close();
    }
  },
};
