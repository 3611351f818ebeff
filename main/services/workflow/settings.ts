/**
 * The ⚙ values the workflow reads (DESIGN §3), each with the DESIGN default when nothing is stored.
 * The keys are the ones the settings page edits (preload/contract/methods/settings.ts); values are
 * stored as JSON in the `settings` table. A stored value that does not parse falls back to the default
 * rather than blocking a clerk's command — the settings page validates what it saves.
 */
import { z } from 'zod';
import { createCalendar, readTierTable, TIERS_SETTING_KEY, type TierTable, type WorkCalendar } from '../deadlines/index.js';
import type { Db } from '../events.js';

export const WORKFLOW_SETTING_KEYS = {
  /** The time an objection is under review does not count against the street: push the deadline. */
  objectionPausesClock: 'workflow.objectionPausesClock',
  /** The deadline clock starts at 派单时间 ('dispatched') or at 签收 ('accepted'). */
  clockStart: 'deadlines.clockStart',
  /** 即将超时 when due within this many hours. */
  warnWithinHours: 'deadlines.warnWithinHours',
} as const;

export interface WorkflowSettings {
  objectionPausesClock: boolean;
  clockStart: 'dispatched' | 'accepted';
  warnWithinMs: number;
}

export const WORKFLOW_DEFAULTS: WorkflowSettings = { objectionPausesClock: true, clockStart: 'dispatched', warnWithinMs: 24 * 3_600_000 };

async function readJson(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  if (!row) return undefined;
  try {
    return JSON.parse(row.value_json) as unknown;
  } catch {
    return undefined;
  }
}

async function readSetting<T>(db: Db, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const parsed = schema.safeParse(await readJson(db, key));
  return parsed.success ? parsed.data : fallback;
}

export async function readWorkflowSettings(db: Db): Promise<WorkflowSettings> {
  const K = WORKFLOW_SETTING_KEYS;
  const d = WORKFLOW_DEFAULTS;
  return {
    objectionPausesClock: await readSetting(db, K.objectionPausesClock, z.boolean(), d.objectionPausesClock),
    clockStart: await readSetting(db, K.clockStart, z.enum(['dispatched', 'accepted']), d.clockStart),
    warnWithinMs: (await readSetting(db, K.warnWithinHours, z.number().positive(), d.warnWithinMs / 3_600_000)) * 3_600_000,
  };
}

export async function readTiers(db: Db): Promise<TierTable> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', TIERS_SETTING_KEY).executeTakeFirst();
  return readTierTable(row?.value_json);
}

/** The working-day calendar with the admin's holiday overrides applied. */
export async function loadCalendar(db: Db): Promise<WorkCalendar> {
  const overrides = await db.selectFrom('holiday_overrides').select(['day', 'kind']).orderBy('day').execute();
  return createCalendar(overrides);
}
