/**
 * 主动治理: the week's hotspots — what is rising in each community, the addresses that keep calling,
 * likely repeat requests and where the week's orders concentrate. Every figure opens its orders in the
 * 工单 grid, so a clerk can go from "供暖 doubled in 西营社区" to the very calls.
 */
import { useCallback, useState } from 'react';
import { useApi } from '../api/ApiContext.js';
import { useOrdersChangedSignal } from '../api/usePush.js';
import { useLoad } from '../settings/useLoad.js';
import { HeatTable } from './HeatTable.js';
import { AddressSection, CategorySection, ClusterSection } from './HotspotSections.js';
import { RulesPanel } from './RulesPanel.js';
import { useOpenOrders } from './useOpenOrders.js';
import { WeekPicker } from './WeekPicker.js';
import { todayInBeijing } from './weeks.js';
import '../styles/hotspots.css';

export function HotspotsView() {
  const client = useApi();
  const [date, setDate] = useState(todayInBeijing);
  const changed = useOrdersChangedSignal();
  // `changed` re-reads after any change to the orders (an import, a new order).
  const load = useCallback(() => client.send('hotspots.week', { date }), [client, date, changed]);
  const { data, error, reload } = useLoad(load);
  const { open, available } = useOpenOrders();
  const current = data && data.week.firstDay <= date && date <= data.week.lastDay ? data : null;

  return (
    <section className="hotspots" aria-label="主动治理">
      <div className="page hotspots__page">
        <div className="hotspots__head">
          <h2 className="page__title">主动治理 · 本周热点</h2>
          <WeekPicker date={date} label={data ? `${data.week.label}，受理 ${data.weekTotal} 件` : null} onChange={setDate} />
        </div>
        <p className="page__intro">
          按周（周一至周日，北京时间）分析：各社区哪些问题在增多、哪些地址反复来电、哪些工单可能是重复诉求。
          {available ? '点击任一项可在工单列表中查看对应工单。' : ''}
        </p>
        {error && <div className="card__error">{error}</div>}
        {!data && !error && <p className="page__hint">正在分析…</p>}
        {data && (
          <div className={`hotspots__grid${current ? '' : ' hotspots__grid--stale'}`} aria-busy={!current}>
            <CategorySection data={data} open={open} />
            <AddressSection data={data} open={open} />
            <ClusterSection data={data} open={open} />
            <HeatTable data={data} open={open} />
          </div>
        )}
        <RulesPanel onReanalyse={reload} />
      </div>
    </section>
  );
}
