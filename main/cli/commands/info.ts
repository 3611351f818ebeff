import { openApp } from '../../runtime.js';
import type { Command } from '../types.js';

export const infoCommand: Command = {
  name: 'info',
  summary: '显示数据库概况（街道、工单数、版本、是否演示数据）',
  usage: 'jiesu info [--db FILE] [--json]',
  flags: ['json'],
  async run(args, { io, dbPath }) {
    const app = await openApp(dbPath);
    try {
      const result = await app.dispatch('app.info', {}, { actor: 'cli', transport: 'in-process' });
      if ('error' in result) throw new Error(result.error.message);
      const info = result.reply as { streetName: string; orderCount: number; schemaVersion: number; appVersion: string; demo: boolean; dbPath: string };
      if (args.flags.has('json')) {
        io.out(JSON.stringify(info));
      } else {
        io.out(`街道：${info.streetName}${info.demo ? '（演示数据）' : ''}`);
        io.out(`工单：${info.orderCount} 件`);
        io.out(`数据库：${info.dbPath}（数据结构版本 ${info.schemaVersion}）`);
        io.out(`程序版本：${info.appVersion}`);
      }
    } finally {
      await app.close();
    }
  },
};
