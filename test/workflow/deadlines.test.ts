/**
 * Reply deadlines across holidays and make-up working days, every year of the table: each expected
 * date was counted by hand from the notices (counting starts the day after receipt).
 */
import { describe, expect, it } from 'vitest';
import type { Application, ApplicationEvent } from '../../src/workflow/application.js';
import { addWorkingDays, MissingHolidayYearError } from '../../src/workflow/calendar/working-days.js';
import { WorkflowError } from '../../src/workflow/issues.js';
import { applicationStatus } from '../../src/workflow/status.js';
import { validateApplication } from '../../src/workflow/timeline.js';

const app = (receivedOn: string, events: ApplicationEvent[] = []): Application => ({
  id: `A-${receivedOn}`,
  applicant: 'np',
  channel: 'inPerson',
  submittedOn: receivedOn,
  events,
});

describe('20 working days from receipt, around 春节 and 国庆 of every year', () => {
  it.each([
    // year, receipt, due, what the count crosses
    ['2019-01-31', '2019-03-05', '春节：2月2日、3日上班，4日至10日放假'],
    ['2019-09-27', '2019-10-30', '国庆：9月29日上班，10月1日至7日放假，10月12日上班'],
    ['2020-01-22', '2020-02-27', '春节延长至2月2日，2月1日不再上班'],
    ['2020-09-25', '2020-10-29', '国庆中秋：9月27日上班，10月1日至8日放假，10月10日上班'],
    ['2021-02-05', '2021-03-10', '春节：2月7日上班，11日至17日放假，20日上班'],
    ['2021-09-17', '2021-10-21', '中秋：18日上班，19日至21日放假；国庆：26日、10月9日上班'],
    ['2022-01-27', '2022-03-01', '春节：1月29日、30日上班，1月31日至2月6日放假'],
    ['2022-09-29', '2022-11-01', '国庆：10月1日至7日放假，8日、9日上班'],
    ['2023-01-19', '2023-02-21', '春节：1月21日至27日放假，28日、29日上班'],
    ['2023-09-27', '2023-10-31', '中秋国庆：9月29日至10月6日放假，7日、8日上班'],
    ['2024-02-08', '2024-03-13', '春节：2月10日至17日放假，18日上班'],
    ['2024-09-27', '2024-10-30', '国庆：9月29日上班，10月1日至7日放假，12日上班'],
    ['2025-01-24', '2025-02-27', '春节：1月26日上班，28日至2月4日放假，2月8日上班'],
    ['2025-09-26', '2025-10-30', '国庆中秋：9月28日上班，10月1日至8日放假，11日上班'],
    ['2025-12-31', '2026-01-29', '元旦：1月1日至3日放假，4日上班'],
    ['2026-02-12', '2026-03-18', '春节：2月14日上班，15日至23日放假，28日上班'],
    ['2026-09-18', '2026-10-22', '中秋9月25日至27日；国庆：9月20日上班，10月1日至7日放假，10日上班'],
  ])('received %s → due %s (%s)', (receivedOn, dueOn) => {
    expect(addWorkingDays(receivedOn, 20)).toBe(dueOn);
    const status = applicationStatus(app(receivedOn), receivedOn);
    expect(status.dueOn).toBe(dueOn);
    expect(status.status).toBe('pending');
    expect(status.clockStartsOn).toBe(receivedOn);
  });
});

