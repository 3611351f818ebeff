/** Handlers of the backup methods: status, list, a backup now, checking a file, restore, the start-up check. */
import type { Handlers } from '../dispatch.js';
import type { Services } from '../services/index.js';

type BackupMethod = Extract<keyof Handlers, `backup.${string}`>;

export function backupHandlers(s: Services) {
  const { backup } = s;
  return {
    'backup.status': () => backup.status(),
    'backup.list': () => backup.list(),
    'backup.run': () => backup.run('manual'),
    'backup.inspect': (a) => backup.inspect(a.file),
    'backup.restore': (a) => backup.restore(a.file),
    'backup.startupCheck': (a) => backup.startupCheck(a.wait ?? false),
  } satisfies Pick<Handlers, BackupMethod>;
}
