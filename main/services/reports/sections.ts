/**
 * Blocks every report shares: the main figures with 环比, a group table (community / department) with
 * the 三率, an order list, a breakdown with shares. Figures that come from the assessment engine carry
 * their drill-down (the arguments of `assessment.orders`), so the preview can open their orders.
 */
import { APPEAL_TYPE, TIER } from '../../../preload/contract/enums.js';
import type { AssessmentGroupBy, AssessmentMeasure, ResolvedPeriod } from '../../../preload/contract/methods/assessment.js';
import type { OrderFilter } from '../../../preload/contract/methods/orderFilter.js';
import type { PeriodFacts } from './facts.js';
import { change, changeWords, excerpt, pct, pointsChange, score, scoreChange, share, shortTime } from './format.js';
import { cell, type Block, type Cell } from './model.js';
import type { ListedOrder } from './queries.js';

const drillCell = (text: string, f: PeriodFacts, measure: AssessmentMeasure, by: AssessmentGroupBy = 'none', group?: string): Cell => ({
  text,
  drill: { period: f.period, by, measure, ...(group === undefined ? {} : { group }) },
});

/** The summary sentence of the period's work: 增量, 办结, 存量, 首办 and the 三率, with 环比. */
export function overviewParagraph(scope: string, now: PeriodFacts, before: PeriodFacts): string {
  const v = now.volume.total;
  const k = now.kpi.total;
  const rates = k.validCallbacks === 0
    ? '本期无有效回访，三率暂不计算'
    : `有效回访${k.validCallbacks}件，响应率${pct(k.responseRate)}、解决率${pct(k.resolutionRate)}、满意率${pct(k.satisfactionRate)}，综合得分${score(k.score)}（${scoreChange(k.score, before.kpi.total.score) === '—' ? '上期无可比数据' : `环比${scoreChange(k.score, before.kpi.total.score)}`}）`;
  return `${scope}共接收工单（增量）${v.intake}件，${changeWords(v.intake, before.volume.total.intake)}；办结反馈${now.replied}件，回访结案${v.closed}件，首办率${pct(v.firstTimeRate)}；当前在办工单（存量）${v.backlog}件。${rates}。`;
}

/** 主要指标: this period, the previous one, 环比. */
export function mainFiguresTable(now: PeriodFacts, before: PeriodFacts, labels: [string, string]): Block {
  const v = now.volume.total;
  const p = before.volume.total;
  const k = now.kpi.total;
  const q = before.kpi.total;
  const row = (name: string, a: Cell, b: Cell, c: string): Cell[] => [cell(name), a, b, cell(c)];
  return {
    kind: 'table',
    caption: '主要指标',
    columns: [
      { label: '指标', width: 3 },
      { label: labels[0], width: 2, align: 'right' },
      { label: labels[1], width: 2, align: 'right' },
      { label: '环比', width: 2.4, align: 'right' },
    ],
    rows: [
      row('新接工单（增量）', drillCell(String(v.intake), now, 'intake'), drillCell(String(p.intake), before, 'intake'), change(v.intake, p.intake)),
      row('办结反馈', cell(now.replied), cell(before.replied), change(now.replied, before.replied)),
      row('在办工单（存量）', drillCell(String(v.backlog), now, 'backlog'), drillCell(String(p.backlog), before, 'backlog'), change(v.backlog, p.backlog)),
      row('回访结案', drillCell(String(v.closed), now, 'closed'), drillCell(String(p.closed), before, 'closed'), change(v.closed, p.closed)),
      row('首办率', drillCell(pct(v.firstTimeRate), now, 'firstTime'), drillCell(pct(p.firstTimeRate), before, 'firstTime'), pointsChange(v.firstTimeRate, p.firstTimeRate)),
      row('有效回访', drillCell(String(k.validCallbacks), now, 'valid'), drillCell(String(q.validCallbacks), before, 'valid'), change(k.validCallbacks, q.validCallbacks)),
      row('响应率', drillCell(pct(k.responseRate), now, 'contacted'), drillCell(pct(q.responseRate), before, 'contacted'), pointsChange(k.responseRate, q.responseRate)),
      row('解决率', drillCell(pct(k.resolutionRate), now, 'resolved'), drillCell(pct(q.resolutionRate), before, 'resolved'), pointsChange(k.resolutionRate, q.resolutionRate)),
      row('满意率', drillCell(pct(k.satisfactionRate), now, 'satisfied'), drillCell(pct(q.satisfactionRate), before, 'satisfied'), pointsChange(k.satisfactionRate, q.satisfactionRate)),
      row('综合得分', drillCell(score(k.score), now, 'valid'), drillCell(score(q.score), before, 'valid'), scoreChange(k.score, q.score)),
    ],
  };
}

