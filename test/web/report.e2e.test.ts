/**
 * 年度报告 in a real browser: an admin renames the agency (the signature's 机关名称), sets 成文日期
 * and 发布日期 (a date inside the year is refused with the API's own message), the report shown is
 * compiled with them, and the downloaded Markdown carries the signature block and the date.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, launchBrowser, openPage } from './support/browser.js';
import { startWebServer, type WebServer } from './support/seed.js';

const run = browserAvailable();

describe.skipIf(!run)('web: annual report', () => {
  let server: WebServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('compiles with the signature and the publication date entered, and downloads them', async () => {
    const { page, problems, context } = await openPage(browser, server.url, 'admin');
    await page.goto('/report?year=2024');
    const shown = page.getByRole('region', { name: '2024年度报告正文' });
    await shown.getByText('湟源县人民政府办公室').first().waitFor();
    const form = page.getByRole('form', { name: '落款和发布日期' });

    await form.getByLabel('成文日期').fill('2024-12-01');
    await form.getByRole('button', { name: '按此生成' }).click();
    await form.getByText('成文日期应在报告年度结束（2024-12-31）之后').waitFor();

    await form.getByLabel('落款机关名称').fill('湟源县政府办公室');
    await form.getByRole('button', { name: '保存机关名称' }).click();
    await page.getByText('已保存机关名称').waitFor();
    await form.getByLabel('成文日期').fill('2025-01-15');
    await form.getByLabel('发布日期').fill('2025-01-20');
    await form.getByRole('button', { name: '按此生成' }).click();
    await shown.getByText('2025年1月15日').waitFor();
    await shown.getByText('湟源县政府办公室', { exact: true }).waitFor();
    // The earlier error leaves with antd's motion: wait for it to go rather than count at once.
    await expect.poll(() => form.getByText('成文日期应在报告年度结束').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载 Markdown/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('湟源县政府办公室-2024.md');
    const text = await readFile((await download.path()) as string, 'utf8');
    expect(text).toMatch(/\n湟源县政府办公室\n\n2025年1月15日\n*$/);
    expect(text).toContain('2025-01-20');
    expect(problems).toEqual([]);
    await context.close();
  });
});
