/** 统计对比's pure helpers: the figures as text, their order, the groups' names, the caption, the URL. */
import { describe, expect, it } from 'vitest';
import { isStatsColumn } from '../../src/corpus/stats-columns.js';
import {
  figures,
  figureText,
  groupOptions,
  groupText,
  percentText,
  type StatsRow,
  statsCaption,
} from '../../web/src/features/oversight/stats.js';
import { statsUrl } from '../../web/src/features/oversight/url.js';
import { decode, encode } from '../../web/src/lib/url-codec.js';
import { statsRowOf } from '../support/stats-rows.js';

const row = (patch: Partial<StatsRow>): StatsRow => statsRowOf('西宁市城北区', patch);

const figure = (title: string) => {
  const found = figures.find((f) => f.title === title);
  if (!found) throw new Error(title);
  return found;
};

describe('stats', () => {
  it('writes rates as percentages with one decimal, a dash for nothing to divide, sums by thousands', () => {
    expect(percentText(null)).toBe('—');
    expect(percentText(0)).toBe('0.0%');
    expect(percentText(1)).toBe('100.0%');
    expect(percentText(0.6667)).toBe('66.7%');
    // The server rounds to four decimals: a half rounds up, as read.
    expect(percentText(0.1235)).toBe('12.4%');
    expect(figureText(figure('新收申请'), 1234567)).toBe('1,234,567');
    expect(figureText(figure('行政复议纠错率'), null)).toBe('—');
  });

  it('reads each figure from its place in the row: counts, measures by id, rates by id', () => {
    const r = row({
      reports: 7,
      withErrors: 2,
      measures: { 'applications.new': 30, 'applications.carriedIn': 4, 'applications.answered': 31 },
      rates: {
        onTime: 0.5,
        'outcome.open': 0.25,
        'outcome.deny': 0.125,
        'review.correctedRate': null,
        'litigation.correctedRate': 1,
      },
    });
    expect(figures.map((f) => [f.title, figureText(f, f.value(r))])).toEqual([
      ['报告', '7'],
      ['按时发布率', '50.0%'],
      ['有错误的报告', '2'],
      ['新收申请', '30'],
      ['上年结转', '4'],
      ['办结', '31'],
      ['予以公开占比', '25.0%'],
      ['不予公开占比', '12.5%'],
      ['行政复议纠错率', '—'],
      ['行政诉讼纠错率', '100.0%'],
    ]);
    // A measure the row lacks is nothing summed; a rate it lacks, nothing to divide.
    expect(figure('新收申请').value(row({}))).toBe(0);
    expect(figure('按时发布率').value(row({}))).toBeNull();
  });

  it('names each figure by a column of the stats export, which the server sorts by', () => {
    expect(figures.filter((f) => !isStatsColumn(f.key)).map((f) => f.key)).toEqual([]);
    expect(isStatsColumn('label')).toBe(true);
  });

  it('names a year as one, other groups as the server does', () => {
    expect(groupText('year', { group: '2023', label: '2023' })).toBe('2023年度');
    expect(groupText('year', { group: '', label: '未知' })).toBe('未知');
    expect(groupText('kind', { group: 'government', label: '人民政府' })).toBe('人民政府');
  });

  it('says what the table is, and how names are placed by province or city', () => {
    const what = '每个机关每个年度取最新版本；2019 与 2021 年版按可比指标汇总；占比和纠错率按各组合计计算。';
    expect(statsCaption('region')).toBe(what);
    expect(statsCaption('agency')).toBe(what);
    expect(statsCaption('city')).toBe(`${what}名称未写明所属市的机关按名称中最高一级的地区计。`);
    expect(statsCaption('province')).toBe(`${what}名称未写明所属省的机关按名称中最高一级的地区计。`);
    expect(statsCaption('region', 'reading')).toBe(`${what}只计有未能读出的数字的报告。`);
    expect(statsCaption('year', 'report')).toBe(`${what}只计报告本身有错误的报告。`);
  });

  it('offers every grouping the server has, and keeps the default (by county) out of the URL', () => {
    expect(groupOptions.map((o) => o.value).sort()).toEqual([
      'agency',
      'city',
      'kind',
      'province',
      'region',
      'year',
    ]);
    expect(decode(statsUrl, new URLSearchParams('')).by).toBe('region');
    const defaults = { by: 'region', sort: 'reports', order: 'desc' } as const;
    expect(decode(statsUrl, new URLSearchParams('by=nonsense&year=2023'))).toEqual({
      ...defaults,
      year: 2023,
    });
    expect(encode(statsUrl, { ...defaults, year: 2023 }).toString()).toBe('year=2023');
    expect(encode(statsUrl, { ...defaults, by: 'year', region: '西宁市' }).toString()).toBe(
      `by=year&region=${encodeURIComponent('西宁市')}`,
    );
    // The order and the page, when not the first page of the most reports first.
    expect(encode(statsUrl, { ...defaults, sort: 'rate.onTime', order: 'asc', page: 2 }).toString()).toBe(
      'order=asc&page=2&sort=rate.onTime',
    );
  });
});
