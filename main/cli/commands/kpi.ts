/**
 * `jiesu kpi`: the 三率 and 综合得分 of the callbacks whose callback time falls between two Beijing days
 * (both inclusive), in total and optionally by group. --json prints rates as fractions 0–1 (null when
 * there was no valid callback) and the score on 0–100; otherwise a Chinese table.
 */
import { ASSESSMENT_GROUP_BY, AssessmentDay, type AssessmentFigures, type AssessmentGroupBy } from '../../../preload/api.js';
import { openApp } from '../../runtime.js';
import { assessmentKpi } from '../../services/assessment/index.js';
import { CliError, flagString, type Command } from '../types.js';

const BY_CHOICES = ['community', 'department', 'category', 'handler'] as const satisfies readonly AssessmentGroupBy[];

function parseDay(name: string, text: string | undefined): string {
  if (text === undefined) throw new CliError(`缺少参数 --${name}（YYYY-MM-DD，北京时间的日期）\n用法：${kpiCommand.usage}`, 2);
  const r = AssessmentDay.safeParse(text.trim());
  if (!r.success) throw new CliError(`--${name} 无法识别「${text}」：${r.error.issues[0]?.message ?? '格式不正确'}（应写成 YYYY-MM-DD，如 2026-11-01）`, 2);
  return r.data;
}

function parseBy(text: string | undefined): AssessmentGroupBy {
  if (text === undefined) return 'none';
  const by = BY_CHOICES.find((c) => c === text || ASSESSMENT_GROUP_BY.label[c] === text);
  if (!by) throw new CliError(`--by 无法识别「${text}」，可选：${BY_CHOICES.map((c) => `${c}（${ASSESSMENT_GROUP_BY.label[c]}）`).join('、')}`, 2);
  return by;
}

/** The JSON figures of one row, in the documented key order. */
const jsonFigures = (f: AssessmentFigures) => ({
  validCallbacks: f.validCallbacks,
  responseRate: f.responseRate,
  resolutionRate: f.resolutionRate,
  satisfactionRate: f.satisfactionRate,
  score: f.score,
});

/** Display width: CJK characters take two columns in a terminal. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);

function table(rows: Array<{ label: string } & AssessmentFigures>): string[] {
  const head = ['分组', '有效回访', '响应率', '解决率', '满意率', '综合得分'];
  const cells = rows.map((r) => [r.label, String(r.validCallbacks), pct(r.responseRate), pct(r.resolutionRate), pct(r.satisfactionRate), r.score === null ? '—' : r.score.toFixed(2)]);
  const widths = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]!))));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? padEnd(v, widths[i]!) : padStart(v, widths[i]!))).join('  ');
  return [line(head), ...cells.map(line)];
}

export const kpiCommand: Command = {
  name: 'kpi',
  summary: '统计某时段的三率与综合得分（按回访时间，北京时间）',
  usage:
    'jiesu kpi --from YYYY-MM-DD --to YYYY-MM-DD [--by community|department|category|handler] [--json] [--db FILE]\n' +
    '  --from/--to  回访时间所在的日期范围（北京时间，含首尾两天）\n' +
    '  --by         分组：community 社区、department 主办单位、category 一级分类、handler 经办人\n' +
    '  --json       输出 JSON：三率为 0–1 的小数（无有效回访时为 null），综合得分为 0–100',
  flags: ['from', 'to', 'by', 'json'],
  async run(args, { io, dbPath }) {
    const from = parseDay('from', flagString(args, 'from'));
    const to = parseDay('to', flagString(args, 'to'));
    if (from > to) throw new CliError(`--from（${from}）不能晚于 --to（${to}）`, 2);
    const by = parseBy(flagString(args, 'by'));
    const app = await openApp(dbPath);
    try {
      const kpi = await assessmentKpi(app.services.ctx, { period: { kind: 'range', from, to }, by, categoryLevel: 'top' });
      if (args.flags.has('json')) {
        io.out(JSON.stringify({ ...jsonFigures(kpi.total), groups: kpi.groups.map((g) => ({ key: g.key, label: g.label, ...jsonFigures(g) })) }));
        return;
      }
      io.out(`考核时段：${kpi.period.label}（按回访时间，北京时间，含首尾两天）`);
      for (const line of table([{ label: '全街道', ...kpi.total }, ...kpi.groups])) io.out(line);
      if (kpi.total.excluded) io.out(`另有 ${kpi.total.excluded} 条有效回访按考核公式核减，不计入三率。`);
      for (const f of kpi.formulas) io.out(`考核公式：${f.description}`);
    } finally {
      await app.close();
    }
  },
};
