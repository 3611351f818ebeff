/**
 * The slice of Apache ECharts the dashboard uses, registered once: line and bar charts, the grid,
 * tooltip and legend, drawn by the SVG renderer. SVG keeps the charts inside the strict CSP: the
 * renderer styles nodes through the CSSOM and writes no inline <style> element (that happens only for
 * server-side rendering), and no data: URL is ever created.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
export type { EChartsCoreOption } from 'echarts/core';
