/**
 * `jiesu export ledger`: writes a ledger (台账) in a preset's columns to xlsx or csv (chosen by the
 * file's extension), like the export dialog; the export is recorded as an event.
 */
import { extname, resolve } from 'node:path';
import { EXPORT_COLUMN, EXPORT_PRESET, ORDER_SORT_COLUMNS, type ExportColumn, type ExportPreset, type OrderSort } from '../../../preload/api.js';
import { parseBeijing } from '../../../preload/contract/time.js';
import { openApp } from '../../runtime.js';
import { CliError, flagString, type Command } from '../types.js';

const CLI_ACTOR = '命令行';

function parsePreset(text: string | undefined): ExportPreset {
  const choices = EXPORT_PRESET.codes.map((c) => `${EXPORT_PRESET.label[c]}（${c}）`).join('、');
  if (text === undefined) throw new CliError(`缺少参数 --preset，可选：${choices}`, 2);
  const preset = EXPORT_PRESET.codes.find((c) => c === text || EXPORT_PRESET.label[c] === text);
  if (!preset) throw new CliError(`--preset 无法识别「${text}」，可选：${choices}`, 2);
  return preset;
}

function parseDay(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{1,2}-\d{1,2}$/.test(text.trim()) || parseBeijing(text) === null) {
    throw new CliError(`--${name} 无法识别「${text}」，请写成 YYYY-MM-DD（北京时间的日期）`, 2);
  }
  const [y, m, d] = text.trim().split('-');
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

function parseColumns(text: string | undefined): ExportColumn[] | undefined {
  if (text === undefined) return undefined;
  const out = text.split(/[,，、]/).map((t) => t.trim()).filter(Boolean).map((t) => {
    const key = EXPORT_COLUMN.codes.find((c) => c === t || EXPORT_COLUMN.label[c] === t);
    if (!key) throw new CliError(`--columns 中的「${t}」不是可导出的列。可选：${EXPORT_COLUMN.codes.map((c) => EXPORT_COLUMN.label[c]).join('、')}`, 2);
    return key;
  });
  if (out.length === 0) throw new CliError('--columns 至少要有一列', 2);
  return out;
}

function parseSort(text: string | undefined): OrderSort | undefined {
  if (text === undefined) return undefined;
  const [column, direction = 'asc'] = text.split(':');
  if (!(ORDER_SORT_COLUMNS as readonly string[]).includes(column ?? '') || (direction !== 'asc' && direction !== 'desc')) {
    throw new CliError(`--sort 应写成 列:asc 或 列:desc，列可选：${ORDER_SORT_COLUMNS.join('、')}`, 2);
  }
  return { column: column as OrderSort['column'], direction };
}

export const exportCommand: Command = {
  name: 'export',
  summary: '导出台账（平台格式 / 区考核台账，xlsx 或 csv）',
  usage:
    'jiesu export ledger --preset 平台格式|区考核台账 [--from YYYY-MM-DD --to YYYY-MM-DD] [--with-phones] [--columns 列,列] [--sort 列:asc|desc] --out FILE.xlsx|FILE.csv [--json] [--db FILE]\n' +
    '  --from/--to    受理时间范围（北京时间，含首尾两天）\n' +
    '  --with-phones  导出完整联系电话（默认打码：138****5678）\n' +
    '  --columns      自选列（中文列名或代码），默认用预设的列\n' +
    '  --sort         排序，同工单表格（默认 receivedAt:desc）',
  flags: ['preset', 'from', 'to', 'with-phones', 'columns', 'sort', 'out', 'json'],
  async run(args, { io, dbPath }) {
    if (args.positionals[0] !== 'ledger' || args.positionals.length > 1) throw new CliError(`目前只能导出台账：jiesu export ledger …\n用法：${exportCommand.usage}`, 2);
    const preset = parsePreset(flagString(args, 'preset'));
    const from = parseDay('from', flagString(args, 'from'));
    const to = parseDay('to', flagString(args, 'to'));
    if (from && to && from > to) throw new CliError('--from 不能晚于 --to', 2);
    const out = flagString(args, 'out');
    if (!out) throw new CliError(`缺少参数 --out（导出文件，扩展名 .xlsx 或 .csv）\n用法：${exportCommand.usage}`, 2);
    const ext = extname(out).toLowerCase();
    if (ext !== '.xlsx' && ext !== '.csv') throw new CliError(`--out 的扩展名应为 .xlsx 或 .csv，收到「${ext || '（无）'}」`, 2);
    const columns = parseColumns(flagString(args, 'columns'));
    const sort = parseSort(flagString(args, 'sort'));
    const app = await openApp(dbPath);
    try {
      const result = await app.services.ledger.exportLedger(
        { preset, columns, from, to, sort, withPhones: args.flags.has('with-phones'), format: ext === '.xlsx' ? 'xlsx' : 'csv', path: resolve(out) },
        CLI_ACTOR,
      );
      if (args.flags.has('json')) io.out(JSON.stringify(result));
      else io.out(`已导出 ${result.rows} 件工单（${EXPORT_PRESET.label[preset]}）→ ${result.path}`);
    } finally {
      app.services.ledger.close();
      await app.close();
    }
  },
};
