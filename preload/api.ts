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
import { APPEAL_TYPE, ORDER_STATUS, SOURCE, TIER, UNIT_KIND } from './contract/enums.js';
import { ERROR_CODES } from './contract/errors.js';

const epochMs = z.number().int().nonnegative();
const id = z.number().int().positive();

/** Columns the grid can sort on; each has an index (see db/migrations/001-initial.ts). */
export const ORDER_SORT_COLUMNS = ['orderNo', 'receivedAt', 'appealType', 'category', 'community', 'status', 'handleDueAt'] as const;
export type OrderSortColumn = (typeof ORDER_SORT_COLUMNS)[number];

export const OrderSort = z.object({
  column: z.enum(ORDER_SORT_COLUMNS),
  direction: z.enum(['asc', 'desc']),
});
export type OrderSort = z.infer<typeof OrderSort>;

export const OrderGridRow = z.object({
  id,
  orderNo: z.string(),
  receivedAt: epochMs,
  appealType: z.enum(APPEAL_TYPE.codes),
  category: z.string(),
  communityId: id.nullable(),
  communityName: z.string().nullable(),
  status: z.enum(ORDER_STATUS.codes),
  tier: z.enum(TIER.codes),
  handleDueAt: epochMs,
  version: z.number().int().positive(),
});
export type OrderGridRow = z.infer<typeof OrderGridRow>;

export const OrderDetail = OrderGridRow.extend({
  dispatchedAt: epochMs,
  source: z.enum(SOURCE.codes),
  content: z.string(),
  citizenName: z.string().nullable(),
  /** Masked for display (138****5678), or '保密'. */
  citizenPhoneMasked: z.string().nullable(),
  address: z.string(),
  residentialArea: z.string().nullable(),
  firstContactDueAt: epochMs,
  firstContactAt: epochMs.nullable(),
  repliedAt: epochMs.nullable(),
  replyText: z.string().nullable(),
  leadUnit: z.string().nullable(),
  assistUnits: z.array(z.string()),
});
export type OrderDetail = z.infer<typeof OrderDetail>;

export const Unit = z.object({ id, kind: z.enum(UNIT_KIND.codes), name: z.string(), sortOrder: z.number().int() });
export type Unit = z.infer<typeof Unit>;

export const AppInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  streetName: z.string(),
  demo: z.boolean(),
  orderCount: z.number().int().nonnegative(),
  dbPath: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** The most rows one page may ask for (the grid asks 100 at a time). */
export const MAX_PAGE_ROWS = 500;

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string) {
  return { input, output, doc };
}

export const api = {
  'app.info': method(z.object({}).strict(), AppInfo, '本数据库与程序的概况'),
  'units.list': method(z.object({ kind: z.enum(UNIT_KIND.codes).optional() }).strict(), z.array(Unit), '社区与科室列表'),
  'orders.page': method(
    z
      .object({
        sort: OrderSort,
        startRow: z.number().int().min(0),
        endRow: z.number().int().min(1),
      })
      .strict()
      .refine((a) => a.endRow > a.startRow && a.endRow - a.startRow <= MAX_PAGE_ROWS, {
        message: `endRow 必须大于 startRow，且一次最多 ${MAX_PAGE_ROWS} 行`,
      }),
    z.object({ rows: z.array(OrderGridRow), rowCount: z.number().int().nonnegative() }),
    '工单表格的一页（数据库中排序）',
  ),
  'orders.position': method(
    z.object({ sort: OrderSort, orderId: id }).strict(),
    z.object({ index: z.number().int().nonnegative().nullable() }),
    '某工单在给定排序下的行号（用于排序后保持位置）',
  ),
  'orders.get': method(z.object({ id }).strict(), OrderDetail, '工单详情'),
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
