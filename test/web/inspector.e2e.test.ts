/** 报告检查 in a real browser: drop a report, the grids show its cells, a cell and a finding light their place. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, expect, it } from 'vitest';
import { chooseEngine } from '../../src/read/ocr/engine.js';
import { axeViolations } from './support/browser.js';
import { brokenExample, degradedScan } from './support/reports.js';
import { describeWeb, useWebServer } from './support/web.js';

const ocrInstalled = (await chooseEngine()) !== null;

describeWeb('web: inspector', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-inspect-'));
  const web = useWebServer();
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the cells of a dropped report; a cell and a finding highlight their place in the source', async () => {
    const file = join(dir, '湟源县-2021.txt');
    writeFileSync(file, brokenExample());
    const { page, problems, context } = await web.open('clerk');
    await page.goto('/inspect');
    await page.getByText('把年度报告拖到这里').waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    const cell = page.getByRole('button', {
      name: '一、本年新收政府信息公开申请数量 / 申请人情况 / 自然人：5',
    });
    await cell.waitFor();
    // Every figure read (its errors are the report's own): none blank, none unread.
    await page.getByText(/条提示；读出 200 个单元格，空白 0 个，未能读出 0 个$/).waitFor();
    await cell.click();
    expect(new URL(page.url()).searchParams.get('cell')).toBe('a.new.np');
    const source = page.getByRole('region', { name: '原文' });
    await expect
      .poll(() => source.locator('[aria-current="location"]').getAttribute('data-line'))
      .toBe('111');
    expect(await axeViolations(page)).toEqual([]);

    const finding = page
      .getByRole('list', { name: '问题列表' })
      .getByRole('button')
      .filter({ hasText: '错误' })
      .first();
    await finding.click();
    const line = await source.locator('[aria-current="location"]').getAttribute('data-line');
    expect(Number(line)).toBeGreaterThan(0);
    await expect.poll(() => cell.getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('tab', { name: '勾稽关系' }).click();
    await page.getByRole('list', { name: '勾稽关系' }).getByText('不成立').first().waitFor();
    await page
      .getByRole('list', { name: '勾稽关系' })
      .getByText(/差 -?[1-9]/)
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The draft letter to the body, from what was found.
    const [letter] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /生成核查意见/ }).click(),
    ]);
    expect(letter.suggestedFilename()).toBe('湟源县人民政府办公室2021年度报告核查意见.docx');
    const document = strFromU8(
      unzipSync(readFileSync((await letter.path()) as string))['word/document.xml'] as Uint8Array,
    );
    expect(document).toContain('报告中的错误');
    expect(problems).toEqual([]);
    await context.close();
  });

  it.runIf(ocrInstalled)(
    'shows, for a scan, the picture of each cell whose figure the OCR did not take',
    async () => {
      const file = join(dir, 'scan.pdf');
      writeFileSync(file, await degradedScan());
      const { page, problems, context } = await web.open('clerk');
      await page.goto('/inspect');
      await page.locator('input[type=file]').setInputFiles(file);
      const tab = page.getByRole('tab', { name: /存疑单元格（[1-9]/ });
      await tab.waitFor({ timeout: 120_000 });
      await tab.click();
      const picture = page.getByRole('img', { name: /单元格的原件图像，识别为「\d+」/ }).first();
      await picture.waitFor();
      expect(
        await picture.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      ).toBeGreaterThan(0);
      await page
        .getByText(/原件第 \d+ 页：.*（识别为「\d+」，未采用）/)
        .first()
        .waitFor();
      // A doubted cell chosen in the grid shows its picture beside the source too.
      const doubted = page
        .locator('.gk-findings li')
        .filter({ has: page.locator('figure') })
        .first();
      await doubted.locator('.gk-chip').first().click();
      await page
        .locator('.gk-inspector-source')
        .getByRole('img', { name: /原件图像/ })
        .waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    },
    240_000,
  );
});
