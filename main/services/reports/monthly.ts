/**
 * 月度分析 (DESIGN §5): the assessment month against the previous one — the trend of daily intake,
 * the ranking of communities by 综合得分, the 七有五性 breakdown, hotspots (community × category heat
 * table, top categories, spikes and recurring addresses from the hotspots service), and seasonal
 * topics (categories rising against the previous month, 每月一题).
 */
import { addDays, beijingDay, startOfBeijingDay, DAY_MS } from '../../../preload/contract/time.js';
import type { ServiceContext } from '../context.js';
import { barOption, lineOption } from './charts.js';
import { periodFacts } from './facts.js';
import { change, share } from './format.js';
import { makeDoc, reportHead } from './header.js';
import { hotspotBlocks, risingCategories } from './hotTopics.js';
import { weeklyHotspots } from '../hotspots/index.js';
import { cell, type Block, type ReportDoc } from './model.js';
import { communityCategoryMatrix, communityNames, intakeBy, intakeByDay, intakeByLivelihood, monthlyTopicCount, overdueBy } from './queries.js';
import { breakdownTable, byCategory as categoryFilter, categoryName, groupTable, mainFiguresTable, overviewParagraph } from './sections.js';

export async function buildMonthly(ctx: ServiceContext, date: string): Promise<ReportDoc> {
  const db = ctx.handle.db;
  const head = await reportHead(ctx);
  const month = { kind: 'month', date } as const;
  // The street's totals come with any grouping: one reading by community serves both (saves a pass).
  const community = await periodFacts(ctx, month, 'community');
  const now = community;
  const p = now.kpi.period;
  const previous = { kind: 'month', date: addDays(p.firstDay, -1) } as const;
  const before = await periodFacts(ctx, previous);
  const q = before.kpi.period;

  // Trend: day n of this month against day n of the previous one.
  const perDay = await intakeByDay(db, q.from, p.to);
  const length = Math.round((p.to - p.from) / DAY_MS);
  const dayList = (first: string, n: number) => Array.from({ length: n }, (_, i) => addDays(first, i));
  const thisDays = dayList(p.firstDay, length);
  const prevDays = dayList(q.firstDay, Math.round((q.to - q.from) / DAY_MS));

  const overdue = await overdueBy(db, 'community', p.from, p.to);
  const names = new Map((await communityNames(db)).map((c) => [c.key, c.label]));
  const byCategory = await intakeBy(db, 'topCategory', p.from, p.to);
  const byCategoryBefore = await intakeBy(db, 'topCategory', q.from, q.to);
  const fine = await intakeBy(db, 'category', p.from, p.to);
  const fineBefore = await intakeBy(db, 'category', q.from, q.to);

  // Spikes and recurring addresses: the month's last week (or this week, while the month runs).
  const today = beijingDay(ctx.now());
  const hot = await weeklyHotspots(db, p.lastDay < today ? p.lastDay : today);
  const ranked = community.kpi.groups.filter((g) => g.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: '一、总体情况' },
    { kind: 'paragraph', text: overviewParagraph(`${p.label}，全街道`, now, before) },
    mainFiguresTable(now, before, ['本月', '上月']),
    { kind: 'heading', level: 1, text: '二、变化趋势' },
    {
      kind: 'chart',
      caption: '每日新接工单（本月与上月同日对比）',
      option: lineOption(thisDays.map((d) => d.slice(8)), [
        { name: '本月', data: thisDays.map((d) => (startOfBeijingDay(d) <= ctx.now() ? perDay.get(d) ?? 0 : null)) },
        { name: '上月', data: prevDays.slice(0, length).map((d) => perDay.get(d) ?? 0) },
      ]),
      widthMm: 160,
      heightMm: 62,
    },
    { kind: 'heading', level: 1, text: '三、社区排名' },
    groupTable(community, overdue, '各社区三率及综合得分排名', true),
  ];
  if (ranked.length > 0) {
    blocks.push({
      kind: 'chart',
      caption: '各社区综合得分',
      option: barOption(ranked.slice(0, 14).map((g) => g.label), [{ name: '综合得分', data: ranked.slice(0, 14).map((g) => Number((g.score ?? 0).toFixed(2))) }]),
      widthMm: 160,
      heightMm: 62,
    });
  }
  blocks.push(
    { kind: 'heading', level: 1, text: '四、“七有”“五性”分析' },
    breakdownTable('按民生领域（七有五性）', '民生领域', await intakeByLivelihood(db, p.from, p.to), await intakeByLivelihood(db, q.from, q.to), (k) => k || '未对应领域'),
    { kind: 'heading', level: 1, text: '五、热点分析' },
    breakdownTable('问题分类（一级）', '问题分类', byCategory, byCategoryBefore, categoryName, 10, { now: p, before: q, filterOf: categoryFilter }),
    heatTable(await communityCategoryMatrix(db, p.from, p.to), [...byCategory.keys()].filter((k) => k !== '').slice(0, 6), names),
    { kind: 'paragraph', text: `${hot.week.label}一周的问题激增情况（与前几周相比），以及截至该周末的重复来电地址如下。` },
    ...hotspotBlocks(hot),
    { kind: 'heading', level: 1, text: '六、季节性问题' },
    ...seasonal(fine, fineBefore, await monthlyTopicCount(db, p.from, p.to)),
  );
  return makeDoc(head, 'monthly', p, blocks);
}

