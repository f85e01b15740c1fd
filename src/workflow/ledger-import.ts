/**
 * 导入办理台账: the rows of a ledger read back into applications, so that an office that starts
 * with Gongkai mid-year brings the applications it has (the annual report counts them all), and
 * so that a ledger exported (ledger.ts) can be stored again. A row is what `ledgerRow` writes: the
 * headings are the keys or the Chinese names; the steps (办理过程) in the form `step` writes them;
 * without steps, a 答复日期 and 办理结果 make the reply. Derived columns (status, deadline, late)
 * are ignored: they are worked out again. Each value that can't be read is a message naming the
 * row and the column; nothing is guessed (ledger-cells.ts, shared with the cases' ledger).
 */

import { formatForYear, getFormat } from '../spec/registry.js';
import type { FormatSpec } from '../spec/types.js';
import { type ApplicantType, applicantName, applicantTypes } from './applicant.js';
import {
  type ApplicationEvent,
  type ConsultedParty,
  type EventType,
  eventNames,
  partyNames,
} from './application.js';
import type { IsoDate } from './calendar/date.js';
import { type Channel, channelNames, channels, receiptRule } from './channel.js';
import { type LedgerKey, ledgerColumns, stepSeparator } from './ledger.js';
import { cellReader, choice, dateOf, fail, headerReader, type LedgerLayout, plain } from './ledger-cells.js';
import { type Outcome, outcomeName, outcomes } from './outcome.js';

/** An application read from a row, in the API's fields (src/api/schemas.ts `newApplicationBody`). */
export interface ImportedApplication {
  number?: string;
  applicant: ApplicantType;
  applicantName?: string;
  applicantContact?: string;
  delivery?: string;
  channel: Channel;
  submittedOn: IsoDate;
  signedForOn?: IsoDate;
  confirmedOn?: IsoDate;
  requestText?: string;
  events: ApplicationEvent[];
}

/** Other headings offices use for the same columns. */
const aliases: Record<string, LedgerKey> = {
  申请人姓名: 'applicantName',
  申请人名称: 'applicantName',
  申请人姓名或名称: 'applicantName',
  申请渠道: 'channel',
  提交方式: 'channel',
  申请方式: 'channel',
  申请日期: 'submittedOn',
  收到申请日期: 'receivedOn',
  受理日期: 'receivedOn',
  申请事项: 'requestText',
  答复结果: 'outcome',
  处理结果: 'outcome',
  收费: 'fee',
};

const layout: LedgerLayout<LedgerKey> = {
  columns: ledgerColumns,
  aliases,
  /** The columns every row needs. */
  required: ['applicant', 'channel', 'submittedOn'],
  title: '办理台账',
};

/** Which column each heading is (null: not one the import reads), or what is missing. */
export const ledgerHeader = headerReader(layout);

const count = (text: string, what: string): number =>
  /^\d+$/.test(text) ? Number(text) : fail(`${what}「${text}」不是整数`);
const yuan = (text: string, what: string): number =>
  /^\d+(?:\.\d{1,2})?$/.test(text) ? Number(text) : fail(`${what}「${text}」不是金额`);

/**
 * The result by its code, or by its row's name (with or without the row's number): the 2021
 * format's names (which the ledger writes), else the year's format's where that names one result.
 */
function outcomeByName(text: string, year: number): Outcome {
  const bare = (s: string) => plain(s).replace(/^(?:\d+\.|\([一二三四五六七八九十]+\))/, '');
  const named = (spec: FormatSpec) => outcomes.filter((o) => bare(outcomeName(spec, o)) === bare(text));
  const code = outcomes.find((o) => o === text.trim());
  if (code) return code;
  const [current] = named(getFormat('2021'));
  if (current) return current;
  const ofYear = named(formatForYear(year) ?? getFormat('2021'));
  if (ofYear.length === 1) return ofYear[0] as Outcome;
  return fail(
    ofYear.length > 1
      ? `办理结果「${text}」在${year}年度的格式中包括几种结果，请写明是哪一种（${ofYear.map((o) => outcomeName(getFormat('2021'), o)).join('、')}）`
      : `办理结果「${text}」不是表三中的办理结果`,
  );
}

const eventTypes = Object.keys(eventNames) as EventType[];
const parties = Object.keys(partyNames) as ConsultedParty[];

