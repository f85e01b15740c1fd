/**
 * The oversight charts' ECharts options, as pure functions of the stats rows (unit-tested in
 * test/web/oversight-charts.test.ts). Every chart has `aria` on, so a screen reader gets a summary.
 */
import type { BarSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { z } from 'zod';
import type { statsResponse, statsRow } from '../../../../src/api/corpus-contract.js';
import { findingName } from '../../../../src/core/finding-names.js';
import { yearRowsOf } from './stats.js';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | AriaComponentOption
>;
export type StatsRow = z.output<typeof statsRow>;
export type FindingCount = z.output<typeof statsResponse>['findings'][number];

/** `show` is the documented switch, `enabled` the typed one of ECharts 5+: both on. */
const aria = { show: true, enabled: true };

const base = (title: string): ChartOption => ({
  aria,
  title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
  tooltip: { trigger: 'axis' },
  legend: { bottom: 0 },
  grid: { left: 8, right: 16, top: 40, bottom: 40, containLabel: true },
});

/** 按时发布：每个年度按时、逾期、未注明日期的报告数（堆叠柱）. */
export function onTimeByYearOption(rows: readonly StatsRow[]): ChartOption {
  const sorted = [...rows].sort((a, b) => a.group.localeCompare(b.group));
  const series = (name: string, pick: (r: StatsRow) => number, color: string): BarSeriesOption => ({
    type: 'bar',
    name,
    stack: 'reports',
    itemStyle: { color },
    data: sorted.map(pick),
  });
  return {
    ...base('各年度报告按时发布情况'),
    xAxis: { type: 'category', data: sorted.map((r) => r.label) },
    yAxis: { type: 'value', name: '报告数', minInterval: 1, nameTextStyle: { align: 'left' } },
    series: [
      series('按时', (r) => r.onTime, '#389e0d'),
      series('逾期', (r) => r.late, '#cf1322'),
      series('未注明日期', (r) => r.undated, '#8c8c8c'),
    ],
  } as ChartOption;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** 问题分布：各问题（名称与代码）出现次数，最多的 `top` 个（横向柱，错误红、警告橙、提示蓝）. */
export function findingsByCodeOption(findings: readonly FindingCount[], top = 15): ChartOption {
  const colors: Record<string, string> = { error: '#cf1322', warning: '#d46b08', info: '#1677ff' };
  const shown = [...findings]
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, top)
    .reverse();
  return {
    ...base('各类问题出现次数'),
    legend: { show: false },
    // The Chinese name on the axis; the code, which filters and exports use, in the tooltip.
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const f = shown[first?.dataIndex ?? -1];
        return f ? escapeHtml(`${findingName(f.code)}（${f.code}）：${f.count} 次`) : '';
      },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: shown.map((f) => findingName(f.code)) },
    series: [
      {
        type: 'bar',
        name: '出现次数',
        data: shown.map((f) => ({ value: f.count, itemStyle: { color: colors[f.severity] ?? '#1677ff' } })),
      },
    ],
  } as ChartOption;
}

export const outcomeMeasures = [
  ['outcome.open', '予以公开'],
  ['outcome.partial', '部分公开'],
  ['outcome.deny', '不予公开'],
  ['outcome.none', '无法提供'],
  ['outcome.reject', '不予处理'],
  ['outcome.other', '其他处理'],
] as const;

/**
 * 申请与办理结果：每个地区新收申请数，和办理结果的构成（堆叠柱）; of many regions (a province's
 * corpus has hundreds), the `top` with the most new applications, as the title says.
 */
export function applicationsByRegionOption(rows: readonly StatsRow[], top = 15): ChartOption {
  const sorted = [...rows]
    .sort(
      (a, b) =>
        (b.measures['applications.new'] ?? 0) - (a.measures['applications.new'] ?? 0) ||
        a.label.localeCompare(b.label),
    )
    .slice(0, top);
  const title = rows.length > top ? `新收申请最多的 ${top} 个地区` : '各地区申请与办理结果';
  return {
    ...base(title),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 40, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: sorted.map((r) => r.label), axisLabel: { interval: 0, rotate: 55 } },
    yAxis: { type: 'value', name: '件数', minInterval: 1, nameTextStyle: { align: 'left' } },
    series: [
      {
        type: 'bar',
        name: '新收申请',
        data: sorted.map((r) => r.measures['applications.new'] ?? 0),
      },
      ...outcomeMeasures.map(
        ([id, name]): BarSeriesOption => ({
          type: 'bar',
          name,
          stack: 'outcomes',
          data: sorted.map((r) => r.measures[id] ?? 0),
        }),
      ),
    ],
  } as ChartOption;
}

/**
 * 机关档案：一个机关各年度新收申请数（柱，数值标在柱上）, oldest year first; the reports whose year
 * could not be read are no year of the axis.
 */
export function applicationsByYearOption(rows: readonly StatsRow[]): ChartOption {
  const years = yearRowsOf(rows);
  return {
    ...base('各年度新收申请'),
    legend: { show: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map((r) => `${r.group}年`) },
    yAxis: { type: 'value', name: '件数', minInterval: 1, nameTextStyle: { align: 'left' } },
    series: [
      {
        type: 'bar',
        name: '新收申请',
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: years.map((r) => r.measures['applications.new'] ?? 0),
      },
    ],
  } as ChartOption;
}
