/**
 * One ECharts chart, from echarts/core with only the parts the oversight charts use (bar charts,
 * grid, legend, title, tooltip, aria, canvas), so ECharts stays in its own chunk, loaded by the
 * pages that draw charts only (监督概览, 机关档案).
 */

import { Empty } from 'antd';
import { BarChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { prefersReducedMotion } from '../../lib/motion.js';
import type { ChartOption } from './chart-options.js';

use([
  BarChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export function Chart({
  option,
  label,
  height = 320,
  empty = false,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  /** Nothing to draw (no report in view): said over the chart's empty axes. */
  empty?: boolean;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // No animation when the reader asked for less motion (and none half-drawn in a screenshot).
    const still = prefersReducedMotion();
    chart.current?.setOption({ ...option, animation: !still }, true);
  }, [option]);
  return (
    <div style={{ position: 'relative' }}>
      <div
        ref={el}
        role="img"
        aria-label={empty ? `${label}：暂无数据` : label}
        style={{ width: '100%', height }}
      />
      {empty && (
        <div className="gk-chart-empty" aria-hidden="true">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />
        </div>
      )}
    </div>
  );
}
