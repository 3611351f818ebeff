/**
 * `jiesu deadline`: the handle deadline of an order started at --from under --tier, without touching
 * any order. Uses the default tiers and the package's holiday schedule; when --db names an existing
 * database, its holiday overrides and stored tier table are used instead (read-only).
 */
import { existsSync } from 'node:fs';
import { createDb } from '../../../db/connection.js';
import { TIER, type Tier } from '../../../preload/contract/enums.js';
import { formatBeijing, parseBeijing, toBeijingIso } from '../../../preload/contract/time.js';
import {
  DEFAULT_TIERS,
  TIERS_SETTING_KEY,
  computeDue,
  createCalendar,
  describeDuration,
  readTierTable,
  type HolidayOverride,
  type TierTable,
} from '../../services/deadlines/index.js';
import { CliError, flagString, type Command } from '../types.js';

function parseTier(text: string | undefined): Tier {
  const choices = TIER.codes.map((c) => `${c}（${TIER.label[c]}）`).join('、');
  if (text === undefined) throw new CliError(`缺少参数 --tier，可选：${choices}`, 2);
  const tier = TIER.codes.find((c) => c === text || TIER.label[c] === text);
  if (!tier) throw new CliError(`--tier 无法识别「${text}」，可选：${choices}`, 2);
  return tier;
}

function parseFrom(text: string | undefined): number {
  if (text === undefined) throw new CliError('缺少参数 --from（起算时间，如 "2026-09-30 16:00"，北京时间）', 2);
  const ms = parseBeijing(text);
  if (ms === null) {
    throw new CliError(`--from 无法识别「${text}」：请写成 "YYYY-MM-DD HH:mm"（北京时间）或带时区的 ISO 时间，如 2026-09-30T16:00:00+08:00`, 2);
  }
  return ms;
}

/** Overrides and tier table from an existing database, opened read-only. */
async function readDbSettings(dbPath: string): Promise<{ overrides: HolidayOverride[]; tiers: TierTable }> {
  let handle;
  try {
    handle = createDb(dbPath, { readonly: true });
  } catch (e) {
    throw new CliError(`无法打开数据库 ${dbPath}：${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    const tables = new Set((await handle.db.introspection.getTables()).map((t) => t.name));
    const overrides = tables.has('holiday_overrides')
      ? await handle.db.selectFrom('holiday_overrides').select(['day', 'kind']).execute()
      : [];
    const setting = tables.has('settings')
      ? await handle.db.selectFrom('settings').select('value_json').where('key', '=', TIERS_SETTING_KEY).executeTakeFirst()
      : undefined;
    return { overrides, tiers: readTierTable(setting?.value_json) };
  } finally {
    await handle.close();
  }
}

export const deadlineCommand: Command = {
  name: 'deadline',
  summary: '按时限档位计算办理时限（北京时间，含调休）',
  usage: 'jiesu deadline --from "YYYY-MM-DD HH:mm" --tier urgent|utility|general|complex [--json] [--db FILE]',
  flags: ['from', 'tier', 'json'],
  async run(args, { io, dbPath }) {
    const startMs = parseFrom(flagString(args, 'from'));
    const tier = parseTier(flagString(args, 'tier'));
    const { overrides, tiers } =
      args.flags.has('db') && existsSync(dbPath) ? await readDbSettings(dbPath) : { overrides: [], tiers: DEFAULT_TIERS };
    const rule = tiers[tier].handle;
    const { due, calendarMissing } = computeDue(startMs, rule, createCalendar(overrides));
    if (args.flags.has('json')) {
      io.out(JSON.stringify({ due: toBeijingIso(due), calendarMissing }));
      return;
    }
    const warning = calendarMissing ? '；注意：期间涉及尚无国务院节假日安排数据的年份，已只按周末推算，请人工核对' : '';
    io.out(
      `办理时限：${formatBeijing(due, true)}（${TIER.label[tier]}，${describeDuration(rule)}，自 ${formatBeijing(startMs)} 起算）${warning}`,
    );
  },
};
