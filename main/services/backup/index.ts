/** Backups, restore and the start-up integrity check (issue 7). */
export { BackupService, type RestoreHost, type RunOptions } from './service.js';
export { startBackupSchedule, type ScheduleOptions, type ScheduleTarget } from './schedule.js';
export { backupFolderOf, checkModeFor, finishedJob, newestGoodBackup, readLastFullCheck, sound, startStartupCheck, writeLastFullCheck, type StartupJob } from './startup.js';
export { checkFileInWorker, startFileCheck, type CheckMode, type FileVerdict } from './checkWorker.js';
export { replaceDatabaseFile, undoReplace, type Replaced } from './restore.js';
export { inspectCandidate, checkDatabaseFile } from './verify.js';
export { defaultBackupFolder, listBackupFiles } from './folder.js';
export { planRotation, isoWeekKey } from './rotate.js';
export { backupName, parseBackupName } from './names.js';
