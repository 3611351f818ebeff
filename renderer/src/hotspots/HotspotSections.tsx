/**
 * The three lists of the week: categories (spikes first, the plain top categories on request),
 * recurring addresses and duplicate clusters. Each row is a button that opens the grid on its orders.
 */
import { useState, type ReactNode } from 'react';
import type { WeeklyHotspots } from '../../../preload/api.js';
import { formatBeijing } from '../../../preload/contract/time.js';
import type { OpenOrders } from './useOpenOrders.js';

interface Row {
  key: string;
  /** Short text: what it is. */
  title: string;
  /** Facts after the title. */
  detail: string;
  count: number;
  orderIds: number[];
  /** Full Chinese label: the grid's chip and the button's accessible name. */
  label: string;
  tone?: 'spike' | 'plain';
  badge?: string;
}

function SectionCard(props: { title: string; note: string; testId: string; empty: string; rows: Row[]; omitted: number; weekLabel: string; open: OpenOrders; extra?: ReactNode }) {
  const { title, note, testId, empty, rows, omitted, weekLabel, open, extra } = props;
  return (
    <section className="card hot-card" data-testid={testId} aria-label={title}>
      <div className="card__head">
        <h3>{title}</h3>
        <span className="card__meta">{rows.length} 项</span>
      </div>
      <p className="card__desc">{note}</p>
      {extra}
      {rows.length === 0 ? (
        <p className="hot-empty">{empty}</p>
      ) : (
        <ul className="hot-list">
          {rows.map((r) => (
            <li key={r.key}>
              <button
                type="button"
                className={`hot-item${r.tone === 'spike' ? ' hot-item--spike' : ''}`}
                title={`${r.label}（点击查看这 ${r.orderIds.length} 件工单）`}
                onClick={() => open(r.orderIds, `${weekLabel} · ${title} · ${r.title}`)}
              >
                {r.badge && <span className={`tag ${r.tone === 'spike' ? 'tag--danger' : 'tag--muted'} hot-item__badge`}>{r.badge}</span>}
                <span className="hot-item__title">{r.title}</span>
                <span className="hot-item__detail">{r.detail}</span>
                <span className="hot-item__count">{r.count} 件</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {omitted > 0 && <p className="card__meta">另有 {omitted} 项未列出（只列件数最多的前若干项）。</p>}
    </section>
  );
}

const day = (ms: number) => formatBeijing(ms).slice(5, 10);

export function CategorySection({ data, open }: { data: WeeklyHotspots; open: OpenOrders }) {
  const [showAll, setShowAll] = useState(false);
  const c = data.categories;
  const items = showAll ? c.items : c.items.filter((i) => i.spike);
  const rows: Row[] = items.map((i) => ({
    key: `${i.communityId}|${i.category}`,
    title: `${i.communityName} · ${i.categoryLabel}`,
    detail: c.baselineWeeks === 0 ? '无历史数据可对比' : `前 ${c.baselineWeeks} 周周均 ${i.baselineAverage} 件${i.ratio === null ? '' : `，${i.ratio.toFixed(1)} 倍`}`,
    count: i.count,
    orderIds: i.orderIds,
    label: i.label,
    tone: i.spike ? 'spike' : 'plain',
    ...(i.spike ? { badge: i.ratio === null ? '新出现' : '激增' } : {}),
  }));
  return (
    <SectionCard
      title={c.title}
      note={c.note}
      testId="hotspots-spikes"
      empty={showAll ? '本周没有工单。' : '本周没有激增的分类。'}
      rows={rows}
      omitted={showAll ? c.omitted : 0}
      weekLabel={data.week.label}
      open={open}
      extra={
        <label className="check hot-card__toggle">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
          同时列出各社区本周件数最多的分类
        </label>
      }
    />
  );
}

export function AddressSection({ data, open }: { data: WeeklyHotspots; open: OpenOrders }) {
  const a = data.addresses;
  const rows: Row[] = a.items.map((i) => ({
    key: i.key,
    title: i.address,
    detail: `${i.communityName}，${day(i.firstAt)} 至 ${day(i.lastAt)}，本周 ${i.weekCount} 件；${i.categories.slice(0, 3).join('、')}`,
    count: i.count,
    orderIds: i.orderIds,
    label: i.label,
  }));
  return <SectionCard title={a.title} note={a.note} testId="hotspots-addresses" empty="没有达到条件的重复地址。" rows={rows} omitted={a.omitted} weekLabel={data.week.label} open={open} />;
}

export function ClusterSection({ data, open }: { data: WeeklyHotspots; open: OpenOrders }) {
  const d = data.clusters;
  const rows: Row[] = d.items.map((i) => ({
    key: i.orderIds.join(','),
    title: i.phone ? `来电号码 ${i.phone}` : [i.residentialArea, i.category].filter(Boolean).join(' · ') || i.communityName,
    detail: `${i.reasonLabel}${i.similarity === null ? '' : `，相似度 ${i.similarity}`}，${day(i.firstAt)} 至 ${day(i.lastAt)}`,
    count: i.count,
    orderIds: i.orderIds,
    label: i.label,
    badge: i.reason === 'content' ? '内容相近' : '同一来电',
  }));
  return <SectionCard title={d.title} note={d.note} testId="hotspots-clusters" empty="没有发现疑似重复件。" rows={rows} omitted={d.omitted} weekLabel={data.week.label} open={open} />;
}
