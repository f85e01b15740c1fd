/**
 * 操作记录 in a real browser: an admin disables a colleague on 用户管理, and the log shows it first
 * (who, what, which record), with each changed field before and after; the filters go into the
 * URL; a clerk may not open the page.
 */
import { expect, it } from 'vitest';
import { axeViolations } from './support/browser.js';
import { describeWeb, useWebServer } from './support/web.js';

describeWeb('web: audit log', () => {
  const web = useWebServer();

  it('shows what the admin did first, its changes on expanding, and filters in the URL', async () => {
    const { page, problems, context } = await web.open('admin');
    await page.goto('/users');
    const row = page.getByRole('row').filter({ hasText: '李审核' });
    await row.getByRole('button', { name: /^停\s*用$/ }).click();
    await page.getByRole('button', { name: /^确\s*定$/ }).click();
    await row.getByText('已停用').waitFor();

    await page.getByRole('menuitem', { name: '操作记录' }).click();
    await page.getByRole('heading', { name: '操作记录', level: 1 }).waitFor();
    const first = page.locator('.ant-table-tbody > tr.ant-table-row').first();
    await expect
      .poll(() => first.locator('td').allInnerTexts())
      .toEqual([
        '',
        expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
        '张管理',
        '停用账号',
        '用户',
        '李审核（reviewer）',
        '停用时间、结束的会话数',
      ]);
    expect(await axeViolations(page)).toEqual([]);
    await first.getByRole('button', { name: /展开/ }).click();
    const changes = page.locator('.ant-table-expanded-row').first();
    await changes.getByRole('cell', { name: '停用时间', exact: true }).waitFor();
    expect(
      await changes
        .locator('.ant-table-tbody tr')
        .filter({ hasText: '停用时间' })
        .locator('td')
        .allInnerTexts(),
    ).toEqual(['停用时间', '—', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)]);

    await page.getByLabel('操作', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '新建' }).first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('create');
    await expect
      .poll(
        async () =>
          new Set(await page.locator('.ant-table-tbody > tr.ant-table-row td:nth-child(4)').allInnerTexts()),
      )
      .toEqual(new Set(['新建']));
    // An application's entry opens its page.
    await page.goto('/audit?entity=application');
    const application = page.locator('.ant-table-tbody > tr.ant-table-row').first().getByRole('link');
    const number = await application.innerText();
    await application.click();
    await page.getByText(`申请 ${number}`).waitFor();
    // From 用户管理, a user's own doings.
    await page.goto('/users');
    await page.getByRole('row').filter({ hasText: '张管理' }).getByRole('link', { name: '操作记录' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('user')).toBe('u-admin');
    await expect
      .poll(
        async () =>
          new Set(await page.locator('.ant-table-tbody > tr.ant-table-row td:nth-child(3)').allInnerTexts()),
      )
      .toEqual(new Set(['张管理']));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is not for a clerk', async () => {
    const { page, problems, context } = await web.open('clerk');
    await page.goto('/audit');
    await page.getByText('无权访问').waitFor();
    expect(await page.getByRole('menuitem', { name: '操作记录' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
