/**
 * Exporting a ledger: the chosen columns (a preset or the column chooser's list) of the orders in the
 * filter, in the grid's sort, to xlsx or csv — then one event recording who exported what, with which
 * filter, and when (order_id NULL: it is about many orders). Phones are masked unless asked for.
 */
import { access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname } from 'node:path';
import type { LedgerFilter, OrderSort } from '../../../preload/api.js';
import { EXPORT_PRESET, type ExportColumn, type ExportPreset } from '../../../preload/contract/ledgerLabels.js';
import { AppError, isAppError } from '../../../preload/contract/errors.js';
import type { ServiceContext } from '../context.js';
import { recordEvent } from '../events.js';
import { COLUMNS, PRESET_COLUMNS, RATE_LABEL, RatesTally, type CellValue, type ValueEnv } from './columns.js';
import { streamRows } from '../../../db/bulk.js';
import { DEFAULT_LEDGER_SORT, LEDGER_COLUMNS, ledgerQuery, rowFromArray } from './query.js';
import { csvWriter, xlsxWriter, type LedgerWriter } from './writers.js';

export interface LedgerExportArgs {
  preset: ExportPreset;
  columns?: ExportColumn[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: OrderSort | undefined;
  /** The grid's filter resolved to its orders (the handler asks the grid); absent: no such filter. */
  orderIds?: number[] | undefined;
  withPhones: boolean;
  format: 'xlsx' | 'csv';
  path: string;
}

function describeFilter(filter: LedgerFilter, byGrid: boolean): string {
  const grid = byGrid ? '按「工单」表格的筛选，' : '';
  if (filter.from && filter.to) return `${grid}受理时间 ${filter.from} 至 ${filter.to}`;
  if (filter.from) return `${grid}受理时间 ${filter.from} 起`;
  if (filter.to) return `${grid}受理时间截至 ${filter.to}`;
  return byGrid ? '按「工单」表格的筛选' : '全部工单';
}

function writeFailure(path: string, e: unknown): AppError {
  if (isAppError(e)) return e;
  const code = (e as { code?: string }).code;
  const why =
    code === 'ENOENT' ? '保存位置的文件夹不存在。'
    : code === 'EACCES' || code === 'EPERM' ? '没有写入该位置的权限。'
    : code === 'EBUSY' ? '目标文件正被其他程序打开（例如 Excel 或 WPS），请关闭后重试。'
    : code === 'ENOSPC' ? '磁盘空间不足。'
    : '写入文件时出错。';
  return new AppError('EXPORT_FAILED', `导出失败：${why}（${path}）未生成任何文件。`, { cause: e });
}

export async function exportLedger(ctx: ServiceContext, args: LedgerExportArgs, actor: string): Promise<{ rows: number; path: string }> {
  const keys = args.columns ?? PRESET_COLUMNS[args.preset];
  const columns = keys.map((k) => COLUMNS[k]);
  const filter: LedgerFilter = { ...(args.from ? { from: args.from } : {}), ...(args.to ? { to: args.to } : {}) };
  const sort = args.sort ?? DEFAULT_LEDGER_SORT;
  try {
    await access(dirname(args.path), constants.W_OK);
  } catch (e) {
    throw writeFailure(args.path, e);
  }
  const wantsRates = keys.some((k) => RATE_LABEL[k] !== undefined);
  const score = wantsRates || keys.includes('assessed') ? await (await import('./scores.js')).scorer(ctx) : null;
  const env: ValueEnv = { withPhones: args.withPhones, now: ctx.now(), score };
  const rates = new RatesTally();
  let writer: LedgerWriter | null = null;
  let rows = 0;
  try {
    writer = args.format === 'xlsx' ? await xlsxWriter(args.path, columns) : csvWriter(args.path, columns);
    const values: CellValue[] = new Array(columns.length);
    const result = streamRows(ctx.handle.sqlite, ledgerQuery(ctx.handle.db, filter, sort, args.orderIds).compile());
    if (result.columns.join() !== LEDGER_COLUMNS.join()) throw new Error(`ledger query columns changed: ${result.columns.join()}`);
    for (const array of result.rows) {
      const r = rowFromArray(array);
      for (let i = 0; i < columns.length; i++) values[i] = columns[i]!.value(r, env);
      await writer.row(values);
      if (score && wantsRates) rates.add(score(r));
      rows++;
    }
    if (wantsRates) {
      await writer.footer(
        keys.map((k, i) => {
          if (i === 0) return `合计：${rows} 件，纳入考核 ${rates.assessed} 件`;
          const rate = rates.rate(k);
          return RATE_LABEL[k] ? `${RATE_LABEL[k]} ${rate === null ? '—' : `${(rate * 100).toFixed(1)}%`}` : null;
        }),
      );
    }
    await writer.end();
  } catch (e) {
    await writer?.abort().catch(() => undefined);
    throw writeFailure(args.path, e);
  }
  await recordEvent(ctx.handle.db, {
    orderId: null,
    actor,
    at: ctx.now(),
    kind: 'export.ledger',
    summary: `导出台账（${EXPORT_PRESET.label[args.preset]}，${args.format}，${rows} 件，${describeFilter(filter, args.orderIds !== undefined)}${args.withPhones ? '，含完整联系电话' : ''}）`,
    before: null,
    after: { preset: args.preset, columns: keys, filter, gridFiltered: args.orderIds !== undefined, sort, withPhones: args.withPhones, format: args.format, rows, path: args.path },
    orderVersion: null,
  });
  return { rows, path: args.path };
}
