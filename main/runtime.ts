/**
 * Opening the app over one database file: connect, migrate, build the services, the handler map and
 * the dispatcher. The Electron shell, the web server and the CLI all start here.
 */
import { createDb, type DbHandle } from '../db/connection.js';
import { migrate, type MigrationResult } from '../db/migrator.js';
import { createDispatcher, type Dispatch } from './dispatch.js';
import { createHandlers } from './handlers.js';
import { createGuard } from './auth/guard.js';
import { createServices, type Services } from './services/index.js';
import { ChangeFeed, PushBus, type ServiceContext } from './services/context.js';
import { APP_VERSION } from './version.js';
import { AppError, isAppError } from '../preload/contract/errors.js';

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

/** SQLite's own failures when opening, told to the clerk in Chinese. */
function openFailure(dbPath: string, e: unknown): unknown {
  if (isAppError(e)) return e;
  const code = (e as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError('DB_OPEN_FAILED', `无法打开「${dbPath}」：该文件不是接诉台数据库，或已经损坏。请检查文件，或从备份恢复。`, { cause: e });
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new AppError('DB_OPEN_FAILED', `无法打开「${dbPath}」：文件夹不存在或没有读写权限。`, { cause: e });
  }
  if (code === 'SQLITE_BUSY') {
    return new AppError('DB_OPEN_FAILED', `「${dbPath}」正被另一个程序占用（例如正在升级或备份），请稍后重试。`, { cause: e });
  }
  return e;
}

export async function openApp(dbPath: string, options: OpenOptions = {}): Promise<AppRuntime> {
  let handle: DbHandle;
  try {
    handle = createDb(dbPath);
  } catch (e) {
    throw openFailure(dbPath, e);
  }
  try {
    const migration = await migrate(handle, { appVersion: APP_VERSION });
    const push = new PushBus();
    const ctx: ServiceContext = { handle, now: options.now ?? Date.now, push, changes: new ChangeFeed(), appVersion: APP_VERSION };
    const services = createServices(ctx);
    const dispatch = createDispatcher(createHandlers(services), {
      guard: createGuard(services.accounts),
      onInternalError: options.onInternalError ?? ((name, e) => console.error(`[接口 ${name}] 内部错误:`, e instanceof Error ? e.message : typeof e)),
    });
    return { handle, services, dispatch, push, migration, close: () => handle.close() };
  } catch (e) {
    await handle.close();
    throw openFailure(dbPath, e);
  }
}
