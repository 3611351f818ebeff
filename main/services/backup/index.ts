/** Backups, restore and the start-up integrity check (issue 7). */
export { BackupService, type RestoreHost, type RunOptions } from './service.js';
export { startBackupSchedule, type ScheduleOptions, type ScheduleTarget } from './schedule.js';
export { checkDatabaseAtStartup, newestGoodBackup } from './startup.js';
export { replaceDatabaseFile, undoReplace, type Replaced } from './restore.js';
export { inspectCandidate, checkDatabaseFile } from './verify.js';
export { defaultBackupFolder, listBackupFiles } from './folder.js';
export { planRotation, isoWeekKey } from './rotate.js';
export { backupName, parseBackupName } from './names.js';
