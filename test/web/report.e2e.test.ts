/**
 * 年度报告 in a real browser: an admin renames the agency (the signature's 机关名称), sets 成文日期
 * and 发布日期 (a date inside the year is refused with the API's own message), writes part 五 in
 * place of its 【待补充】 (a blank part is refused; 「恢复默认」 puts a draft back), the report shown
 * and its findings are compiled with them, and the downloaded Markdown and HTML carry the signature
 * block, the date and the prose; 「保存正文」 keeps the prose for the next visit.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { axeViolations } from './support/browser.js';
import { describeWeb, useWebServer } from './support/web.js';

describeWeb('web: annual report', () => {
  const web = useWebServer();

  it('compiles with the signature, the publication date and a part’s prose entered, and downloads them', async () => {
    const { page, problems, context } = await web.open('admin');
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

    // Part 五 as drafted: a 【待补充】, which checking the report finds.
    const findings = page.getByRole('region', { name: '核查结果' });
    const left = '报告中留有未填写的占位文字「【待补充：存在的主要问题及改进措施。】」';
    await findings.getByText(left).waitFor();
    const parts = page.getByRole('form', { name: '各部分正文' });
    const problems5 = parts.getByRole('textbox', { name: '五、存在的主要问题及改进情况' });
    const draft5 = await problems5.inputValue();
    expect(draft5.split('\n')).toEqual([
      '本年度有1件政府信息公开申请超过法定期限答复。',
      expect.stringMatching(/^截至本年末，有\d+件政府信息公开申请已超过答复期限尚未答复。$/),
      '【待补充：存在的主要问题及改进措施。】',
    ]);
    const update = parts.getByRole('button', { name: '更新预览' });
    expect(await update.isDisabled()).toBe(true);
    // A blank part is refused (Ctrl+Enter in the text area updates too); 「恢复默认」 puts the draft back.
    await problems5.fill('  ');
    await problems5.press('Control+Enter');
    await parts.getByText('正文不能为空；要用生成的默认文字，请点「恢复默认」').waitFor();
    await parts.getByRole('button', { name: '恢复默认：五、存在的主要问题及改进情况' }).click();
    expect(await problems5.inputValue()).toBe(draft5);
    expect(await update.isDisabled()).toBe(true);

    await problems5.fill('政务公开栏目更新不够及时。\n下一步将建立栏目巡查制度。');
    await parts.getByText('正文有修改，尚未更新到预览和下载的报告').waitFor();
    await update.press('Enter');
    await shown.getByText('下一步将建立栏目巡查制度。').waitFor();
    await findings
      .getByText('报告中留有未填写的占位文字「【待补充：其他需要报告的事项；没有的可删去本句。】」')
      .waitFor();
    await expect.poll(() => findings.getByText(left).count()).toBe(0);
    expect(await shown.getByText('存在的主要问题及改进措施。】').count()).toBe(0);
    await parts.getByText('预览与下方正文一致').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载 Markdown/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('湟源县政府办公室-2024.md');
    const text = await readFile((await download.path()) as string, 'utf8');
    expect(text).toMatch(/\n湟源县政府办公室\n\n2025年1月15日\n*$/);
    expect(text).toContain('2025-01-20');
    expect(text).toContain(
      '## 五、存在的主要问题及改进情况\n\n政务公开栏目更新不够及时。\n\n下一步将建立栏目巡查制度。\n',
    );
    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载 网页 HTML/ }).click(),
    ]);
    expect(html.suggestedFilename()).toBe('湟源县政府办公室-2024.html');
    const page5 = await readFile((await html.path()) as string, 'utf8');
    expect(page5).toContain('下一步将建立栏目巡查制度。');
    expect(page5).not.toContain('存在的主要问题及改进措施。】');

    // Saved, the prose is there on the next visit, and the preview is compiled with it.
    await parts.getByText('预览与下方正文一致；正文尚未保存').waitFor();
    await parts.getByRole('button', { name: '保存正文' }).click();
    await page.getByText('已保存各部分正文').waitFor();
    await parts.getByText('预览与下方正文一致，已保存').waitFor();
    // On the next visit the saved prose answers late: after a compile (the page once compiled the
    // drafts meanwhile and its editor kept them, so that saving would have removed the saved text),
    // or after a second where the page rightly waits for it.
    let compiledFirst: () => void = () => {};
    const late = Promise.race([
      new Promise<void>((resolve) => {
        compiledFirst = resolve;
      }),
      new Promise<void>((resolve) => setTimeout(resolve, 1000)),
    ]);
    page.on('response', (r) => {
      if (r.url().includes('/api/compile')) compiledFirst();
    });
    await page.route('**/api/report-prose/**', async (route) => {
      if (route.request().method() === 'GET') await late;
      await route.continue();
    });
    await page.reload();
    await shown.getByText('下一步将建立栏目巡查制度。').waitFor();
    expect(await problems5.inputValue()).toBe('政务公开栏目更新不够及时。\n下一步将建立栏目巡查制度。');
    expect(await parts.getByRole('button', { name: '保存正文' }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
