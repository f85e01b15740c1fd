/**
 * 发布情况 in a real browser against the real server, on 2024-03-15: the 2023 reports of departments
 * were due on 2024-01-31 (past), those of governments are due on 2024-03-31 (not yet). Five bodies
 * are expected to publish 2023's report, one of each status; a body first seen in 2024 is not. 监督概览
 * tells of it and marks its matrix. The bodies are summed up by region, each region a filter. A body
 * dissolved in 2023 (set on 机关) is no longer expected. A corpus of 58 bodies, on a server of its
 * own, is paged by the server 50 at a time.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/corpus/ingest.js';
import { makeReport, renderAs } from '../corpus/helpers.js';
import { axeViolations, type openPage } from './support/browser.js';
import type { WebServer } from './support/seed.js';
import { describeWeb, useWebServer } from './support/web.js';

const today = '2024-03-15';

/** A body's report of a year, published (and signed) on the days given, ingested. */
async function ingest(
  server: WebServer,
  agency: string,
  year: number,
  publishedOn: string | null,
  signedOn: string | null = null,
): Promise<void> {
  const report = makeReport({ agency, year, publishedOn });
  report.signedOn = signedOn;
  const result = await ingestBytes(
    server.store,
    `${agency}-${year}.txt`,
    new TextEncoder().encode(renderAs(report, 'txt')),
  );
  expect(result.status).toBe('new');
}

/** A table row's cells, as read. */
const cellsOf = (text: string) => text.split('\t').map((t) => t.trim());

type Page = Awaited<ReturnType<typeof openPage>>['page'];
/** The texts of 发布情况's status tags (「全部（5）」, 「逾期未发布（1）」, …). */
const statusTags = (page: Page) =>
  page.getByRole('navigation', { name: '按发布情况筛选' }).locator('.ant-tag').allInnerTexts();
/** The tags showing these counts: every body, then 逾期未发布, 尚未到期, 逾期发布, 未注日期, 按时发布. */
const tagsOf = (counts: readonly number[]) =>
  ['全部', '逾期未发布', '尚未到期', '逾期发布', '未注日期', '按时发布'].map(
    (name, i) => `${name}（${counts[i]}）`,
  );

