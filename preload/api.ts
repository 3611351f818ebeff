/**
 * THE contract between the UI and the backend: every method's name, input and output schema, and the
 * push events. Both transports (Electron IPC and the loopback WebSocket) carry the same envelope:
 *   request  {id, name, args}
 *   response {id, reply} | {id, error: {code, message}}
 *   push     {push, payload}
 * The main-process handler map is type-checked against `api` (see main/handlers.ts), and the
 * dispatcher validates every input and output against these schemas at run time.
 */
import { z } from 'zod';
import { ERROR_CODES } from './contract/errors.js';
import { appMethods } from './contract/methods/app.js';
import { orderMethods } from './contract/methods/orders.js';
import { ledgerMethods } from './contract/methods/ledger.js';
import { workflowMethods } from './contract/methods/workflow.js';
import { adminMethods } from './contract/methods/admin.js';
import { settingsMethods } from './contract/methods/settings.js';
import { triageMethods } from './contract/methods/triage.js';
import { assessmentMethods } from './contract/methods/assessment.js';
import { backupMethods } from './contract/methods/backup.js';
import { fileMethods } from './contract/methods/files.js';
import { hotspotsMethods } from './contract/methods/hotspots.js';
import { accountMethods } from './contract/methods/accounts.js';
import { dashboardMethods } from './contract/methods/dashboard.js';
import { reportsMethods } from './contract/methods/reports.js';

/** Every method, merged from one map per domain (preload/contract/methods/*.ts). */
export const api = {
  ...appMethods,
  ...orderMethods,
  ...ledgerMethods,
  ...workflowMethods,
  ...settingsMethods,
  ...adminMethods,
  ...triageMethods,
  ...assessmentMethods,
  ...backupMethods,
  ...fileMethods,
  ...accountMethods,
  ...hotspotsMethods,
  ...dashboardMethods,
  ...reportsMethods,
} as const;


export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<K extends MethodName> = z.input<Api[K]['input']>;
export type MethodArgs<K extends MethodName> = z.output<Api[K]['input']>;
export type MethodOutput<K extends MethodName> = z.output<Api[K]['output']>;
export const METHOD_NAMES = Object.keys(api) as MethodName[];

export const pushEvents = {
  /** Orders changed (this window, another window, the CLI or an import): refresh what you show. */
  'orders.changed': z.object({ reason: z.string(), count: z.number().int().nonnegative() }),
  /** An import session's progress: `done` of `total` units of the phase (bytes while reading, rows after). */
  'import.progress': z.object({
    token: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    phase: z.enum(['read', 'plan', 'commit']),
  }),
} as const;
export type PushEvents = typeof pushEvents;
export type PushName = keyof PushEvents;
export type PushPayload<K extends PushName> = z.output<PushEvents[K]>;
export const PUSH_NAMES = Object.keys(pushEvents) as PushName[];

/** The wire envelope shared by both transports. */
export const RequestEnvelope = z.object({
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  args: z.unknown(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelope>;
export const ErrorPayloadSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type ResponseEnvelope =
  | { id: number; reply: unknown }
  | { id: number; error: z.infer<typeof ErrorPayloadSchema> };
export interface PushEnvelope {
  push: PushName;
  payload: unknown;
}

export { AppError, ERROR_CODES, type ErrorCode } from './contract/errors.js';
export * from './contract/enums.js';
export * from './contract/methods/app.js';
export * from './contract/methods/orders.js';
export * from './contract/methods/ledger.js';
export * from './contract/methods/workflow.js';
export * from './contract/methods/settings.js';
export * from './contract/methods/admin.js';
export * from './contract/methods/triage.js';
export * from './contract/methods/assessment.js';
export * from './contract/methods/assessmentSettings.js';
export * from './contract/methods/backup.js';
export * from './contract/methods/files.js';
export * from './contract/methods/hotspots.js';
export * from './contract/methods/accounts.js';
export * from './contract/methods/dashboard.js';
export * from './contract/methods/reports.js';
