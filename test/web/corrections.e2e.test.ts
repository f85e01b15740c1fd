/**
 * 整改情况 in the browser: the bodies whose first version had problems, their newest version's
 * status (filters and the status in the URL), a body's profile and a version's report a click away.
 */
import { expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { ingestBytes } from '../../src/corpus/ingest.js';
import { makeReport, renderAs } from '../corpus/helpers.js';
import { axeViolations } from './support/browser.js';
import { describeWeb, useWebServer } from './support/web.js';

/** A total one more than its row: check.row-sum. */
const wrongTotal = (r: Report) => {
  r.cells['a.new.total'] = (r.cells['a.new.total'] ?? 0) + 1;
};

describeWeb('web: corrections', () => {
  const web = useWebServer({
    evaluator: true,
    seed: async (server) => {
      const put = async (agency: string, seed: number, edit?: (r: Report) => void) => {
        const report = makeReport({ agency, year: 2024, seed, ...(edit ? { edit } : {}) });
        const bytes = new TextEncoder().encode(renderAs(report, 'txt'));
        await ingestBytes(server.store, `${agency}-${seed}.txt`, bytes);
      };
      // 教育局 wrong and not corrected; 财政局 wrong, then a corrected version.
      await put('西宁市城北区教育局', 1, wrongTotal);
      await put('西宁市城北区财政局', 2, wrongTotal);
      await put('西宁市城北区财政局', 3);
    },
  });

  it('lists each body-year with problems first and its newest version’s status; filters by status', async () => {
    const { page, problems, context } = await web.open('evaluator');
    await page.goto('/oversight');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '整改情况' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/oversight/corrections');
    const list = page.getByRole('region', { name: '整改情况列表' });
    const rows = list.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    const texts = (await rows.allInnerTexts()).slice(1).map((t) =>
      t
        .split('\t')
        .map((c) => c.trim())
        .slice(0, 4),
    );
    expect(texts).toEqual([
      ['未更正', '西宁市城北区教育局', '2024', '1'],
      ['已更正', '西宁市城北区财政局', '2024', '2'],
    ]);
    const statuses = page.getByRole('navigation', { name: '按整改情况筛选' });
    expect(await statuses.locator('.ant-tag').allInnerTexts()).toEqual([
      '全部（2）',
      '未更正（1）',
      '新版本未改善（0）',
      '部分更正（0）',
      '已更正（1）',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await statuses.getByText('已更正（1）').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('corrected');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByRole('link', { name: /导出 CSV/ }).getAttribute('href')).toBe(
      '/api/corpus/corrections/export?to=csv',
    );
    // The body's profile.
    await list.getByRole('link', { name: '西宁市城北区财政局' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/oversight\/bodies\//);
    expect(problems).toEqual([]);
    await context.close();
  });
});
