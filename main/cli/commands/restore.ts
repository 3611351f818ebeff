/**
 * `jiesu restore FILE [--yes]`: checks the backup (integrity, schema version, a 接诉台 database) and
 * says what it would do; with --yes it replaces the database — the current file is kept as
 * `<db>.before-restore-<time>.bak` — and opens (migrates) the restored one. Refused while another
 * program has the database open.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackupInspection } from '../../../preload/contract/methods/backup.js';
import { formatBeijing } from '../../../preload/contract/time.js';
import { openApp } from '../../runtime.js';
import { inspectCandidate, replaceDatabaseFile, undoReplace } from '../../services/backup/index.js';
import { CliError, type CliIo, type Command } from '../types.js';

function describe(io: CliIo, b: BackupInspection): void {
  io.out(`备份文件：${b.path}${b.takenAt !== null ? `（备份于 ${formatBeijing(b.takenAt, true)}）` : ''}`);
  io.out(
    `内容：${b.streetName ?? '未命名街道'}${b.demo ? '（演示数据）' : ''}，工单 ${b.orderCount} 件` +
      `${b.newestReceivedAt !== null ? `，最新一件受理于 ${formatBeijing(b.newestReceivedAt)}` : ''}，数据结构版本 ${b.schemaVersion}；完整性检查通过。`,
  );
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: '从备份恢复数据库（先检查备份；加 --yes 才替换，原文件另存）',
  usage:
    'jiesu restore FILE [--yes] [--db FILE]\n' +
    '  不加 --yes：只检查备份并说明将要做什么，不作任何改动\n' +
    '  --yes       替换数据库（当前文件另存为 <数据库>.before-restore-<时间>.bak），然后打开并升级恢复后的数据库',
  flags: ['yes'],
  async run(args, { io, dbPath }) {
    const file = args.positionals[0];
    if (!file || args.positionals.length > 1) throw new CliError(`请指定一个备份文件。\n用法：${restoreCommand.usage}`, 2);
    const candidate = await inspectCandidate(file, dbPath);
    describe(io, candidate);
    const live = resolve(dbPath);
    if (!args.flags.has('yes')) {
      io.out(
        existsSync(live)
          ? `将用它替换数据库 ${live}；当前数据库会另存为 ${live}.before-restore-<时间>.bak，不会删除。`
          : `数据库 ${live} 尚不存在，将用该备份创建。`,
      );
      io.out('未作任何改动。确认无误后加 --yes 再运行一次（请先关闭正在使用该数据库的接诉台）。');
      return;
    }
    const replaced = await replaceDatabaseFile(live, candidate.path, Date.now());
    try {
      const app = await openApp(live);
      await app.close();
    } catch (e) {
      undoReplace(live, replaced);
      throw new CliError(`恢复后的数据库无法打开（${e instanceof Error ? e.message : String(e)}），已换回原数据库。`);
    }
    io.out(`已恢复：${live}`);
    if (replaced.previousSavedAs) io.out(`原数据库已另存为：${replaced.previousSavedAs}`);
  },
};
