/**
 * Electron's entry (package.json "main": dist/main/electron/main.js). Everything lives in small
 * modules beside this file; this one only hands them the real electron and the real runtime.
 * startShell registers the app:// scheme synchronously, before 'ready', as Electron requires.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { openLiveApp } from '../liveApp.js';
import { startBackupSchedule } from '../services/backup/index.js';
import { APP_VERSION, PROJECT_ROOT } from '../version.js';
import { startShell } from './shell.js';

startShell(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session },
  {
    argv: process.argv,
    platform: process.platform,
    openApp: (dbPath) => openLiveApp(dbPath),
    startBackupSchedule: (runtime) => startBackupSchedule(runtime),
    version: APP_VERSION,
    // From this file's own location (dist/main/…), not app.getAppPath(), which depends on how
    // Electron was started (`electron .` or `electron dist/main/electron/main.js`).
    appRoot: PROJECT_ROOT,
  },
);
