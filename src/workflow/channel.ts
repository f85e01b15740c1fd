/**
 * How an application reaches the agency, and the day it counts as received
 * (《政府信息公开条例》第三十一条):
 * （一）当面提交的，以提交之日为收到申请之日；
 * （二）以邮寄方式提交的，以行政机关签收之日为收到申请之日；以平常信函等无需签收的邮寄方式提交的，
 *      政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日；
 * （三）通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日。
 */
import type { IsoDate } from './calendar/date.js';

export const channels = ['inPerson', 'post', 'ordinaryMail', 'online', 'email', 'fax'] as const;

export type Channel = (typeof channels)[number];

export const channelNames: Record<Channel, string> = {
  inPerson: '当面提交',
  post: '邮寄（需签收）',
  ordinaryMail: '平常信函',
  online: '互联网（在线申请平台）',
  email: '电子邮件',
  fax: '传真',
};

/** Which recorded date is the day of receipt for each channel. */
export const receiptRule: Record<Channel, 'submittedOn' | 'signedForOn' | 'confirmedOn'> = {
  inPerson: 'submittedOn',
  post: 'signedForOn',
  ordinaryMail: 'confirmedOn',
  online: 'confirmedOn',
  email: 'confirmedOn',
  fax: 'confirmedOn',
};

/** The dates of receipt as the register's form names them (the ledger has one 收到日期 column for both). */
export const receiptDayNames = { signedForOn: '签收日期', confirmedOn: '确认日期' } as const;

export const receiptRuleText: Record<Channel, string> = {
  inPerson: '当面提交的，以提交之日为收到申请之日（第三十一条第（一）项）',
  post: '以邮寄方式提交的，以行政机关签收之日为收到申请之日（第三十一条第（二）项）',
  ordinaryMail: '以平常信函提交的，以与申请人确认之日为收到申请之日（第三十一条第（二）项）',
  online: '通过互联网渠道提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）',
  email: '通过互联网渠道（电子邮件）提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）',
  fax: '通过传真提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）',
};

export interface Receipt {
  channel: Channel;
  /** The day the applicant handed in, posted or sent the application. */
  submittedOn: IsoDate;
  /** 邮寄: the day the agency signed for the letter. */
  signedForOn?: IsoDate | null;
  /** 平常信函, 互联网, 电子邮件, 传真: the day receipt was confirmed. */
  confirmedOn?: IsoDate | null;
}

/** The day of receipt by 第三十一条, or null when the date the channel needs is not recorded. */
export function receiptDate(receipt: Receipt): IsoDate | null {
  const field = receiptRule[receipt.channel];
  return receipt[field] ?? null;
}
