/**
 * The documents an application's events send (依申请公开文书), drafted from the register: the
 * 补正通知书 (第三十条), the 延期答复告知书 (第三十三条第二款), the letter asking a third party's or
 * another agency's opinion (第三十二条, 第三十四条), the 收费通知书 (第四十二条, 国办函〔2020〕109号) and
 * the 答复书 of each result (第三十六条 to 第三十九条, with the 第十四条 to 第十六条 grounds of not
 * disclosing). Each says what the register knows — the dates, the application's number and request,
 * the working-day deadlines it works out, the applicant's name and the form they asked for — and
 * leaves what it can't know (the information given, the reasons; the name when it was not recorded)
 * as 【待补充：…】 for the clerk, as the compiled annual report does.
 * Events that send nothing (a correction or an opinion received, a payment) have none.
 */

import type { Application, ApplicationEvent } from './application.js';
import { chineseDate } from './calendar/date.js';
import { calendar as defaultCalendar, type WorkingCalendar } from './calendar/working-days.js';
import { feePaymentWorkingDays } from './fees.js';
import type { Outcome } from './outcome.js';
import { applicationStatus } from './status.js';
import { readTimeline, thirdPartyWorkingDays } from './timeline.js';

/** What a notice needs of the application beyond its events. */
export interface NoticeApplication extends Application {
  /** The agency's own number for it (2026-001). */
  number: string;
  requestText: string;
  /** 申请人姓名或者名称; '' or absent when the register does not have it. */
  applicantName?: string;
  /** 获取信息的方式、途径 the applicant asked for; '' or absent when not recorded. */
  delivery?: string;
}

/** A document as paragraphs, to be laid out by the plain-document renderers (src/render). */
export interface Notice {
  /** 「政府信息公开申请补正通知书」… */
  title: string;
  /** Who it is addressed to, with its colon (「申请人：」); the first line of the text. */
  to: string;
  paragraphs: string[];
  /** The day it is dated: the event's. */
  date: string;
}

const law = '《中华人民共和国政府信息公开条例》';
const missing = (what: string) => `【待补充：${what}】`;

/**
 * The remedy a reply ends with (第五十一条; 行政复议法 60 days, 行政诉讼法 6 months): who hears it is
 * left to the clerk.
 */
const remedy = `如对本答复不服，可以自收到本答复之日起60日内向${missing('行政复议机关')}申请行政复议，或者自收到本答复之日起6个月内向${missing('人民法院')}提起行政诉讼。`;

/** What each result says, and the articles it rests on. */
const replies: Record<Outcome, { basis: string; text: string }> = {
  open: {
    basis: '第三十六条第（二）项',
    text: `你申请公开的信息属于可以公开的政府信息，现向你提供：${missing('提供的政府信息，或者获取该信息的方式、途径和时间')}。`,
  },
  partial: {
    basis: '第三十七条',
    text: `你申请公开的信息中含有不应当公开的内容，能够作区分处理。现向你提供可以公开的内容：${missing('提供的内容')}；其中${missing('不予公开的内容')}不予公开，理由是：${missing('理由')}。`,
  },
  'deny.secret': {
    basis: '第十四条、第三十六条第（三）项',
    text: '你申请公开的信息属于依法确定为国家秘密的政府信息，本机关决定不予公开。',
  },
  'deny.law': {
    basis: '第十四条、第三十六条第（三）项',
    text: `你申请公开的信息属于法律、行政法规禁止公开的政府信息（${missing('法律、行政法规的名称和条款')}），本机关决定不予公开。`,
  },
  'deny.security': {
    basis: '第十四条、第三十六条第（三）项',
    text: '你申请公开的信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开。',
  },
  'deny.thirdParty': {
    basis: '第十五条、第三十六条第（三）项',
    text: '你申请公开的信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开。',
  },
  'deny.internal': {
    basis: '第十六条第一款、第三十六条第（三）项',
    text: '你申请公开的信息属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息），本机关决定不予公开。',
  },
  'deny.process': {
    basis: '第十六条第二款、第三十六条第（三）项',
    text: '你申请公开的信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关决定不予公开。',
  },
  'deny.enforcement': {
    basis: '第十六条第二款、第三十六条第（三）项',
    text: '你申请公开的信息属于行政执法案卷信息，本机关决定不予公开。',
  },
  'deny.query': {
    basis: '第三十六条第（七）项',
    text: `你申请公开的信息属于${missing('工商、不动产登记资料等')}信息，有关法律、行政法规对信息的获取有特别规定，请依照${missing('法律、行政法规的名称')}的规定办理。`,
  },
  'none.notHeld': {
    basis: '第三十六条第（四）项',
    text: '经检索，本机关没有你申请公开的政府信息，该政府信息不存在。',
  },
  'none.create': {
    basis: '第三十八条',
    text: '本机关没有现成的你申请公开的信息，需要对现有政府信息进行加工、分析方能提供，本机关不予提供。',
  },
  'none.unclear': {
    basis: '第三十条',
    text: '你补正后的申请内容仍不明确，本机关无法确定你申请公开的政府信息，无法提供。',
  },
  'reject.petition': {
    basis: '第三十九条第一款',
    text: `你以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理。你可以通过${missing('信访、投诉、举报的渠道')}提出。`,
  },
  'reject.repeat': {
    basis: '第三十六条第（六）项',
    text: `本机关已于${missing('日期')}就你提出的政府信息公开申请作出答复，你重复申请公开相同的政府信息，本机关不予重复处理。`,
  },
  'reject.publication': {
    basis: '第三十九条第二款',
    text: `你申请提供的是政府公报、报刊、书籍等公开出版物，你可以通过${missing('获取的途径')}获取。`,
  },
  'reject.mass': {
    basis: '第三十五条',
    text: '你申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，本机关认为申请理由不合理，不予处理。',
  },
  'reject.confirm': {
    basis: '',
    text: '你要求本机关确认或者重新出具你已获取的信息，不属于申请获取政府信息，本机关不作为政府信息公开申请处理。',
  },
  'other.noCorrection': {
    basis: '第三十条',
    text: '你未在本机关告知的补正期限内补正，视为放弃申请，本机关不再处理该政府信息公开申请。',
  },
  'other.noFee': {
    basis: '第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    text: '你未在规定期限内缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。',
  },
  'other.other': {
    basis: '',
    text: missing('处理的情况和依据'),
  },
};

