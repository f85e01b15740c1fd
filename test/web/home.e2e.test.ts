/**
 * 首页 in a real browser, on the seed's day (2024-06-03, so 2023's reports are past due): a supervisor
 * sees the last year's 发布情况 and the corpus of the bodies supervised first, each count a link to
 * those bodies or reports; an admin sees the register and no such summary; each sees in 常用功能 only
 * the pages the role may open.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { ingestBytes } from '../../src/corpus/ingest.js';
import { axeViolations } from './support/browser.js';
import { describeWeb, useWebServer } from './support/web.js';

const examples = resolve(import.meta.dirname, '../../examples');

describeWeb('web: home', () => {
  const web = useWebServer({
    seed: async (server) => {
      // 湟源县人民政府办公室 is supervised (its 2021 report; none of 2022 or 2023), 嘉祥 is not.
      for (const name of ['湟源县人民政府办公室-2021.txt', '嘉祥县工业和信息化局-2021.txt']) {
        const result = await ingestBytes(server.store, name, readFileSync(join(examples, name)));
        expect(result.status).toBe('new');
      }
    },
  });

  it('shows a supervisor the last year’s 发布情况 and the corpus in scope, each a link', async () => {
    const { page, problems, context } = await web.open('supervisor');
    await page.goto('/');
    const summary = page.getByRole('region', { name: '报告库与发布情况' });
    await summary.getByRole('heading', { name: '2023 年度报告发布情况' }).waitFor();
    await summary
      .getByText(
        '2023 年度报告的发布期限：部门 2024-01-31，人民政府 2024-03-31（条例第四十九条）。截至 2024-06-03。',
      )
      .waitFor();
    const card = (name: string) => summary.getByRole('link', { name });
    // One body expected (its report of 2021 is in the corpus), past its deadline: 逾期未发布.
    await expect.poll(() => card('应发布的机关').innerText()).toBe('应发布的机关\n1个');
    expect(await card('逾期未发布的机关').innerText()).toBe('逾期未发布\n1个');
    expect(await card('按时发布的机关').innerText()).toBe('按时发布\n0个');
    expect(await card('逾期未发布的机关').getAttribute('href')).toBe(
      '/oversight/publication?status=overdue&year=2023',
    );
    await expect.poll(() => card('报告库中的报告').innerText()).toBe('报告库中的报告\n1份');
    expect(await card('有错误的报告').getAttribute('href')).toBe('/oversight?hasErrors=true');
    // Its errors are the report's own (a broken identity): every figure was read.
    await expect.poll(() => card('有未能读出的数字的报告').innerText()).toBe('有未能读出的数字\n0份');
    expect(await card('有未能读出的数字的报告').getAttribute('href')).toBe('/oversight?problem=reading');
    // 整改情况 of 2023: no report of that year, so none with problems.
    await expect.poll(() => card('该年度有问题的报告').innerText()).toBe('该年度有问题\n0份');
    expect(await card('已更正的报告').getAttribute('href')).toBe(
      '/oversight/corrections?status=corrected&year=2023',
    );
    // The register of all the agencies supervised follows (A's two overdue applications; B has none);
    // 常用功能 has no page the role can't open.
    await page.getByText('所监督的 2 个机关的依申请公开办理情况', { exact: false }).waitFor();
    const overdue = page.locator('.ant-statistic').filter({ hasText: '已超期' });
    await expect.poll(() => overdue.innerText()).toBe('已超期\n2件');
    // Each agency's applications, those with overdue ones first, each a link to its register.
    const byAgency = page.locator('.gk-panel', {
      has: page.getByRole('heading', { name: '各机关办理情况' }),
    });
    const first = byAgency.locator('tbody tr').first();
    await expect.poll(() => first.innerText()).toMatch(/^湟源县人民政府办公室\t9\t\d+\t2\t/);
    expect(await first.getByRole('link').getAttribute('href')).toMatch(/^\/applications\?agency=/);
    const common = page.locator('.gk-panel', { has: page.getByRole('heading', { name: '常用功能' }) });
    expect(await common.getByRole('link').allInnerTexts()).toEqual([
      '申请登记',
      '到期提醒',
      '年度报告',
      '报告检查',
      '监督概览',
      '发布情况',
      '统计对比',
      '跨报告核查',
      '机关',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await card('逾期未发布的机关').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight/publication');
    await page.getByRole('cell', { name: '湟源县人民政府办公室' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows an admin the register without the summary, and every page in 常用功能', async () => {
    const { page, problems, context } = await web.open('admin');
    await page.goto('/');
    await page.getByText('已超期').first().waitFor();
    const common = page.locator('.gk-panel', { has: page.getByRole('heading', { name: '常用功能' }) });
    await expect
      .poll(() => common.getByRole('link').allInnerTexts())
      .toEqual([
        '登记新申请',
        '申请登记',
        '到期提醒',
        '年度报告',
        '报告检查',
        '监督概览',
        '发布情况',
        '统计对比',
        '跨报告核查',
        '机关',
      ]);
    expect(await page.getByRole('region', { name: '报告库与发布情况' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