describeWeb('web: publication', () => {
  const web = useWebServer({
    today,
    evaluator: true,
    seed: async (server) => {
      // 2022 only: a department past its deadline (逾期未发布), a government not yet due (尚未到期).
      await ingest(server, '西宁市湟中区财政局', 2022, '2023-01-20');
      await ingest(server, '西宁市湟中区人民政府', 2022, '2023-03-10');
      // 2023: a department published after 31 January, one without a date, a government on time.
      await ingest(server, '西宁市城北区教育局', 2023, '2024-02-05');
      await ingest(server, '西宁市城北区民政局', 2023, null);
      await ingest(server, '西宁市城北区人民政府', 2022, '2023-03-20');
      await ingest(server, '西宁市城北区人民政府', 2023, '2024-03-01', '2024-02-26');
      // First seen in 2024: not expected to have published 2023's report.
      await ingest(server, '西宁市城西区审计局', 2024, '2025-01-20');
    },
  });

  it('shows the year before today’s: the counts, the deadlines, each body’s status; filters and exports', async () => {
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/oversight');
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByRole('link', { name: '发布情况' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight/publication');
    await page.getByRole('heading', { name: '发布情况', level: 1 }).waitFor();

    const summary = page.getByRole('region', { name: '发布情况汇总' });
    await summary.getByText('应发布的机关').waitFor();
    await expect
      .poll(async () =>
        (await summary.locator('.ant-card').allInnerTexts()).map((t) => t.replace(/\s+/g, '')),
      )
      .toEqual([
        '应发布的机关5个',
        '逾期未发布1个',
        '尚未到期1个',
        '逾期发布1个',
        '未注日期1个',
        '按时发布1个',
      ]);
    const list = page.getByRole('region', { name: '各机关发布情况' });
    await list
      .getByText(
        '2023 年度报告的发布期限：部门 2024-01-31，人民政府 2024-03-31（条例第四十九条）。截至 2024-03-15。',
      )
      .waitFor();
    // The year the server chose, in the year picker.
    await page
      .locator('.ant-select')
      .filter({ has: page.getByRole('combobox', { name: '年度' }) })
      .getByText('2023年')
      .waitFor();

    const rows = list.getByRole('row');
    await expect.poll(() => rows.count()).toBe(6);
    const texts = (await rows.allInnerTexts()).slice(1).map(cellsOf);
    expect(texts).toEqual([
      [
        '逾期未发布',
        '西宁市湟中区财政局',
        '西宁市湟中区',
        '部门',
        '2024-01-31',
        '—',
        '—',
        '逾期 44 天',
        '2022年度',
        '—',
      ],
      [
        '尚未到期',
        '西宁市湟中区人民政府',
        '西宁市湟中区',
        '人民政府',
        '2024-03-31',
        '—',
        '—',
        '还有 16 天',
        '2022年度',
        '—',
      ],
      [
        '逾期发布',
        '西宁市城北区教育局',
        '西宁市城北区',
        '部门',
        '2024-01-31',
        '2024-02-05',
        '—',
        '逾期 5 天',
        '—',
        '查看报告',
      ],
      [
        '未注日期',
        '西宁市城北区民政局',
        '西宁市城北区',
        '部门',
        '2024-01-31',
        '—',
        '—',
        '—',
        '—',
        '查看报告',
      ],
      [
        '按时发布',
        '西宁市城北区人民政府',
        '西宁市城北区',
        '人民政府',
        '2024-03-31',
        '2024-03-01',
        '2024-02-26',
        '—',
        '2022年度',
        '查看报告',
      ],
    ]);
    expect(await list.getByText('西宁市城西区审计局').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // The status filter, in the URL; the counts stay those of the whole scope.
    const statuses = page.getByRole('navigation', { name: '按发布情况筛选' });
    expect(await statusTags(page)).toEqual(tagsOf([5, 1, 1, 1, 1, 1]));
    await statuses.getByText('逾期未发布（1）').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('overdue');
    await expect.poll(() => rows.count()).toBe(2);
    expect(cellsOf(await rows.nth(1).innerText()).slice(0, 2)).toEqual(['逾期未发布', '西宁市湟中区财政局']);
    await statuses.getByText('全部（5）').click();
    await expect.poll(() => rows.count()).toBe(6);
    expect(new URL(page.url()).searchParams.get('status')).toBeNull();

    // 催报提醒: one for the body overdue, in a ZIP.
    const [reminders] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /生成催报提醒/ }).click(),
    ]);
    expect(reminders.suggestedFilename()).toBe('2023年度报告催报提醒.zip');
    expect(Object.keys(unzipSync(readFileSync((await reminders.path()) as string)))).toEqual([
      '催报提醒清单.csv',
      '西宁市湟中区财政局2023年度报告催报提醒.docx',
    ]);

    // The region filter: the counts are those of its bodies.
    await page.getByRole('combobox', { name: '地区' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '西宁市城北区' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('西宁市城北区');
    await expect.poll(() => statusTags(page)).toEqual(tagsOf([3, 0, 0, 1, 1, 1]));
    await expect.poll(() => rows.count()).toBe(4);
    await statuses.getByText('逾期未发布（0）').click();
    await list.getByText('没有「逾期未发布」的机关').waitFor();
    // None overdue here: nothing to remind.
    expect(await page.getByRole('button', { name: /生成催报提醒/ }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await statuses.getByText('全部（3）').click();

    // The same scope and year as a file.
    const csvLink = page.getByRole('link', { name: /导出 CSV/ });
    expect(await csvLink.getAttribute('href')).toBe(
      `/api/corpus/publication/export?region=${encodeURIComponent('西宁市城北区')}&year=2023&to=csv`,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    expect(download.suggestedFilename()).toBe('2023年度报告发布情况.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8').split('\r\n');
    expect(csv[0]).toBe(
      '\ufeffagency,region,kind,year,status,statusName,deadline,publishedOn,signedOn,daysLate,daysLeft,lastYear,bodyId,reportId',
    );
    expect(csv.slice(1, -1).map((r) => r.split(',').slice(0, 6))).toEqual([
      ['西宁市城北区教育局', '西宁市城北区', '部门', '2023', 'late', '逾期发布'],
      ['西宁市城北区民政局', '西宁市城北区', '部门', '2023', 'undated', '未注日期'],
      ['西宁市城北区人民政府', '西宁市城北区', '人民政府', '2023', 'onTime', '按时发布'],
    ]);
    // The draft notice of the same scope and year, as a Word document.
    const notice = page.getByRole('link', { name: /生成通报（Word）/ });
    expect(await notice.getAttribute('href')).toBe(
      `/api/corpus/publication/export?region=${encodeURIComponent('西宁市城北区')}&year=2023&to=docx`,
    );
    const [word] = await Promise.all([page.waitForEvent('download'), notice.click()]);
    expect(word.suggestedFilename()).toBe('2023年度报告发布情况通报.docx');
    expect([...readFileSync((await word.path()) as string).subarray(0, 2)]).toEqual([0x50, 0x4b]);

    // A report opens in 监督概览's drawer.
    await list
      .getByRole('row', { name: /西宁市城北区人民政府/ })
      .getByRole('link', { name: '查看报告' })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight');
    expect(new URL(page.url()).searchParams.get('report')).toMatch(/^\d+$/);
    await page.getByRole('dialog').getByText('西宁市城北区人民政府 2023年度报告').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sums up the bodies by region, those with the most overdue first; a region filters the page to it', async () => {
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/oversight/publication?status=pending');
    const panel = page.getByRole('region', { name: '按地区汇总' });
    const rows = panel.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    expect((await rows.allInnerTexts()).map(cellsOf)).toEqual([
      ['地区', '应发布', '逾期未发布', '尚未到期', '逾期发布', '未注日期', '按时发布'],
      ['西宁市湟中区', '2', '1', '1', '0', '0', '0'],
      ['西宁市城北区', '3', '0', '0', '1', '1', '1'],
    ]);
    // Two regions: every one listed, no caption.
    expect(await panel.getByText(/^共 \d+ 个地区/).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // Summed up by county, where the bodies' places differ; by city, they are one region. The level
    // lives in the URL; the bodies' list stays.
    const selectedLevel = () => panel.locator('.ant-segmented-item-selected').innerText();
    expect(await selectedLevel()).toBe('按县区');
    await panel.getByText('按市', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('city');
    await expect
      .poll(async () => (await rows.allInnerTexts()).map(cellsOf).slice(1))
      .toEqual([['西宁市', '5', '1', '1', '1', '1', '1']]);
    expect(await selectedLevel()).toBe('按市');
    await expect
      .poll(() => panel.getByText('名称未写明所属市的机关按名称中最高一级的地区计').count())
      .toBe(1);
    expect(new URL(page.url()).searchParams.get('status')).toBe('pending');
    await panel.getByText('按县区', { exact: true }).click();
    await expect.poll(() => rows.count()).toBe(3);

    // A region: the page filtered to it (the status kept), its counts; one region left, no summary.
    await panel.getByRole('link', { name: '西宁市湟中区' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('西宁市湟中区');
    expect(new URL(page.url()).searchParams.get('status')).toBe('pending');
    // (The region's bodies are summed up from where their places differ: no level kept.)
    expect(new URL(page.url()).searchParams.get('level')).toBe(null);
    await expect.poll(() => statusTags(page)).toEqual(tagsOf([2, 1, 1, 0, 0, 0]));
    await expect.poll(() => panel.count()).toBe(0);
    const list = page.getByRole('region', { name: '各机关发布情况' });
    expect(cellsOf(await list.getByRole('row').nth(1).innerText()).slice(0, 2)).toEqual([
      '尚未到期',
      '西宁市湟中区人民政府',
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('tells 监督概览 how many bodies are overdue, links 发布情况 in the same scope and marks the matrix', async () => {
    const { page, problems, context } = await web.open('evaluator');
    // The year filter and the report filters choose reports, not bodies: the notice stays 2023's.
    await page.goto('/oversight?year=2022&late=false');
    const notice = page.getByRole('status').filter({ hasText: '年度报告：' });
    await notice
      .getByText(
        '2023 年度报告：1 个机关逾期未发布，1 个尚未到期（部门期限 2024-01-31，人民政府 2024-03-31）。',
        { exact: true },
      )
      .waitFor();
    expect(await notice.getAttribute('class')).toMatch(/ant-alert-warning/);
    expect(await notice.getByRole('link', { name: '查看发布情况' }).getAttribute('href')).toBe(
      '/oversight/publication',
    );

    // The matrix shows 2023 once the year filter is gone: the two bodies without 2023's report are marked.
    await page.goto('/oversight');
    const matrix = page.getByRole('region', { name: '机关 × 年度' });
    const row = (name: string) => matrix.getByRole('row', { name: new RegExp(`^${name}`) });
    // antd spaces a two-character button's label (「正 常」): the cells without spaces.
    const cells = async (name: string) =>
      cellsOf(await row(name).innerText()).map((t) => t.replace(/\s/g, ''));
    await expect
      .poll(async () => cells('西宁市湟中区财政局'))
      .toEqual(['西宁市湟中区财政局', '正常', '逾期未发布', '无报告']);
    expect(await row('西宁市湟中区财政局').getByText('逾期未发布').getAttribute('title')).toBe(
      '期限 2024-01-31，未发布',
    );
    expect(await cells('西宁市湟中区人民政府')).toEqual(['西宁市湟中区人民政府', '正常', '未到期', '无报告']);
    // First seen in 2024: not expected to publish 2023's report, not marked.
    expect(await cells('西宁市城西区审计局')).toEqual(['西宁市城西区审计局', '无报告', '无报告', '正常']);
    expect(await axeViolations(page)).toEqual([]);

    // A region whose bodies all published: a notice, not a warning; the link keeps the region.
    await page.goto(`/oversight?region=${encodeURIComponent('西宁市城北区')}`);
    const info = page.getByRole('status').filter({ hasText: '年度报告：' });
    await info
      .getByText('2023 年度报告：应发布的 3 个机关均已发布（部门期限 2024-01-31，人民政府 2024-03-31）。', {
        exact: true,
      })
      .waitFor();
    expect(await info.getAttribute('class')).toMatch(/ant-alert-info/);
    expect(await axeViolations(page)).toEqual([]);
    const link = info.getByRole('link', { name: '查看发布情况' });
    expect(await link.getAttribute('href')).toBe(
      `/oversight/publication?region=${encodeURIComponent('西宁市城北区')}`,
    );
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight/publication');
    expect(new URL(page.url()).searchParams.get('region')).toBe('西宁市城北区');
    await page.getByRole('navigation', { name: '按发布情况筛选' }).getByText('全部（3）').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows another year from the picker, an empty year, and nothing to a clerk', async () => {
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/oversight/publication');
    const list = page.getByRole('region', { name: '各机关发布情况' });
    await list.getByText(/^2023 年度报告的发布期限/).waitFor();
    await page.getByRole('combobox', { name: '年度' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '2022年' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2022');
    await list
      .getByText(
        '2022 年度报告的发布期限：部门 2023-01-31，人民政府 2023-03-31（条例第四十九条）。截至 2024-03-15。',
      )
      .waitFor();
    // 2022's reports of the three bodies seen that year, all on time.
    await expect.poll(() => statusTags(page)).toEqual(tagsOf([3, 0, 0, 0, 0, 3]));

    // A year before the corpus: no body was expected to publish.
    await page.goto('/oversight/publication?year=2021');
    await list.getByText('报告库中没有应发布 2021 年度报告的机关').waitFor();
    // Nothing to export: the export is disabled (antd drops its href, so it is no link).
    const csv = page.locator('a.ant-btn', { hasText: '导出 CSV' });
    expect(await csv.getAttribute('aria-disabled')).toBe('true');
    expect(await csv.getAttribute('href')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();

    const clerk = await web.open('clerk');
    await clerk.page.goto('/oversight/publication');
    await clerk.page.getByText('当前账号没有查看此页面的权限。').waitFor();
    const menu = clerk.page.getByRole('navigation', { name: '主菜单' });
    expect(await menu.getByRole('link', { name: '发布情况' }).count()).toBe(0);
    expect(clerk.problems).toEqual([]);
    await clerk.context.close();
  });

  it('leaves a body dissolved in 2023 (机关 → 修改 → 撤销年份) out of 2023’s 发布情况', async () => {
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/oversight/publication');
    const statuses = page.getByRole('navigation', { name: '按发布情况筛选' });
    await statuses.getByText('全部（5）').waitFor();
    // The paragraph on how 应发布 is decided says so, and links the page where the year is set.
    const rule = page.getByText(/已撤销的机关自撤销年份起不再计入/);
    await rule.getByRole('link', { name: '机关' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight/bodies');

    const bodies = page.getByRole('region', { name: '机关列表' });
    await bodies.getByRole('button', { name: '修改 西宁市湟中区财政局' }).click();
    const edit = page.getByRole('dialog', { name: '修改机关「西宁市湟中区财政局」' });
    await edit.getByRole('spinbutton', { name: '撤销年份' }).fill('2023');
    expect(await axeViolations(page)).toEqual([]);
    // antd spaces a two-character button's label: 「保 存」.
    await edit.getByRole('button', { name: /^保\s?存$/ }).click();
    await page.getByText('已修改机关「西宁市湟中区财政局」').waitFor();
    const row = bodies.getByRole('row', { name: /西宁市湟中区财政局/ });
    await row.getByText('撤销于 2023 年', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // No longer expected to publish 2023's report: not listed, not overdue.
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '发布情况' }).click();
    await expect.poll(() => statusTags(page)).toEqual(tagsOf([4, 0, 1, 1, 1, 1]));
    const list = page.getByRole('region', { name: '各机关发布情况' });
    await expect.poll(() => list.getByRole('row').count()).toBe(5);
    expect(await list.getByText('西宁市湟中区财政局').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists a body that never published as overdue once 应发布名录 names it (机关 → 导入应发布名录)', async () => {
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/oversight/bodies');
    await page.getByRole('button', { name: '导入应发布名录' }).click();
    const dialog = page.getByRole('dialog', { name: '导入应发布名录' });
    // One body the corpus has (pasted from a table: its first column), one it never saw.
    await dialog.getByLabel('机关名称').fill('西宁市城北区教育局\t部门\n西宁市城北区审计局\n\n');
    await dialog.getByRole('spinbutton', { name: '应发布起始年度' }).fill('2023');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '导入 2 个机关' }).click();
    const result = dialog.getByRole('region', { name: '导入结果' });
    await result
      .getByText('已导入 2 个机关（新建 1 个），自 2023 年度起应发布（此前已设定更早年度的不变）')
      .waitFor();
    await result.getByText('新建：西宁市城北区审计局').waitFor();
    await dialog.getByRole('button', { name: /^完\s?成$/ }).click();
    const row = page
      .getByRole('region', { name: '机关列表' })
      .getByRole('row', { name: /西宁市城北区审计局/ });
    await row.getByText('自 2023 年度应发布', { exact: true }).waitFor();

    // 2023: it owes the report and has none: 逾期未发布 (a department, past 31 January).
    await page.goto('/oversight/publication?status=overdue');
    const list = page.getByRole('region', { name: '各机关发布情况' });
    const audit = list.getByRole('row', { name: /西宁市城北区审计局/ });
    await audit.getByText('逾期未发布').waitFor();
    // Its last report: none in the corpus.
    await audit.getByText('报告库中没有').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  describe('paged by the server', () => {
    // 55 departments past their deadline, named by the sexagenary cycle (甲子局, 乙丑局, …), in the
    // API's order: by name within their region.
    const departments = Array.from(
      { length: 55 },
      (_, i) => `海东市平安区${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉戌亥'[i % 12]}局`,
    ).sort(new Intl.Collator('zh-CN').compare);
    const paged = useWebServer({
      today,
      evaluator: true,
      browserOf: web,
      seed: async (server) => {
        // 2022 only: 55 departments past 2023's deadline, 3 governments not yet due.
        for (const agency of departments) await ingest(server, agency, 2022, '2023-01-20');
        for (const agency of ['海东市平安区人民政府', '海东市乐都区人民政府', '海东市互助土族自治县人民政府'])
          await ingest(server, agency, 2022, '2023-03-10');
      },
    });

    it('asks for 50 bodies at a time, keeps the page in the URL, and goes back to the first on another status', async () => {
      const { page, problems, context } = await paged.open('evaluator');
      // The query of each request for 发布情况's bodies.
      const asked: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.pathname === '/api/corpus/publication') asked.push(url.search);
      });
      await page.goto('/oversight/publication');
      const list = page.getByRole('region', { name: '各机关发布情况' });
      const statuses = page.getByRole('navigation', { name: '按发布情况筛选' });
      await expect.poll(() => statusTags(page)).toEqual(tagsOf([58, 55, 3, 0, 0, 0]));
      const rows = list.getByRole('row');
      const names = async () => (await rows.allInnerTexts()).slice(1).map((t) => cellsOf(t)[1]);
      await expect.poll(() => rows.count()).toBe(51);
      expect(await names()).toEqual(departments.slice(0, 50));
      expect(asked).toEqual(['?offset=0&limit=50']);

      // The second page: the server's next 50 (here 8), its number in the URL.
      await list.locator('.ant-pagination').getByTitle('2', { exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
      await expect.poll(() => rows.count()).toBe(9);
      const second = [
        ...departments.slice(50),
        // Not yet due, after those past it; by region (互助, 乐都, 平安 in pinyin order).
        '海东市互助土族自治县人民政府',
        '海东市乐都区人民政府',
        '海东市平安区人民政府',
      ];
      expect(await names()).toEqual(second);
      expect(asked).toEqual(['?offset=0&limit=50', '?offset=50&limit=50']);
      expect(await axeViolations(page)).toEqual([]);

      // The URL alone opens the second page.
      await page.goto('/oversight/publication?page=2');
      await expect.poll(() => rows.count()).toBe(9);
      expect(await names()).toEqual(second);
      expect(asked.at(-1)).toBe('?offset=50&limit=50');

      // Another status lists other bodies: from its first page, asked of the server.
      await statuses.getByText('尚未到期（3）').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('pending');
      expect(new URL(page.url()).searchParams.get('page')).toBeNull();
      await expect.poll(() => rows.count()).toBe(4);
      expect(await names()).toEqual(second.slice(5));
      expect(asked.at(-1)).toBe('?status=pending&offset=0&limit=50');
      // A single page: no pager.
      expect(await list.locator('.ant-pagination').count()).toBe(0);
      await statuses.getByText('逾期未发布（55）').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('overdue');
      await expect.poll(async () => (await names())[0]).toBe(departments[0]);
      expect(await names()).toEqual(departments.slice(0, 50));
      expect(asked.at(-1)).toBe('?status=overdue&offset=0&limit=50');

      // A page past the end (a URL kept from when more bodies were listed): the last page, in place
      // of that URL (one history entry for the visit, none for the correction).
      // (The browser's history, read in the page: the test's own types have no DOM.)
      const historyLength = () => page.evaluate<number>('history.length');
      const entries = await historyLength();
      await page.goto('/oversight/publication?page=9');
      await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
      await expect.poll(() => rows.count()).toBe(9);
      expect(await names()).toEqual(second);
      expect(await historyLength()).toBe(entries + 1);
      await page.goto('/oversight/publication?status=pending&page=3');
      await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBeNull();
      await expect.poll(() => rows.count()).toBe(4);
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});
