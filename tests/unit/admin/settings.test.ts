/** Settings: defaults, validation with Chinese reasons, optimistic versions, and the audit event. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../../main/runtime.js';
import { readSetting, setSetting } from '../../../main/services/settings.js';
import { DEFAULT_TIERS, readTierTable, TIERS_SETTING_KEY } from '../../../main/services/deadlines/index.js';
import type { ApiClient } from '../../../preload/contract/client.js';
import { AppError } from '../../../preload/contract/errors.js';
import { DEFAULT_ASSESSMENT_FORMULAS } from '../../../preload/contract/methods/assessmentSettings.js';
import { DEFAULT_HOTSPOT_DUPLICATES, DEFAULT_HOTSPOT_RECURRING, DEFAULT_HOTSPOT_SPIKE } from '../../../preload/contract/methods/hotspots.js';
import { createTestApp, TEST_NOW } from '../../support/app.js';
import { adminEvents, clientOf } from './support.js';

let app: AppRuntime;
let client: ApiClient;
beforeEach(async () => {
  app = await createTestApp();
  client = clientOf(app);
});
afterEach(() => app.close());

async function refused(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('settings', () => {
  it('shows DESIGN defaults at version 0 until first saved', async () => {
    const all = await client.send('settings.list', {});
    expect(Object.fromEntries(all.map((s) => [s.key, s.value]))).toEqual({
      'deadlines.tiers': DEFAULT_TIERS,
      'deadlines.warnWithinHours': 24,
      'deadlines.clockStart': 'dispatched',
      'workflow.objectionPausesClock': true,
      'backup.folder': null,
      'backup.keep': { daily: 7, weekly: 4, monthly: 12 },
      'assessment.formulas': DEFAULT_ASSESSMENT_FORMULAS,
      'assessment.monthStartDay': 1,
      'reports.dailyWindowHour': 12,
      'hotspots.spike': DEFAULT_HOTSPOT_SPIKE,
      'hotspots.recurring': DEFAULT_HOTSPOT_RECURRING,
      'hotspots.duplicates': DEFAULT_HOTSPOT_DUPLICATES,
    });
    expect(all.every((s) => s.version === 0 && s.isDefault && s.updatedAt === null)).toBe(true);
  });

  it('saves with the version read, stores JSON the deadline CLI can read, and bumps the version', async () => {
    const tiers = structuredClone(DEFAULT_TIERS);
    tiers.general.handle = { amount: 5, unit: 'workingDays' };
    const saved = await client.send('settings.set', { key: 'deadlines.tiers', value: tiers, version: 0 });
    expect(saved).toMatchObject({ version: 1, isDefault: false, updatedAt: TEST_NOW });
    const row = await app.handle.db.selectFrom('settings').selectAll().where('key', '=', TIERS_SETTING_KEY).executeTakeFirstOrThrow();
    expect(readTierTable(row.value_json).general.handle).toEqual({ amount: 5, unit: 'workingDays' });
    const again = await client.send('settings.set', { key: 'deadlines.tiers', value: DEFAULT_TIERS, version: 1 });
    expect(again.version).toBe(2);
    expect(await readSetting(app.handle.db, 'deadlines.tiers')).toEqual(DEFAULT_TIERS);
  });

  it('refuses a stale version, naming the value the other administrator saved, and changes nothing', async () => {
    const first = await client.send('settings.get', { key: 'deadlines.clockStart' });
    // Clerk A and clerk B both opened the page at version 0; A saves first.
    await client.send('settings.set', { key: 'deadlines.clockStart', value: 'accepted', version: first.version });
    const e = await refused(client.send('settings.set', { key: 'deadlines.clockStart', value: 'dispatched', version: first.version }));
    expect(e.code).toBe('STALE_VERSION');
    expect(e.message).toBe('设置「计时起点」已被他人修改（您打开时是第 0 版，现在是第 1 版），当前值为：签收时间。请刷新后再修改。');
    expect(await readSetting(app.handle.db, 'deadlines.clockStart')).toBe('accepted');
    // Saving over a never-saved setting with a made-up version is refused too.
    const e2 = await refused(client.send('settings.set', { key: 'deadlines.warnWithinHours', value: 12, version: 3 }));
    expect(e2.message).toContain('现在尚未保存过（使用默认值）');
    expect((await adminEvents(app)).map((ev) => ev.kind)).toEqual(['admin.setting']);
  });

  it('validates each setting with a Chinese reason', async () => {
    const tooLong = structuredClone(DEFAULT_TIERS);
    tooLong.general.handle = { amount: 700, unit: 'workingDays' };
    const e = await refused(client.send('settings.set', { key: 'deadlines.tiers', value: tooLong, version: 0 }));
    expect(e).toMatchObject({ code: 'INVALID_INPUT', message: '时限设置无效：「一般」办理时限：时长过长，请检查是否多输了位数' });

    const e2 = await refused(client.send('settings.set', { key: 'deadlines.warnWithinHours', value: 200, version: 0 }));
    expect(e2.code).toBe('INVALID_INPUT');
    expect(e2.message).toContain('预警时长最多 168 小时');

    // The service validates on its own too (the CLI and other services do not go through dispatch).
    const e3 = await refused(setSetting(app.services.ctx, '管理员', { key: 'deadlines.warnWithinHours', value: 1.5, version: 0 }));
    expect(e3).toMatchObject({ code: 'INVALID_INPUT', message: '设置「即将超时预警时长」无效：预警时长必须是整小时' });
    expect(await adminEvents(app)).toEqual([]);
  });

  it('records who changed what, before and after, as an admin.setting event', async () => {
    await setSetting(app.services.ctx, '王管理员', { key: 'workflow.objectionPausesClock', value: false, version: 0 });
    expect(await adminEvents(app)).toEqual([
      {
        kind: 'admin.setting',
        actor: '王管理员',
        summary: '修改设置「派单异议审核期间暂停计时」：是 → 否',
        before: { key: 'workflow.objectionPausesClock', value: true, version: 0 },
        after: { key: 'workflow.objectionPausesClock', value: false, version: 1 },
      },
    ]);
  });

  it('a stored value that no longer validates falls back to the default, says so, and can be saved over', async () => {
    await app.handle.db.insertInto('settings').values({ key: 'deadlines.warnWithinHours', value_json: '"soon"', version: 4, updated_at: TEST_NOW }).execute();
    const read = await client.send('settings.get', { key: 'deadlines.warnWithinHours' });
    expect(read).toMatchObject({ value: 24, version: 4, isDefault: true });
    expect(read.problem).toMatch(/^保存值无法使用（.*），暂按默认值执行，请重新保存。$/);
    expect(await readSetting(app.handle.db, 'deadlines.warnWithinHours')).toBe(24);
    const saved = await client.send('settings.set', { key: 'deadlines.warnWithinHours', value: 36, version: read.version });
    expect(saved).toMatchObject({ value: 36, version: 5, problem: null });
  });
});
