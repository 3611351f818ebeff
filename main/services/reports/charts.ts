/**
 * Charts as SVG strings: Apache ECharts rendered server-side (no DOM), then made safe for every place
 * the report goes. The app's strict CSP refuses `style="…"` attributes and <style> elements, so the
 * SVG's inline styles become presentation attributes (font-size, font-family are SVG attributes) and
 * the hover-only <style> block is dropped; ids are made unique per chart so two charts on one page do
 * not share clip paths.
 */
import * as echarts from 'echarts';

/** 1 mm in CSS pixels (96 dpi): the SVG's size in pixels for a size on paper. */
export const PX_PER_MM = 96 / 25.4;
export const CHART_FONT = 'Noto Sans CJK SC';
/** Sober colours for a printed document: dark red first (the leading figure), then greys and a blue. */
export const PALETTE = ['#b4282d', '#2f5597', '#7f7f7f', '#c9a227', '#4e8a57', '#8064a2', '#d08a4b', '#5b9bd5', '#a5a5a5', '#264478'];

let serial = 0;

function styleToAttributes(svg: string): string {
  return svg.replace(/ style="([^"]*)"/g, (_m, css: string) =>
    css
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d.includes(':'))
      .map((d) => {
        const i = d.indexOf(':');
        const name = d.slice(0, i).trim();
        const value = d.slice(i + 1).trim().replace(/"/g, "'");
        return /^[a-z-]+$/.test(name) ? ` ${name}="${value}"` : '';
      })
      .join(''),
  );
}

/** An ECharts option → a self-contained SVG string of widthMm × heightMm. */
export function renderChart(option: Record<string, unknown>, widthMm: number, heightMm: number): string {
  const width = Math.round(widthMm * PX_PER_MM);
  const height = Math.round(heightMm * PX_PER_MM);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: CHART_FONT, fontSize: 12, color: '#222' }, ...option });
    const raw = chart.renderToSVGString();
    const prefix = `rc${++serial}-`;
    return styleToAttributes(raw.replace(/<style[\s\S]*?<\/style>/g, ''))
      .replace(/\bzr\d+-/g, prefix)
      .replace(/<svg /, `<svg role="img" preserveAspectRatio="xMidYMid meet" `);
  } finally {
    chart.dispose();
  }
}

const axisLabel = { fontSize: 11, color: '#333' };

/** Vertical bars with the value on top; long category names wrap under the bar. */
export function barOption(names: string[], series: Array<{ name: string; data: number[] }>): Record<string, unknown> {
  return {
    grid: { left: 40, right: 28, top: series.length > 1 ? 30 : 16, bottom: 46 },
    legend: series.length > 1 ? { top: 0, textStyle: { fontSize: 11 } } : undefined,
    xAxis: { type: 'category', data: names, axisLabel: { ...axisLabel, interval: 0, width: 60, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1, axisLabel },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, barMaxWidth: 28, label: { show: true, position: 'top', fontSize: 10 } })),
  };
}

/** Lines over days (本期 and 上期). */
export function lineOption(days: string[], series: Array<{ name: string; data: Array<number | null> }>): Record<string, unknown> {
  return {
    grid: { left: 40, right: 16, top: 30, bottom: 28 },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    xAxis: { type: 'category', data: days, axisLabel: { ...axisLabel, interval: days.length <= 8 ? 0 : 'auto' }, boundaryGap: days.length <= 8 },
    yAxis: { type: 'value', minInterval: 1, axisLabel },
    series: series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: s.data,
      symbolSize: 5,
      // Values on the first (current) line only: two labelled lines overlap.
      label: { show: days.length <= 8 && i === 0, fontSize: 10 },
      lineStyle: { width: 2, type: i === 0 ? 'solid' : 'dashed' },
    })),
  };
}

/** A ring of shares with labels "名称 12 (25%)". */
export function pieOption(items: Array<{ name: string; value: number }>): Record<string, unknown> {
  return {
    series: [
      {
        type: 'pie',
        radius: ['32%', '62%'],
        center: ['50%', '52%'],
        data: items,
        percentPrecision: 1,
        label: { formatter: '{b} {c}（{d}%）', fontSize: 11 },
        labelLine: { length: 8, length2: 8 },
      },
    ],
  };
}
