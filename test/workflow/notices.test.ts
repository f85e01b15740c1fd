/**
 * The documents an application's events send (src/workflow/notices.ts): the dates, number, request
 * and deadlines of the register; the articles of the 条例 each rests on; 【待补充】 for the rest.
 */
import { describe, expect, it } from 'vitest';
import type { ApplicationEvent } from '../../src/workflow/application.js';
import { type NoticeApplication, noticeOf } from '../../src/workflow/notices.js';
import { outcomes } from '../../src/workflow/outcome.js';

const application = (...events: ApplicationEvent[]): NoticeApplication => ({
  id: 'x',
  number: '2024-001',
  requestText: '某路段改造工程的环境影响评价文件',
  applicant: 'np',
  channel: 'inPerson',
  submittedOn: '2024-05-06',
  events,
});

const received =
  '本机关于2024年5月6日收到你提交的政府信息公开申请（编号2024-001），申请内容为：“某路段改造工程的环境影响评价文件”。';

describe('notices of an application’s events', () => {
  it('a 补正通知书 names the day to correct by and what a late correction means (第三十条)', () => {
    const app = application({ type: 'correctionRequested', on: '2024-05-08', correctBy: '2024-05-20' });
    expect(noticeOf(app, 0)).toEqual({
      title: '政府信息公开申请补正通知书',
      to: '【待补充：申请人姓名或名称】：',
      paragraphs: [
        `${received}经审查，你的申请内容不明确：【待补充：需要补正的事项】。`,
        '根据《中华人民共和国政府信息公开条例》第三十条的规定，请你于2024年5月20日前对上述事项作出补正。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      ],
      date: '2024-05-08',
    });
  });

  it('an extension gives the new due date in working days, after a correction restarted the clock', () => {
    const app = application(
      { type: 'correctionRequested', on: '2024-05-08', correctBy: '2024-05-20' },
      { type: 'corrected', on: '2024-05-15' },
      { type: 'extended', on: '2024-06-05', days: 10, approvedBy: '王主任' },
      { type: 'replied', on: '2024-06-20', outcome: 'open' },
    );
    // 20 working days from 2024-05-15 (端午 2024-06-10 off) end on 2024-06-13; ten more on 2024-06-27.
    expect(noticeOf(app, 2)?.paragraphs[1]).toBe(
      '根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经政府信息公开工作机构负责人同意，答复期限延长10个工作日，本机关将于2024年6月27日前作出答复。',
    );
    expect(noticeOf(app, 1)).toBeNull();
    expect(() => noticeOf(app, 4)).toThrow(RangeError);
  });

  it('addresses the applicant by name, and gives the information in the form asked for (第四十条)', () => {
    const app = {
      ...application({ type: 'replied', on: '2024-05-30', outcome: 'open' }),
      applicantName: ' 张三 ',
      delivery: '电子邮件',
    };
    const open = noticeOf(app, 0);
    expect(open?.to).toBe('张三：');
    expect(open?.paragraphs[3]).toBe('上述信息按照你申请时要求的方式（电子邮件）提供。');
    const denied = noticeOf(
      { ...app, events: [{ type: 'replied', on: '2024-05-30', outcome: 'deny.secret' }] },
      0,
    );
    expect(denied?.paragraphs.join('')).not.toContain('电子邮件');
    expect(noticeOf({ ...app, applicantName: '  ' }, 0)?.to).toBe('【待补充：申请人姓名或名称】：');
  });

  it('asks a third party (第三十二条) or another agency (第三十四条) for its opinion within 15 working days', () => {
    const third = noticeOf(
      application({ type: 'consultationSent', on: '2024-05-10', party: 'thirdParty' }),
      0,
    );
    expect(third?.title).toBe('政府信息公开申请征求第三方意见书');
    expect(third?.to).toBe('【待补充：第三方名称】：');
    expect(third?.paragraphs[1]).toMatch(
      /^根据《中华人民共和国政府信息公开条例》第三十二条的规定.*15个工作日内提出书面意见/,
    );
    const agency = noticeOf(application({ type: 'consultationSent', on: '2024-05-10', party: 'agency' }), 0);
    expect(agency?.paragraphs[1]).toMatch(/第三十四条.*逾期未提出意见的，视为同意公开。$/);
  });

  it('a fee notice gives the amount, how it was counted and the day to pay by', () => {
    const app = application({
      type: 'feeNotified',
      on: '2024-05-10',
      method: 'perPage',
      quantity: 150,
      amount: 1500,
    });
    // 20 working days after 2024-05-10: Saturday 2024-05-11 is one (劳动节's 调休).
    expect(noticeOf(app, 0)?.paragraphs.slice(1)).toEqual([
      '根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关收取信息处理费1500元（按量计收：共 150 页）。',
      '请自收到本通知次日起20个工作日内（2024年6月6日前）缴纳，缴费方式：【待补充：缴费方式】。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。缴费期间不计入答复期限。',
    ]);
  });

  it('a reply of each result says what the result means, on which articles, and how to appeal', () => {
    for (const outcome of outcomes) {
      const notice = noticeOf(application({ type: 'replied', on: '2024-05-30', outcome }), 0);
      expect(notice?.title).toBe('政府信息公开申请答复书');
      expect(notice?.paragraphs[0]).toBe(received);
      expect(notice?.paragraphs[1]).toMatch(
        /^经审查，(根据《中华人民共和国政府信息公开条例》第.+的规定，)?现答复如下：$/,
      );
      expect(notice?.paragraphs[3]).toMatch(/^如对本答复不服，可以自收到本答复之日起60日内/);
      expect(notice?.paragraphs.join('')).not.toMatch(/undefined|null/);
    }
    const denied = noticeOf(
      application({ type: 'replied', on: '2024-05-30', outcome: 'deny.thirdParty' }),
      0,
    );
    expect(denied?.paragraphs.slice(1, 3)).toEqual([
      '经审查，根据《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项的规定，现答复如下：',
      '你申请公开的信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开。',
    ]);
  });
});