/** One step as `step` (ledger.ts) writes it: 「2024-05-08 补正通知（补正期限 2024-05-20）」. */
function eventOf(text: string, year: number): ApplicationEvent {
  const m = /^(\S+)\s+([^（(]+?)\s*(?:[（(](.*)[）)])?$/.exec(text.trim());
  if (!m) return fail(`办理过程「${text}」应为「日期 事件（内容）」`);
  const on = dateOf(m[1] as string, '办理过程的日期');
  const type = eventTypes.find((t) => eventNames[t] === m[2]);
  const detail = (m[3] ?? '').trim();
  const need = (pattern: RegExp): RegExpExecArray =>
    pattern.exec(detail) ?? fail(`办理过程「${text}」的内容看不懂`);
  switch (type) {
    case 'correctionRequested':
      return { type, on, correctBy: dateOf(need(/^补正期限\s*(.+)$/)[1] as string, '补正期限') };
    case 'corrected':
    case 'feePaid':
      return { type, on };
    case 'consultationSent':
    case 'consultationAnswered': {
      const party =
        parties.find((p) => partyNames[p] === detail) ??
        fail(`办理过程「${text}」没有写明征求谁的意见（第三方或其他机关）`);
      return { type, on, party };
    }
    case 'extended': {
      const [, days, by] = need(/^(\d+)\s*个工作日[，,]\s*(.+?)\s*批准$/);
      return { type, on, days: count(days as string, '延长的工作日'), approvedBy: by as string };
    }
    case 'feeNotified': {
      const perItem = /^按件计收[，,]\s*本月第\s*(\d+)\s*件[，,]\s*([\d.]+)\s*元$/.exec(detail);
      const perPage = /^按量计收[，,]\s*(\d+)\s*页[，,]\s*([\d.]+)\s*元$/.exec(detail);
      const [, quantity, amount] = perItem ?? perPage ?? need(/^$/);
      return {
        type,
        on,
        method: perItem ? 'perItem' : 'perPage',
        quantity: count(quantity as string, '收费的数量'),
        amount: yuan(amount as string, '收费金额'),
      };
    }
    case 'replied':
      return { type, on, outcome: outcomeByName(detail, year) };
    default:
      return fail(
        `办理过程「${text}」中的「${m[2]}」不是办理事件（${eventTypes.map((t) => eventNames[t]).join('、')}）`,
      );
  }
}

/** A row's values by column (blank cells are ''). */
export type LedgerRowValues = ReadonlyMap<LedgerKey, string>;

/**
 * The application of one row, or the messages of each value that can't be read (each naming its
 * column). The record's rules (the order of events, deadlines) are checked by the caller.
 */
export function applicationOfRow(
  row: LedgerRowValues,
): { ok: true; application: ImportedApplication } | { ok: false; messages: string[] } {
  const { read, messages } = cellReader(layout, row);
  const text = (key: LedgerKey) => read(key, (t) => t);
  const applicant = read('applicant', (t) => choice(t, applicantTypes, applicantName, '申请人类型'));
  const channel = read('channel', (t) => choice(t, channels, (c) => channelNames[c], '提交渠道'));
  const submittedOn = read('submittedOn', (t) => dateOf(t, '提交日期'));
  const receivedOn = read('receivedOn', (t) => dateOf(t, '收到日期'));
  const year = Number((receivedOn ?? submittedOn ?? '2021').slice(0, 4));
  const steps = read('steps', (t) =>
    t
      .split(stepSeparator)
      .filter((s) => s.trim() !== '')
      .map((s) => eventOf(s, year)),
  );
  // Without steps, the reply's day and result make the reply.
  const repliedOn = read('repliedOn', (t) => dateOf(t, '答复日期'));
  const outcome = read('outcome', (t) => outcomeByName(t, year));
  let events = steps ?? [];
  if (steps === undefined && (repliedOn !== undefined || outcome !== undefined)) {
    if (repliedOn === undefined) messages.push('有「办理结果」时应填写「答复日期」');
    else if (outcome === undefined) messages.push('有「答复日期」时应填写「办理结果」');
    else events = [{ type: 'replied', on: repliedOn, outcome }];
  }
  if (messages.length > 0 || !applicant || !channel || !submittedOn) return { ok: false, messages };
  // The day of receipt is the date the channel's rule names (第三十一条).
  const rule = receiptRule[channel];
  const received =
    rule === 'signedForOn' && receivedOn
      ? { signedForOn: receivedOn }
      : rule === 'confirmedOn' && receivedOn
        ? { confirmedOn: receivedOn }
        : {};
  if (rule === 'submittedOn' && receivedOn && receivedOn !== submittedOn)
    return {
      ok: false,
      messages: [
        `当面提交的申请以提交之日为收到申请之日，「收到日期」${receivedOn} 应与「提交日期」${submittedOn} 相同`,
      ],
    };
  const optional = (key: LedgerKey, field: keyof ImportedApplication) => {
    const value = text(key);
    return value === undefined ? {} : { [field]: value };
  };
  return {
    ok: true,
    application: {
      ...optional('number', 'number'),
      applicant,
      ...optional('applicantName', 'applicantName'),
      ...optional('applicantContact', 'applicantContact'),
      ...optional('delivery', 'delivery'),
      channel,
      submittedOn,
      ...received,
      ...optional('requestText', 'requestText'),
      events,
    },
  };
}
