/**
 * The holiday table as data: a year's arrangement entered through the API (admins only) is checked,
 * kept, audited and counted by every deadline at the next read, in this process or another; until
 * it is entered, the applications it would date are listed as undated, never left out.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import * as svc from '../../src/api/services/index.js';
import { openStore } from '../../src/store/index.js';
import { describeEachBackend } from '../store/backends.js';
import { errorOf, type Harness, harness } from './helpers.js';

/** 2027 as a notice might set it (dates made up for the test). */
const year2027 = {
  year: 2027,
  notice: { number: '国办发明电〔2026〕1号', date: '2026-11-10' },
  festivals: [
    { name: '元旦', off: ['2027-01-01', '2027-01-03'], work: [] },
    { name: '春节', off: ['2027-02-06', '2027-02-14'], work: ['2027-02-20'] },
  ],
};

describeEachBackend('holiday arrangements', (backend) => {
  let h: Harness;

  beforeEach(async () => {
    h = await harness(backend, { today: '2026-12-10' });
  });
  afterEach(() => h.close());

  const table = async (user = 'a-clerk') => {
    const res = await h.call(user, 'GET', '/api/holidays');
    expect(res.statusCode).toBe(200);
    return res.json() as svc.HolidayTable;
  };
  const stateOf = async (number: string) => {
    const list = (await h.call('a-clerk', 'GET', '/api/applications?agency=A')).json() as {
      number: string;
      state: svc.StatusSummary;
    }[];
    return list.find((a) => a.number === number)?.state;
  };

  it('lists the built-in years and where counting stops', async () => {
    const t = await table('a-supervisor');
    expect(t.years.map((y) => `${y.year} ${y.source}`)).toEqual(
      [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) => `${y} builtIn`),
    );
    expect(t.years.at(-1)?.notice).toEqual({
      title: '国务院办公厅关于2026年部分节假日安排的通知',
      number: '国办发明电〔2025〕7号',
      date: '2025-11-04',
    });
    expect([t.coveredThrough, t.nextYear]).toEqual(['2026-12-23', 2027]);
  });

  it('dates an application once the year it reaches is entered, and again not once it is removed', async () => {
    const created = await h.call('a-clerk', 'POST', '/api/applications', {
      agencyId: 'A',
      number: '2026-090',
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2026-12-07',
    });
    expect(created.statusCode).toBe(201);
    expect(await stateOf('2026-090')).toMatchObject({
      status: null,
      dueOn: null,
      workingDaysLeft: null,
      missingHolidayYear: 2027,
      statusName:
        '缺少 2027 年节假日安排，无法计算期限（2027 年的安排可能调整 2026 年 12 月下旬的工作日，涉及 2026-12-24）',
    });
    let due = (await h.call('a-clerk', 'GET', '/api/due')).json() as svc.DueList;
    expect([due.overdue.length, due.dueSoon.length, due.unknown.map((i) => i.number)]).toEqual([
      0,
      0,
      ['2026-090'],
    ]);

    // Only an admin enters a year.
    for (const user of ['a-clerk', 'a-reviewer', 'a-supervisor']) {
      const res = await h.call(user, 'PUT', '/api/holidays', year2027);
      expect(res.statusCode, user).toBe(403);
    }
    const put = await h.call('a-admin', 'PUT', '/api/holidays', year2027);
    expect(put.statusCode).toBe(200);
    const entered = (put.json() as svc.HolidayTable).years.at(-1);
    expect(entered).toMatchObject({
      year: 2027,
      source: 'entered',
      replacesBuiltIn: false,
      updatedBy: 'u-a-admin',
      updatedByName: 'a-admin',
      notice: {
        title: '国务院办公厅关于2027年部分节假日安排的通知',
        number: '国办发明电〔2026〕1号',
        date: '2026-11-10',
      },
      amendments: [],
    });
    expect((await table()).nextYear).toBe(2028);

    // 20 working days from 7 December: 元旦 (1–3 January) is skipped.
    expect(await stateOf('2026-090')).toMatchObject({
      status: 'pending',
      dueOn: '2027-01-05',
      workingDaysLeft: 17,
      missingHolidayYear: null,
    });
    due = (await h.call('a-clerk', 'GET', '/api/due')).json() as svc.DueList;
    expect(due.unknown).toEqual([]);

    // Another process on the same database counts with it at its next read.
    const other = await openStore(h.target.options);
    try {
      const views = await svc.listApplications(other, svc.cliPrincipal, { agency: 'A', asOf: '2026-12-10' });
      expect(views.map((v) => v.state.dueOn)).toEqual(['2027-01-05']);
    } finally {
      await other.close();
    }

    const audit = (await h.store.audit.list()).filter((a) => a.entity === 'holiday_arrangement');
    expect(audit.map((a) => [a.action, a.entityId, a.userId])).toEqual([['create', '2027', 'u-a-admin']]);

    expect((await h.call('a-clerk', 'DELETE', '/api/holidays/2027')).statusCode).toBe(403);
    expect((await h.call('a-admin', 'DELETE', '/api/holidays/2027')).statusCode).toBe(200);
    expect((await stateOf('2026-090'))?.missingHolidayYear).toBe(2027);
    const again = await h.call('a-admin', 'DELETE', '/api/holidays/2027');
    expect([again.statusCode, errorOf(again)]).toEqual([
      404,
      { code: 'not-found', message: '没有录入 2027 年的节假日安排' },
    ]);
  });

  it('an entered year replaces the built-in one until it is removed', async () => {
    const builtIn = (await table()).years.find((y) => y.year === 2026);
    const res = await h.call('a-admin', 'PUT', '/api/holidays', {
      year: 2026,
      notice: { number: '国办发明电〔2025〕7号', date: '2025-11-04' },
      amendments: [
        { number: '国办发明电〔2026〕99号', date: '2026-03-01', change: '元旦补假（测试用的虚构调整）' },
      ],
      festivals: [{ name: '元旦', off: ['2026-01-01', '2026-01-05'], work: [] }],
    });
    expect(res.statusCode).toBe(200);
    const replaced = (res.json() as svc.HolidayTable).years.find((y) => y.year === 2026);
    expect([replaced?.source, replaced?.replacesBuiltIn, replaced?.festivals.length]).toEqual([
      'entered',
      true,
      1,
    ]);
    expect((await svc.holidayCalendar(h.store)).isWorkingDay('2026-01-05')).toBe(false);
    await h.call('a-admin', 'DELETE', '/api/holidays/2026');
    expect((await table()).years.find((y) => y.year === 2026)).toEqual(builtIn);
    expect((await svc.holidayCalendar(h.store)).isWorkingDay('2026-01-05')).toBe(true);
  });

  it('refuses an arrangement with problems, naming each, and keeps nothing', async () => {
    const res = await h.call('a-admin', 'PUT', '/api/holidays', {
      ...year2027,
      festivals: [
        { name: '元旦', off: ['2027-01-03', '2027-01-01'], work: [] },
        { name: '春节', off: ['2027-02-06', '2027-02-14'], work: ['2027-02-17'] },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toEqual({
      code: 'invalid-input',
      message:
        '输入有误：「festivals[0].off」：元旦放假的最后一天 2027-01-01 早于第一天 2027-01-03；「festivals[1].work[0]」：春节调休上班日 2027-02-17 不是星期六或星期日（工作日本来就上班）',
    });
    // The store refuses it too, whoever calls it.
    await expect(
      h.store.holidays.put(
        { userId: null },
        { ...year2027, notice: { ...year2027.notice, title: 'x' }, amendments: [], festivals: [] },
      ),
    ).rejects.toThrow('节假日安排有误：至少应有一个节日的放假安排');
    expect((await table()).years.map((y) => y.year).at(-1)).toBe(2026);
    expect((await h.store.audit.list()).filter((a) => a.entity === 'holiday_arrangement')).toEqual([]);
  });
});