/** 三率 of several periods side by side (the daily bulletin: the window and the month to date). */
export function ratesTable(rows: Array<{ label: string; facts: PeriodFacts }>): Block {
  return {
    kind: 'table',
    caption: '回访与三率',
    columns: [
      { label: '时段', width: 4 },
      { label: '有效回访', width: 1.6, align: 'right' },
      { label: '响应率', width: 1.6, align: 'right' },
      { label: '解决率', width: 1.6, align: 'right' },
      { label: '满意率', width: 1.6, align: 'right' },
      { label: '综合得分', width: 1.6, align: 'right' },
    ],
    rows: rows.map(({ label, facts: f }) => [
      cell(label),
      drillCell(String(f.kpi.total.validCallbacks), f, 'valid'),
      drillCell(pct(f.kpi.total.responseRate), f, 'contacted'),
      drillCell(pct(f.kpi.total.resolutionRate), f, 'resolved'),
      drillCell(pct(f.kpi.total.satisfactionRate), f, 'satisfied'),
      drillCell(score(f.kpi.total.score), f, 'valid'),
    ]),
  };
}

/**
 * One row per community (or lead unit): received, closed, overdue, 存量, the 三率 and score. `f` must be
 * loaded with the same `by`. Sorted by score when `rank` (the monthly ranking), else in the units' order.
 */
export function groupTable(f: PeriodFacts, overdue: Map<string, number>, caption: string, rank = false): Block {
  const by = f.kpi.by;
  const volume = new Map(f.volume.groups.map((g) => [g.key, g]));
  const keys = [...new Set([...f.volume.groups.map((g) => g.key), ...f.kpi.groups.map((g) => g.key)])];
  const kpi = new Map(f.kpi.groups.map((g) => [g.key, g]));
  const label = (k: string) => kpi.get(k)?.label ?? volume.get(k)?.label ?? k;
  let ordered = keys.filter((k) => (volume.get(k)?.intake ?? 0) + (kpi.get(k)?.validCallbacks ?? 0) + (volume.get(k)?.backlog ?? 0) > 0);
  if (rank) ordered = [...ordered].sort((a, b) => (kpi.get(b)?.score ?? -1) - (kpi.get(a)?.score ?? -1));
  const first = by === 'community' ? '社区' : '主办单位';
  return {
    kind: 'table',
    caption,
    columns: [
      ...(rank ? [{ label: '排名', width: 1, align: 'center' as const }] : []),
      { label: first, width: 3.1 },
      { label: '新接', width: 1.2, align: 'right' },
      { label: '结案', width: 1.2, align: 'right' },
      { label: '超时', width: 1.1, align: 'right' },
      { label: '存量', width: 1.2, align: 'right' },
      { label: '响应率', width: 1.75, align: 'right' },
      { label: '解决率', width: 1.75, align: 'right' },
      { label: '满意率', width: 1.75, align: 'right' },
      { label: '得分', width: 1.45, align: 'right' },
    ],
    rows: ordered.map((k, i) => {
      const v = volume.get(k);
      const r = kpi.get(k);
      return [
        ...(rank ? [cell(r?.score === null || r === undefined ? '—' : i + 1)] : []),
        cell(label(k)),
        drillCell(String(v?.intake ?? 0), f, 'intake', by, k),
        drillCell(String(v?.closed ?? 0), f, 'closed', by, k),
        cell(overdue.get(k) ?? 0),
        drillCell(String(v?.backlog ?? 0), f, 'backlog', by, k),
        drillCell(pct(r?.responseRate ?? null), f, 'contacted', by, k),
        drillCell(pct(r?.resolutionRate ?? null), f, 'resolved', by, k),
        drillCell(pct(r?.satisfactionRate ?? null), f, 'satisfied', by, k),
        drillCell(score(r?.score ?? null), f, 'valid', by, k),
      ];
    }),
    empty: '本期无数据',
  };
}

/** How the counts of a breakdown open the grid: the two periods, and the filter of one key (null: none). */
export interface BreakdownLink {
  now: ResolvedPeriod;
  before: ResolvedPeriod;
  filterOf(key: string): OrderFilter | null;
}

