/**
 * 统计对比 in a real browser against the real server: three bodies of two counties over 2020 (the 2019
 * format) and 2021 (the 2021 format). 西宁市湟中区财政局 published 2021's report late; 西宁市城北区教育局's
 * 2021 report came in a second version with a figure off its sum (an error), which is the one counted.
 * The figures expected are summed here from the reports' own cells through the crosswalk, not read
 * back from the server: the table groups by county, year and body, sorts, filters, exports.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { ingestBytes } from '../../src/corpus/ingest.js';
import { crosswalk, measureValue } from '../../src/spec/crosswalk.js';
import { makeReport, renderAs } from '../corpus/helpers.js';
import { axeViolations } from './support/browser.js';
import { describeWeb, useWebServer } from './support/web.js';

/** A report the statistics count (the newest version of its body and year). */
interface Counted {
  agency: string;
  region: string;
  year: number;
  late: boolean;
  report: Report;
}

/** The sum of a crosswalk measure over reports. */
const sum = (reports: readonly Counted[], id: string): number => {
  const measure = crosswalk.find((m) => m.id === id);
  if (!measure) throw new Error(`no measure ${id}`);
  return reports.reduce((s, r) => s + (measureValue(measure, r.report.format, r.report.cells) ?? 0), 0);
};

/** A share as the page writes it: the server's rate (four decimals), as a percentage with one. */
const percent = (part: number, whole: number): string =>
  whole === 0
    ? '—'
    : `${(Math.round((Math.round((part / whole) * 10_000) / 10_000) * 1000) / 10).toFixed(1)}%`;

/** A group's row as the table shows it: name, then the figures in the columns' order. */
function rowOf(label: string, reports: readonly Counted[], withErrors: number): string[] {
  const answered = sum(reports, 'applications.answered');
  return [
    label,
    String(reports.length),
    percent(reports.filter((r) => !r.late).length, reports.length),
    String(withErrors),
    ...['applications.new', 'applications.carriedIn', 'applications.answered'].map((id) =>
      sum(reports, id).toLocaleString('zh-CN'),
    ),
    percent(sum(reports, 'outcome.open'), answered),
    percent(sum(reports, 'outcome.deny'), answered),
    percent(sum(reports, 'review.corrected'), sum(reports, 'review.total')),
    percent(sum(reports, 'litigation.corrected'), sum(reports, 'litigation.total')),
  ];
}

/** A table row's cells, as read. */
const cellsOf = (text: string) => text.split('\t').map((t) => t.trim());

