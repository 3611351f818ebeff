/**
 * The dashboard's charts: the daily intake and the daily 三率 of the last 30 days, and this month's
 * intake by category. Clicking a bar or a point opens its orders. Tooltips are plain text (no inline
 * styles: the CSP forbids them), and a day without callbacks has no point ("—"), never 0.
 */
import { useMemo } from 'react';
import type { DashboardSummary, DashboardTrend } from '../../../preload/api.js';
import { addDays, startOfBeijingDay } from '../../../preload/contract/time.js';
import { Chart } from './Chart.js';
import type { EChartsCoreOption } from './echarts.js';
import { DASH, monthDay, pct, whole } from './format.js';
import type { Drill } from './useDrill.js';

const COLORS = { intake: '#1e5fb3', response: '#2e7d32', resolution: '#ef6c00', satisfaction: '#b3261e' };
const AXIS_TEXT = { color: '#6b7585', fontFamily: 'Noto Sans SC, sans-serif' };
const TOOLTIP = { trigger: 'axis', confine: true, textStyle: { fontFamily: 'Noto Sans SC, sans-serif' } } as const;

type AxisParam = { axisValueLabel?: string; seriesName?: string; value?: unknown; dataIndex: number };
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function IntakeTrend({ trend, drill }: { trend: DashboardTrend; drill: Drill }) {
  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      grid: { left: 44, right: 16, top: 16, bottom: 28 },
      tooltip: { ...TOOLTIP, formatter: (ps: AxisParam[]) => `${escape(ps[0]?.axisValueLabel ?? '')}<br/>新收 ${whole(Number(ps[0]?.value ?? 0))} 件` },
      xAxis: { type: 'category', data: trend.days.map((d) => monthDay(d.day)), axisLabel: AXIS_TEXT },
      yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_TEXT },
      series: [{ name: '新收', type: 'bar', data: trend.days.map((d) => d.intake), itemStyle: { color: COLORS.intake }, cursor: 'pointer' }],
    }),
    [trend],
  );
  return (
    <Chart
      label="近30天每日新收工单"
      option={option}
      onClick={({ dataIndex }) => {
        const d = trend.days[dataIndex];
        if (!d || d.intake === 0) return;
        const from = startOfBeijingDay(d.day);
        drill.filter({ receivedAt: { from, to: startOfBeijingDay(addDays(d.day, 1)) } }, `${monthDay(d.day)}新收工单`);
      }}
    />
  );
}

export function RatesTrend({ trend, drill }: { trend: DashboardTrend; drill: Drill }) {
  const option = useMemo<EChartsCoreOption>(() => {
    const line = (name: string, color: string, pick: (d: DashboardTrend['days'][number]) => number | null) => ({
      name,
      type: 'line',
      connectNulls: false,
      symbolSize: 6,
      cursor: 'pointer',
      itemStyle: { color },
      lineStyle: { color, width: 2 },
      data: trend.days.map((d) => {
        const v = pick(d);
        return v === null ? null : Number((v * 100).toFixed(2));
      }),
    });
    return {
      animation: false,
      grid: { left: 44, right: 16, top: 36, bottom: 28 },
      legend: { top: 0, textStyle: AXIS_TEXT, itemWidth: 14, itemHeight: 8 },
      tooltip: {
        ...TOOLTIP,
        formatter: (ps: AxisParam[]) => {
          const d = trend.days[ps[0]?.dataIndex ?? 0];
          if (!d) return '';
          const head = `${monthDay(d.day)} · 有效回访 ${whole(d.validCallbacks)} 条`;
          return [head, `响应率 ${pct(d.responseRate)}`, `解决率 ${pct(d.resolutionRate)}`, `满意率 ${pct(d.satisfactionRate)}`].map(escape).join('<br/>');
        },
      },
      xAxis: { type: 'category', data: trend.days.map((d) => monthDay(d.day)), axisLabel: AXIS_TEXT },
      // From a little under the lowest point: rates near 95% would otherwise be one flat line at the top.
      yAxis: { type: 'value', max: 100, min: (v: { min: number }) => (Number.isFinite(v.min) ? Math.max(0, Math.floor(v.min / 5) * 5 - 5) : 0), axisLabel: { ...AXIS_TEXT, formatter: '{value}%' } },
      series: [
        line('响应率', COLORS.response, (d) => d.responseRate),
        line('解决率', COLORS.resolution, (d) => d.resolutionRate),
        line('满意率', COLORS.satisfaction, (d) => d.satisfactionRate),
      ],
    };
  }, [trend]);
  return (
    <Chart
      label="近30天每日三率"
      option={option}
      onClick={({ dataIndex }) => {
        const d = trend.days[dataIndex];
        if (!d || d.validCallbacks === 0) return;
        drill.assessment({ period: { kind: 'day', date: d.day }, measure: 'valid' });
      }}
    />
  );
}

const TOP_CATEGORIES = 15;

/** The largest categories of the month's intake (the full list is in the 工单 view's filter). */
export function CategoryBars({ s, drill }: { s: DashboardSummary; drill: Drill }) {
  const top = useMemo(() => s.categories.slice(0, TOP_CATEGORIES), [s]);
  const option = useMemo<EChartsCoreOption>(() => {
    const total = s.month.intake.count;
    const rows = [...top].reverse();
    return {
      animation: false,
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        ...TOOLTIP,
        axisPointer: { type: 'shadow' },
        formatter: (ps: AxisParam[]) => {
          const r = rows[ps[0]?.dataIndex ?? 0];
          if (!r) return '';
          return escape(`${r.label}：${whole(r.count)} 件，占 ${total ? pct(r.count / total) : DASH}`);
        },
      },
      xAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_TEXT, splitLine: { show: false } },
      yAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { ...AXIS_TEXT, color: '#1f2733' }, axisTick: { show: false } },
      series: [
        {
          name: '新收',
          type: 'bar',
          cursor: 'pointer',
          data: rows.map((r) => r.count),
          itemStyle: { color: COLORS.intake },
          label: { show: true, position: 'right', color: '#1f2733', formatter: (p: { value: number }) => whole(p.value) },
        },
      ],
    };
  }, [s, top]);
  if (top.length === 0) return <p className="dash-empty">本考核月还没有新收工单。</p>;
  return (
    <Chart
      label="本考核月问题分类分布"
      className="dash-chart--tall"
      option={option}
      onClick={({ dataIndex }) => {
        const r = [...top].reverse()[dataIndex];
        if (r) drill.filter(r.filter, `${s.month.period.label} · ${r.label}`);
      }}
    />
  );
}
