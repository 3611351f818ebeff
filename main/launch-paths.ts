/** Where `npm start` finds the user-data folder and the Electron runtime (pure; tested). */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './version.js';

/** The same folder the Electron shell uses for its databases (main/electron/paths.ts: USER_DATA_DIR_NAME). */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const base =
    platform === 'win32'
      ? env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(base, '接诉台');
}

/** The Electron executable when its runtime was downloaded, else null. Never requires 'electron'. */
export function electronBinary(root = PROJECT_ROOT): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  const pathTxt = join(pkg, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const exe = join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

