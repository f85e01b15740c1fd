/**
 * 复议诉讼 in a real browser against the real server: the seeded cases listed as entered; the year's
 * 复议诉讼台账 downloaded as CSV and Excel; 登记案件 refusing a wrong entry (nothing stored) then
 * storing a right one; 修改; 删除 after a confirmation; 导入台账 listing each wrong row's message
 * (nothing stored), then importing a right file; a supervisor reading the page without changing it.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations } from './support/browser.js';
import { describeWeb, useWebServer } from './support/web.js';

/** The seeded cases as the list shows them (编号, 类型, 收案日期, 审结日期, 结果, 关联申请). */
const seeded = [
  ['2024-001', '行政复议', '2024-04-22', '2024-05-28', '结果维持', '2024-003'],
  ['2024-002', '未经复议直接起诉', '2024-05-15', '—', '尚未审结', '2024-002'],
];
const headings = ['编号', '案件类型', '收案日期', '审结日期', '结果', '关联申请编号'];

/** The table's rows, the first six cells of each (the 操作 column aside), once `first` is shown. */
async function rowsOf(scope: Page | Locator, first: string): Promise<string[][]> {
  await scope.getByRole('cell', { name: first, exact: true }).first().waitFor();
  const rows = await scope.locator('.ant-table-tbody tr.ant-table-row').all();
  return Promise.all(rows.map(async (r) => (await r.locator('td').allInnerTexts()).slice(0, 6)));
}

/** The row of case `number` in the list (its first cell). */
const rowOf = (page: Page, number: string) =>
  page
    .locator('.ant-table-tbody tr.ant-table-row')
    .filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${number}$`) }) });

/** Picks an option of the antd select labelled `label` in `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .click();
}

/** Types a day into the date picker labelled `label` (the popup closed again). */
async function typeDay(scope: Locator, label: string, day: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.fill(day);
  await input.press('Tab');
}

/** A CSV file to upload. */
const csv = (lines: string[]) => ({
  name: '复议诉讼台账.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${lines.join('\n')}\n`),
});

