/**
 * Where the shell finds its files and its database. Pure functions (no electron import) so the
 * layout can be checked by tests against what the build actually produces.
 *
 * The built app has one layout in development (`electron .` from the project root) and when
 * packaged (resources/app.asar): <appRoot>/dist/{main,preload,renderer}, <appRoot>/package.json.
 */
import { join } from 'node:path';

export const APP_ID = 'cn.gov.jiesu.desk';

/**
 * The user-data folder's name under the OS's app-data folder (%APPDATA%, ~/.config): fixed, so the
 * database is in the same place however Electron was started (packaged, `electron .`, or a script
 * path, where Electron would otherwise name it after "Electron").
 */
export const USER_DATA_DIR_NAME = '接诉台';

/** The clerks' real database, under the user's data folder. */
export const REAL_DB_FILE = 'jiesu.db';
/** A separate database for demonstrations, so a demo can never touch real orders. */
export const DEMO_DB_FILE = 'jiesu-demo.db';
export const DEMO_FLAG = '--demo';

export interface ShellLayout {
  appRoot: string;
  /** Vite's renderer output, served under app://jiesu/. */
  rendererDir: string;
  /** The single CommonJS preload bundle (sandboxed preloads cannot require local files). */
  preloadPath: string;
}

export function appLayout(appRoot: string): ShellLayout {
  return {
    appRoot,
    rendererDir: join(appRoot, 'dist', 'renderer'),
    preloadPath: join(appRoot, 'dist', 'preload', 'index.cjs'),
  };
}

export function isDemoLaunch(argv: readonly string[]): boolean {
  return argv.includes(DEMO_FLAG);
}

/**
 * The database file for this launch. The shell only opens (and migrates) it: it never seeds demo
 * data — that is the launcher's job — so an installed app starts on an empty database.
 */
export function databasePath(userDataDir: string, argv: readonly string[]): string {
  return join(userDataDir, isDemoLaunch(argv) ? DEMO_DB_FILE : REAL_DB_FILE);
}
