/**
 * The clerk's workbench in a real browser against the real server: log in → register an application
 * → events → reply → the due list changes → compile → download DOCX.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations } from './support/browser.js';
import { password } from './support/seed.js';
import { describeWeb, useWebServer } from './support/web.js';

describeWeb('web: register', () => {
  const web = useWebServer();

  it('logs in, and an unknown path under /api stays a JSON 404', async () => {
    const { page, problems, context } = await web.open();
    await page.goto('/applications');
    await page.getByLabel('用户名').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/applications');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill('wrong-password-x');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码' }).waitFor();
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('heading', { name: '申请登记', level: 1 }).waitFor();
    await page.getByRole('link', { name: '2024-004' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The 办理台账 of the agency shown, as a download.
    const ledger = await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
    expect(ledger).toMatch(/^\/api\/applications\/export\?agency=[^&]+&to=xlsx$/);
    const sheet = await page.request.get(ledger as string);
    expect(sheet.status()).toBe(200);
    expect(decodeURIComponent(sheet.headers()['content-disposition'] ?? '')).toBe(
      "attachment; filename*=UTF-8''湟源县人民政府办公室-依申请公开办理台账.xlsx",
    );
    const api404 = await page.request.get('/api/nothing-here');
    expect(api404.status()).toBe(404);
    expect((await api404.json()).error.code).toBe('no-route');
    expect(problems).toEqual([]);
    await context.close();
  });

  /** Picks an option of the antd select labelled `label`. */
  async function choose(page: Page, label: string, option: string) {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  }

  it('registers an application, records events and the reply, the due list changes, compiles and downloads DOCX', async () => {
    const clerk = await web.open('clerk');
    const page = clerk.page;
    await page.goto('/applications/new');
    await choose(page, '申请人类型', '自然人');
    await choose(page, '提交渠道', '当面提交');
    await page.getByLabel('提交日期').fill('2024-06-03');
    await page.getByLabel('提交日期').press('Tab');
    await page.getByLabel('申请人', { exact: true }).fill('王五');
    await page.getByLabel('申请内容').fill('申请公开本县2024年度城乡低保资金发放情况');
    await page.getByLabel('编号').fill('2024-100');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByText('申请 2024-100').waitFor();
    await page.getByText('剩余 20 个工作日').waitFor();
    await page.getByText('王五', { exact: true }).waitFor();
    // The contact, added afterwards: the record's own fields are corrected in a dialog.
    await page.getByRole('button', { name: '修改登记内容' }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('联系方式').fill('13900000000');
    await edit.getByLabel('获取方式').fill('电子邮件');
    expect(await axeViolations(page)).toEqual([]);
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已修改申请 2024-100 的登记内容').waitFor();
    await page.getByText('13900000000', { exact: true }).waitFor();
    await page.getByText('电子邮件', { exact: true }).waitFor();
    // A clerk may ask for opinions but neither reply nor approve an extension.
    await page.getByRole('button', { name: '征求意见' }).waitFor();
    expect(await page.getByRole('button', { name: /^答\s*复$/ }).count()).toBe(0);
    await page.getByRole('button', { name: '征求意见' }).click();
    await page.getByRole('dialog').waitFor();
    // The page asked for less motion (openPage): the dialog opens at once, without the zoom.
    expect(await page.locator('.ant-zoom-appear, .ant-zoom-enter').count()).toBe(0);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByText('征求意见中').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(clerk.problems).toEqual([]);
    await clerk.context.close();

    const reviewer = await web.open('reviewer');
    const p2 = reviewer.page;
    await p2.goto('/due');
    const overdue = p2.locator('.gk-panel').filter({ hasText: '已超期' });
    await overdue.getByRole('link', { name: '2024-006' }).waitFor();
    // The applicant by name beside the number.
    await overdue.getByText('陈华').waitFor();
    expect(await axeViolations(p2)).toEqual([]);
    await overdue.getByRole('link', { name: '2024-006' }).click();
    await p2.getByText('申请 2024-006').waitFor();
    await p2.getByRole('button', { name: /^答\s*复$/ }).click();
    const dialog = p2.getByRole('dialog');
    await dialog.getByLabel('办理结果').click();
    await p2.locator('.ant-select-item-option').filter({ hasText: '予以公开' }).first().click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await p2.getByText('已答复（超期）').waitFor();
    // The reply's 答复书, drafted from the record.
    const [reply] = await Promise.all([
      p2.waitForEvent('download'),
      p2.getByRole('button', { name: '答复书' }).click(),
    ]);
    expect(reply.suggestedFilename()).toBe('2024-006-政府信息公开申请答复书.docx');
    expect((await readFile((await reply.path()) as string)).subarray(0, 2).toString()).toBe('PK');
    expect(await axeViolations(p2)).toEqual([]);
    await p2.getByRole('link', { name: '到期提醒' }).click();
    await p2.locator('.gk-panel').filter({ hasText: '已超期' }).first().waitFor();
    await p2.getByText('2024-004').first().waitFor();
    expect(await overdue.getByRole('link', { name: '2024-006' }).count()).toBe(0);

    // An office's ledger, checked then imported: a wrong row first, then the corrected file.
    await p2.goto('/applications');
    await p2.getByRole('button', { name: '导入台账' }).click();
    const importing = p2.getByRole('dialog');
    const ledger = (kind: string) => ({
      name: '台账.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `申请人类型,申请人,提交渠道,提交日期,答复日期,办理结果\n${kind},赵六,当面提交,2024-06-03,2024-06-05,予以公开\n`,
      ),
    });
    await importing.locator('input[type=file]').setInputFiles(ledger('单位'));
    await importing.getByRole('button', { name: /检\s*查/ }).click();
    await importing.getByText('共 1 件，1 件有问题').waitFor();
    await importing.getByText(/申请人类型「单位」不是可选的值/).waitFor();
    expect(await axeViolations(p2)).toEqual([]);
    await importing.locator('input[type=file]').setInputFiles(ledger('自然人'));
    await importing.getByRole('button', { name: /检\s*查/ }).click();
    await importing.getByText('共 1 件申请，检查无误').waitFor();
    await importing.getByRole('button', { name: /导入 1 件/ }).click();
    await p2.getByText('已导入 1 件申请').waitFor();
    await p2.getByText('赵六（自然人）').waitFor();

    await p2.goto('/report?year=2024');
    await p2
      .getByRole('region', { name: '2024年度报告正文' })
      .getByText('湟源县人民政府办公室')
      .first()
      .waitFor();
    expect(await axeViolations(p2)).toEqual([]);
    const [download] = await Promise.all([
      p2.waitForEvent('download'),
      p2.getByRole('button', { name: /下载 DOCX/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('湟源县人民政府办公室-2024.docx');
    const bytes = await readFile((await download.path()) as string);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(reviewer.problems).toEqual([]);
    await reviewer.context.close();
  });

  it('refuses a correction its events contradict, each reason on its own line, and stores nothing', async () => {
    const { page, problems, context } = await web.open('clerk');
    await page.goto('/applications');
    await page.getByRole('link', { name: '2024-002' }).click();
    await page.getByText('申请 2024-002').waitFor();
    await page.getByRole('button', { name: '修改登记内容' }).click();
    const edit = page.getByRole('dialog');
    // Received after the opinions were asked and answered (2024-02-26, 2024-03-08).
    await edit.getByLabel('确认日期').fill('2024-03-10');
    await edit.getByLabel('确认日期').press('Tab');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    const alert = edit.getByRole('alert').filter({ has: page.getByRole('listitem') });
    await alert.waitFor();
    expect(await alert.locator('.ant-alert-title').textContent()).toBe('记录不符合办理规则');
    expect(await alert.getByRole('listitem').allInnerTexts()).toEqual([
      '征求意见日期 2024-02-26 早于收到申请之日 2024-03-10',
      '收到意见日期 2024-03-08 早于收到申请之日 2024-03-10',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    const [stored] = await web.server.store.applications.find('2024-002', ['A']);
    expect(stored?.confirmedOn).toBe('2024-02-19');
    expect(problems).toEqual([]);
    await context.close();
  });
});
