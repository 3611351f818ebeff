/**
 * The three reports built from the fixed street (support.ts): the figures a reader checks first — new
 * orders with 环比, the 三率 and score, "—" where there were no callbacks (never NaN) — and the
 * sections DESIGN §5 asks for. Every figure is worked out by hand in support.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, renderPages, type Block, type ReportDoc } from '../../../main/services/reports/index.js';
import { createReportStreet, STREET, type ReportStreet } from './support.js';

let s: ReportStreet;
beforeAll(async () => {
  s = await createReportStreet();
});
afterAll(() => s.app.close());

type Table = Extract<Block, { kind: 'table' }>;
const table = (doc: ReportDoc, caption: string): Table => {
  const t = doc.blocks.find((b): b is Table => b.kind === 'table' && b.caption === caption);
  if (!t) throw new Error(`no table ${caption}`);
  return t;
};
/** A row's texts, found by its first (or, with a 序号 column, second) cell. */
const row = (t: Table, label: string) => {
  const r = t.rows.find((cells) => cells[0]?.text === label || cells[1]?.text === label);
  if (!r) throw new Error(`no row ${label}`);
  return r.map((c) => c.text);
};
const headings = (doc: ReportDoc) => doc.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);

describe('周汇报', () => {
  it('compares the week with the one before and scores the 三率 by hand', async () => {
    const doc = await buildReport(s.app.services.ctx, 'weekly', '2026-11-25');
    expect(doc.title).toBe(`${STREET}接诉即办工作周汇报`);
    expect(doc.subtitle).toBe('（2026年11月23日—11月29日）');
    expect(doc.issuedOn).toBe('2026年11月25日');
    const main = table(doc, '主要指标');
    expect(row(main, '新接工单（增量）')).toEqual(['新接工单（增量）', '6', '4', '+50.0%']);
    expect(row(main, '办结反馈')).toEqual(['办结反馈', '4', '4', '持平']);
    expect(row(main, '在办工单（存量）').slice(1, 3)).toEqual(['2', '0']);
    expect(row(main, '首办率').slice(1, 3)).toEqual(['66.67%', '100.00%']);
    expect(row(main, '响应率')).toEqual(['响应率', '100.00%', '100.00%', '持平']);
    expect(row(main, '解决率')).toEqual(['解决率', '66.67%', '100.00%', '-33.33个百分点']);
    expect(row(main, '满意率')).toEqual(['满意率', '63.33%', '100.00%', '-36.67个百分点']);
    expect(row(main, '综合得分')).toEqual(['综合得分', '68.67', '100.00', '-31.33分']);
  });

  it('has the sections of DESIGN §5, by type, top categories with share, communities with their 三率', async () => {
    const doc = await buildReport(s.app.services.ctx, 'weekly', '2026-11-25');
    expect(headings(doc)).toEqual(['一、总体情况', '二、诉求类型', '三、高频问题', '四、各社区、科室情况', '五、疑难及超时工单', '六、热点问题及典型案例', '七、主动治理']);
    const types = table(doc, '按诉求类型');
    expect(row(types, '投诉')).toEqual(['1', '投诉', '3', '50.0%', '4', '-25.0%']);
    expect(row(types, '求助').slice(2, 4)).toEqual(['2', '33.3%']);
    expect(row(types, '合计').slice(2)).toEqual(['6', '100%', '4', '+50.0%']);
    expect(row(table(doc, '问题分类前10位'), '城市管理/市容环境').slice(2, 4)).toEqual(['3', '50.0%']);
    const communities = table(doc, '各社区情况（超时：本周到期未按时办结）');
    // 六营门: 3 new, 3 closed by callback, none overdue, none open; 东高地: N4 past its deadline, 2 open, no callbacks.
    expect(row(communities, '六营门社区')).toEqual(['六营门社区', '3', '3', '0', '0', '100.00%', '66.67%', '63.33%', '68.67']);
    expect(row(communities, '东高地社区')).toEqual(['东高地社区', '3', '0', '1', '2', '—', '—', '—', '—']);
    expect(row(table(doc, '超时未办结工单'), 'N4')).toContain('东高地社区');
    expect(row(table(doc, '在办疑难工单'), 'N5')).toContain('东高地社区');
    // Every 三率 figure leads back to its orders.
    const cell = communities.rows[0]![6]!;
    expect(cell.drill).toEqual({ period: { kind: 'week', date: '2026-11-25' }, by: 'community', group: String(s.liuyingmen), measure: 'resolved' });
    const text = JSON.stringify(doc);
    expect(text).toContain('典型案例');
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('opens the grid on exactly the new orders a breakdown count shows', async () => {
    const doc = await buildReport(s.app.services.ctx, 'weekly', '2026-11-25');
    const complaints = table(doc, '按诉求类型').rows.find((r) => r[1]!.text === '投诉')!;
    for (const [col, expected] of [[2, 3], [4, 4]] as const) {
      const c = complaints[col]!;
      expect(c.text).toBe(String(expected));
      const r = await s.app.dispatch('orders.count', { filter: c.filter!.filter }, { actor: 't', transport: 'in-process' });
      expect(r).toEqual({ reply: { count: expected } });
    }
    const heating = table(doc, '问题分类前10位').rows.find((r) => r[1]!.text === '供暖/居民供暖')![2]!;
    expect(await s.app.dispatch('orders.count', { filter: heating.filter!.filter }, { actor: 't', transport: 'in-process' })).toEqual({ reply: { count: 2 } });
    // An order number in a list opens that order.
    expect(row(table(doc, '超时未办结工单'), 'N4')).toBeTruthy();
    expect(table(doc, '超时未办结工单').rows[0]![0]!.orders?.ids).toHaveLength(1);
  });

  it('drills a figure to exactly its orders through assessment.orders', async () => {
    const doc = await buildReport(s.app.services.ctx, 'weekly', '2026-11-25');
    const drill = table(doc, '主要指标').rows.find((r) => r[0]!.text === '满意率')![1]!.drill!;
    const r = await s.app.dispatch('assessment.orders', drill, { actor: 't', transport: 'in-process' });
    expect('reply' in r && (r.reply as { count: number }).count).toBe(1);
  });
});

describe('日通报', () => {
  it('covers the 12:00 → 12:00 window, urgent items and the month to date', async () => {
    const doc = await buildReport(s.app.services.ctx, 'daily', '2026-11-25');
    expect(doc.subtitle).toBe('（2026年11月24日 12:00—11月25日 12:00）');
    // N4, N5, N6 came in the window; none in the window before: no 环比 to give.
    expect(row(table(doc, '主要指标'), '新接工单（增量）')).toEqual(['新接工单（增量）', '3', '0', '—']);
    expect(table(doc, '紧急、督办及疑难工单').rows.map((r) => r[0]!.text)).toEqual(['N4', 'N5']);
    const rates = table(doc, '回访与三率');
    // The window: N3 only (不满意, 未解决) → 10 points. The month: 5 callbacks, 4 solved, 3 满意 + 1 基本满意.
    expect(row(rates, '本期')).toEqual(['本期', '1', '100.00%', '0.00%', '0.00%', '10.00']);
    expect(rates.rows[2]!.slice(1).map((c) => c.text)).toEqual(['5', '100.00%', '80.00%', '78.00%', '81.20']);
  });
});

describe('月度分析', () => {
  it('shows "—" for a month without callbacks, never NaN, and ranks the communities', async () => {
    const doc = await buildReport(s.app.services.ctx, 'monthly', '2026-11-25');
    expect(doc.subtitle).toBe('（2026年11月）');
    const main = table(doc, '主要指标');
    expect(row(main, '新接工单（增量）')).toEqual(['新接工单（增量）', '10', '0', '—']);
    expect(row(main, '满意率')).toEqual(['满意率', '78.00%', '—', '—']);
    expect(row(main, '综合得分')).toEqual(['综合得分', '81.20', '—', '—']);
    const ranking = table(doc, '各社区三率及综合得分排名');
    expect(ranking.rows.map((r) => [r[0]!.text, r[1]!.text])).toEqual([['1', '六营门社区'], ['—', '东高地社区']]);
    expect(headings(doc)).toContain('四、“七有”“五性”分析');
    const html = renderPages(doc).body;
    expect(html).not.toMatch(/NaN/);
    expect(html).not.toMatch(/ style=|<script|<style/);
  });
});
