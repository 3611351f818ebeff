import { join } from 'node:path';
import { openLiveApp } from '../../liveApp.js';
import { startBackupSchedule } from '../../services/backup/index.js';
import { PROJECT_ROOT } from '../../version.js';
import { startWebServer } from '../../web/server.js';
import { flagInt, type Command } from '../types.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: '以浏览器模式提供界面（仅本机 127.0.0.1，带一次性令牌）',
  usage: 'jiesu serve [--db FILE] [--port P]',
  flags: ['port'],
  async run(args, { io, dbPath }) {
    const app = await openLiveApp(dbPath);
    // The integrity check runs in the background (main/services/backup/startup.ts): warn when it fails.
    void app.startupChecked.then((check) => {
      if (check.ok) return;
      const b = check.suggestedBackup;
      io.err(`警告：${check.problem}${b ? `\n最近的完好备份：${b.path}（可在界面「设置 → 数据备份」中恢复，或停止后运行 jiesu restore "${b.path}" --yes）` : ''}`);
    });
    // A backup now (after migrate), then daily, while the server runs.
    const stopBackups = startBackupSchedule(app);
    const server = await startWebServer({
      dispatch: app.dispatch,
      push: app.push,
      port: flagInt(args, 'port', 0) ?? 0,
      staticDir: join(PROJECT_ROOT, 'dist', 'renderer'),
    });
    io.out(`浏览器模式已启动：${server.url}`);
    io.out('按 Ctrl+C 停止。');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    stopBackups();
    await server.close();
    await app.close();
  },
};