describe('events that move the deadline', () => {
  it('补正 restarts the count from the day the correction arrives (2024)', () => {
    const a = app('2024-09-27', [
      { type: 'correctionRequested', on: '2024-10-08', correctBy: '2024-10-22' },
      { type: 'corrected', on: '2024-10-15' },
    ]);
    expect(applicationStatus(a, '2024-10-10')).toMatchObject({
      status: 'awaitingCorrection',
      dueOn: null,
      clockStartsOn: null,
      correctBy: '2024-10-22',
    });
    expect(applicationStatus(a, '2024-10-15')).toMatchObject({
      status: 'pending',
      clockStartsOn: '2024-10-15',
      dueOn: '2024-11-12',
    });
    expect(validateApplication(a)).toEqual([]);
  });

  it('no 补正 by the given day: treated as abandoned, （六）1 (2019, 补正 notice on a make-up Saturday)', () => {
    const a = app('2019-01-31', [{ type: 'correctionRequested', on: '2019-02-02', correctBy: '2019-02-20' }]);
    expect(applicationStatus(a, '2019-02-20').status).toBe('awaitingCorrection');
    expect(applicationStatus(a, '2019-02-21')).toMatchObject({
      status: 'lapsed',
      outcome: 'other.noCorrection',
      closedOn: '2019-02-21',
      dueOn: null,
    });
  });

  it('consulting another agency pauses the count (2023: four working days)', () => {
    const a = app('2023-09-27', [
      { type: 'consultationSent', on: '2023-10-09', party: 'agency' },
      { type: 'consultationAnswered', on: '2023-10-13', party: 'agency' },
    ]);
    expect(applicationStatus(a, '2023-10-16')).toMatchObject({
      dueOn: '2023-11-06',
      pausedWorkingDays: 4,
      provisional: false,
    });
    // While the answer is awaited, the due date is provisional: as if it came today.
    const open = app('2023-09-27', [{ type: 'consultationSent', on: '2023-10-09', party: 'agency' }]);
    expect(applicationStatus(open, '2023-10-11')).toMatchObject({
      dueOn: '2023-11-02',
      pausedWorkingDays: 2,
      provisional: true,
    });
  });

  it('a silent third party pauses the count for 15 working days at most (2021, across 春节)', () => {
    const a = app('2021-02-05', [{ type: 'consultationSent', on: '2021-02-08', party: 'thirdParty' }]);
    expect(applicationStatus(a, '2021-03-20')).toMatchObject({
      dueOn: '2021-03-31',
      pausedWorkingDays: 15,
      provisional: false,
    });
  });

  it('an extension adds its working days once (2022: 20 more, after 国庆)', () => {
    const a = app('2022-09-29', [{ type: 'extended', on: '2022-10-28', days: 20, approvedBy: '办公室主任' }]);
    expect(applicationStatus(a, '2022-10-28')).toMatchObject({ dueOn: '2022-11-29', extensionDays: 20 });
  });

  it('a fee notice stops the count until payment (2025: five working days incl. the make-up Saturday)', () => {
    const notice: ApplicationEvent = {
      type: 'feeNotified',
      on: '2025-10-09',
      method: 'perItem',
      quantity: 11,
      amount: 100,
    };
    const paid = app('2025-09-26', [notice, { type: 'feePaid', on: '2025-10-15' }]);
    expect(applicationStatus(paid, '2025-10-16')).toMatchObject({
      status: 'pending',
      dueOn: '2025-11-06',
      pausedWorkingDays: 5,
      payBy: '2025-11-05',
    });
    const unpaid = app('2025-09-26', [notice]);
    expect(applicationStatus(unpaid, '2025-11-05').status).toBe('awaitingPayment');
    expect(applicationStatus(unpaid, '2025-11-06')).toMatchObject({
      status: 'lapsed',
      outcome: 'other.noFee',
      closedOn: '2025-11-06',
    });
  });

  it('statuses: due soon, overdue, answered on time and late (2024 春节)', () => {
    const open = app('2024-02-08');
    expect(applicationStatus(open, '2024-03-05').status).toBe('pending');
    expect(applicationStatus(open, '2024-03-06').status).toBe('dueSoon');
    expect(applicationStatus(open, '2024-03-13').status).toBe('dueSoon');
    expect(applicationStatus(open, '2024-03-14').status).toBe('overdue');
    const late = app('2024-02-08', [{ type: 'replied', on: '2024-03-14', outcome: 'open' }]);
    expect(applicationStatus(late, '2024-12-31')).toMatchObject({
      status: 'answered',
      outcome: 'open',
      closedOn: '2024-03-14',
      answeredLate: true,
    });
    expect(validateApplication(late).map((i) => i.message)).toEqual([
      '答复日期 2024-03-14 晚于答复期限 2024-03-13（第三十三条）',
    ]);
    const onTime = app('2024-02-08', [{ type: 'replied', on: '2024-03-13', outcome: 'partial' }]);
    expect(applicationStatus(onTime, '2024-03-13').answeredLate).toBe(false);
    // As of a day before the reply, the reply has not happened yet.
    expect(applicationStatus(onTime, '2024-03-12').status).toBe('dueSoon');
  });
});

