/**
 * `jiesu` — the same services from a terminal. Global flag: --db FILE (default ./jiesu.db).
 * Exit codes: 0 ok, 1 failure, 2 bad usage.
 */
import { pathToFileURL } from 'node:url';
import { isAppError } from '../preload/contract/errors.js';
import { parseArgv } from './cli/parse.js';
import { commands } from './cli/registry.js';
import { CliError, type CliIo } from './cli/types.js';

const GLOBAL_FLAGS = ['db', 'help'];

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    '接诉台命令行（jiesu）',
    '',
    '用法：jiesu <命令> [参数] [--db 数据库文件]',
    '',
    '命令：',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '全局参数：',
    '  --db FILE   数据库文件（默认 ./jiesu.db；不存在则新建）',
    '  --help      显示帮助；jiesu <命令> --help 显示该命令的用法',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) }): Promise<number> {
  const args = parseArgv(argv);
  const name = args.positionals.shift();
  if (!name) {
    io.out(helpText());
    return args.flags.has('help') ? 0 : 2;
  }
  if (name === 'help') {
    io.out(helpText());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`未知命令「${name}」。运行 jiesu --help 查看全部命令。`);
    return 2;
  }
  if (args.flags.has('help')) {
    io.out(`${command.summary}\n\n用法：${command.usage}`);
    return 0;
  }
  const unknown = [...args.flags.keys()].filter((f) => !GLOBAL_FLAGS.includes(f) && !command.flags.includes(f));
  if (unknown.length) {
    io.err(`命令 ${command.name} 不认识参数：${unknown.map((f) => `--${f}`).join(' ')}\n用法：${command.usage}`);
    return 2;
  }
  const db = args.flags.get('db');
  if (db === true) {
    io.err('参数 --db 需要一个文件路径');
    return 2;
  }
  try {
    const code = await command.run(args, { io, dbPath: db ?? 'jiesu.db' });
    return code ?? 0;
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`错误：${e.message}`);
      return e.exitCode;
    }
    if (isAppError(e)) {
      io.err(`错误（${e.code}）：${e.message}`);
      return 1;
    }
    io.err(`错误：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
