/**
 * `jiesu backup [--to FOLDER] [--json]`: one verified backup now, into the configured folder (or
 * --to), then rotation. The database is backed up as it is — not migrated first — so even a database
 * this program would refuse to open (a newer one) can be copied.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDb } from '../../../db/connection.js';
import { formatBeijing } from '../../../preload/contract/time.js';
import { BackupService } from '../../services/backup/index.js';
import { ChangeFeed, PushBus } from '../../services/context.js';
import { APP_VERSION } from '../../version.js';
import { CliError, flagString, type Command } from '../types.js';

export const backupCommand: Command = {
  name: 'backup',
  summary: '立即备份数据库（校验后按保留规则轮换旧备份）',
  usage:
    'jiesu backup [--to FOLDER] [--json] [--db FILE]\n' +
    '  --to FOLDER  备份到指定文件夹（须已存在；默认用设置中的备份文件夹，未设置时为数据库旁的 backups）\n' +
    '  --json       以 JSON 输出：{"backup":{"path","name","at","bytes"},"removed":[…],"ms"}',
  flags: ['to', 'json'],
  async run(args, { io, dbPath }) {
    const to = flagString(args, 'to');
    if (!existsSync(dbPath)) throw new CliError(`数据库文件「${dbPath}」不存在，没有可备份的内容。`);
    const handle = createDb(dbPath);
    try {
      const service = new BackupService({ handle, now: Date.now, push: new PushBus(), changes: new ChangeFeed(), appVersion: APP_VERSION });
      const result = await service.run('cli', to === undefined ? {} : { to: resolve(to) });
      if (args.flags.has('json')) {
        io.out(JSON.stringify(result));
        return;
      }
      io.out(`已备份：${result.backup.path}`);
      io.out(`时间：${formatBeijing(result.backup.at, true)}，大小 ${(result.backup.bytes / 1024 / 1024).toFixed(1)} MB，已通过完整性检查（用时 ${(result.ms / 1000).toFixed(1)} 秒）`);
      if (result.removed.length) io.out(`按保留规则删除了 ${result.removed.length} 份旧备份：${result.removed.join('、')}`);
    } finally {
      await handle.close();
    }
  },
};
