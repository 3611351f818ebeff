/**
 * `npm start`: the app with demo data, for a developer or a demonstration.
 *  - The demo database is its own file (never the clerks' real one); the first start seeds two years of
 *    demo orders into it and says so. `npm start -- --empty` opens an empty database instead.
 *  - With the Electron runtime installed, the desktop window opens (on the demo database, `--demo`).
 *    Where it is missing (as on machines that cannot download it) one line says so and the same app is
 *    served in browser mode on 127.0.0.1, with its URL printed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli.js';
import { electronBinary, userDataDir } from './launch-paths.js';
import { PROJECT_ROOT } from './version.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const empty = args.includes('--empty');
  const browserOnly = args.includes('--browser');
  const dir = userDataDir();
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, empty ? 'jiesu-empty.db' : 'jiesu-demo.db');

  if (!empty && !existsSync(dbPath)) {
    console.log(`首次启动：正在生成两年的演示数据（约 2.5 万件工单）→ ${dbPath}`);
    const code = await runCli(['seed', '--db', dbPath, '--seed', '1']);
    if (code !== 0) throw new Error('演示数据生成失败');
  }

  const electron = browserOnly ? null : electronBinary();
  if (electron) {
    console.log(`启动桌面窗口（${empty ? '空数据库' : '演示数据'}）…`);
    const child = spawn(electron, [PROJECT_ROOT, ...(empty ? [] : ['--demo'])], { stdio: 'inherit' });
    child.on('exit', (code) => {
      if (code) {
        console.error('桌面窗口异常退出。若提示 NODE_MODULE_VERSION 不匹配：运行 npx electron-builder install-app-deps 后再启动（运行测试前需 npm rebuild better-sqlite3）。');
      }
      process.exitCode = code ?? 0;
    });
    return;
  }
  if (!browserOnly) console.log('未找到 Electron 运行时（本机无法下载），改用浏览器模式提供同一界面：');
  process.exitCode = await runCli(['serve', '--db', dbPath, ...args.filter((a) => a.startsWith('--port')).flatMap((a) => a.split('='))]);
}

main().catch((e) => {
  console.error(`启动失败：${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
