/**
 * 首页: the desk now and the running assessment month at a glance, for the clerk's morning and the
 * leader passing by. Every figure, bar and cell opens the 工单 grid filtered to exactly its orders.
 * The summary paints first; the trend and the forecast (heavier) follow. Re-read on orders.changed.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { DashboardSummary, DashboardTrend } from '../../../preload/api.js';
import { formatBeijing } from '../../../preload/contract/time.js';
import { useApi } from '../api/ApiContext.js';
import { useOrdersChangedSignal } from '../api/usePush.js';
import { describeError } from '../app/errors.js';
import '../styles/dashboard.css';
import { CategoryBars, IntakeTrend, RatesTrend } from './Charts.js';
import { ForecastCard, OrderList } from './Lists.js';
import { Ranking } from './Ranking.js';
import { DeskTiles, MonthTiles } from './Tiles.js';
import { useDrill } from './useDrill.js';

function Card({ title, children, testId, wide }: { title: string; children: ReactNode; testId?: string; wide?: boolean }) {
  return (
    <section className={`dash-card${wide ? ' dash-card--wide' : ''}`} aria-label={title} data-testid={testId}>
      <h2 className="dash-card__title">{title}</h2>
      {children}
    </section>
  );
}

export function DashboardView() {
  const client = useApi();
  const drill = useDrill();
  const signal = useOrdersChangedSignal();
  const [summary, setSummary] = useState<DashboardSummary | null>(null);
  const [trend, setTrend] = useState<DashboardTrend | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    client
      .send('dashboard.summary', { listLimit: 8 })
      .then((s) => {
        if (!live) return;
        setSummary(s);
        setError(null);
        return client.send('dashboard.trend', { days: 30 }).then((t) => live && setTrend(t));
      })
      .catch((e: unknown) => live && setError(describeError(e, '读取首页数据失败').message));
    return () => {
      live = false;
    };
  }, [client, signal]);

  if (!summary) {
    return (
      <section className="dash" aria-label="首页">
        <p className="dash-empty">{error ?? '正在读取…'}</p>
      </section>
    );
  }
  const s = summary;
  return (
    <section className="dash" aria-label="首页" data-testid="dashboard">
      <header className="dash__head">
        <h1 className="dash__title">首页</h1>
        <span className="dash__asof">数据截至 {formatBeijing(s.asOf)}</span>
        {error && <span className="dash__error">{error}</span>}
      </header>
      <div className="dash__tiles">
        <DeskTiles s={s} drill={drill} />
        <MonthTiles s={s} drill={drill} />
      </div>
      <div className="dash__grid">
        <Card title="近30天每日新收" testId="dash-trend-intake">
          {trend ? <IntakeTrend trend={trend} drill={drill} /> : <p className="dash-empty">正在读取…</p>}
        </Card>
        <Card title="近30天每日三率（按回访日期）" testId="dash-trend-rates">
          {trend ? <RatesTrend trend={trend} drill={drill} /> : <p className="dash-empty">正在读取…</p>}
        </Card>
        <Card title={`问题分类分布 · ${s.month.period.label}新收`} testId="dash-categories">
          <CategoryBars s={s} drill={drill} />
        </Card>
        <Card title={`社区排名 · ${s.month.period.label}`}>
          <Ranking s={s} drill={drill} />
        </Card>
        <Card title={`已超时工单（${s.desk.overdue.count.toLocaleString('zh-CN')} 件）`}>
          <OrderList items={s.overdueList} total={s.desk.overdue} now={s.asOf} drill={drill} title="办理已超时" testId="dash-overdue" />
        </Card>
        <Card title={`即将超时工单（${s.desk.dueSoon.count.toLocaleString('zh-CN')} 件）`}>
          <OrderList items={s.dueSoonList} total={s.desk.dueSoon} now={s.asOf} drill={drill} title="办理即将超时" testId="dash-due-soon" />
        </Card>
        <Card title="本月仍可影响三率的工单（预测）" wide>
          <ForecastCard signal={signal} drill={drill} />
        </Card>
      </div>
    </section>
  );
}
