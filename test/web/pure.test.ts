/** The web app's pure code: status badges and next actions, URL codecs, table 二 checks, the parts' prose. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getFormat } from '../../src/spec/registry.js';
import { bodyOf, coverage, fieldOf, problemsOf } from '../../web/src/features/holidays/arrangement.js';
import {
  badgeOf,
  deadlineArticle,
  nextActions,
  workingDaysLeft,
} from '../../web/src/features/register/status.js';
import { proactiveProblems } from '../../web/src/features/report/proactive-checks.js';
import { proseOf, sameProse } from '../../web/src/features/report/prose.js';
import { ApiError } from '../../web/src/lib/api.js';
import { corpusScope } from '../../web/src/lib/corpus-scope.js';
import { problemsOfError, problemsOf as recordProblemsOf } from '../../web/src/lib/problems.js';
import { reportDeadline } from '../../web/src/lib/report-deadline.js';
import { decode, encode } from '../../web/src/lib/url-codec.js';

const state = (over: Partial<Parameters<typeof badgeOf>[0]>) => ({
  asOf: '2024-06-03',
  status: 'pending',
  statusName: '办理中',
  dueOn: '2024-06-28',
  workingDaysLeft: 18,
  provisional: false,
  closedOn: null,
  outcome: null,
  answeredLate: null,
  missingHolidayYear: null,
  ...over,
});

describe('register status', () => {
  it("takes the working days left from the server's count (it has the entered holiday years)", () => {
    // 2027 is not in the built-in table: only the server, with the year entered, can count to it.
    expect(workingDaysLeft({ dueOn: '2027-01-04', workingDaysLeft: 12 })).toBe(12);
    expect(workingDaysLeft({ dueOn: '2024-05-31', workingDaysLeft: -1 })).toBe(-1);
    expect(workingDaysLeft({ dueOn: '2027-01-04', workingDaysLeft: null })).toBeNull();
    expect(workingDaysLeft({ dueOn: null, workingDaysLeft: null })).toBeNull();
  });

  it('shows 即将到期 within 3 working days, 征求意见中 while an opinion is awaited', () => {
    expect(badgeOf(state({ dueOn: '2024-06-06', workingDaysLeft: 3 }))).toBe('dueSoon');
    expect(badgeOf(state({ dueOn: '2024-06-07', workingDaysLeft: 4, status: 'dueSoon' }))).toBe('pending');
    expect(badgeOf(state({ dueOn: '2027-01-04', workingDaysLeft: null }))).toBe('pending');
    expect(badgeOf(state({}), [{ type: 'consultationSent', on: '2024-05-30', party: 'thirdParty' }])).toBe(
      'consulting',
    );
    expect(
      badgeOf(state({}), [
        { type: 'consultationSent', on: '2024-05-30', party: 'thirdParty' },
        { type: 'consultationAnswered', on: '2024-05-31', party: 'thirdParty' },
      ]),
    ).toBe('pending');
    expect(badgeOf(state({ status: 'overdue' }))).toBe('overdue');
    expect(badgeOf(state({ status: 'answered', answeredLate: true }))).toBe('answeredLate');
    expect(badgeOf(state({ status: null }))).toBe('unknown');
  });

  it('offers the reply and the extension only with the reviewer right, nothing once closed', () => {
    const clerk = { enter: true, reply: false };
    const reviewer = { enter: true, reply: true };
    expect(nextActions(state({}), [], clerk)).toEqual([
      'correctionRequested',
      'consultationSent',
      'feeNotified',
    ]);
    expect(nextActions(state({}), [], reviewer)).toEqual([
      'correctionRequested',
      'consultationSent',
      'extended',
      'feeNotified',
      'replied',
    ]);
    expect(nextActions(state({ status: 'awaitingCorrection', dueOn: null }), [], reviewer)).toEqual([
      'corrected',
      'replied',
    ]);
    expect(nextActions(state({ status: 'answered', closedOn: '2024-05-01' }), [], reviewer)).toEqual([]);
    expect(nextActions(state({}), [], { enter: false, reply: false })).toEqual([]);
  });

  it("keeps the actions of an open application whose deadline can't be worked out (a year's holidays missing)", () => {
    const reviewer = { enter: true, reply: true };
    const undated = state({
      status: null,
      statusName: '缺少 2027 年节假日安排，无法计算期限',
      dueOn: null,
      workingDaysLeft: null,
      missingHolidayYear: 2027,
    });
    expect(badgeOf(undated)).toBe('unknown');
    expect(nextActions(undated, [], reviewer)).toEqual([
      'correctionRequested',
      'consultationSent',
      'extended',
      'feeNotified',
      'replied',
    ]);
    // The events say where it stands: waiting for the correction, or for the fee.
    expect(
      nextActions(
        undated,
        [{ type: 'correctionRequested', on: '2026-12-08', correctBy: '2026-12-22' }],
        reviewer,
      ),
    ).toEqual(['corrected', 'replied']);
    expect(
      nextActions(
        undated,
        [{ type: 'feeNotified', on: '2026-12-08', method: 'perItem', quantity: 11, amount: 100 }],
        reviewer,
      ),
    ).toEqual(['consultationSent', 'extended', 'feePaid', 'replied']);
    expect(nextActions(undated, [{ type: 'replied', on: '2026-12-09', outcome: 'open' }], reviewer)).toEqual(
      [],
    );
    // An impossible record (no status, no missing year) is put right first.
    expect(nextActions(state({ status: null, dueOn: null }), [], reviewer)).toEqual([]);
  });

  it('names the article that set the deadline', () => {
    expect(deadlineArticle([])).toBe(
      '《政府信息公开条例》第三十三条第一款（收到申请之日起20个工作日内答复）',
    );
    expect(deadlineArticle([{ type: 'extended', on: '2024-05-01', days: 20, approvedBy: '李' }])).toContain(
      '第三十三条第二款',
    );
  });
});

describe('holiday arrangements', () => {
  const year = (y: number) => ({ year: y });
  const table = {
    years: [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map(year),
    coveredThrough: '2026-12-23',
    nextYear: 2027,
  };

  it('says how far deadlines can be counted, as a warning from two months before', () => {
    const line = '已有 2019–2026 年的安排；2027 年的安排尚未录入：2026-12-23 以后的工作日期限无法计算';
    expect(coverage(table, '2026-06-01')).toEqual({ text: line, warn: false });
    expect(coverage(table, '2026-10-22').warn).toBe(false);
    expect(coverage(table, '2026-10-23').warn).toBe(true);
    expect(coverage(table, '2027-02-01').warn).toBe(true);
    expect(coverage(table, undefined).warn).toBe(false);
    expect(coverage({ ...table, years: [...table.years, year(2029)] }, '2026-06-01').text).toBe(
      '已有 2019–2026 年的安排（另有 2029 年）；2027 年的安排尚未录入：2026-12-23 以后的工作日期限无法计算',
    );
  });

  const yuandan = {
    name: ' 元旦 ',
    off: ['2027-01-01', '2027-01-03'] as [string, string],
    work: [] as string[],
  };
  const input = {
    year: 2027,
    notice: { number: ' 国办发明电〔2026〕9号 ', date: '2026-11-10', title: '  ' },
    festivals: [yuandan],
  };

  it('sends the form trimmed, without an empty title, make-up days in order', () => {
    expect(bodyOf({ ...input, festivals: [{ ...yuandan, work: ['2027-02-20', '2027-02-07'] }] })).toEqual({
      year: 2027,
      notice: { number: '国办发明电〔2026〕9号', date: '2026-11-10' },
      festivals: [{ name: '元旦', off: ['2027-01-01', '2027-01-03'], work: ['2027-02-07', '2027-02-20'] }],
    });
    expect(problemsOf(input)).toEqual([]);
  });

  it("checks with the server's rules and puts each problem on its field", () => {
    // 2027-01-05 is a Tuesday: a make-up working day must be a Saturday or a Sunday.
    const problems = problemsOf({ ...input, festivals: [{ ...yuandan, work: ['2027-01-05'] }] });
    expect(problems.map((p) => p.path)).toEqual(['festivals.0.work.0']);
    expect(problems[0]?.message).toContain('不是星期六或星期日');
    expect(fieldOf('festivals.0.work.0')).toEqual(['festivals', 0, 'work']);
    expect(fieldOf('festivals.2.off.1')).toEqual(['festivals', 2, 'off']);
    expect(fieldOf('festivals.2.off')).toEqual(['festivals', 2, 'off']);
    expect(fieldOf('notice.number')).toEqual(['notice', 'number']);
    expect(fieldOf('year')).toEqual(['year']);
    expect(fieldOf('festivals')).toBeNull();
    expect(fieldOf('amendments.0.change')).toBeNull();
  });
});

describe('url codec', () => {
  const schema = z.object({
    q: z.string().default(''),
    page: z.coerce.number().int().min(1).default(1),
    status: z.enum(['a', 'b']).optional(),
    region: z.array(z.string()).default([]),
  });

  it('round-trips a state and writes only what differs from the defaults, sorted', () => {
    const s = { q: '低保', page: 3, status: 'b' as const, region: ['青海', '西宁'] };
    const text = encode(schema, s).toString();
    expect(text).toBe(
      'page=3&q=%E4%BD%8E%E4%BF%9D&region=%E9%9D%92%E6%B5%B7&region=%E8%A5%BF%E5%AE%81&status=b',
    );
    expect(decode(schema, new URLSearchParams(text))).toEqual(s);
    expect(encode(schema, { q: '', page: 1, region: [] }).toString()).toBe('');
  });

  it('drops a bad value and keeps the rest', () => {
    expect(decode(schema, new URLSearchParams('page=-2&status=zzz&q=x'))).toEqual({
      q: 'x',
      page: 1,
      region: [],
    });
  });
});

describe('table 二 checks', () => {
  const spec = getFormat('2021');
  it('flags negative and fractional counts and 现行有效 below 本年制发', () => {
    const problems = proactiveProblems(spec, {
      'p.rules.issued': 3,
      'p.rules.inForce': 1,
      'p.penalty.decisions': -1,
      'p.license.decisions': 1.5,
      'p.fees.amount': 1.25,
    });
    expect([...problems.keys()].sort()).toEqual([
      'p.license.decisions',
      'p.penalty.decisions',
      'p.rules.inForce',
    ]);
    expect(problems.get('p.rules.inForce')).toContain('现行有效件数（1）少于本年制发件数（3）');
  });
});

describe("the parts' prose", () => {
  const parts = [
    { key: '5', title: '五、存在的主要问题及改进情况', text: '【待补充：存在的主要问题及改进措施。】' },
    {
      key: '6',
      title: '六、其他需要报告的事项',
      text: '本年度未收取信息处理费。\n【待补充：其他需要报告的事项；没有的可删去本句。】',
    },
  ];

  it('sends only the parts that differ from their draft, whitespace aside', () => {
    const edits = {
      '5': '一是栏目更新不及时。',
      '6': '  本年度未收取信息处理费。\r\n\r\n【待补充：其他需要报告的事项；没有的可删去本句。】 ',
    };
    expect(proseOf(parts, edits)).toEqual({ '5': '一是栏目更新不及时。' });
    expect(proseOf(parts, { '5': '' })).toEqual({ '5': '' });
    expect(proseOf(parts, {})).toEqual({});
  });

  it('takes two sets of prose as the same when they give the same report', () => {
    expect(sameProse({ '5': '甲\n乙' }, { '5': ' 甲\r\n\r\n乙 ' })).toBe(true);
    expect(sameProse({ '5': '甲' }, { '5': '甲', '6': '乙' })).toBe(false);
    expect(sameProse({ '5': '甲' }, { '6': '甲' })).toBe(false);
    expect(sameProse({}, {})).toBe(true);
  });
});

describe('corpus scope', () => {
  const agencies = [
    { id: 'a', name: '甲县人民政府' },
    { id: 'b', name: '乙县人民政府' },
    { id: 'c', name: '丙县财政局' },
    { id: 'd', name: '丁县教育局' },
  ];
  it('says whose reports each role sees, so that an empty list is not taken for an empty corpus', () => {
    expect(corpusScope({ role: 'evaluator', agencyId: null }, [])).toBe('查看范围：整个报告库。');
    expect(corpusScope({ role: 'admin', agencyId: 'c' }, agencies)).toBe(
      '查看范围：本机关（丙县财政局）的报告，导入的其他机关的报告不在其中。整个报告库由评估角色查看（管理员在「用户管理」中新建）。',
    );
    expect(corpusScope({ role: 'supervisor', agencyId: null }, agencies)).toBe(
      '查看范围：所监督的甲县人民政府、乙县人民政府、丙县财政局等 4 个机关的报告；人民政府含其辖区内各机关。整个报告库由评估角色查看（管理员在「用户管理」中新建）。',
    );
    expect(corpusScope({ role: 'supervisor', agencyId: null }, agencies.slice(0, 1))).toBe(
      '查看范围：所监督的甲县人民政府的报告；人民政府含其辖区内各机关。整个报告库由评估角色查看（管理员在「用户管理」中新建）。',
    );
    expect(corpusScope({ role: 'supervisor', agencyId: null }, [])).toMatch(/^查看范围：尚未指定监督的机关/);
  });
});

describe('the annual report due next', () => {
  it('is last year’s until its deadline (31 January for a department, 31 March for a government), then this year’s', () => {
    expect(reportDeadline('2024-01-10', '湟源县教育局')).toEqual({
      year: 2023,
      deadline: '2024-01-31',
      kind: 'department',
      daysLeft: 21,
    });
    expect(reportDeadline('2024-01-31', '湟源县教育局')).toMatchObject({ year: 2023, daysLeft: 0 });
    expect(reportDeadline('2024-02-01', '湟源县教育局')).toMatchObject({
      year: 2024,
      deadline: '2025-01-31',
      daysLeft: 365,
    });
    expect(reportDeadline('2024-02-01', '湟源县人民政府')).toEqual({
      year: 2023,
      deadline: '2024-03-31',
      kind: 'government',
      daysLeft: 59,
    });
    expect(reportDeadline('2024-06-03', undefined)).toMatchObject({ year: 2024, kind: 'department' });
  });
});

describe('why a record is refused', () => {
  it('shows one problem as the title, several each on its own line under what they are', () => {
    const order = '审结日期 2024-05-10 早于收案日期 2024-05-20';
    const outcome = '已审结的案件应记录结果（结果维持、结果纠正或其他结果）';
    const refused = (problems: string[]) =>
      new ApiError(400, 'workflow.case-order', `记录不符合办理规则：${problems.join('；')}`, {}, problems);
    expect(problemsOfError(refused([order, outcome]))).toEqual({
      title: '记录不符合办理规则',
      items: [order, outcome],
    });
    expect(problemsOfError(refused([outcome]))).toEqual({
      title: `记录不符合办理规则：${outcome}`,
      items: [],
    });
    expect(problemsOfError(new ApiError(0, 'network', '无法连接服务器，请检查网络后重试'))).toEqual({
      title: '无法连接服务器，请检查网络后重试',
      items: [],
    });
    // A message that is not its reasons joined: the reasons under a title of their own.
    expect(problemsOfError(new ApiError(400, 'x', '出错了', {}, [order, outcome]))).toEqual({
      title: '无法保存',
      items: [order, outcome],
    });
    expect(recordProblemsOf([])).toBeNull();
    expect(recordProblemsOf([order])).toEqual({ title: order, items: [] });
    expect(recordProblemsOf([order, outcome])).toEqual({ title: '输入有误', items: [order, outcome] });
  });
});