describe('day of receipt (第三十一条)', () => {
  it('当面: the day of submission; 邮寄: the day signed for; 网络/传真: the day confirmed', () => {
    const base = { id: 'R', applicant: 'biz' as const, events: [] };
    expect(
      applicationStatus({ ...base, channel: 'inPerson', submittedOn: '2024-09-27' }, '2024-09-27').receivedOn,
    ).toBe('2024-09-27');
    const posted = {
      ...base,
      channel: 'post' as const,
      submittedOn: '2024-09-25',
      signedForOn: '2024-09-29',
    };
    expect(applicationStatus(posted, '2024-09-30')).toMatchObject({
      receivedOn: '2024-09-29',
      dueOn: '2024-10-31',
    });
    const online = {
      ...base,
      channel: 'online' as const,
      submittedOn: '2024-09-28',
      confirmedOn: '2024-09-30',
    };
    expect(applicationStatus(online, '2024-09-30').receivedOn).toBe('2024-09-30');
    expect(() =>
      applicationStatus({ ...base, channel: 'fax', submittedOn: '2024-09-28' }, '2024-09-30'),
    ).toThrow('以传真方式提交的申请，应记录确认收到申请的日期（第三十一条）');
    expect(() =>
      applicationStatus({ ...base, channel: 'post', submittedOn: '2024-09-28' }, '2024-09-30'),
    ).toThrow('以邮寄（需签收）方式提交的申请，应记录行政机关签收日期（第三十一条）');
  });
});