/** 「本机关于2024年5月6日收到你提交的政府信息公开申请（编号2024-001），申请内容为：“……”。」 */
function received(app: NoticeApplication, receivedOn: string): string {
  return `本机关于${chineseDate(receivedOn)}收到你提交的政府信息公开申请（编号${app.number}），申请内容为：“${app.requestText}”。`;
}

/**
 * The document of an application's event (by its ordinal, from 0), or null for an event that sends
 * none. Throws a RangeError for an ordinal the application lacks; the application must be a
 * possible record (its status can be worked out).
 */
export function noticeOf(
  app: NoticeApplication,
  ordinal: number,
  cal: WorkingCalendar = defaultCalendar,
): Notice | null {
  const event: ApplicationEvent | undefined = app.events[ordinal];
  if (!event) throw new RangeError(`申请 ${app.number} 没有第 ${ordinal + 1} 个办理事项`);
  // The application as the event left it: the events up to it.
  const upTo: NoticeApplication = { ...app, events: app.events.slice(0, ordinal + 1) };
  const { timeline } = readTimeline(upTo, event.on, cal);
  const receivedOn = timeline?.receivedOn ?? event.on;
  const applicant = `${app.applicantName?.trim() || missing('申请人姓名或名称')}：`;
  switch (event.type) {
    case 'correctionRequested':
      return {
        title: '政府信息公开申请补正通知书',
        to: applicant,
        paragraphs: [
          `${received(app, receivedOn)}经审查，你的申请内容不明确：${missing('需要补正的事项')}。`,
          `根据${law}第三十条的规定，请你于${chineseDate(event.correctBy)}前对上述事项作出补正。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        ],
        date: event.on,
      };
    case 'extended': {
      const dueOn = applicationStatus(upTo, event.on, { calendar: cal }).dueOn;
      return {
        title: '政府信息公开申请延期答复告知书',
        to: applicant,
        paragraphs: [
          `${received(app, receivedOn)}因${missing('延长答复期限的理由')}，本机关不能在规定期限内作出答复。`,
          `根据${law}第三十三条第二款的规定，经政府信息公开工作机构负责人同意，答复期限延长${event.days}个工作日${dueOn ? `，本机关将于${chineseDate(dueOn)}前作出答复` : ''}。`,
        ],
        date: event.on,
      };
    }
    case 'consultationSent':
      return event.party === 'thirdParty'
        ? {
            title: '政府信息公开申请征求第三方意见书',
            to: `${missing('第三方名称')}：`,
            paragraphs: [
              `本机关于${chineseDate(receivedOn)}收到一份政府信息公开申请（编号${app.number}），申请内容为：“${app.requestText}”。该信息公开可能损害你（单位）的合法权益。`,
              `根据${law}第三十二条的规定，现书面征求你（单位）的意见。请自收到本意见书之日起${thirdPartyWorkingDays}个工作日内提出书面意见；逾期未提出意见的，由本机关依照${law}的规定决定是否公开。不同意公开的，请说明理由。`,
            ],
            date: event.on,
          }
        : {
            title: '政府信息公开申请征求意见函',
            to: `${missing('被征求意见的行政机关')}：`,
            paragraphs: [
              `本机关于${chineseDate(receivedOn)}收到一份政府信息公开申请（编号${app.number}），申请内容为：“${app.requestText}”。该信息由本机关与你单位共同制作。`,
              `根据${law}第三十四条的规定，现征求你单位的意见。请自收到本函之日起${thirdPartyWorkingDays}个工作日内提出意见；逾期未提出意见的，视为同意公开。`,
            ],
            date: event.on,
          };
    case 'feeNotified': {
      const payBy = timeline?.fee?.payBy;
      const basis =
        event.method === 'perItem'
          ? `按件计收：本月第 ${event.quantity} 件申请`
          : `按量计收：共 ${event.quantity} 页`;
      return {
        title: '政府信息公开信息处理费收费通知书',
        to: applicant,
        paragraphs: [
          `${received(app, receivedOn)}你申请公开政府信息的数量、频次明显超过合理范围。`,
          `根据${law}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关收取信息处理费${event.amount}元（${basis}）。`,
          `请自收到本通知次日起${feePaymentWorkingDays}个工作日内${payBy ? `（${chineseDate(payBy)}前）` : ''}缴纳，缴费方式：${missing('缴费方式')}。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。缴费期间不计入答复期限。`,
        ],
        date: event.on,
      };
    }
    case 'replied': {
      const reply = replies[event.outcome];
      const basis = reply.basis ? `根据${law}${reply.basis}的规定，` : '';
      // What is given is given in the form asked for, where the agency holds it so (第四十条).
      const delivery = app.delivery?.trim();
      const form =
        delivery && (event.outcome === 'open' || event.outcome === 'partial')
          ? [`上述信息按照你申请时要求的方式（${delivery}）提供。`]
          : [];
      return {
        title: '政府信息公开申请答复书',
        to: applicant,
        paragraphs: [received(app, receivedOn), `经审查，${basis}现答复如下：`, reply.text, ...form, remedy],
        date: event.on,
      };
    }
    default:
      return null;
  }
}
