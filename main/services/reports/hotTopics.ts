/**
 * 热点问题及典型案例 and 主动治理 of the weekly summary: the top categories of the week with a typical
 * case each, the categories rising fastest against the previous period, the orders the street opened
 * itself (主动发现) and the 每月一题 orders; and the hotspots service's findings (spikes, recurring
 * addresses, repeat requests: main/services/hotspots).
 */
import type { ResolvedPeriod } from '../../../preload/contract/methods/assessment.js';
import type { WeeklyHotspots } from '../../../preload/contract/methods/hotspots.js';
import type { ServiceContext } from '../context.js';
import { changeWords, excerpt, share } from './format.js';
import { cell, type Block } from './model.js';
import { monthlyTopicCount, proactiveCount, typicalCase } from './queries.js';
import { categoryName } from './sections.js';

const ORDINAL = ['（一）', '（二）', '（三）', '（四）', '（五）'];

/** The top three categories of the period, each with its most recent order as a typical case. */
export async function hotTopicBlocks(ctx: ServiceContext, p: ResolvedPeriod, now: Map<string, number>, before: Map<string, number>): Promise<Block[]> {
  const total = [...now.values()].reduce((a, b) => a + b, 0);
  const top = [...now.keys()].filter((k) => k !== '').slice(0, 3);
  if (top.length === 0) return [{ kind: 'paragraph', text: '本期无新接工单，暂无热点问题。' }];
  const blocks: Block[] = [];
  for (const [i, k] of top.entries()) {
    const n = now.get(k) ?? 0;
    const found = await typicalCase(ctx.handle.db, k, p.from, p.to);
    const example = found ? `典型案例：工单${found.orderNo}${found.community ? `（${found.community}）` : ''}，“${excerpt(found.content, 60)}”` : '';
    blocks.push({ kind: 'paragraph', text: `${ORDINAL[i]}${categoryName(k)}：${n}件，占${share(n, total)}，${changeWords(n, before.get(k) ?? 0)}。${example}` });
  }
  return blocks;
}

/** Categories up by at least half (and by 3 or more orders) against the previous period. */
export function risingCategories(now: Map<string, number>, before: Map<string, number>, limit = 5): Array<{ key: string; now: number; before: number }> {
  return [...now.entries()]
    .map(([key, n]) => ({ key, now: n, before: before.get(key) ?? 0 }))
    .filter((r) => r.key !== '' && r.now - r.before >= 3 && r.now >= r.before * 1.5)
    .sort((a, b) => b.now - b.before - (a.now - a.before))
    .slice(0, limit);
}

export async function proactiveBlocks(ctx: ServiceContext, p: ResolvedPeriod, now: Map<string, number>, before: Map<string, number>, hot?: WeeklyHotspots): Promise<Block[]> {
  const db = ctx.handle.db;
  const proactive = await proactiveCount(db, p.from, p.to);
  const topic = await monthlyTopicCount(db, p.from, p.to);
  const rising = risingCategories(now, before);
  const spiking = hot ? hot.categories.items.filter((i) => i.spike && i.communityId !== 0).slice(0, 3).map((i) => `${i.communityName}“${i.categoryLabel}”`) : [];
  const addresses = hot ? hot.addresses.items.slice(0, 3).map((a) => a.address) : [];
  const blocks: Block[] = [
    { kind: 'paragraph', text: `本期街道主动发现并立案${proactive}件；涉及“每月一题”工单${topic}件。` },
  ];
  if (rising.length === 0 && spiking.length === 0) {
    blocks.push({ kind: 'paragraph', text: '本期各类问题未出现明显增长，建议继续做好日常巡查，落实“未诉先办”。' });
  } else if (rising.length > 0) {
    const list = rising.map((r) => `${categoryName(r.key)}（${r.now}件，上期${r.before}件）`).join('；');
    blocks.push({ kind: 'paragraph', text: `增长较快的问题：${list}。建议相关社区和科室对上述问题开展集中排查，主动治理，减少重复诉求。` });
  }
  if (spiking.length > 0 || addresses.length > 0) {
    const parts = [
      spiking.length > 0 ? `对${spiking.join('、')}等激增问题，请相关社区牵头排查原因、提前处置` : '',
      addresses.length > 0 ? `对${addresses.join('、')}等重复来电地址，建议上门走访、一次解决，防止反复投诉` : '',
    ].filter(Boolean);
    blocks.push({ kind: 'paragraph', text: `${parts.join('；')}。` });
  }
  return blocks;
}

/**
 * The hotspots service's findings for the week (issue item 5): categories spiking per community against
 * the previous weeks, recurring addresses, likely repeat requests. Every count opens its orders.
 */
export function hotspotBlocks(h: WeeklyHotspots): Block[] {
  const spikes = h.categories.items.filter((i) => i.spike).slice(0, 10);
  const addresses = h.addresses.items.slice(0, 10);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `与前几周相比，本周有${h.categories.spikeCount}项问题在所在社区出现激增，${h.addresses.items.length + h.addresses.omitted}处地址重复来电，发现疑似重复件${h.clusters.items.length + h.clusters.omitted}组。`,
    },
    {
      kind: 'table',
      caption: '问题激增（与前几周周均相比）',
      columns: [{ label: '社区', width: 2.4 }, { label: '问题分类', width: 5 }, { label: '本周', width: 1.2, align: 'right' }, { label: '周均', width: 1.2, align: 'right' }, { label: '倍数', width: 1.2, align: 'right' }],
      rows: spikes.map((i) => [
        cell(i.communityName),
        cell(i.categoryLabel),
        { text: String(i.count), orders: { ids: i.orderIds, title: `${i.communityName} · ${i.categoryLabel} · ${h.week.label}` } },
        cell(i.baselineAverage.toFixed(1)),
        cell(i.ratio === null ? '新出现' : `${i.ratio.toFixed(1)}倍`),
      ]),
      empty: '本周未发现激增的问题',
    },
    { kind: 'note', text: h.categories.note },
    {
      kind: 'table',
      caption: '重复来电地址',
      columns: [{ label: '地址', width: 5.6 }, { label: '社区', width: 2.2 }, { label: '件数', width: 1.1, align: 'right' }, { label: '本周', width: 1.1, align: 'right' }, { label: '主要问题', width: 2.4 }],
      rows: addresses.map((a) => [
        cell(a.address),
        cell(a.communityName),
        { text: String(a.count), orders: { ids: a.orderIds, title: `重复地址 · ${a.address}` } },
        cell(a.weekCount),
        cell(a.categories.slice(0, 2).join('、') || '—'),
      ]),
      empty: '未发现重复来电的地址',
    },
    { kind: 'note', text: h.addresses.note },
  ];
  return blocks;
}
