/** The services of one open database, built once by openApp and handed to the handlers. */
import type { ServiceContext } from './context.js';
import { OrderGrid } from './orders/grid.js';
import { LedgerJobs } from './import/jobs.js';
import { BackupService } from './backup/service.js';
import { AccountService } from './accounts/service.js';

export interface Services {
  ctx: ServiceContext;
  grid: OrderGrid;
  /** Ledger import sessions and exports (issue 5). */
  ledger: LedgerJobs;
  /** Backups, restore and the start-up check (issue 7). */
  backup: BackupService;
  /** Local accounts and login sessions (issue 7). */
  accounts: AccountService;
}

export function createServices(ctx: ServiceContext): Services {
  const grid = new OrderGrid(ctx);
  ctx.changes.subscribe(() => grid.invalidate());
  ctx.changes.subscribe((reason, count) => ctx.push.emit('orders.changed', { reason, count }));
  return { ctx, grid, ledger: new LedgerJobs(ctx), backup: new BackupService(ctx), accounts: new AccountService(ctx) };
}
