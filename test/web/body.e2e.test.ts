/**
 * 机关档案 in a real browser against the real server, on 2024-03-15: 宿迁市宿城区财政局 (a department:
 * due on 31 January) published 2021's report on time and 2022's in two versions, the second late
 * (6 February); its 2023 report is overdue. Its 2020 report was signed 宿迁市宿城区财政和国资局, a
 * body of its own until merged into it; one more version of it has no year. The page lists each year
 * with its status, dates, versions and findings, opens a report in the drawer and links 两年对比; its
 * figures are the reports' own cells; the merged body's id moves to the body that stands. 机关, 统计对比,
 * 发布情况 and 两年对比 link the page.
 */
import { expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { ingestBytes } from '../../src/corpus/ingest.js';
import { crosswalk, measureValue } from '../../src/spec/crosswalk.js';
import { compareReport } from '../corpus/compare-fixture.js';
import { makeReport, renderAs, storeReport } from '../corpus/helpers.js';
import { axeViolations } from './support/browser.js';
import { describeWeb, useWebServer } from './support/web.js';

const today = '2024-03-15';
const agency = '宿迁市宿城区财政局';
const oldName = '宿迁市宿城区财政和国资局';

/** A table row's cells, as read. */
const cellsOf = (text: string) => text.split('\t').map((t) => t.trim());

/** New applications (新收申请) as the statistics read them from a report's cells. */
const newApplications = (report: Report): number => {
  const measure = crosswalk.find((m) => m.id === 'applications.new');
  if (!measure) throw new Error('no measure applications.new');
  return measureValue(measure, report.format, report.cells) ?? 0;
};

describeWeb('web: body profile', () => {
  /** The reports counted by year (each year's newest version). */
  const counted = new Map<number, Report>();
  const ids = { body: '', old: '' };

  const ingest = async (file: string, report: Report, status: 'new' | 'version') => {
    const result = await ingestBytes(
      web.server.store,
      file,
      new TextEncoder().encode(renderAs(report, 'txt')),
    );
    expect(result.status).toBe(status);
  };
  const bodyIdOf = async (name: string) =>
    (
      await web.server.store.db
        .selectFrom('corpus_bodies')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;

  const web = useWebServer({
    today,
    evaluator: true,
    seed: async (server) => {
      const r2021 = compareReport(agency, 2021);
      await ingest(`${agency}-2021.txt`, r2021, 'new');
      await ingest(`${agency}-2022.txt`, compareReport(agency, 2022), 'new');
      // The same report again, published after the deadline: the newest version, late.
      const r2022 = compareReport(agency, 2022);
      r2022.publishedOn = '2023-02-06';
      await ingest(`${agency}-2022-2.txt`, r2022, 'version');
      const r2020 = makeReport({ agency: oldName, year: 2020 });
      await ingest(`${oldName}-2020.txt`, r2020, 'new');
      counted.set(2020, r2020).set(2021, r2021).set(2022, r2022);
      ids.body = await bodyIdOf(agency);
      ids.old = await bodyIdOf(oldName);
      expect(ids.old).not.toBe(ids.body);
      // A version whose year could not be read.
      await storeReport(server.store, {
        sha256: 'undated',
        body_id: ids.body,
        agency_name: agency,
        year: null,
        version: 1,
        file: `${agency}-无年度.pdf`,
        published_on: null,
        signed_on: null,
      });
    },
  });

  it('shows a body’s years, figures and names; opens a report; links 两年对比; a merged id moves', async () => {
    const { page, problems, context } = await web.open('evaluator');
    // The other spelling merged into the body, through the API as 机关's 「合并到…」 does.
    const merged = await page.request.post(`/api/corpus/bodies/${ids.old}/merge`, {
      data: { into: ids.body },
      headers: { origin: web.server.url },
    });
    expect(merged.status()).toBe(200);

    // 机关 links each body's profile.
    await page.goto('/oversight/bodies');
    await page
      .getByRole('region', { name: '机关列表' })
      .getByRole('link', { name: agency, exact: true })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/oversight/bodies/${ids.body}`);
    await page.getByRole('heading', { name: '机关档案', level: 1 }).waitFor();
    await page.getByRole('heading', { name: agency, level: 2 }).waitFor();
    // Out of the menu: 机关 is the item shown selected.
    const menu = page.getByRole('navigation', { name: '主菜单' });
    expect(await menu.locator('.ant-menu-item-selected').innerText()).toBe('机关');
    expect(await page.title()).toBe('机关档案 - 政府信息公开工作平台');

    const header = page
      .locator('.ant-descriptions')
      .filter({ has: page.getByRole('heading', { name: agency }) });
    expect(
      await header.locator('.ant-descriptions-item-label, .ant-descriptions-item-content').allInnerTexts(),
    ).toEqual([
      '类型',
      '部门',
      '地区',
      '宿迁市宿城区',
      '报告署名的其他写法',
      oldName,
      '报告',
      '5 份（各版本分别计）',
    ]);
    expect(await header.getByRole('link', { name: '在监督概览中查看' }).getAttribute('href')).toBe(
      `/oversight?agency=${ids.body}`,
    );
    expect(await header.getByRole('link', { name: '跨报告核查' }).getAttribute('href')).toBe(
      `/oversight/checks?agency=${ids.body}`,
    );
    expect(await header.getByRole('link', { name: '整改情况' }).getAttribute('href')).toBe(
      `/oversight/corrections?agency=${ids.body}`,
    );
    expect(await header.getByRole('link', { name: '两年对比' }).getAttribute('href')).toBe(
      `/oversight/compare?body=${ids.body}`,
    );

    const years = page.getByRole('region', { name: '各年度发布情况' });
    await years
      .getByText(
        '条例第四十九条：部门在每年 1 月 31 日前公布上一年度的年度报告。自报告库中该机关最早一份报告的年度起逐年列出；截至 2024-03-15。',
      )
      .waitFor();
    const rows = years.getByRole('row');
    await expect.poll(() => rows.count()).toBe(5);
    expect((await rows.allInnerTexts()).map(cellsOf)).toEqual([
      ['年度', '发布情况', '期限', '发布日期', '落款日期', '逾期 / 剩余', '版本数', '错误 / 警告', '操作'],
      ['2023年度', '逾期未发布', '2024-01-31', '—', '—', '逾期 44 天', '—', '—', '—'],
      // The newest version's findings: two sums off (the fixture's edit), the late date.
      [
        '2022年度',
        '逾期发布',
        '2023-01-31',
        '2023-02-06',
        '—',
        '逾期 6 天',
        '2',
        '2 / 1',
        expect.any(String),
      ],
      ['2021年度', '按时发布', '2022-01-31', '2022-01-20', '—', '—', '1', '0 / 0', expect.any(String)],
      ['2020年度', '按时发布', '2021-01-31', '2021-01-20', '—', '—', '1', '0 / 0', '查看报告'],
    ]);
    const row = (year: number) => years.getByRole('row', { name: new RegExp(`^${year}年度`) });
    expect(await row(2023).getByRole('link').count()).toBe(0);
    expect(await row(2022).getByRole('link', { name: '与上一年度对比' }).getAttribute('href')).toBe(
      `/oversight/compare?body=${ids.body}&from=2021&to=2022`,
    );
    expect(await row(2021).getByRole('link', { name: '与上一年度对比' }).getAttribute('href')).toBe(
      `/oversight/compare?body=${ids.body}&from=2020&to=2021`,
    );
    expect(await row(2020).getByRole('link', { name: '与上一年度对比' }).count()).toBe(0);
    const undated = years.getByRole('region', { name: '读不出年度的报告' });
    await undated.getByText('另有 1 份报告读不出年度，不在上表中：').waitFor();
    await undated.getByText(`${agency}-无年度.pdf（第 1 版，发布日期 —）`).waitFor();

    // 主要数字: each year's newest version, as its own cells say.
    const figures = page.getByRole('table', { name: '各年度主要数字' });
    await figures.getByRole('row').first().waitFor();
    expect(cellsOf(await figures.getByRole('row').first().innerText())).toEqual([
      '指标',
      '2020年度',
      '2021年度',
      '2022年度',
    ]);
    const applications = [2020, 2021, 2022].map((y) =>
      newApplications(counted.get(y) as Report).toLocaleString('zh-CN'),
    );
    expect(cellsOf(await figures.getByRole('row', { name: /^新收申请/ }).innerText())).toEqual([
      '新收申请',
      ...applications,
    ]);
    // 2022 has five more 自然人 applications than 2021 (the fixture).
    expect(newApplications(counted.get(2022) as Report)).toBe(
      newApplications(counted.get(2021) as Report) + 5,
    );
    await page.getByRole('img', { name: '各年度新收申请' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A report opens in the drawer, kept in the URL.
    await row(2022).getByRole('link', { name: '查看报告' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(`${agency} 2022年度报告`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/oversight/bodies/${ids.body}`);
    expect(new URL(page.url()).searchParams.get('report')).toMatch(/^\d+$/);
    // The newest version (the second) of 2022's report.
    const version = drawer
      .locator('.ant-descriptions-item-label', { hasText: /^版本$/ })
      .locator('xpath=following-sibling::*[1]');
    expect(await version.innerText()).toBe('2');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('report')).toBeNull();

    // The merged body's id: the body it was merged into, in place of the URL (one history entry for
    // the visit, none for the move). (The browser's history, read in the page: no DOM types here.)
    const historyLength = () => page.evaluate<number>('history.length');
    const entries = await historyLength();
    await page.goto(`/oversight/bodies/${ids.old}`);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/oversight/bodies/${ids.body}`);
    expect(await historyLength()).toBe(entries + 1);
    await page.getByRole('heading', { name: agency, level: 2 }).waitFor();
    await expect.poll(() => rows.count()).toBe(5);

    // 在监督概览中查看: the body's reports.
    await header.getByRole('link', { name: '在监督概览中查看' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight');
    await page.getByText('共 5 份报告').waitFor();

    // No such body: the API's own message.
    await page.goto('/oversight/bodies/nobody');
    await page.getByRole('alert').getByText('机关「nobody」不存在或无权查看').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is linked from 统计对比, 发布情况 and 两年对比', async () => {
    const { page, problems, context } = await web.open('evaluator');
    const profile = `/oversight/bodies/${ids.body}`;
    await page.goto('/oversight/stats?by=agency');
    const stats = page.getByRole('region', { name: '统计结果' }).getByRole('link', { name: agency });
    expect(await stats.getAttribute('href')).toBe(profile);

    await page.goto('/oversight/publication');
    const publication = page
      .getByRole('region', { name: '各机关发布情况' })
      .getByRole('link', { name: agency });
    expect(await publication.getAttribute('href')).toBe(profile);

    await page.goto(`/oversight/compare?body=${ids.body}`);
    await page.getByRole('table', { name: '数值变化的格' }).waitFor();
    await page.getByRole('link', { name: agency, exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(profile);
    await page.getByRole('heading', { name: agency, level: 2 }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('marks a body dissolved (撤销年份) and corrected, and no longer lists the years after', async () => {
    const { page, problems, context } = await web.open('evaluator');
    // Set on the profile itself, with the dialog 机关 uses (修改 → 撤销年份).
    await page.goto(`/oversight/bodies/${ids.body}`);
    await page.getByRole('button', { name: '修 改' }).click();
    const dialog = page.getByRole('dialog', { name: `修改机关「${agency}」` });
    await dialog.getByLabel('撤销年份').fill('2023');
    await dialog.getByRole('button', { name: '保 存' }).click();
    await page.getByText(`已修改机关「${agency}」`).waitFor();
    const title = page.locator('.ant-descriptions-title').filter({ hasText: agency });
    await title.getByText('撤销于 2023 年', { exact: true }).waitFor();
    await title.getByText('已人工修改', { exact: true }).waitFor();
    const years = page.getByRole('region', { name: '各年度发布情况' });
    await years
      .getByText(
        '条例第四十九条：部门在每年 1 月 31 日前公布上一年度的年度报告。自报告库中该机关最早一份报告的年度起逐年列出（2023 年撤销，此后没有报告的年度不列）；截至 2024-03-15。',
      )
      .waitFor();
    // 2023 has no report and the body no longer exists: not owed.
    const rows = years.getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);
    expect((await rows.allInnerTexts()).slice(1).map((t) => cellsOf(t).slice(0, 2))).toEqual([
      ['2022年度', '逾期发布'],
      ['2021年度', '按时发布'],
      ['2020年度', '按时发布'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
