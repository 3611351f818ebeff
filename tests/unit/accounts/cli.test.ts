/** `jiesu account reset-password`: the forgotten-admin way back in; the temporary password works once, then must change. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli.js';
import { openApp } from '../../../main/runtime.js';
import { send, windowContext } from './support.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('jiesu account', () => {
  it('resets a password to a printed temporary one that must be changed at login', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jiesu-account-'));
    dirs.push(dir);
    const db = join(dir, 'real.db');
    const list = io();
    expect(await runCli(['account', 'list', '--db', db], list.io)).toBe(0);
    expect(list.out.join('\n')).toContain('admin\t系统管理员\t管理员');

    const reset = io();
    expect(await runCli(['account', 'reset-password', 'ADMIN', '--db', db], reset.io)).toBe(0);
    const temp = /临时密码：(\S+)/.exec(reset.out.join('\n'))?.[1];
    expect(temp).toBeTruthy();

    const app = await openApp(db);
    try {
      const s = await send(app, windowContext(), 'accounts.login', { login: 'admin', password: temp! });
      expect(s.account.mustChangePassword).toBe(true);
      const events = await app.handle.db.selectFrom('events').select(['actor', 'kind']).where('kind', '=', 'account.password_reset').execute();
      expect(events).toEqual([{ actor: '命令行', kind: 'account.password_reset' }]);
    } finally {
      await app.close();
    }
    const missing = io();
    expect(await runCli(['account', 'reset-password', 'nobody', '--db', db], missing.io)).toBe(1);
    expect(missing.err.join('\n')).toContain('没有用户名为「nobody」的账号');
  });
});
