/**
 * `jiesu report daily|weekly|monthly --date YYYY-MM-DD --format pdf|docx|html --out FILE`: the street's
 * 日通报 (the window ending on --date), 周汇报 (the Monday–Sunday week containing it) or 月度分析 (the
 * assessment month containing it), written to a file. PDF is printed by the system Chromium
 * (CHROME_PATH or /usr/bin/chromium).
 */
import { extname } from 'node:path';
import { AssessmentDay, REPORT_FORMAT, REPORT_KIND, type ReportFormat, type ReportKind } from '../../../preload/api.js';
import { isAppError } from '../../../preload/contract/errors.js';
import { openApp } from '../../runtime.js';
import { saveReport } from '../../services/reports/index.js';
import { CliError, flagString, type Command } from '../types.js';

const kindList = REPORT_KIND.codes.map((k) => `${k}（${REPORT_KIND.label[k]}）`).join('、');

function parseKind(text: string | undefined): ReportKind {
  if (text === undefined) throw new CliError(`请指明报表类型：${kindList}\n用法：${reportCommand.usage}`, 2);
  const kind = REPORT_KIND.codes.find((k) => k === text || REPORT_KIND.label[k] === text);
  if (!kind) throw new CliError(`无法识别的报表类型「${text}」，可选：${kindList}`, 2);
  return kind;
}

function parseFormat(text: string | undefined, out: string): ReportFormat {
  const given = text ?? extname(out).slice(1).toLowerCase();
  const format = REPORT_FORMAT.codes.find((f) => f === given.toLowerCase());
  if (!format) throw new CliError(`--format 应为 pdf、docx 或 html${text === undefined ? '（或让 --out 的扩展名说明格式）' : `，收到「${text}」`}`, 2);
  return format;
}

export const reportCommand: Command = {
  name: 'report',
  summary: '生成日通报、周汇报或月度分析（PDF、Word 或 HTML）',
  usage:
    'jiesu report daily|weekly|monthly --date YYYY-MM-DD --format pdf|docx|html --out FILE [--db FILE]\n' +
    '  daily    日通报：截至该日的通报时间窗（默认前一日12:00至当日12:00）\n' +
    '  weekly   周汇报：该日所在的周（周一至周日）\n' +
    '  monthly  月度分析：该日所在的考核月\n' +
    '  --format 省略时按 --out 的扩展名；PDF 需要本机的 Chromium（或用 CHROME_PATH 指明）',
  flags: ['date', 'format', 'out'],
  async run(args, { io, dbPath }) {
    if (args.positionals.length > 1) throw new CliError(`只能给出一种报表类型，收到：${args.positionals.join(' ')}`, 2);
    const kind = parseKind(args.positionals[0]);
    const dateText = flagString(args, 'date');
    if (dateText === undefined) throw new CliError('缺少参数 --date（YYYY-MM-DD，北京时间的日期）', 2);
    const date = AssessmentDay.safeParse(dateText.trim());
    if (!date.success) throw new CliError(`--date 无法识别「${dateText}」：${date.error.issues[0]?.message ?? '格式不正确'}（应写成 YYYY-MM-DD，如 2026-11-23）`, 2);
    const out = flagString(args, 'out');
    if (out === undefined || out.trim() === '') throw new CliError('缺少参数 --out（要写入的文件）', 2);
    const format = parseFormat(flagString(args, 'format'), out);
    const app = await openApp(dbPath);
    try {
      const saved = await saveReport(app.services.ctx, { kind, date: date.data, format, path: out });
      io.out(`已生成${saved.title}：${saved.path}（${REPORT_FORMAT.label[format]}${saved.pageCount ? `，共 ${saved.pageCount} 页` : ''}）`);
    } catch (e) {
      if (isAppError(e)) throw new CliError(e.message, 1);
      throw e;
    } finally {
      await app.close();
    }
  },
};
