/** A test app with a movable clock, and calls made the way a logged-in window makes them. */
import type { MethodInput, MethodName, MethodOutput } from '../../../preload/api.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { CallContext } from '../../../main/dispatch.js';
import type { AppRuntime } from '../../../main/runtime.js';
import { newConnectionSession, type ConnectionSession } from '../../../main/auth/session.js';
import { createTestApp, TEST_NOW } from '../../support/app.js';

export interface Clocked {
  app: AppRuntime;
  clock: { now: number };
}

export async function clockedApp(): Promise<Clocked> {
  const clock = { now: TEST_NOW };
  const app = await createTestApp({ now: () => clock.now });
  return { app, clock };
}

/** One window / socket: its own session, as the transports create them. */
export function windowContext(transport: CallContext['transport'] = 'web'): CallContext & { session: ConnectionSession } {
  return { actor: 'web', transport, session: newConnectionSession() };
}

export async function send<K extends MethodName>(app: AppRuntime, ctx: CallContext, name: K, args: MethodInput<K>): Promise<MethodOutput<K>> {
  const res = await app.dispatch(name, JSON.parse(JSON.stringify(args)), ctx);
  if ('error' in res) throw new AppError(res.error.code, res.error.message);
  return res.reply as MethodOutput<K>;
}

/** The error code a call is answered with ('REPLY' when it succeeds). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'REPLY';
  } catch (e) {
    return e instanceof AppError ? e.code : 'THROWN';
  }
}

export async function messageOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return '';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
