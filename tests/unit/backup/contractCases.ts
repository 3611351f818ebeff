/**
 * The contract suite's cases for the backup methods (spread into tests/unit/contract/suite.ts). The
 * suite's database is in memory, so the cases first point 'backup.folder' at a temporary folder. A real
 * restore swaps files under a long-running process (tests/unit/backup/restore.test.ts); here the
 * suite's runtime gets a stand-in host, which proves the request, the check before it and the reply
 * travel both transports.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { ApiClient } from '../../../preload/contract/client.js';
import { AppError } from '../../../preload/contract/errors.js';
import type { backupMethods } from '../../../preload/contract/methods/backup.js';
import type { AppRuntime } from '../../../main/runtime.js';

export type BackupMethodName = keyof typeof backupMethods;
interface Case {
  happy: () => Promise<void>;
  invalid: unknown[];
}
export interface SuiteEnv {
  client: ApiClient;
  app: AppRuntime;
}

const NAME = /^jiesu-20260302-090000(-\d+)?\.db$/;

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

export function backupContractCases(env: () => SuiteEnv): Record<BackupMethodName, Case> {
  const c = () => env().client;
  const dir = mkdtempSync(join(tmpdir(), 'jiesu-backup-contract-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Points the backup folder at `dir` (once; the cases run in any order). */
  const useFolder = async () => {
    const s = await c().send('settings.get', { key: 'backup.folder' });
    if (s.value !== dir) await c().send('settings.set', { key: 'backup.folder', value: dir, version: s.version });
  };
  const backupNow = async () => {
    await useFolder();
    return (await c().send('backup.run', {})).backup;
  };
  const noFile = { file: '' };

  return {
    'backup.status': {
      async happy() {
        await useFolder();
        const status = await c().send('backup.status', {});
        expect(status).toMatchObject({ folder: dir, folderIsDefault: false, keep: { daily: 7, weekly: 4, monthly: 12 }, nextScheduledAt: null });
        const made = await backupNow();
        const after = await c().send('backup.status', {});
        expect(after.lastAttempt).toMatchObject({ ok: true, trigger: 'manual', path: made.path });
        expect(after.newest?.path).toBe(made.path);
      },
      invalid: [{ folder: dir }],
    },
    'backup.list': {
      async happy() {
        const made = await backupNow();
        const list = await c().send('backup.list', {});
        expect(list[0]).toEqual(made);
        expect(list.every((b) => NAME.test(b.name))).toBe(true);
      },
      invalid: [{ limit: 5 }],
    },
    'backup.run': {
      async happy() {
        await useFolder();
        const before = await c().send('backup.list', {});
        const { backup, removed } = await c().send('backup.run', {});
        // Named by the app's clock in Beijing time (2026-03-02 09:00), complete and verified.
        expect(backup.name).toMatch(NAME);
        expect(backup.bytes).toBeGreaterThan(0);
        // The suite's clock stands still, so every backup falls on one day: rotation keeps the newest.
        expect([...removed].sort()).toEqual(before.map((b) => b.name).sort());
        expect((await c().send('backup.list', {})).map((b) => b.path)).toEqual([backup.path]);
        const inspected = await c().send('backup.inspect', { file: backup.path });
        expect(inspected.orderCount).toBe((await c().send('app.info', {})).orderCount);
      },
      invalid: [{ to: dir }],
    },
    'backup.inspect': {
      async happy() {
        const made = await backupNow();
        const info = await c().send('backup.inspect', { file: made.path });
        expect(info).toMatchObject({ path: made.path, takenAt: made.at, demo: false, orderCount: (await c().send('app.info', {})).orderCount });
        const junk = join(dir, 'not-a-database.db');
        writeFileSync(junk, '这不是数据库'.repeat(200));
        const e = await refusal(c().send('backup.inspect', { file: junk }));
        expect(e.code).toBe('RESTORE_REFUSED');
        expect(e.message).toContain('不是接诉台数据库');
      },
      invalid: [noFile, {}, { file: 42 }, { file: 'a.db', force: true }],
    },
    'backup.restore': {
      async happy() {
        const made = await backupNow();
        const backup = env().app.services.backup;
        const asked: string[] = [];
        backup.attachHost({
          async restore(file) {
            asked.push(file);
            return { restored: await backup.inspect(file), previousSavedAs: '/db/jiesu.db.before-restore-20260302-090000.bak' };
          },
        });
        try {
          // A file that is not a backup is refused before the host is asked.
          const e = await refusal(c().send('backup.restore', { file: join(dir, 'missing.db') }));
          expect(e.code).toBe('RESTORE_REFUSED');
          expect(asked).toEqual([]);
          const res = await c().send('backup.restore', { file: made.path });
          expect(asked).toEqual([made.path]);
          expect(res).toMatchObject({ restored: { path: made.path }, previousSavedAs: expect.stringContaining('before-restore') });
        } finally {
          backup.attachHost(null);
        }
        // Without a host (no long-running process to reopen), the clerk is told the command instead.
        const e = await refusal(c().send('backup.restore', { file: made.path }));
        expect(e.code).toBe('RESTORE_FAILED');
        expect(e.message).toContain('jiesu restore');
      },
      invalid: [noFile, {}, { file: null }, { file: 'x'.repeat(5000) }],
    },
    'backup.startupCheck': {
      async happy() {
        const check = await c().send('backup.startupCheck', {});
        expect(check).toMatchObject({ ok: true, problem: null, suggestedBackup: null });
        expect(await c().send('backup.startupCheck', { wait: true })).toMatchObject({ ok: true, pending: false });
      },
      invalid: [{ repair: true }, { wait: 'yes' }],
    },
  };
}
