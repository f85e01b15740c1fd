/** 机关档案's pure parts: the links, the years as listed, the caption, 主要数字 and its chart. */
import { describe, expect, it } from 'vitest';
import type { BodyYear, CorpusReportRow } from '../../src/api/corpus-contract.js';
import {
  bodyChecksLink,
  bodyFigures,
  bodyPath,
  bodyReportsLink,
  comparable,
  compareLink,
  figureTable,
  historyCaption,
  historyRows,
  otherNames,
} from '../../web/src/features/oversight/body.js';
import { applicationsByYearOption } from '../../web/src/features/oversight/chart-options.js';
import { yearRowsOf } from '../../web/src/features/oversight/stats.js';
import { bodyUrl } from '../../web/src/features/oversight/url.js';
import { decode, encode } from '../../web/src/lib/url-codec.js';
import { statsRowOf } from '../support/stats-rows.js';

const report = (id: number, year: number, patch: Partial<CorpusReportRow> = {}): CorpusReportRow => ({
  id,
  bodyId: 'b1',
  agency: '宿迁市宿城区财政局',
  region: '江苏省宿迁市宿城区',
  kind: 'department',
  year,
  version: 1,
  format: '2021',
  sourceType: 'txt',
  publishedOn: `${year + 1}-01-20`,
  signedOn: null,
  deadline: `${year + 1}-01-31`,
  late: false,
  file: `${year}.txt`,
  sha256: `h${id}`,
  size: 100,
  errors: 0,
  warnings: 0,
  infos: 0,
  unread: 0,
  ingestedAt: '2024-03-01T00:00:00.000Z',
  ...patch,
});

const year = (y: number, r: CorpusReportRow | null, patch: Partial<BodyYear> = {}): BodyYear => ({
  year: y,
  status: r ? 'onTime' : 'overdue',
  deadline: `${y + 1}-01-31`,
  daysLate: null,
  daysLeft: null,
  report: r,
  versions: r ? 1 : 0,
  ...patch,
});