describeWeb('web: 复议诉讼', () => {
  const web = useWebServer();

  const stored = async () =>
    (await web.server.store.cases.list({ agencyIds: ['A'] })).map((c) => c.number).sort();

  it('lists the seeded cases, and downloads the year’s ledger as CSV and as Excel', async () => {
    const { page, problems, context } = await web.open('clerk');
    await page.goto('/cases');
    await page.getByRole('heading', { name: '复议诉讼', level: 1 }).waitFor();
    expect(await rowsOf(page, '2024-001')).toEqual(seeded);
    await page.getByRole('button', { name: '登记案件' }).waitFor();
    await page.getByRole('button', { name: '导入台账' }).waitFor();
    expect(await page.locator('.ant-table-thead th').allInnerTexts()).toEqual([...headings, '操作']);
    // A clerk enters and corrects cases; deleting one is a reviewer's.
    expect(
      await rowOf(page, '2024-001')
        .getByRole('button', { name: /修\s*改/ })
        .count(),
    ).toBe(1);
    expect(await page.getByRole('button', { name: /删\s*除/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const csvLink = page.getByRole('link', { name: /导出 CSV/ });
    expect(await csvLink.getAttribute('href')).toBe('/api/cases/export?agency=A&year=2024&to=csv');
    const [csvFile] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    expect(csvFile.suggestedFilename()).toBe('湟源县人民政府办公室-2024年复议诉讼台账.csv');
    expect(await readFile((await csvFile.path()) as string, 'utf8')).toBe(
      [
        '\ufeffnumber,agency,kind,filedOn,decidedOn,outcome,applicationNumber',
        '2024-001,湟源县人民政府办公室,行政复议,2024-04-22,2024-05-28,结果维持,2024-003',
        '2024-002,湟源县人民政府办公室,未经复议直接起诉,2024-05-15,,尚未审结,2024-002',
        '',
      ].join('\r\n'),
    );

    const xlsxLink = page.getByRole('link', { name: /导出 Excel/ });
    expect(await xlsxLink.getAttribute('href')).toBe('/api/cases/export?agency=A&year=2024&to=xlsx');
    const [xlsxFile] = await Promise.all([page.waitForEvent('download'), xlsxLink.click()]);
    expect(xlsxFile.suggestedFilename()).toBe('湟源县人民政府办公室-2024年复议诉讼台账.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await xlsxFile.path()) as string)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('复议诉讼台账');
    if (!sheet) throw new Error('no sheet 复议诉讼台账');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(sheet.rowCount).toBe(3);
    expect(values(1)).toEqual(['编号', '机关', '案件类型', '收案日期', '审结日期', '结果', '关联申请编号']);
    expect(values(2)).toEqual([
      '2024-001',
      '湟源县人民政府办公室',
      '行政复议',
      '2024-04-22',
      '2024-05-28',
      '结果维持',
      '2024-003',
    ]);
    // A blank cell is a hole in exceljs's values.
    expect(values(3)).toEqual([
      '2024-002',
      '湟源县人民政府办公室',
      '未经复议直接起诉',
      '2024-05-15',
      undefined,
      '尚未审结',
      '2024-002',
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a supervisor the cases of the agencies it oversees, to read and export only', async () => {
    const { page, problems, context } = await web.open('supervisor');
    await page.goto('/cases');
    await page.getByRole('heading', { name: '复议诉讼', level: 1 }).waitFor();
    // The first agency it oversees has no cases: nothing to export.
    await page.getByText('该年度没有复议诉讼案件').waitFor();
    for (const name of ['导出 CSV', '导出 Excel']) {
      const button = page.locator('a.ant-btn').filter({ hasText: name });
      expect(await button.getAttribute('aria-disabled')).toBe('true');
      expect(await button.getAttribute('href')).toBeNull();
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('机关', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '湟源县人民政府办公室' })
      .click();
    expect(await rowsOf(page, '2024-001')).toEqual(seeded);
    expect(new URL(page.url()).searchParams.get('agency')).toBe('A');
    // No 操作 column: nothing on the page changes a case.
    expect(await page.locator('.ant-table-thead th').allInnerTexts()).toEqual(headings);
    for (const name of ['登记案件', '导入台账', /修\s*改/, /删\s*除/])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')).toBe(
      '/api/cases/export?agency=A&year=2024&to=xlsx',
    );
    expect(await axeViolations(page)).toEqual([]);
    // As the API has it: the supervisor may not enter a case.
    const refused = await page.evaluate(async () => {
      const res = await fetch('/api/cases', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agencyId: 'A', kind: 'review', filedOn: '2024-05-20' }),
      });
      return { status: res.status, body: await res.json() };
    });
    expect(refused).toEqual({
      status: 403,
      body: { error: expect.objectContaining({ message: '监督角色无权录入' }) },
    });
    expect(await stored()).toEqual(['2024-001', '2024-002']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('registers a case (a wrong entry refused, nothing stored), corrects one and deletes one', async () => {
    const { page, problems, context } = await web.open('reviewer');
    await page.goto('/cases');
    await rowsOf(page, '2024-001');
    await page.getByRole('button', { name: '登记案件' }).click();
    const dialog = page.getByRole('dialog', { name: '登记案件' });
    await choose(page, dialog, '案件类型', '复议后起诉');
    await typeDay(dialog, '收案日期', '2024-05-20');
    await typeDay(dialog, '审结日期', '2024-05-30');
    await dialog.getByLabel('关联申请编号').fill('2024-006');
    expect(await axeViolations(page)).toEqual([]);
    const alert = dialog.getByRole('alert');
    const refusedWith = async (message: string) => {
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await alert.filter({ hasText: message }).waitFor();
      // The API's words for a record its rules refuse, then the rule's.
      expect(await alert.textContent()).toBe(`记录不符合办理规则：${message}`);
      expect(await stored()).toEqual(['2024-001', '2024-002']);
    };
    // Decided before it was filed, and without its result: each problem on its own line.
    await typeDay(dialog, '审结日期', '2024-05-10');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await alert.getByRole('listitem').first().waitFor();
    expect(await alert.locator('.ant-alert-title').textContent()).toBe('记录不符合办理规则');
    expect(await alert.getByRole('listitem').allInnerTexts()).toEqual([
      '审结日期 2024-05-10 早于收案日期 2024-05-20',
      '已审结的案件应记录结果（结果维持、结果纠正或其他结果）',
    ]);
    expect(await stored()).toEqual(['2024-001', '2024-002']);
    expect(await axeViolations(page)).toEqual([]);
    // Decided, without its result.
    await typeDay(dialog, '审结日期', '2024-05-30');
    await refusedWith('已审结的案件应记录结果（结果维持、结果纠正或其他结果）');
    expect(await alert.getByRole('listitem').count()).toBe(0);
    // Decided before it was filed.
    await choose(page, dialog, '结果', '结果纠正');
    await typeDay(dialog, '审结日期', '2024-05-10');
    await refusedWith('审结日期 2024-05-10 早于收案日期 2024-05-20');
    expect(await axeViolations(page)).toEqual([]);
    await typeDay(dialog, '审结日期', '2024-05-30');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已登记案件 2024-003').waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await rowsOf(page, '2024-003')).toEqual([
      ...seeded,
      ['2024-003', '复议后起诉', '2024-05-20', '2024-05-30', '结果纠正', '2024-006'],
    ]);

    // 修改: the pending case decided.
    await rowOf(page, '2024-002')
      .getByRole('button', { name: /修\s*改/ })
      .click();
    const edit = page.getByRole('dialog', { name: '修改案件 2024-002' });
    expect(await edit.getByLabel('收案日期', { exact: true }).inputValue()).toBe('2024-05-15');
    expect(await edit.getByLabel('关联申请编号').inputValue()).toBe('2024-002');
    await typeDay(edit, '审结日期', '2024-06-01');
    await choose(page, edit, '结果', '结果维持');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已修改案件 2024-002').waitFor();
    await edit.waitFor({ state: 'detached' });
    await rowOf(page, '2024-002').getByRole('cell', { name: '2024-06-01' }).waitFor();
    expect(await rowsOf(page, '2024-002')).toEqual([
      seeded[0],
      ['2024-002', '未经复议直接起诉', '2024-05-15', '2024-06-01', '结果维持', '2024-002'],
      ['2024-003', '复议后起诉', '2024-05-20', '2024-05-30', '结果纠正', '2024-006'],
    ]);

    // 删除, after saying which case.
    await rowOf(page, '2024-003')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.getByText('删除误登记的案件 2024-003？').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await stored()).toEqual(['2024-001', '2024-002', '2024-003']);
    await confirm.getByRole('button', { name: /删\s*除/ }).click();
    await page.getByText('已删除案件 2024-003').waitFor();
    await rowOf(page, '2024-003').waitFor({ state: 'detached' });
    expect(await rowsOf(page, '2024-001')).toEqual([
      seeded[0],
      ['2024-002', '未经复议直接起诉', '2024-05-15', '2024-06-01', '结果维持', '2024-002'],
    ]);
    expect(await stored()).toEqual(['2024-001', '2024-002']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('imports an office’s ledger: each wrong row listed and nothing stored, then the corrected file', async () => {
    const { page, problems, context } = await web.open('clerk');
    await page.goto('/cases');
    await rowsOf(page, '2024-001');
    await page.getByRole('button', { name: '导入台账' }).click();
    const dialog = page.getByRole('dialog', { name: '导入复议诉讼台账' });
    const heading = '案件类型,收案日期,审结日期,结果,关联申请';
    await dialog
      .locator('input[type=file]')
      .setInputFiles(
        csv([
          heading,
          '复议,2024-05-06,,,',
          '行政复议,2024-05-06,2024-05-01,结果维持,',
          '行政诉讼,2024-05-08,,,',
          '复议后起诉,2024-05-10,2024-05-31,,',
          '复议,2024-05-12,,,2024-999',
          '复议后起诉,2024-05-14,2024-05-01,,',
        ]),
      );
    await dialog.getByRole('button', { name: /检\s*查/ }).click();
    await dialog.getByText('共 6 件，5 件有问题；改正后重新选择文件检查').waitFor();
    expect(await dialog.locator('.ant-table-thead th').allInnerTexts()).toEqual(['行', '编号', '问题']);
    expect(await rowsOf(dialog, '3')).toEqual([
      ['3', '—', '审结日期 2024-05-01 早于收案日期 2024-05-06'],
      ['4', '—', '案件类型「行政诉讼」不是可选的值（行政复议、未经复议直接起诉、复议后起诉）'],
      ['5', '—', '已审结的案件应记录结果（结果维持、结果纠正或其他结果）'],
      ['6', '—', '申请「2024-999」不存在或无权查看'],
      // A row's problems each on its own line.
      [
        '7',
        '—',
        '审结日期 2024-05-01 早于收案日期 2024-05-14\n已审结的案件应记录结果（结果维持、结果纠正或其他结果）',
      ],
    ]);
    expect(await dialog.getByRole('button', { name: /^导入/ }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await stored()).toEqual(['2024-001', '2024-002']);

    await dialog
      .locator('input[type=file]')
      .setInputFiles(
        csv([heading, '复议,2024-05-06,,,', '行政复议,2024-05-07,2024-05-31,结果维持,2024-001']),
      );
    await dialog.getByRole('button', { name: /检\s*查/ }).click();
    await dialog.getByText('共 2 件案件，检查无误').waitFor();
    expect(await stored()).toEqual(['2024-001', '2024-002']);
    await dialog.getByRole('button', { name: '导入 2 件' }).click();
    await page.getByText('已导入 2 件案件').waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await rowsOf(page, '2024-004')).toEqual([
      seeded[0],
      ['2024-003', '行政复议', '2024-05-06', '—', '尚未审结', '—'],
      ['2024-004', '行政复议', '2024-05-07', '2024-05-31', '结果维持', '2024-001'],
      ['2024-002', '未经复议直接起诉', '2024-05-15', '2024-06-01', '结果维持', '2024-002'],
    ]);
    expect(await stored()).toEqual(['2024-001', '2024-002', '2024-003', '2024-004']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
