/**
 * The handler map: one small map per domain (main/handlers/*.ts), merged into one object that must
 * satisfy `Handlers` — every contract method present, with the contract's types. A missing handler
 * fails `tsc`; so does a misspelt one (the `NoExtraHandlers` check below).
 */
import type { Handlers } from './dispatch.js';
import type { Services } from './services/index.js';
import { appHandlers } from './handlers/app.js';
import { orderHandlers } from './handlers/orders.js';
import { ledgerHandlers } from './handlers/ledger.js';
import { workflowHandlers } from './handlers/workflow.js';
import { adminHandlers } from './handlers/admin.js';
import { triageHandlers } from './handlers/triage.js';
import { assessmentHandlers } from './handlers/assessment.js';
import { backupHandlers } from './handlers/backup.js';
import { fileHandlers } from './handlers/files.js';
import { hotspotsHandlers } from './handlers/hotspots.js';
import { accountHandlers } from './handlers/accounts.js';
import { dashboardHandlers } from './handlers/dashboard.js';
import { reportsHandlers } from './handlers/reports.js';

export function createHandlers(s: Services): Handlers {
  const handlers = {
    ...appHandlers(s),
    ...orderHandlers(s),
    ...ledgerHandlers(s),
    ...workflowHandlers(s),
    ...adminHandlers(s),
    ...triageHandlers(s),
    ...assessmentHandlers(s),
    ...backupHandlers(s),
    ...fileHandlers(),
    ...hotspotsHandlers(s),
    ...accountHandlers(s),
    ...dashboardHandlers(s),
    ...reportsHandlers(s),
  } satisfies Handlers;
  type NoExtraHandlers = Exclude<keyof typeof handlers, keyof Handlers>;
  const noExtra: [NoExtraHandlers] extends [never] ? true : never = true;
  void noExtra;
  return handlers;
}
