/**
 * 两年对比 in a real browser: one body's 2021 and 2022 reports (the compare API test's fixture),
 * opened from the report drawer; the changed cells are marked with their difference in the tables,
 * and a sentence carried over from 2021 is marked in the 2022 prose.
 */
import { expect, it } from 'vitest';
import { ingestBytes } from '../../src/corpus/ingest.js';
import { compareReport } from '../corpus/compare-fixture.js';
import { renderAs, storeBody } from '../corpus/helpers.js';
import { axeViolations } from './support/browser.js';
import { describeWeb, useWebServer } from './support/web.js';

const agency = '宿迁市宿城区财政局';

describeWeb('web: two years side by side', () => {
  let newAt2021 = 0;
  const web = useWebServer({
    evaluator: true,
    seed: async (server) => {
      for (const year of [2021, 2022] as const) {
        const report = compareReport(agency, year);
        if (year === 2021) newAt2021 = report.cells['a.new.np'] as number;
        const result = await ingestBytes(
          server.store,
          `${agency}-${year}.txt`,
          new TextEncoder().encode(renderAs(report, 'txt')),
        );
        expect(result.status).toBe('new');
      }
      // Another body whose 2021 report is this one's under its own name (to compare two bodies).
      const other = await ingestBytes(
        server.store,
        '宿迁市宿豫区财政局-2021.txt',
        new TextEncoder().encode(renderAs(compareReport('宿迁市宿豫区财政局', 2021), 'txt')),
      );
      expect(other.status).toBe('new');
      // Bodies without reports listed before it (no region), so that the select's first 50 leave it out.
      for (let i = 0; i < 50; i++)
        await storeBody(server.store, { id: `filler-${i}`, name: `某机关${String(i).padStart(2, '0')}` });
    },
  });

  it('opens the comparison from a report and marks the changed cells and the copied sentences', async () => {
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/oversight?year=2022');
    await page.getByRole('region', { name: '报告列表' }).getByRole('link', { name: agency }).click();
    await page
      .getByRole('dialog')
      .getByRole('link', { name: /与上一年度对比/ })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight/compare');
    await page.getByText(`${agency} 2021年与2022年年度报告对比`).waitFor();
    await page.getByText('2 格', { exact: true }).waitFor();

    const changes = page.getByRole('table', { name: '数值变化的格' });
    expect(await changes.getByRole('row').count()).toBe(3);
    const np = changes.getByRole('row', { name: /自然人/ });
    expect(await np.getByRole('cell').allInnerTexts()).toEqual([
      expect.stringContaining('自然人'),
      String(newAt2021),
      String(newAt2021 + 5),
      '+5',
    ]);

    const grid2022 = page.getByRole('table', { name: /^2022年 .*收到和处理政府信息公开申请情况/ });
    const marked = grid2022.locator('mark');
    expect(await marked.count()).toBe(2);
    expect(await marked.allInnerTexts()).toEqual([
      `${newAt2021 + 5}（+5）`,
      expect.stringMatching(/（\+5）$/),
    ]);
    const grid2021 = page.getByRole('table', { name: /^2021年 .*收到和处理政府信息公开申请情况/ });
    expect(await grid2021.locator('mark').allInnerTexts()).toEqual([
      String(newAt2021),
      expect.stringMatching(/^\d+$/),
    ]);

    const prose2022 = page.getByRole('region', { name: /^2022年 一、/ });
    const copied = prose2022.getByTitle('与上一年度相同');
    expect(await copied.allInnerTexts()).toEqual([
      '2022年,本局认真贯彻落实政府信息公开条例,持续推进政务公开标准化规范化建设。',
      '全年共发布政府信息140条,其中政策文件15件。',
    ]);
    await prose2022.getByText('本年新建政务公开专区,方便群众查阅办事指南。').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('combobox', { name: '较早年度' }).waitFor();

    // Opened from its URL, the body chosen shows by the name the comparison gives (the select's
    // first 50 bodies leave it out).
    const body = new URL(page.url()).searchParams.get('body');
    await page.goto(`/oversight/compare?body=${body}`);
    await page.getByText(`${agency} 2021年与2022年年度报告对比`).waitFor();
    const chooser = page.getByRole('combobox', { name: '机关', exact: true });
    const chosen = page.locator('.ant-select').filter({ has: chooser });
    await expect.poll(() => chosen.innerText()).toBe(agency);
    // Found by the server as the name is typed.
    await chooser.fill('宿城');
    const options = page.locator('.ant-select-item-option');
    await expect.poll(() => options.allInnerTexts()).toEqual([`${agency}（宿迁市宿城区，2 份）`]);
    await chooser.fill('没有这个机关');
    await page.locator('.ant-select-dropdown').getByText('没有找到机关').waitFor();
    await chooser.fill('某机关07');
    await expect.poll(() => options.allInnerTexts()).toEqual(['某机关07（地区未知，0 份）']);
    await options.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('body')).toBe('filler-7');
    await expect.poll(() => chosen.innerText()).toBe('某机关07（地区未知，0 份）');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('compares two bodies (甲 and 乙): the last year both have, the same figures and sentences marked', async () => {
    const { page, problems, context } = await web.open('evaluator');
    const id = async (name: string) =>
      (
        await web.server.store.db
          .selectFrom('corpus_bodies')
          .select('id')
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).id;
    const [a, b] = [await id(agency), await id('宿迁市宿豫区财政局')];
    await page.goto(`/oversight/compare?body=${a}`);
    await page.getByText(`${agency} 2021年与2022年年度报告对比`).waitFor();
    await page.getByRole('button', { name: '与另一个机关对比' }).click();
    const chooser = page.getByRole('combobox', { name: '对照的机关' });
    await chooser.fill('宿豫');
    const options = page.locator('.ant-select-item-option');
    await expect.poll(() => options.allInnerTexts()).toEqual(['宿迁市宿豫区财政局（宿迁市宿豫区，1 份）']);
    await options.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('other')).toBe(b);
    // 2021, the year both have: one report under two names.
    await page.getByText(`${agency} 2021年与宿迁市宿豫区财政局 2021年年度报告对比`).waitFor();
    await page.getByText('0 格', { exact: true }).waitFor();
    await page.getByText('9 句（占乙正文 9 句的 100%）').waitFor();
    const prose = page.getByRole('region', { name: /^乙 2021年 一、/ });
    expect(await prose.getByTitle('与甲的报告相同').count()).toBe(3);
    await page.getByRole('table', { name: /^甲 2021年 .*收到和处理政府信息公开申请情况/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Back to the body's own two years.
    await page.getByRole('button', { name: '改为对比本机关两个年度' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('other')).toBeNull();
    await page.getByText(`${agency} 2021年与2022年年度报告对比`).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
