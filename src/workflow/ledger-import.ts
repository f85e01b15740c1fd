/**
 * 导入办理台账: the rows of a ledger read back into applications, so that an office that starts
 * with Gongkai mid-year brings the applications it has (the annual report counts them all), and
 * so that a ledger exported (ledger.ts) can be stored again. A row is what `ledgerRow` writes: the
 * headings are the keys or the Chinese names; the steps (办理过程) in the form `step` writes them;
 * without steps, a 答复日期 and 办理结果 make the reply. Derived columns (status, deadline, late)
 * are ignored: they are worked out again. Each value that can't be read is a message naming the
 * row and the column; nothing is guessed.
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
import { type IsoDate, isIsoDate } from './calendar/date.js';
import { type Channel, channelNames, channels, receiptRule } from './channel.js';
import { type LedgerKey, ledgerColumns, stepSeparator } from './ledger.js';
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

/** The columns every row needs. */
const required: readonly LedgerKey[] = ['applicant', 'channel', 'submittedOn'];

const nameOf = (key: LedgerKey): string => ledgerColumns.find(([k]) => k === key)?.[1] ?? key;

/** A heading as compared: no spaces, no required-field star, full-width brackets as half. */
const plain = (text: string): string =>
  text
    .replace(/^\ufeff/, '')
    .replace(/[\s*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

const byHeading = new Map<string, LedgerKey>([
  ...ledgerColumns.flatMap(([key, name]): [string, LedgerKey][] => [
    [plain(key), key],
    [plain(name), key],
  ]),
  ...Object.entries(aliases).map(([name, key]): [string, LedgerKey] => [plain(name), key]),
]);

/** Which column each heading is (null: not one the import reads), or what is missing. */
export function ledgerHeader(
  headings: readonly string[],
): { ok: true; keys: (LedgerKey | null)[] } | { ok: false; message: string } {
  const keys = headings.map((h) => byHeading.get(plain(h)) ?? null);
  const missing = required.filter((k) => !keys.includes(k));
  if (missing.length > 0)
    return {
      ok: false,
      message: `表头缺少${missing.map((k) => `「${nameOf(k)}」`).join('、')}列（第一行应为列名，如导出的办理台账）`,
    };
  const twice = keys.find((k, i) => k !== null && keys.indexOf(k) !== i);
  if (twice) return { ok: false, message: `表头中「${nameOf(twice)}」列出现了两次` };
  return { ok: true, keys };
}

/** Reads `text` as the kind of value `what`, or throws the message of why not. */
class CellError extends Error {}

const fail = (message: string): never => {
  throw new CellError(message);
};

/** 2024-05-06, 2024/5/6, 2024.5.6, 2024年5月6日. */
export function dateOf(text: string, what: string): IsoDate {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  const iso = m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : '';
  return isIsoDate(iso) ? iso : fail(`${what}「${text}」不是日期（应为 2024-05-06 这样的日期）`);
}

/** A name or its code, by the names a table gives (brackets' remarks optional: 「邮寄」 is 邮寄（需签收）). */
function choice<T extends string>(
  text: string,
  codes: readonly T[],
  name: (code: T) => string,
  what: string,
): T {
  const t = plain(text);
  const bare = (s: string) => plain(s).replace(/\(.*\)$/, '');
  return (
    codes.find((c) => c === text.trim()) ??
    codes.find((c) => plain(name(c)) === t) ??
    codes.find((c) => bare(name(c)) === t) ??
    fail(`${what}「${text}」不是可选的值（${codes.map(name).join('、')}）`)
  );
}

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
  const messages: string[] = [];
  const read = <T>(key: LedgerKey, parse: (text: string) => T): T | undefined => {
    const text = (row.get(key) ?? '').trim();
    if (text === '') {
      if (required.includes(key)) messages.push(`「${nameOf(key)}」不能为空`);
      return undefined;
    }
    try {
      return parse(text);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      messages.push(error.message);
      return undefined;
    }
  };
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