function linked(n: number, p: ResolvedPeriod, what: string, extra: OrderFilter | null, link: BreakdownLink | undefined): Cell {
  if (!link || extra === null || n === 0) return cell(n);
  return { text: String(n), filter: { filter: { ...extra, receivedAt: { from: p.from, to: p.to } }, title: `${p.label.replace(/（周）$/, '')} · ${what} · 新接工单` } };
}

/** Counts of this and the previous period by a key, with share and 环比; `name` turns a key into its label. */
export function breakdownTable(caption: string, head: string, now: Map<string, number>, before: Map<string, number>, name: (k: string) => string, limit = 12, link?: BreakdownLink): Block {
  const total = [...now.values()].reduce((a, b) => a + b, 0);
  const totalBefore = [...before.values()].reduce((a, b) => a + b, 0);
  const keys = [...now.keys()].slice(0, limit);
  const rest = [...now.entries()].slice(limit).reduce((a, [, n]) => a + n, 0);
  const rows = keys.map((k, i) => {
    const f = link ? link.filterOf(k) : null;
    return [cell(i + 1), cell(name(k)), linked(now.get(k) ?? 0, link?.now as ResolvedPeriod, name(k), f, link), cell(share(now.get(k) ?? 0, total)), linked(before.get(k) ?? 0, link?.before as ResolvedPeriod, name(k), f, link), cell(change(now.get(k) ?? 0, before.get(k) ?? 0))];
  });
  if (rest > 0) rows.push([cell(''), cell('其他'), cell(rest), cell(share(rest, total)), cell(''), cell('')]);
  if (total > 0) rows.push([cell(''), cell('合计'), linked(total, link?.now as ResolvedPeriod, '全部', {}, link), cell('100%'), linked(totalBefore, link?.before as ResolvedPeriod, '全部', {}, link), cell(change(total, totalBefore))]);
  return {
    kind: 'table',
    caption,
    columns: [
      { label: '序号', width: 0.9, align: 'center' },
      { label: head, width: 4.6 },
      { label: '本期', width: 1.2, align: 'right' },
      { label: '占比', width: 1.2, align: 'right' },
      { label: '上期', width: 1.2, align: 'right' },
      { label: '环比', width: 1.4, align: 'right' },
    ],
    rows,
    empty: '本期无新接工单',
  };
}

export const appealTypeName = (k: string) => (APPEAL_TYPE.label as Record<string, string>)[k] ?? (k || '未注明');
export const categoryName = (k: string) => k || '未分类';

/** Grid filters of the usual breakdown keys. */
export const byAppealType = (k: string): OrderFilter | null => ((APPEAL_TYPE.codes as readonly string[]).includes(k) ? { appealTypes: [k as (typeof APPEAL_TYPE.codes)[number]] } : null);
export const byCommunity = (k: string): OrderFilter | null => (/^\d+$/.test(k) ? { communityIds: [Number(k)] } : null);
export const byCategory = (k: string): OrderFilter => ({ categories: [k] });

/** A list of orders (紧急件, 超时件, 疑难件) with a note when more exist than are listed. */
export function orderListBlocks(caption: string, found: { total: number; rows: ListedOrder[] }, what: 'received' | 'due', empty: string): Block[] {
  const table: Block = {
    kind: 'table',
    caption,
    columns: [
      { label: '工单编号', width: 2.5 },
      { label: what === 'received' ? '受理时间' : '办理时限', width: 2.1 },
      { label: '社区', width: 2.2 },
      { label: '类别', width: 1.9 },
      { label: '诉求摘要', width: 5.3 },
    ],
    rows: found.rows.map((o) => [
      { text: o.orderNo, orders: { ids: [o.id], title: `工单 ${o.orderNo}` } },
      cell(shortTime(what === 'received' ? o.receivedAt : o.handleDueAt)),
      cell(o.community || '—'),
      cell([(TIER.label as Record<string, string>)[o.tier] ?? o.tier, o.supervised ? '督办' : '', o.difficult ? '疑难' : ''].filter(Boolean).join('·')),
      cell(excerpt(o.content, 20)),
    ]),
    empty,
  };
  return found.total > found.rows.length ? [table, { kind: 'note', text: `共${found.total}件，此处列出前${found.rows.length}件，完整清单请在工单列表中查看。` }] : [table];
}
