/** Every CLI command, in the order `jiesu --help` lists them. Later issues add one line each. */
import type { Command } from './types.js';
import { seedCommand } from './commands/seed.js';
import { migrateCommand } from './commands/migrate.js';
import { infoCommand } from './commands/info.js';
import { serveCommand } from './commands/serve.js';
import { deadlineCommand } from './commands/deadline.js';
import { importCommand } from './commands/import.js';
import { exportCommand } from './commands/export.js';
import { backupCommand } from './commands/backup.js';
import { restoreCommand } from './commands/restore.js';
import { kpiCommand } from './commands/kpi.js';
import { reportCommand } from './commands/report.js';
import { accountCommand } from './commands/account.js';

export const commands: Command[] = [seedCommand, migrateCommand, infoCommand, serveCommand, deadlineCommand, importCommand, exportCommand, kpiCommand, reportCommand, backupCommand, restoreCommand, accountCommand];
