/**
 * 节假日安排 in a real browser against the real server, on 2026-12-07 with the built-in table ending
 * with 2026: an application received on 2026-12-05 has no deadline (it reaches 2027) and the due
 * page lists it as such; a clerk reads the table but can't enter a year; the admin enters 2027
 * (the form refuses overlapping closures before sending), and the deadline shows: 2027-01-04.
 */
import { expect, it } from 'vitest';
import { createApplication } from '../../src/api/services/applications.js';
import { cliPrincipal } from '../../src/api/services/principal.js';
import { writeNotice } from '../support/holiday-notice.js';
import { axeViolations } from './support/browser.js';
import { describeWeb, useWebServer } from './support/web.js';

/** A Monday in December, after the last built-in year's notice could reach. */
const today = '2026-12-07';

describeWeb('web: holiday arrangements', () => {
  const web = useWebServer({
    today,
    seed: async (server) => {
      // Received on a Saturday: 20 working days from Monday 12-07 run into January 2027.
      await createApplication(
        server.store,
        cliPrincipal,
        {
          agencyId: 'A',
          number: '2026-050',
          applicant: 'np',
          channel: 'inPerson',
          submittedOn: '2026-12-05',
          requestText: '申请公开本县2026年度城乡低保资金发放情况',
        },
        today,
      );
    },
  });

  it("lists what can't be dated on the due page; a clerk reads the table and can't enter a year", async () => {
    const { page, problems, context } = await web.open('clerk');
    // The home page warns before any count: 已超期 0 may not be the whole truth.
    await page.goto('/');
    await page
      .getByText(/\d+ 件申请无法计算答复期限（缺少 2027 年节假日安排），其中可能有已超期的。/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/due');
    const unknown = page.getByRole('region', { name: '无法计算期限的申请' });
    await unknown.getByRole('link', { name: '2026-050' }).waitFor();
    await unknown.getByText(/\d+ 件申请无法计算答复期限（其中可能有已超期的）/).waitFor();
    await unknown.getByText('缺少 2027 年节假日安排：国务院办公厅的通知发布后，由管理员在「').waitFor();
    expect(await unknown.getByRole('link', { name: '节假日安排' }).getAttribute('href')).toBe('/holidays');
    expect(await axeViolations(page)).toEqual([]);
    await unknown.getByRole('link', { name: '2026-050' }).click();
    await page.getByText('申请 2026-050').waitFor();
    await page.getByText('无法计算', { exact: true }).waitFor();
    await page.getByText(/^缺少 2027 年节假日安排，无法计算期限/).waitFor();
    // Only its deadline is unknown: the application is open, its work goes on.
    await page.getByRole('button', { name: '征求意见' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('main').getByRole('link', { name: '节假日安排' }).click();

    await page.getByRole('heading', { name: '节假日安排', level: 1 }).waitFor();
    // Two months or less before 2026-12-23: a warning.
    await page
      .getByRole('alert')
      .filter({
        hasText: '已有 2019–2026 年的安排；2027 年的安排尚未录入：2026-12-23 以后的工作日期限无法计算',
      })
      .waitFor();
    const row2026 = page.getByRole('row').filter({ hasText: '国办发明电〔2025〕7号' });
    await row2026.getByText('自带').waitFor();
    await page.getByText(/^元旦 2026-01-01 至 2026-01-03 放假/).waitFor();
    expect(await page.getByRole('button', { name: /录入/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /删除/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the admin enters 2027: the form checks it, the table shows it, the deadline is worked out', async () => {
    const { page, problems, context } = await web.open('admin');
    await page.goto('/holidays');
    await page.getByRole('button', { name: '录入 2027 年安排' }).click();
    const dialog = page.getByRole('dialog', { name: '录入 2027 年节假日安排' });
    await dialog.getByLabel('发文字号').fill('国办发明电〔2026〕9号');
    await dialog.getByLabel('成文日期').fill('2026-11-10');
    await dialog.getByLabel('成文日期').press('Enter');
    const closure = async (festival: string, first: string, last: string) => {
      const group = dialog.getByRole('group', { name: festival });
      await group.getByLabel('放假日期').click();
      await group.getByLabel('放假日期').fill(first);
      await group.getByLabel('放假日期').press('Enter');
      await group.getByPlaceholder('最后一天').fill(last);
      await group.getByPlaceholder('最后一天').press('Enter');
    };
    await closure('元旦', '2027-01-01', '2027-01-03');
    // 春节 by mistake over 元旦: refused here, on its field, before anything is sent.
    await closure('春节', '2027-01-02', '2027-01-05');
    const makeUp = dialog.getByRole('group', { name: '春节' }).getByLabel('调休上班日');
    await makeUp.click();
    await makeUp.fill('2027-02-20');
    await page.locator('.ant-select-item-option').filter({ hasText: '2027-02-20 星期六' }).click();
    await page.keyboard.press('Escape');
    for (const festival of ['清明节', '劳动节', '端午节', '中秋节', '国庆节'])
      await dialog.getByRole('button', { name: `删除${festival}` }).click();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('春节的放假日期与元旦重叠').waitFor();
    await closure('春节', '2027-02-06', '2027-02-13');
    await dialog.getByText('春节的放假日期与元旦重叠').waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已录入 2027 年的节假日安排').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const row2027 = page.getByRole('row').filter({ hasText: '国办发明电〔2026〕9号（2026-11-10）' });
    await row2027.getByText('录入', { exact: true }).waitFor();
    await row2027.getByText(/^张管理录入于 \d{4}-\d{2}-\d{2}$/).waitFor();
    await page.getByText('春节 2027-02-06 至 2027-02-13 放假，2027-02-20 上班').waitFor();
    await page.getByText(/^已有 2019–2027 年的安排；2028 年的安排尚未录入/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The due page has nothing it can't date from this application now; its deadline is 2027-01-04.
    await page.getByRole('link', { name: '到期提醒' }).click();
    await page.getByText('答复期限日历').waitFor();
    await page.getByRole('heading', { name: /已超期/ }).waitFor();
    const unknown = page.getByRole('region', { name: '无法计算期限的申请' });
    await expect.poll(() => unknown.getByText('2026-050').count()).toBe(0);
    await page.goto('/applications');
    await page.getByRole('link', { name: '2026-050' }).click();
    await page.getByText('申请 2026-050').waitFor();
    // Dec 8–31 are 18 working days (the 2027 notice moves none of them), then Monday 4 January.
    await page.getByText('2027-01-04；剩余 19 个工作日').waitFor();

    // Removed again, the application has no deadline once more.
    await page.goto('/holidays');
    await page.getByRole('button', { name: '删除 2027 年' }).click();
    await page.getByText('删除后，自带的该年安排（如有）重新适用').waitFor();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await page.getByText('已删除录入的 2027 年节假日安排').waitFor();
    await row2027.waitFor({ state: 'detached' });
    await page.goto('/due');
    await page
      .getByRole('region', { name: '无法计算期限的申请' })
      .getByRole('link', { name: '2026-050' })
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the admin pastes the notice itself: read into the form, checked, saved', async () => {
    const { page, problems, context } = await web.open('admin');
    await page.goto('/holidays');
    await page.getByRole('button', { name: '录入 2027 年安排' }).click();
    const dialog = page.getByRole('dialog', { name: '录入 2027 年节假日安排' });
    const notice = writeNotice(
      {
        year: 2027,
        notice: {
          title: '国务院办公厅关于2027年部分节假日安排的通知',
          number: '国办发明电〔2026〕9号',
          date: '2026-11-10',
        },
        amendments: [],
        festivals: [
          { name: '元旦', off: ['2027-01-01', '2027-01-03'], work: [] },
          { name: '春节', off: ['2027-02-06', '2027-02-13'], work: ['2027-02-20'] },
        ],
      },
      { weekdays: '周', flat: false, fullWidthDigits: false, chineseSignature: false },
    );
    // A weekday the notice misprints is named, and nothing is saved until it is right.
    await dialog.getByLabel('通知全文').fill(notice.replace('2月20日（周六）', '2月20日（周日）'));
    await dialog.getByRole('button', { name: '读取通知' }).click();
    await dialog.getByText('春节：2027-02-20 是星期六，通知写「2月20日（周日）」').waitFor();
    await dialog.getByLabel('通知全文').fill(notice);
    await dialog.getByRole('button', { name: '读取通知' }).click();
    await page.getByText('已从通知读出 2 个节日的安排，请核对后保存').waitFor();
    expect(await dialog.getByLabel('发文字号').inputValue()).toBe('国办发明电〔2026〕9号');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已录入 2027 年的节假日安排').waitFor();
    await page.getByText('春节 2027-02-06 至 2027-02-13 放假，2027-02-20 上班').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
