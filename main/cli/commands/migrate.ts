import { openApp } from '../../runtime.js';
import type { Command } from '../types.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: '把数据库升级到本程序的数据结构版本（先自动备份）',
  usage: 'jiesu migrate [--db FILE]',
  flags: [],
  async run(_args, { io, dbPath }) {
    const app = await openApp(dbPath);
    try {
      const m = app.migration;
      if (m.applied.length === 0) io.out(`数据库已是最新版本（版本 ${m.to}）：${dbPath}`);
      else io.out(`已从版本 ${m.from} 升级到版本 ${m.to}（${m.applied.join('、')}）${m.backupPath ? `，升级前备份：${m.backupPath}` : ''}`);
    } finally {
      await app.close();
    }
  },
};
