/**
 * 统计对比's pure parts: the groupings offered, the figures shown a column each (how each is read from
 * a stats row and written), and the sentence above the table. Unit-tested in test/web/stats.test.ts.
 */
import type { z } from 'zod';
import type { statsRow } from '../../../../src/api/corpus-contract.js';
import { type ProblemKind, problemKindNames } from '../../../../src/corpus/problem-kinds.js';
import type { StatsDimension } from '../../../../src/corpus/stats-dimensions.js';

export type StatsRow = z.output<typeof statsRow>;

/**
 * The groupings, from the widest places down, then the other dimensions. The server's `region` is a
 * body's whole region, down to its county: 按县区 beside 按省 and 按市.
 */
export const groupOptions: readonly { value: StatsDimension; label: string }[] = [
  { value: 'province', label: '按省' },
  { value: 'city', label: '按市' },
  { value: 'region', label: '按县区' },
  { value: 'agency', label: '按机关' },
  { value: 'year', label: '按年度' },
  { value: 'kind', label: '按机关类型' },
];

/**
 * A figure of a group: its column's title and width, how it is read from a row, whether it is a
 * rate (0–1).
 */
export interface Figure {
  key: string;
  title: string;
  value: (row: StatsRow) => number | null;
  rate: boolean;
  width: number;
}

/**
 * The columns' widths, for eleven columns beside the menu at 1280 pixels: a title of up to four
 * characters on one line (with its sort arrows), longer ones on two, four characters to a line
 * (「行政复议 / 纠错率」); 按时发布率 on one, since no break of it reads well.
 */
const narrow = 64;
const wide = 88;

const count = (key: string, title: string, value: (row: StatsRow) => number, width = wide): Figure => ({
  key,
  title,
  value,
  rate: false,
  width,
});
/** A measure summed over the group (0 where no report of the group has it). */
export const measure = (id: string, title: string, width = wide): Figure =>
  count(id, title, (row) => row.measures[id] ?? 0, width);
/** A rate of the group's sums: null where its denominator is 0 (no application answered, no case). */
export const rate = (id: string, title: string, width = wide): Figure => ({
  key: `rate.${id}`,
  title,
  value: (row) => row.rates[id] ?? null,
  rate: true,
  width,
});

/** The figures a supervisor compares groups by, in the order of the table. */
export const figures: readonly Figure[] = [
  count('reports', '报告', (row) => row.reports, narrow),
  rate('onTime', '按时发布率', 104),
  count('withErrors', '有错误的报告', (row) => row.withErrors),
  measure('applications.new', '新收申请'),
  measure('applications.carriedIn', '上年结转'),
  measure('applications.answered', '办结', 72),
  rate('outcome.open', '予以公开占比'),
  rate('outcome.deny', '不予公开占比'),
  rate('review.correctedRate', '行政复议纠错率'),
  rate('litigation.correctedRate', '行政诉讼纠错率'),
];

/** A rate as a percentage with one decimal; '—' where there was nothing to divide. */
export const percentText = (value: number | null): string =>
  value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;

/** A count or sum, grouped by thousands: national sums run into the millions. */
export const countText = (value: number): string => value.toLocaleString('zh-CN');

export const figureText = (figure: Figure, value: number | null): string =>
  figure.rate ? percentText(value) : countText(value ?? 0);

/**
 * The rows of a grouping by year that are years, oldest first: the reports whose year could not be
 * read make a group of their own (「未知」), no point on a line of years.
 */
export const yearRowsOf = <R extends Pick<StatsRow, 'group'>>(rows: readonly R[]): R[] =>
  rows.filter((r) => /^\d{4}$/.test(r.group)).sort((a, b) => a.group.localeCompare(b.group));

/** A group's name as shown: a year reads as one (「2023年度」); the server's label otherwise. */
export const groupText = (by: StatsDimension, row: Pick<StatsRow, 'group' | 'label'>): string =>
  by === 'year' && /^\d{4}$/.test(row.group) ? `${row.group}年度` : row.label;

/** What the table is, said above it. */
export function statsCaption(by: StatsDimension, problem?: ProblemKind): string {
  const place = by === 'province' ? '省' : by === 'city' ? '市' : undefined;
  return [
    '每个机关每个年度取最新版本；2019 与 2021 年版按可比指标汇总；占比和纠错率按各组合计计算。',
    // As the server sums them up (statsQuery's `by`): a body is where its name says, as far up as it says.
    place ? `名称未写明所属${place}的机关按名称中最高一级的地区计。` : '',
    // The filter changes what every figure is: said above the table, not only in the select.
    problem ? `只计${problemKindNames[problem]}的报告。` : '',
  ].join('');
}

export const statsEmptyText = '报告库中没有符合条件的报告';
