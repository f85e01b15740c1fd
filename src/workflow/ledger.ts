/**
 * 依申请公开办理台账: one row per application, as offices keep it and inspections ask for it — who
 * applied and how to reach them, what they asked for, when it arrived, every step taken, the
 * deadline and whether it was met, the result (named as the 2021 format names it). The columns are named by key
 * (the API's field names, for machines) and in Chinese (for the people who read the sheet).
 */
import { getFormat } from '../spec/registry.js';
import { applicantName } from './applicant.js';
import type { ApplicationEvent } from './application.js';
import { eventNames, partyNames } from './application.js';
import type { IsoDate } from './calendar/date.js';
import { channelNames, receiptDayNames } from './channel.js';
import { outcomeName } from './outcome.js';

/** What a row needs of an application and its status as of a day. */
export interface LedgerApplication {
  number: string;
  agencyName: string;
  applicant: Parameters<typeof applicantName>[0];
  applicantName: string;
  /** Null where the reader may not see it (a supervisor). */
  applicantContact: string | null;
  delivery: string;
  channel: keyof typeof channelNames;
  submittedOn: IsoDate;
  receivedOn: IsoDate | null;
  requestText: string;
  events: readonly ApplicationEvent[];
  state: {
    statusName: string;
    dueOn: IsoDate | null;
    closedOn: IsoDate | null;
    answeredLate: boolean | null;
  };
}

export type LedgerValue = string | number | null;

/** The columns in order: key and Chinese name. */
export const ledgerColumns = [
  ['number', '编号'],
  ['agency', '机关'],
  ['applicantName', '申请人'],
  ['applicant', '申请人类型'],
  ['applicantContact', '联系方式'],
  ['channel', '提交渠道'],
  ['submittedOn', '提交日期'],
  ['receivedOn', '收到日期'],
  ['requestText', '申请内容'],
  ['delivery', '获取方式'],
  ['steps', '办理过程'],
  ['extendedDays', '延期工作日'],
  ['fee', '收费（元）'],
  ['status', '状态'],
  ['dueOn', '答复期限'],
  ['repliedOn', '答复日期'],
  ['outcome', '办理结果'],
  ['late', '超期答复'],
] as const;

export type LedgerKey = (typeof ledgerColumns)[number][0];

/** The API's fields of an application (src/api/schemas.ts) whose column has another key. */
const columnOfField: Readonly<Record<string, LedgerKey>> = {
  id: 'number',
  agencyId: 'agency',
  events: 'steps',
  signedForOn: 'receivedOn',
  confirmedOn: 'receivedOn',
};

/** The Chinese name of the ledger's column that holds an application's field (「收到日期」 for both dates of receipt). */
export function ledgerColumnName(field: string): string | undefined {
  const key = Object.hasOwn(columnOfField, field) ? columnOfField[field] : field;
  return ledgerColumns.find(([k]) => k === key)?.[1];
}

/**
 * An application's field by its Chinese name, as the ledger's column and the register's form name
 * it (「提交日期」, 「签收日期」), for messages; undefined for a field neither shows.
 */
export function applicationFieldName(field: string): string | undefined {
  if (Object.hasOwn(receiptDayNames, field)) return receiptDayNames[field as keyof typeof receiptDayNames];
  return ledgerColumnName(field);
}

export const stepSeparator = '；';

/** 「2024-05-08 补正通知（补正期限 2024-05-20）」; steps are joined by `stepSeparator`. */
export function step(e: ApplicationEvent): string {
  const detail = (() => {
    switch (e.type) {
      case 'correctionRequested':
        return `补正期限 ${e.correctBy}`;
      case 'consultationSent':
      case 'consultationAnswered':
        return partyNames[e.party];
      case 'extended':
        return `${e.days} 个工作日，${e.approvedBy} 批准`;
      case 'feeNotified':
        return e.method === 'perItem'
          ? `按件计收，本月第 ${e.quantity} 件，${e.amount} 元`
          : `按量计收，${e.quantity} 页，${e.amount} 元`;
      case 'replied':
        return outcomeOf(e.outcome);
      default:
        return '';
    }
  })();
  return `${e.on} ${eventNames[e.type]}${detail ? `（${detail}）` : ''}`;
}

/**
 * The result by the 2021 format's name of its row: one name for each result (the 2019 format puts
 * all 其他处理 results in one row, which would not say which), and the names in use since 2021.
 */
export function outcomeOf(outcome: Extract<ApplicationEvent, { type: 'replied' }>['outcome']): string {
  return outcomeName(getFormat('2021'), outcome);
}

/** One application's row, in the order of `ledgerColumns`. */
export function ledgerRow(app: LedgerApplication): LedgerValue[] {
  const reply = app.events.find((e) => e.type === 'replied');
  const extended = app.events.find((e) => e.type === 'extended');
  const fee = app.events.find((e) => e.type === 'feeNotified');
  const late = app.state.answeredLate;
  const values: Record<LedgerKey, LedgerValue> = {
    number: app.number,
    agency: app.agencyName,
    applicantName: app.applicantName || null,
    applicant: applicantName(app.applicant),
    applicantContact: app.applicantContact || null,
    channel: channelNames[app.channel] ?? app.channel,
    submittedOn: app.submittedOn,
    receivedOn: app.receivedOn,
    requestText: app.requestText || null,
    delivery: app.delivery || null,
    steps: app.events.map(step).join(stepSeparator) || null,
    extendedDays: extended?.days ?? null,
    fee: fee?.amount ?? null,
    status: app.state.statusName,
    dueOn: reply ? null : app.state.dueOn,
    repliedOn: reply?.on ?? null,
    outcome: reply ? outcomeOf(reply.outcome) : null,
    late: late === null ? null : late ? '是' : '否',
  };
  return ledgerColumns.map(([key]) => values[key]);
}