describeWeb('web: stats', () => {
  const counted: Counted[] = [];

  /** Ingests a body's report of a year; `late` publishes it in February (a department's is late). */
  async function ingest(
    agency: string,
    region: string,
    year: number,
    options: { late?: boolean; seed?: number; error?: boolean } = {},
  ): Promise<void> {
    const report = makeReport({
      agency,
      year,
      ...(options.seed ? { seed: options.seed } : {}),
      ...(options.late ? { publishedOn: `${year + 1}-02-10` } : {}),
    });
    // A figure off its sum: the report has an error, its totals (and so the measures) stay.
    if (options.error) report.cells['a.new.np'] = ((report.cells['a.new.np'] as number | null) ?? 0) + 7;
    const result = await ingestBytes(
      web.server.store,
      `${agency}-${year}${options.seed ? `-${options.seed}` : ''}.txt`,
      new TextEncoder().encode(renderAs(report, 'txt')),
    );
    expect(result.status).toBe(options.seed ? 'version' : 'new');
    // A newer version replaces the older in the statistics.
    const older = counted.findIndex((c) => c.agency === agency && c.year === year);
    if (older >= 0) counted.splice(older, 1);
    counted.push({ agency, region, year, late: options.late === true, report });
  }

  const of = (f: (c: Counted) => boolean) => counted.filter(f);

  const web = useWebServer({
    evaluator: true,
    seed: async () => {
      await ingest('西宁市城北区教育局', '西宁市城北区', 2020);
      await ingest('西宁市城北区教育局', '西宁市城北区', 2021);
      await ingest('西宁市城北区教育局', '西宁市城北区', 2021, { seed: 99, error: true });
      await ingest('西宁市城北区人民政府', '西宁市城北区', 2020);
      await ingest('西宁市城北区人民政府', '西宁市城北区', 2021);
      await ingest('西宁市湟中区财政局', '西宁市湟中区', 2021, { late: true });
    },
  });

  it('compares the counties (the default), then the years; sorts; exports the grouping shown', async () => {
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/oversight');
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByRole('link', { name: '统计对比' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight/stats');
    await page.getByRole('heading', { name: '统计对比', level: 1 }).waitFor();

    const groups = page.getByLabel('分组');
    expect(await groups.locator('.ant-segmented-item-selected').innerText()).toBe('按县区');
    expect((await groups.locator('.ant-segmented-item').allInnerTexts()).map((t) => t.trim())).toEqual([
      '按省',
      '按市',
      '按县区',
      '按机关',
      '按年度',
      '按机关类型',
    ]);
    const result = page.getByRole('region', { name: '统计结果' });
    await result
      .getByText(
        '每个机关每个年度取最新版本；2019 与 2021 年版按可比指标汇总；占比和纠错率按各组合计计算。',
        {
          exact: true,
        },
      )
      .waitFor();
    await result.getByText('共 2 组', { exact: true }).waitFor();
    const rows = result.getByRole('row');
    const texts = async () => (await rows.allInnerTexts()).map(cellsOf);
    const header = [
      '报告',
      '按时发布率',
      '有错误的报告',
      '新收申请',
      '上年结转',
      '办结',
      '予以公开占比',
      '不予公开占比',
      '行政复议纠错率',
      '行政诉讼纠错率',
    ];
    // Most reports first; the late report makes 湟中区 0 % on time; the error is 城北区's.
    const byCounty = [
      ['地区', ...header],
      rowOf(
        '西宁市城北区',
        of((c) => c.region === '西宁市城北区'),
        1,
      ),
      rowOf(
        '西宁市湟中区',
        of((c) => c.region === '西宁市湟中区'),
        0,
      ),
    ];
    expect(byCounty[1]?.slice(0, 4)).toEqual(['西宁市城北区', '4', '100.0%', '1']);
    expect(byCounty[2]?.slice(0, 4)).toEqual(['西宁市湟中区', '1', '0.0%', '0']);
    await expect.poll(texts).toEqual(byCounty);
    expect(await axeViolations(page)).toEqual([]);

    // A click on a column sorts by it on the server (most first), a second the other way: the county
    // least on time first. The order is in the URL, and the export's.
    const sortedBy = page.waitForRequest((r) => r.url().includes('sort=rate.onTime'));
    await result.getByRole('columnheader', { name: '按时发布率' }).click();
    expect(new URL((await sortedBy).url()).searchParams.get('limit')).toBe('50');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('rate.onTime');
    await expect
      .poll(async () => (await texts()).slice(1).map((r) => r[0]))
      .toEqual(['西宁市城北区', '西宁市湟中区']);
    await result.getByRole('columnheader', { name: '按时发布率' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('order')).toBe('asc');
    await expect
      .poll(async () => (await texts()).slice(1).map((r) => r[0]))
      .toEqual(['西宁市湟中区', '西宁市城北区']);
    const csvLink = page.getByRole('link', { name: /导出 CSV/ });
    expect(await csvLink.getAttribute('href')).toBe(
      '/api/corpus/stats/export?by=region&sort=rate.onTime&order=asc&to=csv',
    );

    // By year: in the URL, the rows are the years (2021 with three reports first), the export too.
    await groups.getByText('按年度', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('by')).toBe('year');
    await result.getByText('共 2 组', { exact: true }).waitFor();
    const byYear = [
      rowOf(
        '2021年度',
        of((c) => c.year === 2021),
        1,
      ),
      rowOf(
        '2020年度',
        of((c) => c.year === 2020),
        0,
      ),
    ];
    expect(byYear[0]?.slice(0, 4)).toEqual(['2021年度', '3', '66.7%', '1']);
    await expect.poll(async () => (await texts())[0]?.[0]).toBe('年度');
    // (Sorted as the user last chose: by 按时发布率, ascending — 2021 is the less punctual year.)
    await expect.poll(async () => (await texts()).slice(1)).toEqual(byYear);
    // By year: the latest first, then (a second click) the earliest.
    await result.getByRole('columnheader', { name: '年度' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('label');
    await expect.poll(async () => (await texts()).slice(1)).toEqual([byYear[0], byYear[1]]);
    await result.getByRole('columnheader', { name: '年度' }).click();
    await expect.poll(async () => (await texts()).slice(1)).toEqual([byYear[1], byYear[0]]);
    expect(await axeViolations(page)).toEqual([]);

    expect(await csvLink.getAttribute('href')).toBe(
      '/api/corpus/stats/export?by=year&sort=label&order=asc&to=csv',
    );
    expect(await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')).toBe(
      '/api/corpus/stats/export?by=year&sort=label&order=asc&to=xlsx',
    );
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    expect(download.suggestedFilename()).toBe('统计-按年度.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(
      /^\ufeffgroup,label,reports,onTime,late,undated,format2019,format2021,withErrors,errors,warnings,/,
    );
    // A row a year, in the server's order; the counts as in the table (2020's reports in the 2019 format).
    expect(csv.slice(1, -1).map((r) => r.split(',').slice(0, 9))).toEqual([
      ['2020', '2020', '2', '2', '0', '0', '2', '0', '0'],
      ['2021', '2021', '3', '2', '1', '0', '0', '3', '1'],
    ]);
    expect(csv.at(-1)).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('filters in the URL, links each body to its profile, and says when nothing is left', async () => {
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/oversight/stats?by=agency');
    const result = page.getByRole('region', { name: '统计结果' });
    const rows = result.getByRole('row');
    const names = async () => (await rows.allInnerTexts()).slice(1).map((t) => cellsOf(t)[0]);
    // Two reports each for the bodies of 城北区 (in the server's order between equals), one for 湟中区's.
    await expect.poll(names).toHaveLength(3);
    expect((await names()).at(-1)).toBe('西宁市湟中区财政局');
    expect(await axeViolations(page)).toEqual([]);

    // The county filter, kept in the URL with the grouping.
    await page.getByRole('combobox', { name: '地区' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '西宁市城北区' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('西宁市城北区');
    expect(new URL(page.url()).searchParams.get('by')).toBe('agency');
    await expect
      .poll(async () => (await names()).sort())
      .toEqual(['西宁市城北区人民政府', '西宁市城北区教育局']);
    const education = of((c) => c.agency === '西宁市城北区教育局');
    await expect
      .poll(async () => cellsOf(await result.getByRole('row', { name: /西宁市城北区教育局/ }).innerText()))
      .toEqual(rowOf('西宁市城北区教育局', education, 1));
    expect(await page.getByRole('link', { name: /导出 CSV/ }).getAttribute('href')).toBe(
      `/api/corpus/stats/export?by=agency&region=${encodeURIComponent('西宁市城北区')}&sort=reports&order=desc&to=csv`,
    );

    // 错误类型: only the reports with errors of the report itself are counted (教育局's newest 2021
    // version has a figure off its sum), as the sentence above the table says.
    await page.getByRole('combobox', { name: '错误类型' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '报告本身有错误' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('problem')).toBe('report');
    await expect.poll(names).toEqual(['西宁市城北区教育局']);
    await result.getByText(/只计报告本身有错误的报告。/).waitFor();
    expect(await page.getByRole('link', { name: /导出 CSV/ }).getAttribute('href')).toContain(
      'problem=report',
    );
    await page.getByRole('combobox', { name: '错误类型' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '有未能读出的数字' }).click();
    await result.getByText('报告库中没有符合条件的报告').waitFor();
    await page.goto(`/oversight/stats?by=agency&region=${encodeURIComponent('西宁市城北区')}`);
    await expect.poll(async () => (await names()).length).toBe(2);

    // A body's name opens its profile (机关档案), and that its reports in 监督概览.
    await result.getByRole('link', { name: '西宁市城北区教育局' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/oversight\/bodies\/[^/]+$/);
    const body = new URL(page.url()).pathname.split('/').at(-1);
    await page.getByRole('heading', { name: '西宁市城北区教育局', level: 2 }).waitFor();
    await page.getByRole('link', { name: '在监督概览中查看' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight');
    expect(new URL(page.url()).searchParams.get('agency')).toBe(body);
    // (Every version listed there: the 2020 report and both of 2021's.)
    await page.getByText('共 3 份报告').waitFor();

    // A year without reports: the table says so; there is nothing to export.
    await page.goto('/oversight/stats?year=2019');
    await result.getByText('报告库中没有符合条件的报告').waitFor();
    await result.getByText('共 0 组', { exact: true }).waitFor();
    const csv = page.locator('a.ant-btn', { hasText: '导出 CSV' });
    expect(await csv.getAttribute('aria-disabled')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();

    const clerk = await web.open('clerk');
    await clerk.page.goto('/oversight/stats');
    await clerk.page.getByText('当前账号没有查看此页面的权限。').waitFor();
    expect(await clerk.page.getByRole('navigation', { name: '主菜单' }).getByText('统计对比').count()).toBe(
      0,
    );
    expect(clerk.problems).toEqual([]);
    await clerk.context.close();
  });
});