describe('机关档案', () => {
  it('links the profile, the body’s reports in 监督概览 and 两年对比', () => {
    expect(bodyPath('0b6f-41c2')).toBe('/oversight/bodies/0b6f-41c2');
    expect(bodyPath('a/b')).toBe('/oversight/bodies/a%2Fb');
    expect(bodyReportsLink('b1')).toEqual({ pathname: '/oversight', search: 'agency=b1' });
    expect(bodyChecksLink('b1')).toEqual({ pathname: '/oversight/checks', search: 'agency=b1' });
    expect(compareLink('b1')).toEqual({ pathname: '/oversight/compare', search: 'body=b1' });
    expect(compareLink('b1', { from: 2021, to: 2022 })).toEqual({
      pathname: '/oversight/compare',
      search: 'body=b1&from=2021&to=2022',
    });
    // The open report in the URL, and nothing else.
    expect(encode(bodyUrl, { report: 7 }).toString()).toBe('report=7');
    expect(decode(bodyUrl, new URLSearchParams('report=x&agency=b1'))).toEqual({});
  });

  it('lists the years newest first, each compared with the year before when both have a report', () => {
    const rows = historyRows([
      year(2019, report(1, 2019)),
      year(2020, null),
      year(2021, report(2, 2021)),
      year(2022, report(3, 2022)),
      year(2023, null, { status: 'pending', daysLeft: 16 }),
    ]);
    expect(rows.map((r) => [r.year, r.status, r.previous])).toEqual([
      [2023, 'pending', null],
      [2022, 'onTime', 2021],
      // 2020 has no report: nothing to compare 2021 with.
      [2021, 'onTime', null],
      [2020, 'overdue', null],
      [2019, 'onTime', null],
    ]);
    expect(comparable([year(2021, report(2, 2021)), year(2022, null)])).toBe(false);
    expect(comparable([year(2019, report(1, 2019)), year(2020, null), year(2021, report(2, 2021))])).toBe(
      true,
    );
    expect(comparable([])).toBe(false);
  });

  it('names the other spellings its reports signed with, in the API’s order', () => {
    expect(
      otherNames({ name: '宿迁市宿城区财政局', names: ['宿迁市宿城区财政局', '宿城区财政局', '宿城财政局'] }),
    ).toEqual(['宿城区财政局', '宿城财政局']);
    expect(otherNames({ name: '宿迁市宿城区财政局', names: [] })).toEqual([]);
  });

  it('says the deadline of the body’s kind, the years listed and the day', () => {
    expect(historyCaption({ today: '2024-03-15', body: { kind: 'department', dissolvedIn: null } })).toBe(
      '条例第四十九条：部门在每年 1 月 31 日前公布上一年度的年度报告。自报告库中该机关最早一份报告的年度起逐年列出；截至 2024-03-15。',
    );
    expect(historyCaption({ today: '2024-03-15', body: { kind: 'government', dissolvedIn: 2023 } })).toBe(
      '条例第四十九条：人民政府在每年 3 月 31 日前公布上一年度的年度报告。自报告库中该机关最早一份报告的年度起逐年列出（2023 年撤销，此后没有报告的年度不列）；截至 2024-03-15。',
    );
    expect(
      historyCaption({
        today: '2024-03-15',
        body: { kind: 'department', dissolvedIn: null, expectedFrom: 2021 },
      }),
    ).toBe(
      '条例第四十九条：部门在每年 1 月 31 日前公布上一年度的年度报告。自应发布名录的 2021 年度或报告库中该机关最早一份报告的年度（较早者）起逐年列出；截至 2024-03-15。',
    );
  });

  it('puts the main figures a row each, the years a column each, oldest first; rates as percentages', () => {
    const table = figureTable([
      statsRowOf('2022', {
        measures: { 'applications.new': 1234, 'outcome.open': 30, 'review.total': 2, 'litigation.total': 1 },
        rates: { 'outcome.open': 0.4567, 'review.correctedRate': 0.5, 'litigation.correctedRate': null },
      }),
      statsRowOf('2021', { measures: { 'applications.new': 12, 'applications.answered': 10 } }),
      // The reports whose year could not be read: no column.
      statsRowOf('', { label: '未知', measures: { 'applications.new': 5 } }),
    ]);
    expect(table.years).toEqual(['2021', '2022']);
    expect(table.rows.map((r) => [r.title, r.cells['2021'], r.cells['2022']])).toEqual([
      ['新收申请', '12', '1,234'],
      ['上年结转', '0', '0'],
      ['办结', '10', '0'],
      ['予以公开', '0', '30'],
      ['不予公开', '0', '0'],
      ['行政复议', '0', '2'],
      ['行政诉讼', '0', '1'],
      ['予以公开占比', '—', '45.7%'],
      ['行政复议纠错率', '—', '50.0%'],
      ['行政诉讼纠错率', '—', '—'],
    ]);
    // Every figure is a measure or rate the stats answer (src/corpus/stats-columns.ts).
    expect(bodyFigures.map((f) => f.key)).toEqual([
      'applications.new',
      'applications.carriedIn',
      'applications.answered',
      'outcome.open',
      'outcome.deny',
      'review.total',
      'litigation.total',
      'rate.outcome.open',
      'rate.review.correctedRate',
      'rate.litigation.correctedRate',
    ]);
    expect(figureTable([]).years).toEqual([]);
  });

  it('keeps only the years of a grouping by year, oldest first', () => {
    expect(yearRowsOf([statsRowOf('2023'), statsRowOf(''), statsRowOf('2021')]).map((r) => r.group)).toEqual([
      '2021',
      '2023',
    ]);
  });

  it('charts new applications by year, oldest first, with aria on and the values on the bars', () => {
    const o = applicationsByYearOption([
      statsRowOf('2022', { measures: { 'applications.new': 17 } }),
      statsRowOf('', { measures: { 'applications.new': 5 } }),
      statsRowOf('2021', { measures: { 'applications.new': 12 } }),
      statsRowOf('2023', { measures: {} }),
    ]);
    expect(o.aria).toMatchObject({ show: true });
    expect((o.title as { text: string }).text).toBe('各年度新收申请');
    expect((o.xAxis as { data: string[] }).data).toEqual(['2021年', '2022年', '2023年']);
    const series = o.series as { type: string; name: string; data: number[]; label: { show: boolean } }[];
    expect(series.map((s) => [s.type, s.name, s.data, s.label.show])).toEqual([
      ['bar', '新收申请', [12, 17, 0], true],
    ]);
  });
});