/** Community × the top categories: where each problem comes from. */
function heatTable(cells: Array<{ community: string; category: string; n: number }>, top: string[], names: Map<string, string>): Block {
  const byCommunity = new Map<string, Map<string, number>>();
  for (const c of cells) {
    const m = byCommunity.get(c.community) ?? new Map<string, number>();
    m.set(c.category, (m.get(c.category) ?? 0) + c.n);
    byCommunity.set(c.community, m);
  }
  const keys = [...names.keys(), ...[...byCommunity.keys()].filter((k) => !names.has(k))].filter((k) => byCommunity.has(k));
  const totalOf = (k: string) => [...(byCommunity.get(k)?.values() ?? [])].reduce((a, b) => a + b, 0);
  return {
    kind: 'table',
    caption: '社区 × 问题分类（新接工单件数）',
    columns: [{ label: '社区', width: 2.6 }, ...top.map((t) => ({ label: t, width: 1.6, align: 'right' as const })), { label: '合计', width: 1.3, align: 'right' }],
    rows: keys.map((k) => [cell(names.get(k) ?? (k === '0' ? '未分社区' : `#${k}`)), ...top.map((t) => cell(byCommunity.get(k)?.get(t) ?? 0)), cell(totalOf(k))]),
    empty: '本月无新接工单',
  };
}

function seasonal(now: Map<string, number>, before: Map<string, number>, topic: number): Block[] {
  const rising = risingCategories(now, before, 8);
  const total = [...now.values()].reduce((a, b) => a + b, 0);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: rising.length === 0
        ? `本月各类问题与上月相比未出现明显的季节性增长。本月“每月一题”相关工单${topic}件。`
        : `与上月相比，以下问题增长明显，具有季节性特点，建议提前部署、主动治理。本月“每月一题”相关工单${topic}件。`,
    },
  ];
  if (rising.length > 0) {
    blocks.push({
      kind: 'table',
      caption: '增长明显的问题',
      columns: [{ label: '问题分类', width: 5 }, { label: '本月', width: 1.3, align: 'right' }, { label: '占比', width: 1.3, align: 'right' }, { label: '上月', width: 1.3, align: 'right' }, { label: '环比', width: 1.5, align: 'right' }],
      rows: rising.map((r) => [cell(categoryName(r.key)), cell(r.now), cell(share(r.now, total)), cell(r.before), cell(change(r.now, r.before))]),
    });
  }
  return blocks;
}
