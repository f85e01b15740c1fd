/**
 * An application for disclosure (依申请公开) and what happens to it, as dated events. The rules of
 * 《政府信息公开条例》 that give its deadlines are applied in timeline.ts; the statuses in status.ts.
 */
import type { ApplicantType } from './applicant.js';
import type { IsoDate } from './calendar/date.js';
import type { Channel, Receipt } from './channel.js';
import type { FeeMethod } from './fees.js';
import type { Outcome } from './outcome.js';

export type { ApplicantType } from './applicant.js';
export type { Channel } from './channel.js';
export type { Outcome } from './outcome.js';

/** Who is consulted: a third party (第三十二条) or another agency (第三十四条). */
export type ConsultedParty = 'thirdParty' | 'agency';

/** 补正通知 (第三十条): one notice, within 7 working days of receipt, with a reasonable time to reply. */
export interface CorrectionRequested {
  type: 'correctionRequested';
  on: IsoDate;
  /** The last day the applicant may supply the correction. */
  correctBy: IsoDate;
}

/** The corrected application arrives: the reply period starts again from this day. */
export interface Corrected {
  type: 'corrected';
  on: IsoDate;
}

/** Opinions asked of a third party or another agency: the days they take do not count. */
export interface ConsultationSent {
  type: 'consultationSent';
  on: IsoDate;
  party: ConsultedParty;
}

export interface ConsultationAnswered {
  type: 'consultationAnswered';
  on: IsoDate;
  party: ConsultedParty;
}

/** 延长答复期限 (第三十三条): once, at most 20 working days, approved by the head of the office. */
export interface Extended {
  type: 'extended';
  on: IsoDate;
  /** Working days added. */
  days: number;
  /** Who approved it (政府信息公开工作机构负责人). */
  approvedBy: string;
}

/** 收费通知 (国办函〔2020〕109号). */
export interface FeeNotified {
  type: 'feeNotified';
  on: IsoDate;
  method: FeeMethod;
  /** perItem: the application's number among the applicant's applications of the month; perPage: pages. */
  quantity: number;
  /** Yuan charged (may be below the standard: 减免). */
  amount: number;
}

export interface FeePaid {
  type: 'feePaid';
  on: IsoDate;
}

/** The reply (答复), with its one result. */
export interface Replied {
  type: 'replied';
  on: IsoDate;
  outcome: Outcome;
}

export type ApplicationEvent =
  | CorrectionRequested
  | Corrected
  | ConsultationSent
  | ConsultationAnswered
  | Extended
  | FeeNotified
  | FeePaid
  | Replied;

export type EventType = ApplicationEvent['type'];

export const eventNames: Record<EventType, string> = {
  correctionRequested: '补正通知',
  corrected: '收到补正',
  consultationSent: '征求意见',
  consultationAnswered: '收到意见',
  extended: '延长答复期限',
  feeNotified: '收费通知',
  feePaid: '缴纳费用',
  replied: '答复',
};

export const partyNames: Record<ConsultedParty, string> = {
  thirdParty: '第三方',
  agency: '其他机关',
};

/** The members of an event as the register's event form names them (its labels, and messages). */
export const eventFieldNames = {
  type: '事件类型',
  on: '日期',
  correctBy: '补正期限',
  party: '征求意见对象',
  days: '延长工作日数',
  approvedBy: '批准人',
  method: '计收方式',
  quantity: '数量',
  amount: '金额（元）',
  outcome: '办理结果',
} as const;

/** An event's member by its Chinese name (undefined for one it does not have). */
export const eventFieldName = (member: string): string | undefined =>
  Object.hasOwn(eventFieldNames, member)
    ? eventFieldNames[member as keyof typeof eventFieldNames]
    : undefined;

export interface Application extends Receipt {
  id: string;
  applicant: ApplicantType;
  channel: Channel;
  /** Dated events in the order they happened (dates never decrease). */
  events: readonly ApplicationEvent[];
}
