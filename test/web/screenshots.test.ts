/**
 * Screenshots of every page into docs/screenshots/, from the seeded register (scripts/web-screenshots.sh).
 * Runs only with GONGKAI_SCREENSHOTS=1: the images are documentation, not a test.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/corpus/ingest.js';
import { generateReport } from '../../src/generate/random-report.js';
import { chooseEngine } from '../../src/read/ocr/engine.js';
import { compareReport } from '../corpus/compare-fixture.js';
import { renderAs } from '../corpus/helpers.js';
import { haveBrowser } from './support/browser.js';
import { brokenExample, degradedScan } from './support/reports.js';
import { addEvaluator } from './support/seed.js';
import { useWebServer } from './support/web.js';

const out = resolve(import.meta.dirname, '../../docs/screenshots');

describe.skipIf(!process.env.GONGKAI_SCREENSHOTS || !haveBrowser)('screenshots', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-shots-'));
    mkdirSync(out, { recursive: true });
  });
  const web = useWebServer();
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const shoot = async (page: Page, name: string, fullPage = false) => {
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await page.screenshot({ path: join(out, `${name}.png`), fullPage });
  };

  it('takes a picture of every page', async () => {
    const anonymous = await web.open();
    await anonymous.page.goto('/login');
    await anonymous.page.getByLabel('用户名').waitFor();
    await shoot(anonymous.page, 'login');
    await anonymous.context.close();

    const { page, problems, context } = await web.open('admin');
    const visit = async (path: string, name: string, ready: (p: Page) => Promise<unknown>) => {
      await page.goto(path);
      await ready(page);
      await shoot(page, name);
    };
    await visit('/', 'home', (p) => p.getByText('已超期').first().waitFor());
    await visit('/applications', 'applications', (p) => p.getByRole('link', { name: '2024-004' }).waitFor());
    await visit('/applications/new', 'application-new', (p) => p.getByLabel('申请人类型').waitFor());
    await page.goto('/applications');
    await page.getByRole('link', { name: '2024-002' }).click();
    await page.getByText('申请 2024-002').waitFor();
    await shoot(page, 'application');
    await visit('/due', 'due', (p) => p.getByText('答复期限日历').waitFor());
    await visit('/holidays', 'holidays', (p) => p.getByText(/^元旦 2026-01-01/).waitFor());
    await visit('/cases?year=2024', 'cases', (p) => p.getByText('行政复议').first().waitFor());
    await visit('/proactive?year=2024', 'proactive', (p) => p.getByRole('spinbutton').first().waitFor());
    await page.goto('/report?year=2024');
    const reportText = page.getByRole('region', { name: '2024年度报告正文' });
    await reportText.getByText('湟源县人民政府办公室').first().waitFor();
    const dates = page.getByRole('form', { name: '落款和发布日期' });
    await dates.getByLabel('成文日期').fill('2025-01-15');
    await dates.getByLabel('发布日期').fill('2025-01-20');
    await page.getByRole('button', { name: '按此生成' }).click();
    await reportText.getByText('发布时间：2025-01-20').waitFor();
    const parts = page.getByRole('form', { name: '各部分正文' });
    await parts
      .getByRole('textbox', { name: '五、存在的主要问题及改进情况' })
      .fill(
        '一是政务公开栏目更新不够及时。\n二是个别答复超过法定期限。下一步将建立栏目巡查和答复期限提醒制度。',
      );
    await parts.getByRole('button', { name: '更新预览' }).click();
    await parts.getByText('预览与下方正文一致').waitFor();
    // Updating the preview moves the page to the prose panel: show the report from its top.
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await shoot(page, 'report');
    const file = join(dir, '湟源县人民政府办公室-2021.txt');
    writeFileSync(file, brokenExample());
    await page.goto('/inspect');
    await page.locator('input[type=file]').setInputFiles(file);
    await page
      .getByRole('button', { name: /自然人：5$/ })
      .first()
      .click();
    await page.getByRole('list', { name: '问题列表' }).getByRole('button').first().click();
    await shoot(page, 'inspect');
    // A degraded scan, where the OCR does not take some figures: their cells' pictures on the page.
    if (await chooseEngine()) {
      const scan = join(dir, '扫描件-2021.pdf');
      writeFileSync(scan, await degradedScan());
      await page.locator('input[type=file]').setInputFiles(scan);
      const tab = page.getByRole('tab', { name: /存疑单元格（[1-9]/ });
      await tab.waitFor({ timeout: 120_000 });
      await tab.click();
      const doubted = page
        .locator('.gk-findings li')
        .filter({ has: page.locator('figure') })
        .first();
      await doubted.locator('.gk-chip').first().click();
      await page.locator('.gk-inspector-source').getByRole('img').waitFor();
      // The result from its summary down: the doubts with their pictures, the chosen cell's beside the source.
      await page
        .getByRole('alert')
        .first()
        .evaluate((el) =>
          (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }),
        );
      await shoot(page, 'inspect-scan');
    }
    await visit('/users', 'users', (p) => p.getByRole('cell', { name: '张管理' }).waitFor());
    // 操作记录 after a change of the admin's own: a colleague's name corrected, its row open.
    await web.server.store.users.update({ userId: 'u-admin' }, 'u-reviewer', { displayName: '李审核员' });
    await visit('/audit', 'audit', async (p) => {
      const first = p.locator('.ant-table-tbody > tr.ant-table-row').first();
      await first.getByText('张管理').waitFor();
      await first.getByRole('button', { name: /展开/ }).click();
      await p.locator('.ant-table-expanded-row').getByText('李审核员').waitFor();
    });
    // A real report (河北省科学技术厅 2023, its text from a crawler, figures run together) with one row
    // of table 二 changed so that its figures can be split three ways: the list shows that one of
    // its errors is a figure not read (「其中 1 个未能读出」).
    await ingestBytes(
      web.server.store,
      '河北省科学技术厅-2023.txt',
      new TextEncoder().encode(
        readFileSync(new URL('../fixtures/real/003.txt', import.meta.url), 'utf8').replace(
          '规章000行政规范性文件',
          '规章03250行政规范性文件',
        ),
      ),
    );
    await ingestBytes(
      web.server.store,
      '湟源县人民政府办公室-2021.txt',
      new TextEncoder().encode(brokenExample()),
    );
    for (const year of [2021, 2022] as const)
      await ingestBytes(
        web.server.store,
        `宿迁市宿城区财政局-${year}.txt`,
        new TextEncoder().encode(renderAs(compareReport('宿迁市宿城区财政局', year), 'txt')),
      );
    // Another body whose 2021 report is 宿城区's under its own name (两个机关对比).
    await ingestBytes(
      web.server.store,
      '宿迁市宿豫区财政局-2021.txt',
      new TextEncoder().encode(renderAs(compareReport('宿迁市宿豫区财政局', 2021), 'txt')),
    );
    const bodyNamed = (name: string) =>
      web.server.store.db
        .selectFrom('corpus_bodies')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
    const body = await bodyNamed('宿迁市宿城区财政局');
    const suyu = await bodyNamed('宿迁市宿豫区财政局');
    // A corpus to oversee: generated reports of many bodies over three years, every fifth with a
    // figure off its sum (so the charts of problems and the errors column have something to show).
    for (let seed = 1; seed <= 60; seed++) {
      const report = generateReport(seed, '2021', { year: 2021 + (seed % 3) });
      if (seed % 5 === 0) report.cells['a.new.np'] = ((report.cells['a.new.np'] as number | null) ?? 0) + 7;
      await ingestBytes(
        web.server.store,
        `${report.agency}-${report.year}.txt`,
        new TextEncoder().encode(renderAs(report, 'txt')),
      );
    }
    // Two of those corrected: a new version of the same body and year with the figure right (整改情况).
    for (const seed of [5, 10]) {
      const report = generateReport(seed, '2021', { year: 2021 + (seed % 3) });
      await ingestBytes(
        web.server.store,
        `${report.agency}-${report.year}-更正.txt`,
        new TextEncoder().encode(renderAs(report, 'txt')),
      );
    }
    // The oversight pages are an evaluator's view: the admin sees only the bodies of its own agency.
    await addEvaluator(web.server.store);
    const evaluator = await web.open('evaluator');
    await evaluator.page.goto('/oversight');
    await evaluator.page
      .getByRole('region', { name: '报告列表' })
      .getByText(/共 \d{2} 份报告/)
      .waitFor();
    await shoot(evaluator.page, 'oversight');
    await evaluator.page.goto(`/oversight/compare?body=${body.id}`);
    await evaluator.page.getByRole('table', { name: '数值变化的格' }).waitFor();
    await shoot(evaluator.page, 'compare', true);
    await evaluator.page.goto(`/oversight/compare?body=${body.id}&other=${suyu.id}`);
    await evaluator.page.getByText('两个机关相同的句子').waitFor();
    await shoot(evaluator.page, 'compare-bodies');
    // The same body's profile: 2021 and 2022 published, 2023's overdue as of the seed's today.
    await evaluator.page.goto(`/oversight/bodies/${body.id}`);
    await evaluator.page.getByRole('table', { name: '各年度主要数字' }).waitFor();
    await evaluator.page.getByRole('img', { name: '各年度新收申请' }).waitFor();
    await shoot(evaluator.page, 'body', true);
    await evaluator.page.goto('/oversight/checks');
    await evaluator.page.getByRole('region', { name: '核查结果' }).getByRole('row').nth(1).waitFor();
    await shoot(evaluator.page, 'checks');
    // The year before the seed's today (2023): due since January or March, whether each body published.
    await evaluator.page.goto('/oversight/publication');
    await evaluator.page.getByRole('region', { name: '各机关发布情况' }).getByRole('row').nth(1).waitFor();
    await shoot(evaluator.page, 'publication');
    await evaluator.page.goto('/oversight/corrections');
    await evaluator.page.getByRole('region', { name: '整改情况列表' }).getByText('已更正').first().waitFor();
    await shoot(evaluator.page, 'corrections');
    await evaluator.page.goto('/oversight/score');
    await evaluator.page
      .getByRole('region', { name: '评分结果' })
      .getByText('宿迁市宿城区财政局')
      .first()
      .waitFor();
    await shoot(evaluator.page, 'score');
    // The corpus by county (the default grouping): the counties with most reports first.
    await evaluator.page.goto('/oversight/stats');
    await evaluator.page
      .getByRole('region', { name: '统计结果' })
      .getByText(/^共 \d+ 组$/)
      .waitFor();
    await shoot(evaluator.page, 'stats');
    await evaluator.page.goto('/oversight/bodies');
    await evaluator.page.getByRole('region', { name: '机关列表' }).getByText('宿迁市宿城区财政局').waitFor();
    await shoot(evaluator.page, 'bodies');
    // A supervisor's home: the last year's 发布情况 of the bodies supervised, then the register.
    const supervisor = await web.open('supervisor');
    await supervisor.page.goto('/');
    await supervisor.page
      .getByRole('region', { name: '报告库与发布情况' })
      .getByRole('heading', { name: /年度报告发布情况$/ })
      .waitFor();
    await supervisor.page.getByRole('heading', { name: '各机关办理情况' }).waitFor();
    await supervisor.page.locator('tbody tr').first().waitFor();
    await shoot(supervisor.page, 'home-supervisor');
    expect(problems).toEqual([]);
    expect(evaluator.problems).toEqual([]);
    expect(supervisor.problems).toEqual([]);
    await supervisor.context.close();
    await evaluator.context.close();
    await context.close();
  });
});
