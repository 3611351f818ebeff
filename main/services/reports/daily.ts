/**
 * 日通报 (DESIGN §5): the bulletin window (12:00 yesterday → 12:00 today ⚙) against the previous
 * window — new orders by type, community and category, urgent and sensitive items, replies, the overdue
 * list, and the callbacks with the 三率 for the window and the assessment month to date.
 */
import { addDays } from '../../../preload/contract/time.js';
import type { ServiceContext } from '../context.js';
import { barOption } from './charts.js';
import { periodFacts } from './facts.js';
import { makeDoc, reportHead } from './header.js';
import type { Block, ReportDoc } from './model.js';
import { communityNames, intakeBy, overdueOrders, urgentOrders } from './queries.js';
import { appealTypeName, breakdownTable, byAppealType as typeFilter, byCategory as categoryFilter, byCommunity as communityFilter, categoryName, mainFiguresTable, orderListBlocks, overviewParagraph, ratesTable, type BreakdownLink } from './sections.js';

export async function buildDaily(ctx: ServiceContext, date: string): Promise<ReportDoc> {
  const db = ctx.handle.db;
  const head = await reportHead(ctx);
  const window = { kind: 'dailyWindow', date } as const;
  const previous = { kind: 'dailyWindow', date: addDays(date, -1) } as const;
  const month = { kind: 'month', date } as const;
  const now = await periodFacts(ctx, window);
  const before = await periodFacts(ctx, previous);
  const monthFacts = await periodFacts(ctx, month);
  const p = now.kpi.period;
  const q = before.kpi.period;

  const names = new Map((await communityNames(db)).map((c) => [c.key, c.label]));
  const communityName = (k: string) => names.get(k) ?? (k === '0' ? '未分社区' : `（已删除 #${k}）`);
  const byCommunity = await intakeBy(db, 'community', p.from, p.to);
  const link = (filterOf: BreakdownLink['filterOf']): BreakdownLink => ({ now: p, before: q, filterOf });
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: '一、总体情况' },
    { kind: 'paragraph', text: overviewParagraph(`${p.label}，全街道`, now, before) },
    mainFiguresTable(now, before, ['本期', '上期']),
    { kind: 'heading', level: 1, text: '二、新接工单分布' },
    breakdownTable('按诉求类型', '诉求类型', await intakeBy(db, 'appealType', p.from, p.to), await intakeBy(db, 'appealType', q.from, q.to), appealTypeName, 12, link(typeFilter)),
    breakdownTable('按社区', '社区', byCommunity, await intakeBy(db, 'community', q.from, q.to), communityName, 30, link(communityFilter)),
  ];
  if (byCommunity.size > 0) {
    const keys = [...byCommunity.keys()].slice(0, 12);
    blocks.push({ kind: 'chart', caption: '各社区新接工单', option: barOption(keys.map(communityName), [{ name: '新接工单', data: keys.map((k) => byCommunity.get(k) ?? 0) }]), widthMm: 160, heightMm: 62 });
  }
  blocks.push(
    breakdownTable('按问题分类（前10位）', '问题分类', await intakeBy(db, 'category', p.from, p.to), await intakeBy(db, 'category', q.from, q.to), categoryName, 10, link(categoryFilter)),
    { kind: 'heading', level: 1, text: '三、紧急及敏感件' },
    ...orderListBlocks('紧急、督办及疑难工单', await urgentOrders(db, p.from, p.to, 30), 'received', '本期无紧急、督办或疑难工单'),
    { kind: 'heading', level: 1, text: '四、超时工单' },
    ...orderListBlocks('已超过办理时限仍未办结的工单', await overdueOrders(db, Math.min(p.to, ctx.now()), 30), 'due', '目前没有超时未办结的工单'),
    { kind: 'heading', level: 1, text: '五、回访与三率' },
    ratesTable([
      { label: '本期', facts: now },
      { label: '上期', facts: before },
      { label: `本考核月累计（${monthFacts.kpi.period.label}）`, facts: monthFacts },
    ]),
  );
  return makeDoc(head, 'daily', p, blocks);
}
