import { existsSync } from 'node:fs';
import { parseBeijing } from '../../../preload/contract/time.js';
import { openApp } from '../../runtime.js';
import { seedDemo } from '../../services/demo/seed.js';
import { CliError, flagInt, flagString, type Command } from '../types.js';

export const seedCommand: Command = {
  name: 'seed',
  summary: '生成演示数据（只写入没有工单的数据库，并标记为演示数据）',
  usage: 'jiesu seed [--orders N] [--days D] [--seed S] [--until YYYY-MM-DD] [--db FILE]\n' +
    '  --orders N   工单总数（默认约每天 35 件）\n' +
    '  --days D     覆盖的天数，截至 --until（默认 730，即两年）\n' +
    '  --seed S     随机种子（默认 1）：同一种子、同一截止日生成完全相同的数据\n' +
    '  --until D    数据截止日（北京时间，默认今天此刻）',
  flags: ['orders', 'days', 'seed', 'until'],
  async run(args, { io, dbPath }) {
    const orders = flagInt(args, 'orders', 1);
    const days = flagInt(args, 'days', 1);
    const seed = flagInt(args, 'seed', 0) ?? 1;
    const untilText = flagString(args, 'until');
    let until = Date.now();
    if (untilText !== undefined) {
      const parsed = parseBeijing(untilText);
      if (parsed === null) throw new CliError(`无法识别的日期「${untilText}」，请写成 2026-11-27 或 2026-11-27 18:00`, 2);
      until = untilText.trim().length <= 10 ? parsed + 86_400_000 - 1000 : parsed;
    }
    const fresh = !existsSync(dbPath);
    const app = await openApp(dbPath);
    try {
      let lastShown = 0;
      const result = await seedDemo(app.handle, {
        seed,
        until,
        ...(orders !== undefined ? { orders } : {}),
        ...(days !== undefined ? { days } : {}),
        onProgress: (done, total) => {
          if (done - lastShown >= 100_000) {
            lastShown = done;
            io.err(`  已生成 ${done} / ${total} 件…`);
          }
        },
      });
      const rate = Math.round(result.orders / Math.max(result.ms / 1000, 0.001));
      io.out(`已${fresh ? '新建数据库并' : ''}写入演示数据：${result.orders} 件工单，覆盖 ${result.days} 天，用时 ${(result.ms / 1000).toFixed(1)} 秒（${rate} 件/秒）→ ${dbPath}`);
    } finally {
      await app.close();
    }
  },
};
