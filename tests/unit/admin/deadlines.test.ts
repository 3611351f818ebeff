/**
 * Holiday overrides and settings drive the deadlines other services compute (deadlinesFor), and the
 * cached calendar follows every change — ours, or another process's on the same file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../../../db/connection.js';
import { openApp, type AppRuntime } from '../../../main/runtime.js';
import { deadlineRules, deadlinesFor } from '../../../main/services/admin/deadlinesForOrder.js';
import { DEFAULT_TIERS } from '../../../main/services/deadlines/index.js';
import type { ApiClient } from '../../../preload/contract/client.js';
import { fromBeijing, toBeijingIso } from '../../../preload/contract/time.js';
import { createTestApp, TEST_NOW } from '../../support/app.js';
import { adminEvents, clientOf } from './support.js';

let app: AppRuntime;
let client: ApiClient;
beforeEach(async () => {
  app = await createTestApp();
  client = clientOf(app);
});
afterEach(() => app.close());

/** Monday 2026-03-02 09:00: 7 working days run Mar 3–6 and Mar 9–11. */
const START = fromBeijing(2026, 3, 2, 9, 0);
const handleDue = async (start = START) => toBeijingIso((await deadlinesFor(app.services.ctx, start, 'general')).handleDueAt);

describe('deadlines follow the holiday overrides', () => {
  it('a Saturday declared a working day moves a working-day due date earlier; deleting it moves it back', async () => {
    expect(await handleDue()).toBe('2026-03-11T23:59:59+08:00');
    await client.send('holidays.upsert', { day: '2026-03-07', kind: 'workday', note: '区里调休' });
    expect(await handleDue()).toBe('2026-03-10T23:59:59+08:00');
    await client.send('holidays.delete', { day: '2026-03-07' });
    expect(await handleDue()).toBe('2026-03-11T23:59:59+08:00');
  });

  it('a weekday declared a holiday moves it later, and is shown as such in the year calendar', async () => {
    await client.send('holidays.upsert', { day: '2026-03-04', kind: 'holiday', note: '停电放假' });
    expect(await handleDue()).toBe('2026-03-12T23:59:59+08:00');
    const year = await client.send('calendar.year', { year: 2026 });
    expect(year.days.find((d) => d.day === '2026-03-04')).toEqual({ day: '2026-03-04', work: false, source: 'override', name: '停电放假' });
    expect(year.overrideCount).toBe(1);
  });

  it('a year without official data is flagged, until the administrator enters its schedule', async () => {
    const start = fromBeijing(2099, 3, 2, 9, 0);
    expect((await deadlinesFor(app.services.ctx, start, 'general')).calendarMissing).toBe(true);
    expect(await client.send('calendar.year', { year: 2099 })).toMatchObject({ officialData: false, hasData: false });
    await client.send('holidays.upsert', { day: '2099-10-01', kind: 'holiday', note: '国庆节' });
    expect((await deadlinesFor(app.services.ctx, start, 'general')).calendarMissing).toBe(false);
    expect(await client.send('calendar.year', { year: 2099 })).toMatchObject({ officialData: false, hasData: true, overrideCount: 1 });
  });

  it('every override change is an admin.holiday event with before and after', async () => {
    await client.send('holidays.upsert', { day: '2026-03-07', kind: 'workday' });
    await client.send('holidays.upsert', { day: '2026-03-07', kind: 'holiday', note: '改回休息' });
    await client.send('holidays.delete', { day: '2026-03-07' });
    const events = await adminEvents(app);
    expect(events.map((e) => e.summary)).toEqual([
      '新增节假日调整：2026-03-07 上班',
      '修改节假日调整：2026-03-07 上班 → 2026-03-07 放假（改回休息）',
      '删除节假日调整：2026-03-07 放假（改回休息）（恢复按国务院安排与周末计算）',
    ]);
    expect(events[1]).toMatchObject({ kind: 'admin.holiday', actor: 'test', before: { kind: 'workday' }, after: { kind: 'holiday' } });
  });
});

describe('deadline rules cache', () => {
  it('keeps one calendar while nothing changes and rebuilds it when overrides change', async () => {
    const first = await deadlineRules(app.services.ctx);
    expect(await deadlineRules(app.services.ctx)).toBe(first);
    await client.send('holidays.upsert', { day: '2026-03-07', kind: 'workday' });
    const second = await deadlineRules(app.services.ctx);
    expect(second.calendar).not.toBe(first.calendar);
    expect(second.calendar.isWorkday('2026-03-07')).toBe(true);
    // A settings change re-reads the rules but keeps the calendar: the overrides did not change.
    await client.send('settings.set', { key: 'deadlines.warnWithinHours', value: 12, version: 0 });
    const third = await deadlineRules(app.services.ctx);
    expect(third).not.toBe(second);
    expect(third.calendar).toBe(second.calendar);
    expect(third.warnWithinMs).toBe(12 * 3_600_000);
  });

  it('uses the saved tier table and clock start', async () => {
    const tiers = structuredClone(DEFAULT_TIERS);
    tiers.general = { handle: { amount: 3, unit: 'calendarDays' }, firstContact: { amount: 4, unit: 'hours' } };
    await client.send('settings.set', { key: 'deadlines.tiers', value: tiers, version: 0 });
    const d = await deadlinesFor(app.services.ctx, START, 'general');
    expect(toBeijingIso(d.handleDueAt)).toBe('2026-03-05T23:59:59+08:00');
    expect(toBeijingIso(d.firstContactDueAt)).toBe('2026-03-02T13:00:00+08:00');

    const order = { dispatchedAt: START, acceptedAt: START + 3_600_000 };
    expect((await deadlineRules(app.services.ctx)).clockStartOf(order)).toBe(START);
    await client.send('settings.set', { key: 'deadlines.clockStart', value: 'accepted', version: 0 });
    const rules = await deadlineRules(app.services.ctx);
    expect(rules.clockStartOf(order)).toBe(START + 3_600_000);
    // Not accepted yet: the clock runs provisionally from dispatch.
    expect(rules.clockStartOf({ dispatchedAt: START, acceptedAt: null })).toBe(START);
  });

  it('can be read inside a caller’s transaction: no wait, its own writes seen, nothing cached from it', async () => {
    const ctx = app.services.ctx;
    await expect(
      ctx.handle.db.transaction().execute(async (trx) => {
        await trx.insertInto('holiday_overrides').values({ day: '2026-03-07', kind: 'workday', note: null }).execute();
        expect(toBeijingIso((await deadlinesFor(ctx, START, 'general', trx)).handleDueAt)).toBe('2026-03-10T23:59:59+08:00');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // The rolled-back override must not linger in a cache.
    expect(await handleDue()).toBe('2026-03-11T23:59:59+08:00');
  });

  it('notices overrides another process committed to the same database file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jiesu-admin-')), 'street.db');
    const mine = await openApp(path, { now: () => TEST_NOW });
    try {
      expect(toBeijingIso((await deadlinesFor(mine.services.ctx, START, 'general')).handleDueAt)).toBe('2026-03-11T23:59:59+08:00');
      const other = createDb(path);
      await other.db.insertInto('holiday_overrides').values({ day: '2026-03-07', kind: 'workday', note: '另一窗口录入' }).execute();
      await other.close();
      expect(toBeijingIso((await deadlinesFor(mine.services.ctx, START, 'general')).handleDueAt)).toBe('2026-03-10T23:59:59+08:00');
    } finally {
      await mine.close();
    }
  });
});
