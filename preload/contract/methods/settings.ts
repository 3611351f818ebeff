/**
 * Contract methods of the administration settings (DESIGN §3: every ⚙ is a setting), the holiday
 * override table and the calendar preview of the settings page.
 *
 * A setting is read with its `version`; a write must carry the version it read, so two administrators
 * editing the same page cannot silently overwrite each other (STALE_VERSION). Version 0 means "never
 * saved, the default applies".
 */
import { z } from 'zod';
import { method } from '../method.js';
import { epochMs } from '../scalars.js';
import { AssessmentFormulaTable, DailyWindowHour, MonthStartDay } from './assessmentSettings.js';
import { HotspotDuplicateRule, HotspotRecurringRule, HotspotSpikeRule } from './hotspots.js';

// ---- setting values ------------------------------------------------------------------------

export const SETTING_KEYS = [
  'deadlines.tiers',
  'deadlines.warnWithinHours',
  'deadlines.clockStart',
  'workflow.objectionPausesClock',
  'backup.folder',
  'backup.keep',
  'assessment.formulas',
  'assessment.monthStartDay',
  'reports.dailyWindowHour',
  'hotspots.spike',
  'hotspots.recurring',
  'hotspots.duplicates',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** What the settings page calls each setting. */
export const SETTING_LABEL: Record<SettingKey, string> = {
  'deadlines.tiers': '时限档位',
  'deadlines.warnWithinHours': '即将超时预警时长',
  'deadlines.clockStart': '计时起点',
  'workflow.objectionPausesClock': '派单异议审核期间暂停计时',
  'backup.folder': '备份文件夹',
  'backup.keep': '备份保留份数',
  'assessment.formulas': '三率考核公式',
  'assessment.monthStartDay': '考核月起始日',
  'reports.dailyWindowHour': '日通报时间窗（整点）',
  'hotspots.spike': '热点：分类激增规则',
  'hotspots.recurring': '热点：重复地址规则',
  'hotspots.duplicates': '热点：疑似重复件规则',
};

export const CLOCK_START = { codes: ['dispatched', 'accepted'] as const, label: { dispatched: '派单时间', accepted: '签收时间' } } as const;
export type ClockStart = (typeof CLOCK_START.codes)[number];

/**
 * The tier table as the contract carries it. The service re-validates it with the deadline engine's own
 * rules (main/services/deadlines/tiers.ts: upper bounds per unit), which the contract cannot import.
 */
const Duration = z
  .object({
    amount: z.number({ error: '时长必须是数字' }).int('时长必须是整数').positive('时长必须大于 0'),
    unit: z.enum(['hours', 'calendarDays', 'workingDays'], { error: '时长单位只能是小时、自然日或工作日' }),
  })
  .strict();
const TierRule = z.object({ handle: Duration, firstContact: Duration }).strict();
export const TierTableValue = z.object({ urgent: TierRule, utility: TierRule, general: TierRule, complex: TierRule }).strict();

/**
 * An absolute folder: a drive path (D:\备份), a shared drive (\\server\share) or a POSIX path. A relative
 * path would depend on where the program happened to be started.
 */
export const BackupFolderValue = z
  .string({ error: '备份文件夹应为文字路径' })
  .trim()
  .min(1, '请填写备份文件夹')
  .max(1000, '备份文件夹路径过长')
  .regex(/^(?:[A-Za-z]:[\\/]|\\\\[^\\]|\/)/, '备份文件夹应为完整路径（如 D:\\接诉台备份 或 \\\\服务器\\共享\\备份）');

const keepCount = (what: string, max: number) =>
  z.number({ error: `${what}必须是数字` }).int(`${what}必须是整数`).min(0, `${what}不能小于 0`).max(max, `${what}最多 ${max}`);
/** How many backups rotation keeps: the newest of each of the last N days / ISO weeks / months that have one. */
export const BackupKeepValue = z
  .object({ daily: keepCount('按天保留份数', 366), weekly: keepCount('按周保留份数', 520), monthly: keepCount('按月保留份数', 1200) })
  .strict();

export const settingValueSchemas = {
  'deadlines.tiers': TierTableValue,
  'deadlines.warnWithinHours': z
    .number({ error: '预警时长必须是数字' })
    .int('预警时长必须是整小时')
    .min(1, '预警时长至少 1 小时')
    .max(168, '预警时长最多 168 小时（7 天）'),
  'deadlines.clockStart': z.enum(CLOCK_START.codes, { error: '计时起点只能是派单时间或签收时间' }),
  'workflow.objectionPausesClock': z.boolean({ error: '应为“是”或“否”' }),
  /** null = the default, a `backups` folder beside the database file (see main/services/backup/folder.ts). */
  'backup.folder': BackupFolderValue.nullable(),
  'backup.keep': BackupKeepValue,
  'assessment.formulas': AssessmentFormulaTable,
  'assessment.monthStartDay': MonthStartDay,
  'reports.dailyWindowHour': DailyWindowHour,
  'hotspots.spike': HotspotSpikeRule,
  'hotspots.recurring': HotspotRecurringRule,
  'hotspots.duplicates': HotspotDuplicateRule,
} as const satisfies Record<SettingKey, z.ZodType>;
export type SettingValue<K extends SettingKey> = z.output<(typeof settingValueSchemas)[K]>;

const version = z.number().int().nonnegative();

function entry<K extends SettingKey>(key: K) {
  return z.object({
    key: z.literal(key),
    label: z.string(),
    value: settingValueSchemas[key],
    /** 0 = never saved: `value` is the default. */
    version,
    isDefault: z.boolean(),
    updatedAt: epochMs.nullable(),
    /** The stored value could not be used (the default applies): why, in Chinese; null when fine. */
    problem: z.string().nullable(),
  });
}

export const SettingEntry = z.discriminatedUnion('key', [
  entry('deadlines.tiers'),
  entry('deadlines.warnWithinHours'),
  entry('deadlines.clockStart'),
  entry('workflow.objectionPausesClock'),
  entry('backup.folder'),
  entry('backup.keep'),
  entry('assessment.formulas'),
  entry('assessment.monthStartDay'),
  entry('reports.dailyWindowHour'),
  entry('hotspots.spike'),
  entry('hotspots.recurring'),
  entry('hotspots.duplicates'),
]);
export type SettingEntry = z.infer<typeof SettingEntry>;

function change<K extends SettingKey>(key: K) {
  return z.object({ key: z.literal(key), value: settingValueSchemas[key], version }).strict();
}

export const SettingChange = z.discriminatedUnion(
  'key',
  [change('deadlines.tiers'), change('deadlines.warnWithinHours'), change('deadlines.clockStart'), change('workflow.objectionPausesClock'), change('backup.folder'), change('backup.keep'),
    change('assessment.formulas'), change('assessment.monthStartDay'), change('reports.dailyWindowHour'),
    change('hotspots.spike'), change('hotspots.recurring'), change('hotspots.duplicates')],
  { error: '未知的设置项' },
);
export type SettingChange = z.infer<typeof SettingChange>;

// ---- holidays and the calendar -------------------------------------------------------------

/** 'YYYY-MM-DD' that is a real calendar day between 2000 and 2099 (the calendar's span). */
export const DayText = z
  .string()
  .regex(/^20\d{2}-\d{2}-\d{2}$/, '日期应为 2000–2099 年间的 YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, '不是真实的日期');

export const OVERRIDE_KIND = { codes: ['holiday', 'workday'] as const, label: { holiday: '放假', workday: '上班' } } as const;

export const HolidayOverride = z.object({
  day: z.string(),
  kind: z.enum(OVERRIDE_KIND.codes),
  note: z.string().nullable(),
});
export type HolidayOverride = z.infer<typeof HolidayOverride>;

const Year = z.number({ error: '年份必须是数字' }).int('年份必须是整数').min(2000, '年份应在 2000–2099 之间').max(2099, '年份应在 2000–2099 之间');

export const CalendarDay = z.object({
  day: z.string(),
  work: z.boolean(),
  /** override = the admin's table; schedule = the State Council notice; weekday / weekend = plain rule. */
  source: z.enum(['override', 'schedule', 'weekday', 'weekend']),
  /** Holiday name from the notice ('国庆节'), or the override's note. */
  name: z.string().nullable(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

export const CalendarYear = z.object({
  year: z.number().int(),
  /** The maintained data package carries the State Council's notice for this year. */
  officialData: z.boolean(),
  /** Deadlines in this year are computed without the "no calendar data" flag (official data or overrides). */
  hasData: z.boolean(),
  overrideCount: z.number().int().nonnegative(),
  workdayCount: z.number().int().nonnegative(),
  days: z.array(CalendarDay),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const settingsMethods = {
  'settings.list': method(z.object({}).strict(), z.array(SettingEntry), '全部设置项（含默认值与版本）'),
  'settings.get': method(z.object({ key: z.enum(SETTING_KEYS, { error: '未知的设置项' }) }).strict(), SettingEntry, '读取一项设置及其版本'),
  'settings.set': method(SettingChange, SettingEntry, '保存一项设置（须带读取时的版本）'),
  'holidays.list': method(z.object({ year: Year.optional() }).strict(), z.array(HolidayOverride), '节假日调整表'),
  'holidays.upsert': method(
    z.object({ day: DayText, kind: z.enum(OVERRIDE_KIND.codes, { error: '类型只能是放假或上班' }), note: z.string().trim().max(50, '备注最多 50 字').nullable().optional() }).strict(),
    HolidayOverride,
    '新增或修改一天的节假日调整',
  ),
  'holidays.delete': method(z.object({ day: DayText }).strict(), z.object({ day: z.string(), deleted: z.literal(true) }), '删除一天的节假日调整'),
  'calendar.year': method(z.object({ year: Year }).strict(), CalendarYear, '某年每天是否上班（预览工作日历）'),
} as const;
