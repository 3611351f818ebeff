import { join } from 'node:path';
import { openApp } from '../../runtime.js';
import { PROJECT_ROOT } from '../../version.js';
import { startWebServer } from '../../web/server.js';
import { flagInt, type Command } from '../types.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: '以浏览器模式提供界面（仅本机 127.0.0.1，带一次性令牌）',
  usage: 'jiesu serve [--db FILE] [--port P]',
  flags: ['port'],
  async run(args, { io, dbPath }) {
    const app = await openApp(dbPath);
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
    await server.close();
    await app.close();
  },
};
