/**
 * Settings: every ⚙ of DESIGN is a typed key with a zod schema and the default DESIGN gives. Stored as
 * JSON in the settings table with an optimistic-concurrency version: a write must carry the version it
 * read, or it is refused (STALE_VERSION) with what the other administrator saved.
 *
 * Version 0 means "never saved": the default applies and the first save must say version 0.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../preload/contract/errors.js';
import { TIER } from '../../preload/contract/enums.js';
import {
  CLOCK_START,
  SETTING_KEYS,
  SETTING_LABEL,
  settingValueSchemas,
  type SettingChange,
  type SettingEntry,
  type SettingKey,
  type SettingValue,
} from '../../preload/contract/methods/settings.js';
import {
  DEFAULT_ASSESSMENT_FORMULAS,
  DEFAULT_DAILY_WINDOW_HOUR,
  DEFAULT_MONTH_START_DAY,
  describeFormula,
} from '../../preload/contract/methods/assessmentSettings.js';
import {
  DEFAULT_HOTSPOT_DUPLICATES,
  DEFAULT_HOTSPOT_RECURRING,
  DEFAULT_HOTSPOT_SPIKE,
  describeDuplicateRule,
  describeRecurringRule,
  describeSpikeRule,
} from '../../preload/contract/methods/hotspots.js';
import type { ServiceContext } from './context.js';
import { adminChange } from './admin/audit.js';
import { changingRules } from './admin/generation.js';
import { DEFAULT_TIERS, TIERS_SETTING_KEY, describeDuration, parseTierTable, type TierTable } from './deadlines/index.js';

// The deadline engine names its own key (the CLI reads it): it must be one of ours.
const tiersKey = TIERS_SETTING_KEY satisfies SettingKey;

export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> } = {
  'deadlines.tiers': DEFAULT_TIERS,
  'deadlines.warnWithinHours': 24,
  'deadlines.clockStart': 'dispatched',
  'workflow.objectionPausesClock': true,
  'backup.folder': null,
  'backup.keep': { daily: 7, weekly: 4, monthly: 12 },
  'assessment.formulas': DEFAULT_ASSESSMENT_FORMULAS,
  'assessment.monthStartDay': DEFAULT_MONTH_START_DAY,
  'reports.dailyWindowHour': DEFAULT_DAILY_WINDOW_HOUR,
  'hotspots.spike': DEFAULT_HOTSPOT_SPIKE,
  'hotspots.recurring': DEFAULT_HOTSPOT_RECURRING,
  'hotspots.duplicates': DEFAULT_HOTSPOT_DUPLICATES,
};

/** Validates a value for `key`; refuses it with the setting's Chinese name and the reason. */
export function validateSetting<K extends SettingKey>(key: K, value: unknown): SettingValue<K> {
  if (key === tiersKey) return parseTierTable(value) as SettingValue<K>;
  const result = settingValueSchemas[key].safeParse(value);
  if (result.success) return result.data as SettingValue<K>;
  throw new AppError('INVALID_INPUT', `设置「${SETTING_LABEL[key]}」无效：${result.error.issues[0]?.message ?? '格式不正确'}`);
}

/** A short Chinese description of a value, for events and conflict messages. */
export function describeSetting<K extends SettingKey>(key: K, value: SettingValue<K>): string {
  switch (key) {
    case 'deadlines.tiers': {
      const t = value as TierTable;
      return TIER.codes.map((c) => `${TIER.label[c]}：办理${describeDuration(t[c].handle)}、首次联系${describeDuration(t[c].firstContact)}`).join('；');
    }
    case 'deadlines.warnWithinHours':
      return `${value as number}小时`;
    case 'deadlines.clockStart':
      return CLOCK_START.label[value as SettingValue<'deadlines.clockStart'>];
    case 'backup.folder':
      return (value as SettingValue<'backup.folder'>) ?? '数据库所在文件夹下的 backups（默认）';
    case 'backup.keep': {
      const k = value as SettingValue<'backup.keep'>;
      return `按天 ${k.daily} 份、按周 ${k.weekly} 份、按月 ${k.monthly} 份`;
    }
    case 'assessment.formulas':
      return (value as SettingValue<'assessment.formulas'>).map(describeFormula).join('；');
    case 'assessment.monthStartDay': {
      const d = value as number;
      return d === 1 ? '自然月（每月 1 日起）' : `每月 ${d} 日至次月 ${d - 1} 日`;
    }
    case 'reports.dailyWindowHour':
      return `前一日 ${value as number}:00 至当日 ${value as number}:00`;
    case 'hotspots.spike':
      return describeSpikeRule(value as SettingValue<'hotspots.spike'>);
    case 'hotspots.recurring':
      return describeRecurringRule(value as SettingValue<'hotspots.recurring'>);
    case 'hotspots.duplicates':
      return describeDuplicateRule(value as SettingValue<'hotspots.duplicates'>);
    default:
      return value ? '是' : '否';
  }
}