describe('impossible records are refused with a clear message', () => {
  const refuse = (events: ApplicationEvent[], message: string, receivedOn = '2024-09-27') =>
    expect(() => applicationStatus(app(receivedOn, events), '2024-12-31')).toThrow(message);

  it.each<[string, ApplicationEvent[], string]>([
    [
      'reply before receipt',
      [{ type: 'replied', on: '2024-09-26', outcome: 'open' }],
      '答复日期 2024-09-26 早于收到申请之日 2024-09-27',
    ],
    [
      'two replies',
      [
        { type: 'replied', on: '2024-10-08', outcome: 'open' },
        { type: 'replied', on: '2024-10-09', outcome: 'partial' },
      ],
      '申请已于 2024-10-08 答复，不能再次答复（每件申请只能有一个办理结果）',
    ],
    [
      'extension twice',
      [
        { type: 'extended', on: '2024-10-08', days: 5, approvedBy: '主任' },
        { type: 'extended', on: '2024-10-09', days: 5, approvedBy: '主任' },
      ],
      '答复期限只能延长一次（第三十三条），已于 2024-10-08 延长 5 个工作日',
    ],
    [
      'extension over 20 working days',
      [{ type: 'extended', on: '2024-10-08', days: 21, approvedBy: '主任' }],
      '延长的期限最长不得超过20个工作日（第三十三条），实际为 21 个工作日',
    ],
    [
      'extension without approval',
      [{ type: 'extended', on: '2024-10-08', days: 10, approvedBy: ' ' }],
      '延长答复期限应经政府信息公开工作机构负责人同意（第三十三条），未记录批准人',
    ],
    [
      'events out of order',
      [
        { type: 'consultationSent', on: '2024-10-10', party: 'agency' },
        { type: 'consultationAnswered', on: '2024-10-09', party: 'agency' },
      ],
      '事件须按日期先后记录：收到意见（2024-10-09）记在 2024-10-10 的事件之后',
    ],
    [
      '（六）1 without a lapsed 补正',
      [{ type: 'replied', on: '2024-10-08', outcome: 'other.noCorrection' }],
      '只有在补正期限届满、申请人仍未补正后，才能以「逾期不补正」结案',
    ],
    [
      'a second 补正 notice',
      [
        { type: 'correctionRequested', on: '2024-09-30', correctBy: '2024-10-20' },
        { type: 'corrected', on: '2024-10-09' },
        { type: 'correctionRequested', on: '2024-10-10', correctBy: '2024-10-25' },
      ],
      '补正应一次性告知（第三十条），已于 2024-09-30 发出补正通知，不能再次要求补正',
    ],
    [
      'an event after the 补正 lapsed',
      [
        { type: 'correctionRequested', on: '2024-09-30', correctBy: '2024-10-20' },
        { type: 'corrected', on: '2024-10-21' },
      ],
      '申请人逾期未补正，视为放弃申请（第三十条），自 2024-10-21 起不再处理，之后不能再有收到补正',
    ],
    [
      'an answer without a consultation',
      [{ type: 'consultationAnswered', on: '2024-10-09', party: 'thirdParty' }],
      '没有未答复的向第三方征求意见记录，不能记录收到意见（2024-10-09）',
    ],
  ])('%s', (_, events, message) => refuse(events, message));

  it('a fee notice before the 办法 took effect', () => {
    expect(() =>
      applicationStatus(
        app('2020-09-25', [
          { type: 'feeNotified', on: '2020-10-09', method: 'perPage', quantity: 50, amount: 200 },
        ]),
        '2020-12-31',
      ),
    ).toThrow('信息处理费自 2021年1月1日 起按国办函〔2020〕109号收取，2020-10-09 不能发出收费通知');
  });

  it('the error carries every issue as a flat object', () => {
    try {
      applicationStatus(
        app('2024-09-27', [{ type: 'replied', on: '2024-09-26', outcome: 'open' }]),
        '2024-12-31',
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WorkflowError);
      expect((e as WorkflowError).issues).toEqual([
        {
          code: 'workflow.before-receipt',
          severity: 'error',
          message: '答复日期 2024-09-26 早于收到申请之日 2024-09-27',
          event: 0,
        },
      ]);
    }
  });
});

describe('statutory rules the agency broke are warnings', () => {
  it('a 补正 notice after 7 working days, an extension after the due date, a fee above the standard', () => {
    const a = app('2024-09-27', [
      { type: 'correctionRequested', on: '2024-10-14', correctBy: '2024-10-30' },
      { type: 'corrected', on: '2024-10-15' },
      { type: 'extended', on: '2024-11-13', days: 10, approvedBy: '主任' },
      { type: 'feeNotified', on: '2024-11-14', method: 'perPage', quantity: 40, amount: 150 },
    ]);
    // 2024-10-12 is a make-up Saturday: the 7th working day after receipt.
    expect(validateApplication(a).map((i) => [i.code, i.message])).toEqual([
      [
        'workflow.correction-late',
        '补正通知应在收到申请之日起7个工作日内发出（第三十条），最迟 2024-10-12，实际 2024-10-14',
      ],
      ['workflow.extension-late', '延长答复期限的决定（2024-11-13）晚于原答复期限 2024-11-12'],
      ['workflow.fee-above-standard', '收费金额 150 元高于国办函〔2020〕109号规定的标准 100 元'],
    ]);
  });
});

describe('years missing from the holiday table', () => {
  it('refuses to compute a deadline in 2018 or one that reaches the end of 2026', () => {
    expect(() => applicationStatus(app('2018-12-20'), '2018-12-20')).toThrow(
      '缺少 2018 年节假日安排，无法计算期限',
    );
    expect(() => applicationStatus(app('2026-12-01'), '2026-12-01')).toThrow(MissingHolidayYearError);
    expect(() => applicationStatus(app('2026-12-01'), '2026-12-01')).toThrow(
      /缺少 2027 年节假日安排，无法计算期限/,
    );
    expect(() => applicationStatus(app('2027-01-05'), '2027-01-05')).toThrow(
      '缺少 2027 年节假日安排，无法计算期限',
    );
  });
});
