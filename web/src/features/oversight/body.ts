/**
 * 机关档案's pure parts: where a body's profile and the pages about it are, its years as the table
 * lists them (newest first, each with the year 与上一年度对比 pairs it with), the sentence above them,
 * and its main figures by year from the statistics. Unit-tested in test/web/body.test.ts.
 */
import type { BodyHistoryResponse, BodyYear } from '../../../../src/api/corpus-contract.js';
import { encode } from '../../lib/url-codec.js';
import { kindNames } from './names.js';
import { type Figure, figureText, measure, rate, type StatsRow, yearRowsOf } from './stats.js';
import { checksUrl, compareUrl, correctionsUrl, oversightUrl } from './url.js';

/** A body's profile (机关档案). */
export const bodyPath = (bodyId: string): string => `/oversight/bodies/${encodeURIComponent(bodyId)}`;

/** A body's reports in 监督概览. */
export const bodyReportsLink = (bodyId: string) => ({
  pathname: '/oversight',
  search: encode(oversightUrl, { after: [], agency: bodyId }).toString(),
});

/** The cross-report findings of a body's reports in 跨报告核查 (its years against each other). */
export const bodyChecksLink = (bodyId: string) => ({
  pathname: '/oversight/checks',
  search: encode(checksUrl, { agency: bodyId }).toString(),
});

/** 整改情况 of a body's years: whether it corrected reports that had problems. */
export const bodyCorrectionsLink = (bodyId: string) => ({
  pathname: '/oversight/corrections',
  search: encode(correctionsUrl, { agency: bodyId }).toString(),
});

/** 两年对比 of a body: the two years given, else the API's (the last two with reports). */
export const compareLink = (body: string, years?: { from: number; to: number }) => ({
  pathname: '/oversight/compare',
  search: encode(compareUrl, { body, ...years }).toString(),
});

/** A year as the table lists it. */
export interface HistoryRow extends BodyYear {
  /** The year before, when both it and this year have a report: the pair 与上一年度对比 opens. */
  previous: number | null;
}

/** The years of a body's history, newest first, each with the year it compares with. */
export function historyRows(years: readonly BodyYear[]): HistoryRow[] {
  const published = new Set(years.filter((y) => y.report !== null).map((y) => y.year));
  return [...years]
    .sort((a, b) => b.year - a.year)
    .map((y) => ({ ...y, previous: y.report !== null && published.has(y.year - 1) ? y.year - 1 : null }));
}

/** Whether the body has two years with reports, for 两年对比. */
export const comparable = (years: readonly BodyYear[]): boolean =>
  years.filter((y) => y.report !== null).length >= 2;

/** The names its reports signed with besides the body's own (most used first, as the API lists them). */
export const otherNames = (body: Pick<BodyHistoryResponse['body'], 'name' | 'names'>): string[] =>
  body.names.filter((n) => n !== body.name);

/** The day of each kind's deadline (条例第四十九条), as said. */
const deadlineDays: Record<BodyHistoryResponse['body']['kind'], string> = {
  department: '1 月 31 日',
  government: '3 月 31 日',
};

/** What the table of years is: the rule (the body's kind's), which years it lists, as of when. */
export function historyCaption(h: {
  today: string;
  body: Pick<BodyHistoryResponse['body'], 'kind' | 'dissolvedIn'> & { expectedFrom?: number | null };
}): string {
  const from = h.body.expectedFrom ?? null;
  return [
    `条例第四十九条：${kindNames[h.body.kind]}在每年 ${deadlineDays[h.body.kind]}前公布上一年度的年度报告。`,
    from === null
      ? '自报告库中该机关最早一份报告的年度起逐年列出'
      : `自应发布名录的 ${from} 年度或报告库中该机关最早一份报告的年度（较早者）起逐年列出`,
    h.body.dissolvedIn !== null ? `（${h.body.dissolvedIn} 年撤销，此后没有报告的年度不列）` : '',
    `；截至 ${h.today}。`,
  ].join('');
}

/**
 * The figures of 主要数字, a row each: the applications and how they were answered, the reviews and
 * lawsuits, and the rates 统计对比 shows of them.
 */
export const bodyFigures: readonly Figure[] = [
  measure('applications.new', '新收申请'),
  measure('applications.carriedIn', '上年结转'),
  measure('applications.answered', '办结'),
  measure('outcome.open', '予以公开'),
  measure('outcome.deny', '不予公开'),
  measure('review.total', '行政复议'),
  measure('litigation.total', '行政诉讼'),
  rate('outcome.open', '予以公开占比'),
  rate('review.correctedRate', '行政复议纠错率'),
  rate('litigation.correctedRate', '行政诉讼纠错率'),
];

/** A figure's row of 主要数字: its value in each year, as written. */
export interface FigureRow {
  key: string;
  title: string;
  /** By year (「2022」). */
  cells: Record<string, string>;
}

/**
 * 主要数字 from a body's stats by year: the years (oldest first; a year without a report has no row in
 * the stats, so no column) and a row a figure.
 */
export function figureTable(rows: readonly StatsRow[]): { years: string[]; rows: FigureRow[] } {
  const years = yearRowsOf(rows);
  return {
    years: years.map((r) => r.group),
    rows: bodyFigures.map((f) => ({
      key: f.key,
      title: f.title,
      cells: Object.fromEntries(years.map((r) => [r.group, figureText(f, f.value(r))])),
    })),
  };
}
