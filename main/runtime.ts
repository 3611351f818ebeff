/**
 * Opening the app over one database file: connect, migrate, build the services, the handler map and
 * the dispatcher. The Electron shell, the web server and the CLI all start here.
 */
import { createDb, type DbHandle } from '../db/connection.js';
import { migrate, type MigrationResult } from '../db/migrator.js';
import { createDispatcher, type Dispatch } from './dispatch.js';
import { createHandlers, createServices, type Services } from './handlers.js';
import { PushBus, type ServiceContext } from './services/context.js';
import { APP_VERSION } from './version.js';

export interface AppRuntime {
  handle: DbHandle;
  services: Services;
  dispatch: Dispatch;
  push: PushBus;
  migration: MigrationResult;
  close(): Promise<void>;
}

export interface OpenOptions {
  now?: () => number;
  onInternalError?: (name: string, error: unknown) => void;
}

export async function openApp(dbPath: string, options: OpenOptions = {}): Promise<AppRuntime> {
  const handle = createDb(dbPath);
  try {
    const migration = await migrate(handle, { appVersion: APP_VERSION });
    const push = new PushBus();
    const ctx: ServiceContext = { handle, now: options.now ?? Date.now, push, appVersion: APP_VERSION };
    const services = createServices(ctx);
    const dispatch = createDispatcher(createHandlers(services), {
      onInternalError: options.onInternalError ?? ((name, e) => console.error(`[接口 ${name}] 内部错误:`, e instanceof Error ? e.message : e)),
    });
    return { handle, services, dispatch, push, migration, close: () => handle.close() };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
