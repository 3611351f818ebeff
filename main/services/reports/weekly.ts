/**
 * 周汇报 (DESIGN §5): the Monday–Sunday week against the previous week — totals with 环比, types, top
 * categories with share, the community and department tables with the 三率, difficult and overdue
 * orders, hot topics with typical cases, and notes for 主动治理. Charts: the daily intake of both weeks,
 * the types, the top categories.
 */
import { addDays, startOfBeijingDay } from '../../../preload/contract/time.js';
import type { ServiceContext } from '../context.js';
import { barOption, lineOption, pieOption } from './charts.js';
import { periodFacts } from './facts.js';
import { makeDoc, reportHead } from './header.js';
import { weeklyHotspots } from '../hotspots/index.js';
import { hotspotBlocks, hotTopicBlocks, proactiveBlocks } from './hotTopics.js';
import type { Block, ReportDoc } from './model.js';
import { difficultOrders, intakeBy, intakeByDay, overdueBy, overdueOrders } from './queries.js';
import { appealTypeName, breakdownTable, byAppealType as typeFilter, byCategory as categoryFilter, type BreakdownLink, categoryName, groupTable, mainFiguresTable, orderListBlocks, overviewParagraph } from './sections.js';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export async function buildWeekly(ctx: ServiceContext, date: string): Promise<ReportDoc> {
  const db = ctx.handle.db;
  const head = await reportHead(ctx);
  const week = { kind: 'week', date } as const;
  // The street's totals come with any grouping: one reading by community serves both (saves a pass).
  const community = await periodFacts(ctx, week, 'community');
  const now = community;
  const p = now.kpi.period;
  const previous = { kind: 'week', date: addDays(p.firstDay, -7) } as const;
  const before = await periodFacts(ctx, previous);
  const q = before.kpi.period;

  const days = (first: string) => Array.from({ length: 7 }, (_, i) => addDays(first, i));
  const perDay = await intakeByDay(db, q.from, p.to);
  const byType = await intakeBy(db, 'appealType', p.from, p.to);
  const byCategory = await intakeBy(db, 'category', p.from, p.to);
  const byCategoryBefore = await intakeBy(db, 'category', q.from, q.to);
  const department = await periodFacts(ctx, week, 'department');
  const at = Math.min(p.to, ctx.now());
  const hot = await weeklyHotspots(db, p.firstDay);
  const link = (filterOf: BreakdownLink['filterOf']): BreakdownLink => ({ now: p, before: q, filterOf });

  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: '一、总体情况' },
    { kind: 'paragraph', text: overviewParagraph(`本周（${p.label.replace(/（周）$/, '')}），全街道`, now, before) },
    mainFiguresTable(now, before, ['本周', '上周']),
    {
      kind: 'chart',
      caption: '本周与上周每日新接工单',
      option: lineOption(WEEKDAYS, [
        // Days still ahead are left blank, not drawn as zero.
        { name: '本周', data: days(p.firstDay).map((d) => (startOfBeijingDay(d) <= ctx.now() ? perDay.get(d) ?? 0 : null)) },
        { name: '上周', data: days(q.firstDay).map((d) => perDay.get(d) ?? 0) },
      ]),
      widthMm: 160,
      heightMm: 60,
    },
    { kind: 'heading', level: 1, text: '二、诉求类型' },
    breakdownTable('按诉求类型', '诉求类型', byType, await intakeBy(db, 'appealType', q.from, q.to), appealTypeName, 12, link(typeFilter)),
  ];
  if (byType.size > 0) {
    blocks.push({ kind: 'chart', caption: '诉求类型构成', option: pieOption([...byType].map(([k, n]) => ({ name: appealTypeName(k), value: n }))), widthMm: 160, heightMm: 58 });
  }
  blocks.push({ kind: 'heading', level: 1, text: '三、高频问题' }, breakdownTable('问题分类前10位', '问题分类', byCategory, byCategoryBefore, categoryName, 10, link(categoryFilter)));
  if (byCategory.size > 0) {
    const top = [...byCategory.keys()].slice(0, 8);
    blocks.push({
      kind: 'chart',
      caption: '高频问题本周与上周对比',
      option: barOption(top.map((k) => categoryName(k).split('/').pop()!), [
        { name: '本周', data: top.map((k) => byCategory.get(k) ?? 0) },
        { name: '上周', data: top.map((k) => byCategoryBefore.get(k) ?? 0) },
      ]),
      widthMm: 160,
      heightMm: 64,
    });
  }
  blocks.push(
    { kind: 'heading', level: 1, text: '四、各社区、科室情况' },
    groupTable(community, await overdueBy(db, 'community', p.from, p.to), '各社区情况（超时：本周到期未按时办结）'),
    groupTable(department, await overdueBy(db, 'department', p.from, p.to), '各主办单位情况'),
    { kind: 'heading', level: 1, text: '五、疑难及超时工单' },
    ...orderListBlocks('在办疑难工单', await difficultOrders(db, 20), 'received', '目前没有在办的疑难工单'),
    ...orderListBlocks('超时未办结工单', await overdueOrders(db, at, 20), 'due', '目前没有超时未办结的工单'),
    { kind: 'heading', level: 1, text: '六、热点问题及典型案例' },
    ...(await hotTopicBlocks(ctx, p, byCategory, byCategoryBefore)),
    ...hotspotBlocks(hot),
    { kind: 'heading', level: 1, text: '七、主动治理' },
    ...(await proactiveBlocks(ctx, p, byCategory, byCategoryBefore, hot)),
  );
  return makeDoc(head, 'weekly', p, blocks);
}
