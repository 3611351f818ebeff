/**
 * One ECharts chart in a sized box: created once, its option replaced when it changes, resized with
 * its box, disposed on unmount. A click on a bar or a point reports its series and data index.
 */
import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from './echarts.js';

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

export function Chart({ option, onClick, label, className }: { option: EChartsCoreOption; onClick?(c: ChartClick): void; label: string; className?: string }) {
  const box = useRef<HTMLDivElement | null>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => {
      const params = p as { seriesIndex?: number; dataIndex?: number };
      if (params.seriesIndex !== undefined && params.dataIndex !== undefined) clickRef.current?.({ seriesIndex: params.seriesIndex, dataIndex: params.dataIndex });
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className={`dash-chart${className ? ` ${className}` : ''}`} role="img" aria-label={label} data-testid="dash-chart" />;
}
