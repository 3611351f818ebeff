/**
 * The one dispatcher both transports call: look up the method in the contract, validate the input,
 * run the handler, validate the output, and turn any failure into `{code, message}` in Chinese.
 */
import { z } from 'zod';
import { api, AppError, type Api, type MethodArgs, type MethodName, type MethodOutput, type ResponseEnvelope } from '../preload/api.js';
import { isAppError } from '../preload/contract/errors.js';
import type { Account } from '../preload/contract/methods/accounts.js';
import type { Guard } from './auth/guard.js';
import { narrowReply } from './auth/narrow.js';
import type { ConnectionSession } from './auth/session.js';

/** Who is calling: the transport fills this in; the guard adds the logged-in account. */
export interface CallContext {
  /** Recorded on every event; the guard sets it to the logged-in account's name. */
  actor: string;
  transport: 'ipc' | 'web' | 'in-process';
  /** The connection's login state (per window / per socket); absent = the local system actor (CLI, tests). */
  session?: ConnectionSession;
  /** Set by the guard: the account making this call. */
  account?: Account;
}

export type Handler<K extends MethodName> = (args: MethodArgs<K>, ctx: CallContext) => Promise<MethodOutput<K>> | MethodOutput<K>;
export type Handlers = { [K in MethodName]: Handler<K> };

export interface DispatchOptions {
  /** Validate outputs too (on by default; a wrong reply is a bug that must not reach the UI). */
  validateOutput?: boolean;
  /** Where unexpected errors are reported (never shown to the clerk in raw form). */
  onInternalError?: (name: string, error: unknown) => void;
  /** Login and permissions (main/auth/guard.ts), checked before the handler runs. */
  guard?: Guard;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '参数'}：${i.message}`)
    .join('；');
}

export type Dispatch = (name: string, args: unknown, ctx: CallContext) => Promise<{ reply: unknown } | { error: { code: AppError['code']; message: string } }>;

export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  const validateOutput = options.validateOutput ?? true;
  return async (name, args, ctx) => {
    if (!Object.hasOwn(api, name)) {
      return { error: { code: 'UNKNOWN_METHOD', message: `未知的接口：${String(name).slice(0, 100)}` } };
    }
    const method = name as MethodName;
    const spec = api[method] as Api[MethodName];
    const parsed = spec.input.safeParse(args ?? {});
    if (!parsed.success) {
      return { error: { code: 'INVALID_INPUT', message: `参数不正确：${describeIssues(parsed.error)}` } };
    }
    try {
      const callCtx = options.guard ? await options.guard(method, parsed.data as never, ctx) : ctx;
      const handler = handlers[method] as (a: unknown, c: CallContext) => unknown;
      const raw = await handler(parsed.data, callCtx);
      const reply = callCtx.account ? narrowReply(raw, callCtx.account.role) : raw;
      if (validateOutput) {
        const checked = spec.output.safeParse(reply);
        if (!checked.success) {
          options.onInternalError?.(name, checked.error);
          return { error: { code: 'INVALID_OUTPUT', message: '程序返回的数据不符合约定，已拦截。请联系技术支持。' } };
        }
        return { reply: checked.data };
      }
      return { reply };
    } catch (e) {
      if (isAppError(e)) return { error: { code: e.code, message: e.message } };
      options.onInternalError?.(name, e);
      return { error: { code: 'INTERNAL', message: '操作失败：程序内部错误，数据未作改动。请重试或联系技术支持。' } };
    }
  };
}

/** Wrap a dispatch result into the wire envelope. */
export function toResponse(id: number, result: Awaited<ReturnType<Dispatch>>): ResponseEnvelope {
  return 'error' in result ? { id, error: result.error } : { id, reply: result.reply };
}
