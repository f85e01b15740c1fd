/** The oversight charts' options and the page's URL state, as pure functions. */
import { describe, expect, it } from 'vitest';
import {
  applicationsByRegionOption,
  findingsByCodeOption,
  onTimeByYearOption,
} from '../../web/src/features/oversight/chart-options.js';
import { agencyYearMatrix, markUnpublished } from '../../web/src/features/oversight/matrix.js';
import { addSummaries } from '../../web/src/features/oversight/summary.js';
import { filterOf, oversightUrl } from '../../web/src/features/oversight/url.js';
import { decode, encode } from '../../web/src/lib/url-codec.js';
import { statsRowOf } from '../support/stats-rows.js';

const row = statsRowOf;

type Series = { name: string; data: unknown[]; stack?: string };

describe('oversight chart options', () => {
  it('stacks on-time, late and undated reports per year, in year order, with aria on', () => {
    const o = onTimeByYearOption([
      row('2022', { onTime: 3, late: 1, undated: 0 }),
      row('2021', { onTime: 2, late: 0, undated: 4 }),
    ]);
    expect(o.aria).toMatchObject({ show: true });
    expect((o.xAxis as { data: string[] }).data).toEqual(['2021', '2022']);
    const series = o.series as Series[];
    expect(series.map((s) => [s.name, s.data, s.stack])).toEqual([
      ['按时', [2, 3], 'reports'],
      ['逾期', [0, 1], 'reports'],
      ['未注明日期', [4, 0], 'reports'],
    ]);
  });

  it('shows the most frequent finding codes, the largest at the top, coloured by severity', () => {
    const o = findingsByCodeOption(
      [
        { code: 'B', severity: 'warning', count: 2 },
        { code: 'A', severity: 'error', count: 5 },
        { code: 'C', severity: 'info', count: 2 },
      ],
      2,
    );
    expect(o.aria).toMatchObject({ show: true });
    expect((o.yAxis as { data: string[] }).data).toEqual(['B', 'A']);
    expect((o.series as Series[])[0]?.data).toEqual([
      { value: 2, itemStyle: { color: '#d46b08' } },
      { value: 5, itemStyle: { color: '#cf1322' } },
    ]);
  });

  it('names each finding code in Chinese on the axis, with the code in the tooltip', () => {
    const o = findingsByCodeOption([
      { code: 'check.row-sum', severity: 'error', count: 3 },
      { code: 'x.<new>', severity: 'info', count: 1 },
    ]);
    expect((o.yAxis as { data: string[] }).data).toEqual(['x.<new>', '合计与各项之和不符']);
    const format = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(format([{ dataIndex: 1 }])).toBe('合计与各项之和不符（check.row-sum）：3 次');
    expect(format([{ dataIndex: 0 }])).toBe('x.&#60;new&#62;（x.&#60;new&#62;）：1 次');
  });

  it('puts applications and the stacked outcomes per region, most applications first', () => {
    const o = applicationsByRegionOption([
      row('洛江区', { measures: { 'applications.new': 3, 'outcome.open': 2, 'outcome.deny': 1 } }),
      row('泉州市', { measures: { 'applications.new': 10, 'outcome.open': 7 } }),
    ]);
    expect(o.aria).toMatchObject({ show: true });
    expect((o.xAxis as { data: string[] }).data).toEqual(['泉州市', '洛江区']);
    const series = o.series as Series[];
    expect(series.map((s) => s.name)).toEqual([
      '新收申请',
      '予以公开',
      '部分公开',
      '不予公开',
      '无法提供',
      '不予处理',
      '其他处理',
    ]);
    expect(series[0]?.data).toEqual([10, 3]);
    expect(series[1]?.data).toEqual([7, 2]);
    expect(series[3]?.data).toEqual([0, 1]);
    expect(series[0]?.stack).toBeUndefined();
    expect(series[1]?.stack).toBe('outcomes');
    // Of many regions, the 15 with the most new applications, as the title says.
    const many = applicationsByRegionOption(
      Array.from({ length: 25 }, (_, i) => row(`区${i}`, { measures: { 'applications.new': i } })),
    );
    expect((many.xAxis as { data: string[] }).data).toEqual(
      Array.from({ length: 15 }, (_, i) => `区${24 - i}`),
    );
    expect((many.title as { text: string }).text).toBe('新收申请最多的 15 个地区');
    expect((o.title as { text: string }).text).toBe('各地区申请与办理结果');
  });

  it('keeps the filters and the page stack in the URL and gives the API only the filters', () => {
    const state = decode(
      oversightUrl,
      new URLSearchParams('region=泉州市&late=true&after=x&after=y&report=7'),
    );
    expect(state.after).toEqual(['x', 'y']);
    expect(filterOf(state)).toEqual({ region: '泉州市', late: 'true' });
    expect(decode(oversightUrl, new URLSearchParams('after=x')).after).toEqual(['x']);
    expect(encode(oversightUrl, { ...state, after: [] }).toString()).toBe(
      'late=true&region=%E6%B3%89%E5%B7%9E%E5%B8%82&report=7',
    );
  });

  it('adds upload summaries', () => {
    const s = (added: number, unreadable: string[]) => ({
      read: added + unreadable.length,
      added,
      known: 1,
      versions: 0,
      unreadable: unreadable.map((path) => ({ path, reason: '无法读取' })),
      results: [],
    });
    expect(addSummaries([s(2, []), s(1, ['a.bin'])])).toEqual({
      read: 4,
      added: 3,
      known: 2,
      versions: 0,
      unreadable: [{ path: 'a.bin', reason: '无法读取' }],
    });
  });

  it('lays the stats by agency of each year out as an agency × year matrix', () => {
    const m = agencyYearMatrix([
      { year: 2022, rows: [row('b2', { label: '乙局', reports: 1, late: 1 })] },
      {
        year: 2021,
        rows: [
          row('b2', { label: '乙局', reports: 2, withErrors: 1 }),
          row('b1', { label: '甲局', reports: 1 }),
          row('', { label: '未知', reports: 5 }),
        ],
      },
    ]);
    expect(m.years).toEqual([2021, 2022]);
    expect(m.rows).toEqual([
      { agency: 'b1', label: '甲局', cells: { 2021: { reports: 1, late: 0, withErrors: 0 } } },
      {
        agency: 'b2',
        label: '乙局',
        cells: {
          2021: { reports: 2, late: 0, withErrors: 1 },
          2022: { reports: 1, late: 1, withErrors: 0 },
        },
      },
    ]);
  });
  it('marks the rows without a cell in the publication year as overdue or not yet due, adding no column', () => {
    const m = agencyYearMatrix([
      { year: 2022, rows: [row('b1', { reports: 1 }), row('b2', { reports: 1 }), row('b3', { reports: 1 })] },
      { year: 2023, rows: [row('b4', { reports: 1 })] },
    ]);
    const body = (bodyId: string, status: 'overdue' | 'pending' | 'onTime', deadline = '2024-01-31') => ({
      bodyId,
      status,
      deadline,
    });
    const publication = {
      year: 2023,
      bodies: [
        body('b1', 'overdue'),
        body('b2', 'pending', '2024-03-31'),
        // Published, but not in the matrix (its report filtered out): no mark.
        body('b3', 'onTime'),
        // Has a cell that year: no mark.
        body('b4', 'overdue'),
        // Not a row of the matrix: no row added.
        body('b9', 'overdue'),
      ],
    };
    const marked = markUnpublished(m, publication);
    expect(marked.years).toEqual([2022, 2023]);
    expect(marked.rows.map((r) => [r.agency, r.unpublished])).toEqual([
      ['b1', { year: 2023, status: 'overdue', deadline: '2024-01-31' }],
      ['b2', { year: 2023, status: 'pending', deadline: '2024-03-31' }],
      ['b3', undefined],
      ['b4', undefined],
    ]);
    // A year the matrix has no column for, or no publication yet: the matrix as it was.
    expect(markUnpublished(m, { ...publication, year: 2024 })).toBe(m);
    expect(markUnpublished(m, undefined)).toBe(m);
    expect(m.rows.every((r) => r.unpublished === undefined)).toBe(true);
  });
});
