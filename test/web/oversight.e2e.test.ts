/** 监督概览 in a real browser: ingested reports in the table, charts drawn, drill-down, upload. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/corpus/ingest.js';
import { makeReport, renderAs } from '../corpus/helpers.js';
import { axeViolations } from './support/browser.js';
import { brokenExample } from './support/reports.js';
import { describeWeb, useWebServer } from './support/web.js';

const examples = resolve(import.meta.dirname, '../../examples');

describeWeb('web: oversight', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-oversight-'));
  const web = useWebServer({
    evaluator: true,
    seed: async (server) => {
      for (const name of ['湟源县人民政府办公室-2021.txt', '嘉祥县工业和信息化局-2021.txt']) {
        const result = await ingestBytes(server.store, name, readFileSync(join(examples, name)));
        expect(result.status).toBe('new');
      }
    },
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('lands the evaluator on it, lists the corpus, draws the charts, drills down to a report and ingests an upload', async () => {
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight');
    // An evaluator has no register, but checks single reports: 报告检查 is in the menu.
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await expect
      .poll(() => menu.getByRole('menuitem').allInnerTexts())
      .toEqual([
        '报告检查',
        '监督概览',
        '报告对比',
        '跨报告核查',
        '发布情况',
        '整改情况',
        '评分',
        '统计对比',
        '机关',
      ]);
    const table = page.getByRole('region', { name: '报告列表' });
    await table.getByRole('link', { name: '嘉祥县工业和信息化局' }).waitFor();
    await table.getByRole('link', { name: '湟源县人民政府办公室' }).waitFor();
    await page.getByText('共 2 份报告').waitFor();
    // Whose reports these are, under the title.
    await page.getByText('查看范围：整个报告库。').waitFor();
    await expect.poll(() => page.locator('canvas').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    // The chart by region sums up where the bodies' places differ (two counties here), or at the
    // level chosen, kept in the URL.
    const chartLevel = page.getByLabel('各地区申请与办理结果的汇总层级');
    await expect.poll(() => chartLevel.locator('.ant-segmented-item-selected').innerText()).toBe('按县区');
    const byProvince = page.waitForRequest((r) => r.url().includes('/api/corpus/stats?by=province'));
    await chartLevel.getByText('按省', { exact: true }).click();
    await byProvince;
    expect(new URL(page.url()).searchParams.get('level')).toBe('province');
    await expect.poll(() => chartLevel.locator('.ant-segmented-item-selected').innerText()).toBe('按省');

    await table.getByRole('link', { name: '嘉祥县工业和信息化局' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('嘉祥县工业和信息化局 2021年度报告').waitFor();
    expect(new URL(page.url()).searchParams.get('report')).toMatch(/^\d+$/);
    const source = drawer.getByRole('link', { name: /下载原文/ });
    expect(await source.getAttribute('href')).toMatch(/^\/api\/corpus\/reports\/\d+\/source$/);
    const letter = drawer.getByRole('link', { name: /核查意见（Word）/ });
    expect(await letter.getAttribute('href')).toMatch(/^\/api\/corpus\/reports\/\d+\/letter$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('report')).toBeNull();

    const csv = page.getByRole('link', { name: /导出 CSV/ });
    expect(await csv.getAttribute('href')).toBe('/api/corpus/export?to=csv');

    const file = join(dir, '湟源县人民政府办公室-2021-修订.txt');
    writeFileSync(file, brokenExample());
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText(/共读取 1 份：新增 0 份，新版本 1 份/).waitFor();
    await page.getByText('共 3 份报告').waitFor();
    // The new version is a row of its own, marked as such; the first keeps no mark.
    const huangyuan = table.getByRole('row', { name: /湟源县人民政府办公室/ });
    await expect.poll(() => huangyuan.count()).toBe(2);
    expect(await huangyuan.filter({ hasText: '第2版' }).count()).toBe(1);

    // By the kind of error: the new version's are its own (an identity broken), none was left unread.
    const problem = page.getByRole('combobox', { name: '错误类型' });
    await problem.click();
    await page.locator('.ant-select-item-option').filter({ hasText: '报告本身有错误' }).click();
    await page.getByText('共 1 份报告').waitFor();
    expect(new URL(page.url()).searchParams.get('problem')).toBe('report');
    await expect.poll(() => huangyuan.innerText()).toMatch(/第2版/);
    expect(await csv.getAttribute('href')).toBe('/api/corpus/export?problem=report&to=csv');
    // Its drawer lists the report's own problems apart from those of reading it.
    await table.getByRole('link', { name: '湟源县人民政府办公室' }).click();
    const own = page.getByRole('dialog').getByRole('region', { name: '报告本身的问题' });
    await own.getByText('核查发现的，写进给机关的核查意见').waitFor();
    expect(await own.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await problem.click();
    await page.locator('.ant-select-item-option').filter({ hasText: '有未能读出的数字' }).click();
    await page.getByText('共 0 份报告').waitFor();
    await page.goto('/oversight');
    await page.getByText('共 3 份报告').waitFor();
    // Only the newest version of each body and year (as the statistics count), kept in the URL.
    // (Clicked, not check(): the box follows the URL, which changes after the click.)
    const latest = page.getByRole('checkbox', { name: '只看最新版本' });
    await latest.click();
    await page.getByText('共 2 份报告').waitFor();
    expect(new URL(page.url()).searchParams.get('latest')).toBe('true');
    expect(await latest.isChecked()).toBe(true);
    await expect.poll(() => huangyuan.count()).toBe(1);
    expect(await huangyuan.filter({ hasText: '第2版' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /导出 CSV/ }).getAttribute('href')).toBe(
      '/api/corpus/export?latest=true&to=csv',
    );
    await latest.click();
    await page.getByText('共 3 份报告').waitFor();
    expect(new URL(page.url()).searchParams.get('latest')).toBeNull();

    // 生成核查意见: a letter for each body's newest report with something to say, in a ZIP.
    const [letters] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /生成核查意见/ }).click(),
    ]);
    expect(letters.suggestedFilename()).toBe('核查意见.zip');
    expect(Object.keys(unzipSync(readFileSync((await letters.path()) as string)))).toEqual([
      '核查意见清单.csv',
      '湟源县人民政府办公室2021年度报告核查意见.docx',
    ]);

    await page.getByRole('button', { name: /^嘉祥县工业和信息化局 2021年：/ }).click();
    await page.getByText('共 1 份报告').waitFor();
    expect(new URL(page.url()).searchParams.get('year')).toBe('2021');
    // Nothing to say of this report (on time, no problem found): no ZIP, a message.
    await page.getByRole('button', { name: /生成核查意见/ }).click();
    await page.getByText('当前范围内没有逾期、未注日期或发现问题的报告，未生成核查意见').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // From a corpus report to 报告检查: its cells beside its source, read from the corpus (which
    // kept the decoded text, not the file, which is not where it was ingested from).
    await table.getByRole('link', { name: '嘉祥县工业和信息化局' }).click();
    await page
      .getByRole('dialog')
      .getByRole('link', { name: /在报告检查中查看/ })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inspect');
    expect(new URL(page.url()).searchParams.get('corpus')).toMatch(/^\d+$/);
    await page.getByText('报告库中的报告：嘉祥县工业和信息化局-2021.txt').waitFor();
    await page
      .getByText('取不到原文件（报告库没有保存，导入时的文件也不在原处或已改动），按导入时解码的文字检查')
      .waitFor();
    await page.getByText(/读出 \d+ 个单元格/).waitFor();
    await page.getByRole('region', { name: '原文' }).getByText('嘉祥县工业和信息化局').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('corrects a body’s kind, which judges its reports again, and merges two bodies', async () => {
    // A second version of 嘉祥's report, published in February: late for a department (31 January).
    const jiaxiangText = readFileSync(join(examples, '嘉祥县工业和信息化局-2021.txt'), 'utf8');
    const february = jiaxiangText.replace('发布时间:2022-01-25', '发布时间:2022-02-25');
    expect(february).not.toBe(jiaxiangText);
    const late = await ingestBytes(
      web.server.store,
      '嘉祥县工业和信息化局-2021-2.txt',
      Buffer.from(february),
    );
    expect(late.status).toBe('version');
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/oversight?late=true');
    await page.getByText('共 1 份报告').waitFor();
    const lateRows = page.getByRole('region', { name: '报告列表' });
    await lateRows.getByRole('link', { name: '嘉祥县工业和信息化局' }).waitFor();

    await page.goto('/oversight/bodies');
    await page.getByText('共 2 个机关').waitFor();
    const list = page.getByRole('region', { name: '机关列表' });
    const jiaxiang = list.getByRole('row', { name: /嘉祥县工业和信息化局/ });
    expect(await jiaxiang.innerText()).toMatch(/嘉祥县[\s\S]*部门[\s\S]*2 份/);
    expect(await axeViolations(page)).toEqual([]);
    // Looked up by the server as the name or region is typed, the text in the URL.
    const search = page.getByLabel('按名称或地区查找');
    await search.fill('嘉祥');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('嘉祥');
    await page.getByText('1 / 2 个机关').waitFor();
    await expect.poll(() => list.getByRole('row').count()).toBe(2);
    await jiaxiang.waitFor();
    // The kind too: no government in 嘉祥.
    await page.getByRole('combobox', { name: '机关类型' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '人民政府' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('government');
    await list.getByText('没有找到机关').waitFor();
    await page.getByText('0 / 2 个机关').waitFor();
    // Back: the kind gone, the text still looked for.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBeNull();
    await page.getByText('1 / 2 个机关').waitFor();
    // Back again: the text gone from the URL and the box.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBeNull();
    await page.getByText('共 2 个机关').waitFor();
    expect(await search.inputValue()).toBe('');
    // The URL alone opens the search.
    await page.goto(`/oversight/bodies?q=${encodeURIComponent('湟源')}`);
    await page.getByText('1 / 2 个机关').waitFor();
    expect(await search.inputValue()).toBe('湟源');
    await list.getByRole('row', { name: /湟源县人民政府办公室/ }).waitFor();
    await page.goto('/oversight/bodies');
    await page.getByText('共 2 个机关').waitFor();

    await list.getByRole('button', { name: '修改 嘉祥县工业和信息化局' }).click();
    const edit = page.getByRole('dialog', { name: '修改机关「嘉祥县工业和信息化局」' });
    await edit.getByRole('radio', { name: '人民政府' }).check();
    expect(await axeViolations(page)).toEqual([]);
    // antd spaces a two-character button's label: 「保 存」.
    await edit.getByRole('button', { name: /^保\s?存$/ }).click();
    await page
      .getByText('已修改机关「嘉祥县工业和信息化局」：其报告已按人民政府重新计算发布期限和是否逾期')
      .waitFor();
    await expect.poll(() => jiaxiang.innerText()).toMatch(/人民政府[\s\S]*已修改/);

    await list.getByRole('button', { name: '合并 湟源县人民政府办公室' }).click();
    const merge = page.getByRole('dialog', { name: '合并机关「湟源县人民政府办公室」' });
    // The bodies found as the name is typed, asked of the server; never the body merged.
    const into = merge.getByRole('combobox', { name: '合并到的机关' });
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/corpus/bodies') asked.push(url.searchParams.get('q') ?? '');
    });
    await into.fill('湟源');
    await page.locator('.ant-select-dropdown').getByText('没有找到机关').waitFor();
    expect(asked.at(-1)).toBe('湟源');
    await into.fill('嘉祥');
    // antd draws its own option rows; the ARIA options beside them are hidden.
    const found = page.locator('.ant-select-item-option');
    await expect.poll(() => found.allInnerTexts()).toEqual(['嘉祥县工业和信息化局（嘉祥县，2 份）']);
    expect(asked.at(-1)).toBe('嘉祥');
    await found.filter({ hasText: '嘉祥县工业和信息化局（' }).click();
    await merge.getByText('两者类型不同：并入后这些报告按人民政府计算发布期限和是否逾期').waitFor();
    await merge.getByRole('button', { name: /^合\s?并$/ }).click();
    await page.getByText('已把「湟源县人民政府办公室」合并到「嘉祥县工业和信息化局」').waitFor();
    await page.getByText('共 1 个机关').waitFor();
    expect(await jiaxiang.innerText()).toMatch(/4 份/);
    // A body's name opens its profile (机关档案), and that its reports in 监督概览.
    await list.getByRole('link', { name: '嘉祥县工业和信息化局' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/oversight\/bodies\/[^/]+$/);
    await page.getByRole('heading', { name: '嘉祥县工业和信息化局', level: 2 }).waitFor();
    await page.getByRole('link', { name: '在监督概览中查看' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight');
    await page.getByText('共 4 份报告').waitFor();

    // Judged as a government (31 March), no report of it is late any more.
    await page.goto('/oversight?late=true');
    await page.getByText('共 0 份报告').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists the cross-report findings, filters them by code and opens a finding’s report', async () => {
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/oversight/checks');
    const codes = page.getByRole('navigation', { name: '按问题筛选' });
    await codes.getByText(/^同一年度有不同版本（\d+）$/).waitFor();
    const results = page.getByRole('region', { name: '核查结果' });
    await results.getByRole('row').nth(1).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // 嘉祥's year 2021 has four versions now (its February one, and 湟源's two merged into it).
    expect(await codes.locator('.ant-tag').allInnerTexts()).toEqual(['全部（2）', '同一年度有不同版本（2）']);
    expect(await results.getByRole('row').count()).toBe(3);
    // The findings of the scope as a file: one row each.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /导出 CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('跨报告核查.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8').split('\r\n');
    expect(csv.slice(1, -1).map((r) => r.split(',').slice(0, 3))).toEqual([
      ['嘉祥县工业和信息化局', '2021', 'corpus.changed'],
      ['嘉祥县工业和信息化局', '2021', 'corpus.changed'],
    ]);
    // The letters of the same scope: its reports with problems (a new version is not one).
    const [letters] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /生成核查意见/ }).click(),
    ]);
    expect(Object.keys(unzipSync(readFileSync((await letters.path()) as string)))).toEqual([
      '核查意见清单.csv',
      '嘉祥县工业和信息化局2021年度报告核查意见.docx',
    ]);
    await results
      .getByText(/^2021 年度报告有第 3 版，与第 2 版（嘉祥县工业和信息化局-2021-2\.txt）不同：/)
      .waitFor();
    await codes.getByText(/^同一年度有不同版本/).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('code')).toBe('corpus.changed');
    const rows = results.getByRole('row');
    await expect
      .poll(async () => (await rows.allInnerTexts()).slice(1).every((t) => t.includes('同一年度有不同版本')))
      .toBe(true);
    await results.getByRole('link', { name: '对照的报告' }).first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight');
    expect(new URL(page.url()).searchParams.get('report')).toMatch(/^\d+$/);
    const drawer = page.getByRole('dialog');
    await drawer.getByText(/2021年度报告/).waitFor();
    // And back: the drawer links the cross-report findings of its body and year.
    await drawer.getByRole('link', { name: /跨报告核查（本机关、2021 年度）/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight/checks');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2021');
    await expect.poll(() => results.getByRole('row').count()).toBe(3);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('scores the corpus by the shipped rule pack and by a pack read from a file', async () => {
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/oversight/score');
    const results = page.getByRole('region', { name: '评分结果' });
    // The pack applies to departments; 嘉祥 is a government now (corrected above), so nothing is scored.
    await page.getByText(/^宿迁市 2026 年度政务公开第三方评估指标/).waitFor();
    await results.getByText('没有规则包适用的报告').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const file = join(dir, '逾期扣分.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'late-only',
        name: '逾期扣分',
        source: '测试用规则包',
        base: 100,
        rules: [
          {
            id: 'late',
            label: '逾期发布',
            finding: 'check.late',
            points: -5,
            per: 'report',
            citation: '条例第四十九条',
          },
        ],
      }),
    );
    await page.locator('input[type=file]').setInputFiles(file);
    await page
      .getByText(/^测试用规则包，每个机关每个年度取最新版本；基础分 100。 共 1 份报告，平均 100 分。$/)
      .waitFor();
    expect(await results.getByRole('row').nth(1).innerText()).toMatch(
      /嘉祥县工业和信息化局\s+2021\s+100\s+无/,
    );
    // The scores as a file, by the pack read from the file: the ranking of each year.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('评分-late-only.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8').split('\r\n');
    expect(csv[0]).toBe('\ufeffrank,agency,region,kind,year,score,items,notAssessed,file,reportId');
    expect(csv[1]?.split(',').slice(0, 7)).toEqual([
      '1',
      '嘉祥县工业和信息化局',
      '嘉祥县',
      // Its kind as corrected above.
      '人民政府',
      '2021',
      '100',
      '',
    ]);
    expect(csv.length).toBe(3);

    const broken = join(dir, '坏规则包.json');
    writeFileSync(broken, JSON.stringify({ id: 'x', name: 'x', source: 'x', rules: [] }));
    await page.locator('input[type=file]').setInputFiles(broken);
    await page
      .getByRole('alert')
      .getByText(/^「坏规则包\.json」不是有效的评估规则包：rules：/)
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fills in the places other bodies’ names give (补全所属地区), as the curator confirms', async () => {
    // 济宁市嘉祥县人民政府 says where 嘉祥县 lies: 嘉祥县工业和信息化局 (嘉祥县) may be placed in 济宁市.
    const report = makeReport({ agency: '济宁市嘉祥县人民政府', year: 2021 });
    await ingestBytes(web.server.store, 'jx-gov.txt', new TextEncoder().encode(renderAs(report, 'txt')));
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/oversight/bodies');
    await page.getByRole('button', { name: '补全所属地区（1）' }).click();
    const dialog = page.getByRole('dialog', { name: '补全所属地区' });
    const rows = dialog.getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
    expect((await rows.nth(1).innerText()).split('\t').map((t) => t.trim())).toEqual([
      '',
      '嘉祥县工业和信息化局',
      '嘉祥县',
      '济宁市嘉祥县',
      '济宁市嘉祥县人民政府',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '采用所选（1）' }).click();
    await page.getByText('已补全 1 个机关的所属地区').waitFor();
    const list = page.getByRole('region', { name: '机关列表' });
    await expect
      .poll(async () =>
        (await list.getByRole('row', { name: /嘉祥县工业和信息化局/ }).innerText()).split('\t')[1]?.trim(),
      )
      .toBe('济宁市嘉祥县');
    // Nothing left to fill in: no button.
    await expect.poll(() => page.getByRole('button', { name: /^补全所属地区/ }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  describe('bodies paged by the server', () => {
    // 55 departments (named by the sexagenary cycle: 甲子局, 乙丑局, …) and 3 governments, in the
    // API's order: by region, then name (code points on SQLite).
    const bodies = [
      ...Array.from({ length: 55 }, (_, i) => ({
        name: `海东市平安区${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉戌亥'[i % 12]}局`,
        region: '海东市平安区',
        kind: 'department' as const,
      })),
      ...['平安区', '乐都区', '互助土族自治县'].map((county) => ({
        name: `海东市${county}人民政府`,
        region: `海东市${county}`,
        kind: 'government' as const,
      })),
    ].sort((a, b) => (a.region === b.region ? (a.name < b.name ? -1 : 1) : a.region < b.region ? -1 : 1));
    const names = bodies.map((b) => b.name);
    const paged = useWebServer({
      evaluator: true,
      browserOf: web,
      seed: async (server) => {
        for (const [i, b] of bodies.entries())
          await server.store.db
            .insertInto('corpus_bodies')
            .values({
              id: `body-${i}`,
              ...b,
              match_key: b.name,
              province: null,
              city: '海东市',
              county: b.region.slice(3),
              merged_into: null,
              created_at: '2024-03-01T00:00:00.000Z',
            })
            .execute();
      },
    });

    it('asks for 50 bodies at a time, with the text, kind and page in the URL', async () => {
      const { page, problems, context } = await paged.open('evaluator');
      // The query of each request for the table's bodies (the select's and the count's aside).
      const asked: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.pathname === '/api/corpus/bodies' && url.searchParams.get('limit') === '50')
          asked.push(decodeURIComponent(url.search));
      });
      await page.goto('/oversight/bodies');
      const list = page.getByRole('region', { name: '机关列表' });
      const rows = list.getByRole('row');
      const shown = async () => (await rows.allInnerTexts()).slice(1).map((t) => t.split('\t')[0]?.trim());
      await page.getByText('共 58 个机关').waitFor();
      await expect.poll(() => rows.count()).toBe(51);
      expect(await shown()).toEqual(names.slice(0, 50));
      expect(asked).toEqual(['?offset=0&limit=50']);

      // The second page: the server's next 8, its number in the URL.
      await list.locator('.ant-pagination').getByTitle('2', { exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
      await expect.poll(() => rows.count()).toBe(9);
      expect(await shown()).toEqual(names.slice(50));
      expect(asked.at(-1)).toBe('?offset=50&limit=50');
      expect(await axeViolations(page)).toEqual([]);

      // Text typed looks again from the first page.
      await page.getByLabel('按名称或地区查找').fill('人民政府');
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('人民政府');
      expect(new URL(page.url()).searchParams.get('page')).toBeNull();
      await page.getByText('3 / 58 个机关').waitFor();
      await expect.poll(() => rows.count()).toBe(4);
      expect(await shown()).toEqual(bodies.filter((b) => b.kind === 'government').map((b) => b.name));
      expect(asked.at(-1)).toBe('?q=人民政府&offset=0&limit=50');
      // A single page: no pager.
      expect(await list.locator('.ant-pagination').count()).toBe(0);

      // The kind, from the first page too; the URL alone opens the same view.
      await page.goto('/oversight/bodies?kind=department&page=2');
      await page.getByText('55 / 58 个机关').waitFor();
      await expect.poll(() => rows.count()).toBe(6);
      expect(asked.at(-1)).toBe('?kind=department&offset=50&limit=50');
      await page.getByRole('combobox', { name: '机关类型' }).click();
      await page.locator('.ant-select-item-option').filter({ hasText: '人民政府' }).click();
      await expect.poll(() => new URL(page.url()).search).toBe('?kind=government');
      await expect.poll(() => rows.count()).toBe(4);
      expect(asked.at(-1)).toBe('?kind=government&offset=0&limit=50');

      // A page past the end (a URL kept from when there were more bodies): the last page, in place
      // of that URL (one history entry for the visit, none for the correction).
      // (The browser's history, read in the page: the test's own types have no DOM.)
      const historyLength = () => page.evaluate<number>('history.length');
      const entries = await historyLength();
      await page.goto('/oversight/bodies?page=9');
      await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
      await expect.poll(() => rows.count()).toBe(9);
      expect(await shown()).toEqual(names.slice(50));
      expect(await historyLength()).toBe(entries + 1);
      await page.goto(`/oversight/bodies?q=${encodeURIComponent('乐都')}&page=3`);
      await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBeNull();
      await expect.poll(() => shown()).toEqual(['海东市乐都区人民政府']);

      // 合并到… finds a body past the first 50 by its name, as typed.
      const [first, last] = [names[0] as string, names[57] as string];
      await page.goto('/oversight/bodies');
      await list.getByRole('button', { name: `合并 ${first}` }).click();
      const merge = page.getByRole('dialog', { name: `合并机关「${first}」` });
      const into = merge.getByRole('combobox', { name: '合并到的机关' });
      await into.click();
      const options = page.locator('.ant-select-item-option');
      // At first the first bodies the server answers, less the body merged.
      await expect
        .poll(async () => (await options.allInnerTexts())[0])
        .toBe(`${names[1]}（海东市互助土族自治县，0 份）`);
      await into.fill(last.slice('海东市平安区'.length));
      await expect.poll(() => options.allInnerTexts()).toEqual([`${last}（海东市平安区，0 份）`]);
      await options.click();
      await merge.getByText('两者类型不同：并入后这些报告按部门计算发布期限和是否逾期').waitFor();
      expect(await merge.locator('.ant-select').innerText()).toContain(last);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});
