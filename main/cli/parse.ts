/** A small argv parser: `--flag value`, `--flag=value`, bare `--flag` (true), positionals. */
import type { ParsedArgs } from './types.js';

/** Flags that never take a value. */
const BOOLEAN_FLAGS = new Set(['json', 'help', 'dry-run', 'with-phones', 'empty', 'demo', 'no-open', 'yes']);

export function parseArgv(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h') {
      flags.set('help', true);
    } else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        flags.set(a.slice(2, eq), a.slice(eq + 1));
      } else {
        const name = a.slice(2);
        const next = argv[i + 1];
        if (!BOOLEAN_FLAGS.has(name) && next !== undefined && !next.startsWith('--')) {
          flags.set(name, next);
          i++;
        } else {
          flags.set(name, true);
        }
      }
    } else {
      positionals.push(a);
    }
  }
  return { positionals, flags };
}