interface StoredSetting<K extends SettingKey> {
  value: SettingValue<K>;
  version: number;
  updatedAt: number | null;
  /** Why the stored value could not be used (the default applies meanwhile), or null. */
  problem: string | null;
}

function parseStored<K extends SettingKey>(key: K, valueJson: string): { value: SettingValue<K>; problem: string | null } {
  try {
    return { value: validateSetting(key, JSON.parse(valueJson)), problem: null };
  } catch (e) {
    const why = e instanceof SyntaxError ? '不是有效的 JSON' : e instanceof Error ? e.message : '格式不正确';
    return { value: SETTING_DEFAULTS[key], problem: `保存值无法使用（${why}），暂按默认值执行，请重新保存。` };
  }
}

/**
 * A stored value that no longer validates (hand-edited, or from a newer app) falls back to the default
 * — as the workflow's own reads do — rather than blocking every deadline; the settings page shows the
 * problem and its version, so the administrator can save over it.
 */
async function readStored<K extends SettingKey>(db: Kysely<Database>, key: K): Promise<StoredSetting<K>> {
  const row = await db.selectFrom('settings').select(['value_json', 'version', 'updated_at']).where('key', '=', key).executeTakeFirst();
  if (!row) return { value: SETTING_DEFAULTS[key], version: 0, updatedAt: null, problem: null };
  return { ...parseStored(key, row.value_json), version: row.version, updatedAt: row.updated_at };
}

/**
 * The value of one setting (the default when never saved). Pass the open transaction when called
 * inside one: a query on ctx.handle.db would wait for that very transaction.
 */
export async function readSetting<K extends SettingKey>(db: Kysely<Database>, key: K): Promise<SettingValue<K>> {
  return (await readStored(db, key)).value;
}

function toEntry<K extends SettingKey>(key: K, s: StoredSetting<K>): SettingEntry {
  return { key, label: SETTING_LABEL[key], value: s.value, version: s.version, isDefault: s.version === 0 || s.problem !== null, updatedAt: s.updatedAt, problem: s.problem } as SettingEntry;
}

export async function getSetting(ctx: ServiceContext, key: SettingKey): Promise<SettingEntry> {
  return toEntry(key, await readStored(ctx.handle.db, key));
}

export async function listSettings(ctx: ServiceContext): Promise<SettingEntry[]> {
  const out: SettingEntry[] = [];
  for (const key of SETTING_KEYS) out.push(await getSetting(ctx, key));
  return out;
}

function staleMessage<K extends SettingKey>(key: K, readVersion: number, current: StoredSetting<K>): string {
  const now = current.version === 0 ? '现在尚未保存过（使用默认值）' : `现在是第 ${current.version} 版`;
  return `设置「${SETTING_LABEL[key]}」已被他人修改（您打开时是第 ${readVersion} 版，${now}），当前值为：${describeSetting(key, current.value)}。请刷新后再修改。`;
}

/** Saves one setting if nobody saved it since `change.version` was read; records an 'admin.setting' event. */
export async function setSetting(ctx: ServiceContext, actor: string, change: SettingChange): Promise<SettingEntry> {
  const key = change.key;
  const value = validateSetting(key, change.value);
  return changingRules(ctx, () =>
    adminChange(ctx, actor, async (trx) => {
      const current = await readStored(trx, key);
      if (current.version !== change.version) throw new AppError('STALE_VERSION', staleMessage(key, change.version, current));
      const now = ctx.now();
      const valueJson = JSON.stringify(value);
      if (current.version === 0) {
        await trx.insertInto('settings').values({ key, value_json: valueJson, version: 1, updated_at: now }).execute();
      } else {
        const res = await trx
          .updateTable('settings')
          .set((eb) => ({ value_json: valueJson, version: eb('version', '+', 1), updated_at: now }))
          .where('key', '=', key)
          .where('version', '=', change.version)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('STALE_VERSION', staleMessage(key, change.version, await readStored(trx, key)));
      }
      const saved: StoredSetting<typeof key> = { value, version: current.version + 1, updatedAt: now, problem: null };
      return {
        result: toEntry(key, saved),
        event: {
          kind: 'admin.setting',
          summary: `修改设置「${SETTING_LABEL[key]}」：${describeSetting(key, current.value)} → ${describeSetting(key, value)}`,
          before: { key, value: current.value, version: current.version },
          after: { key, value, version: saved.version },
        },
      };
    }),
  );
}
