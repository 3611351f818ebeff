/** One CLI command: its name, help text and what it runs. Commands live one per file in ./commands. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Flags this command accepts (besides the global --db and --help). */
  flags: string[];
  run(args: ParsedArgs, env: CliEnv): Promise<number | void>;
}

export interface CliEnv {
  io: CliIo;
  /** The database path from --db (or the default). */
  dbPath: string;
}

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw new CliError(`参数 --${name} 需要一个值`, 2);
  return v;
}

export function flagInt(args: ParsedArgs, name: string, min = 0): number | undefined {
  const v = flagString(args, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new CliError(`参数 --${name} 必须是不小于 ${min} 的整数，收到「${v}」`, 2);
  return Number(v);
}
