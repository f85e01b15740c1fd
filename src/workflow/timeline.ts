/**
 * Reads an application's events in order, checks that they can have happened (an impossible record
 * gives errors; a statutory rule broken by the agency gives warnings), and works out what they mean
 * for the reply period of 《政府信息公开条例》:
 *
 * - 第三十三条: the reply is due 20 working days after the day of receipt (第三十一条); an extension of at
 *   most 20 working days, approved by the head of the disclosure office, may be granted once.
 * - 第三十条: a 补正 notice goes out within 7 working days of receipt, once; the period then starts again
 *   from the day the corrected application arrives. No correction by the given day: the application
 *   is treated as abandoned (（六）1).
 * - 第三十二条 and 第三十四条: the time taken by consulting a third party or another agency does not count.
 *   A third party has 15 working days to answer, so that pause ends at the latest 15 working days
 *   after the request was sent (the day the third party received it is not recorded).
 * - 国办函〔2020〕109号: the time from a fee notice to payment does not count; no payment within 20
 *   working days: the application is treated as abandoned (（六）2).
 *
 * A pause from `from` to `to` takes the days d with from < d ≤ to out of the count: the day a request
 * is sent still counts, the day its answer arrives does not.
 */

import { isApplicantType } from './applicant.js';
import type { Application, ApplicationEvent, ConsultedParty } from './application.js';
import { eventNames, partyNames } from './application.js';
import { addDays, chineseDate, dayNumber, fromDayNumber, type IsoDate, isIsoDate } from './calendar/date.js';
import {
  calendar as defaultCalendar,
  MissingHolidayYearError,
  type WorkingCalendar,
} from './calendar/working-days.js';
import { channelNames, channels, receiptDate, receiptRule } from './channel.js';
import { feePaymentWorkingDays, feesFrom, standardFee } from './fees.js';
import type { WorkflowIssue } from './issues.js';
import { isOutcome, type Outcome } from './outcome.js';

/** 第三十三条. */
export const replyWorkingDays = 20;
export const maxExtensionWorkingDays = 20;
/** 第三十条. */
export const correctionNoticeWorkingDays = 7;
/** 第三十二条. */
export const thirdPartyWorkingDays = 15;

export interface Pause {
  reason: ConsultedParty | 'fee';
  from: IsoDate;
  /** The day it ended, or null while it goes on. */
  to: IsoDate | null;
  /** The latest day it can run to (fee: the payment deadline). */
  cap: IsoDate | null;
  /** Or the most working days it can last (third party: 15). */
  capWorkingDays: number | null;
}

export type LapseOutcome = Extract<Outcome, 'other.noCorrection' | 'other.noFee'>;

export interface Timeline {
  receivedOn: IsoDate;
  /** The day the 20 working days count from; null while a 补正 is awaited. */
  clockStartsOn: IsoDate | null;
  correction: { requestedOn: IsoDate; correctBy: IsoDate; correctedOn: IsoDate | null } | null;
  pauses: Pause[];
  extension: { on: IsoDate; days: number } | null;
  fee: { notifiedOn: IsoDate; amount: number; payBy: IsoDate; paidOn: IsoDate | null } | null;
  reply: { on: IsoDate; outcome: Outcome } | null;
  /** Treated as abandoned: the first day it is, and the outcome. */
  lapse: { on: IsoDate; outcome: LapseOutcome } | null;
}

export interface TimelineResult {
  /** Null when the day of receipt can't be known. */
  timeline: Timeline | null;
  issues: WorkflowIssue[];
}

/**
 * The due date: the (20 + extension)th working day after the clock starts, skipping paused days.
 * Pauses still going on are taken to end on `until`.
 */
export function dueDate(
  timeline: Timeline,
  until: IsoDate,
  cal: WorkingCalendar = defaultCalendar,
): IsoDate | null {
  return countWorkingDays(timeline, until, cal).dueOn;
}

/** The due date and the working days the pauses took out of the count. */
export function countWorkingDays(
  timeline: Timeline,
  until: IsoDate,
  cal: WorkingCalendar = defaultCalendar,
): { dueOn: IsoDate | null; pausedWorkingDays: number } {
  const start = timeline.clockStartsOn;
  if (start === null) return { dueOn: null, pausedWorkingDays: 0 };
  const spans = timeline.pauses.map((p) => {
    let end = p.to ?? until;
    if (p.cap !== null && p.cap < end) end = p.cap;
    if (p.capWorkingDays !== null) {
      const cap = cal.addWorkingDays(p.from, p.capWorkingDays);
      if (cap < end) end = cap;
    }
    return [dayNumber(p.from), dayNumber(end)] as const;
  });
  const paused = (day: number) => spans.some(([from, to]) => from < day && day <= to);
  let left = replyWorkingDays + (timeline.extension?.days ?? 0);
  // Day numbers, not date strings: this loop runs for every application on every list.
  let day = dayNumber(start);
  let pausedWorkingDays = 0;
  if (spans.length === 0) {
    const due = cal.addWorkingDays(start, left);
    return { dueOn: due, pausedWorkingDays: 0 };
  }
  while (left > 0) {
    day++;
    if (!cal.isWorkingDayNumber(day)) continue;
    if (paused(day)) pausedWorkingDays++;
    else left--;
  }
  return { dueOn: fromDayNumber(day), pausedWorkingDays };
}

const lapseNames: Record<LapseOutcome, string> = {
  'other.noCorrection': '申请人逾期未补正，视为放弃申请（第三十条）',
  'other.noFee': '申请人逾期未缴纳信息处理费，视为放弃申请（国办函〔2020〕109号）',
};

/**
 * Reads the events on or before `asOf` (all of them when it is omitted). With `asOf`, a 补正 or a
 * payment still awaited after its last day lapses as of that day.
 */
export function readTimeline(
  app: Application,
  asOf?: IsoDate,
  cal: WorkingCalendar = defaultCalendar,
): TimelineResult {
  const issues: WorkflowIssue[] = [];
  const error = (code: string, message: string, event: number | null = null) =>
    issues.push({ code, severity: 'error', message, event });
  const warn = (code: string, message: string, event: number | null = null) =>
    issues.push({ code, severity: 'warning', message, event });

  if (!isApplicantType(app.applicant))
    error('workflow.applicant', `申请人类型「${String(app.applicant)}」无效`);
  if (!channels.includes(app.channel)) {
    error('workflow.channel', `提交方式「${String(app.channel)}」无效`);
    return { timeline: null, issues };
  }
  if (!isIsoDate(app.submittedOn)) {
    error('workflow.date', `提交日期「${String(app.submittedOn)}」不是有效日期`);
    return { timeline: null, issues };
  }
  const receivedOn = receiptDate(app);
  const field = receiptRule[app.channel];
  if (receivedOn === null) {
    const what = field === 'signedForOn' ? '行政机关签收日期' : '确认收到申请的日期';
    error(
      'workflow.receipt-missing',
      `以${channelNames[app.channel]}方式提交的申请，应记录${what}（第三十一条）`,
    );
    return { timeline: null, issues };
  }
  if (!isIsoDate(receivedOn)) {
    error('workflow.date', `收到申请日期「${String(receivedOn)}」不是有效日期`);
    return { timeline: null, issues };
  }
  if (receivedOn < app.submittedOn) {
    error(
      'workflow.receipt-before-submission',
      `收到申请之日 ${receivedOn} 早于申请人提交之日 ${app.submittedOn}`,
    );
    return { timeline: null, issues };
  }

  const t: Timeline = {
    receivedOn,
    clockStartsOn: receivedOn,
    correction: null,
    pauses: [],
    extension: null,
    fee: null,
    reply: null,
    lapse: null,
  };
  const openPause = (reason: Pause['reason']) => t.pauses.find((p) => p.reason === reason && p.to === null);
  const correctionPending = () => t.correction !== null && t.correction.correctedOn === null;
  const feePending = () => t.fee !== null && t.fee.paidOn === null;
  /** Lapses that happened before `day`. */
  const lapseBefore = (day: IsoDate) => {
    if (t.lapse || t.reply) return;
    if (t.correction && correctionPending() && day > t.correction.correctBy)
      t.lapse = { on: addDays(t.correction.correctBy, 1), outcome: 'other.noCorrection' };
    else if (t.fee && feePending() && day > t.fee.payBy)
      t.lapse = { on: addDays(t.fee.payBy, 1), outcome: 'other.noFee' };
  };

  /**
   * A statutory check that needs the holiday table: when a year is missing the check is skipped with
   * a warning (the record is still usable; the deadline functions themselves refuse).
   */
  const checkWith = (i: number, check: () => void) => {
    try {
      check();
    } catch (e) {
      if (!(e instanceof MissingHolidayYearError)) throw e;
      warn(
        'workflow.calendar-missing',
        `${e.message}，未能核对${eventNames[app.events[i]?.type ?? 'replied']}是否按期`,
        i,
      );
    }
  };

  let previous: IsoDate = receivedOn;
  app.events.forEach((event: ApplicationEvent, i) => {
    const name = eventNames[event.type] ?? String(event.type);
    if (!isIsoDate(event.on)) {
      error('workflow.date', `第 ${i + 1} 个事件（${name}）的日期「${String(event.on)}」不是有效日期`, i);
      return;
    }
    if (asOf !== undefined && event.on > asOf) return;
    if (event.on < receivedOn) {
      error('workflow.before-receipt', `${name}日期 ${event.on} 早于收到申请之日 ${receivedOn}`, i);
      return;
    }
    if (event.on < previous) {
      error('workflow.order', `事件须按日期先后记录：${name}（${event.on}）记在 ${previous} 的事件之后`, i);
      return;
    }
    previous = event.on;
    if (t.reply) {
      if (event.type === 'replied')
        error(
          'workflow.second-reply',
          `申请已于 ${t.reply.on} 答复，不能再次答复（每件申请只能有一个办理结果）`,
          i,
        );
      else error('workflow.after-reply', `申请已于 ${t.reply.on} 答复办结，之后不能再有${name}`, i);
      return;
    }
    lapseBefore(event.on);
    if (t.lapse) {
      if (event.type === 'replied' && event.outcome === t.lapse.outcome) {
        t.reply = { on: event.on, outcome: event.outcome };
        return;
      }
      error(
        'workflow.after-lapse',
        `${lapseNames[t.lapse.outcome]}，自 ${t.lapse.on} 起不再处理，之后不能再有${name}`,
        i,
      );
      return;
    }
    if (correctionPending() && event.type !== 'corrected' && event.type !== 'replied') {
      error('workflow.awaiting-correction', `等待申请人补正期间不能${name}（${event.on}）`, i);
      return;
    }
    switch (event.type) {
      case 'correctionRequested': {
        if (t.correction) {
          error(
            'workflow.correction-twice',
            `补正应一次性告知（第三十条），已于 ${t.correction.requestedOn} 发出补正通知，不能再次要求补正`,
            i,
          );
          return;
        }
        if (t.pauses.length > 0 || t.extension || t.fee) {
          error('workflow.correction-order', '补正通知应在征求意见、延长答复期限和收费之前发出', i);
          return;
        }
        if (!isIsoDate(event.correctBy) || event.correctBy <= event.on) {
          error(
            'workflow.correction-period',
            `补正期限「${String(event.correctBy)}」应为补正通知日期之后的日期`,
            i,
          );
          return;
        }
        checkWith(i, () => {
          const latest = cal.addWorkingDays(receivedOn, correctionNoticeWorkingDays);
          if (event.on > latest)
            warn(
              'workflow.correction-late',
              `补正通知应在收到申请之日起${correctionNoticeWorkingDays}个工作日内发出（第三十条），最迟 ${latest}，实际 ${event.on}`,
              i,
            );
        });
        t.correction = { requestedOn: event.on, correctBy: event.correctBy, correctedOn: null };
        t.clockStartsOn = null;
        return;
      }
      case 'corrected': {
        if (!t.correction || !correctionPending()) {
          error('workflow.no-correction-request', `没有待补正的补正通知，不能记录收到补正（${event.on}）`, i);
          return;
        }
        t.correction.correctedOn = event.on;
        t.clockStartsOn = event.on;
        return;
      }
      case 'consultationSent': {
        if (!(event.party in partyNames)) {
          error('workflow.party', `征求意见对象「${String(event.party)}」无效`, i);
          return;
        }
        if (openPause(event.party)) {
          error(
            'workflow.consultation-open',
            `向${partyNames[event.party]}征求意见尚未收到答复，不能再次征求`,
            i,
          );
          return;
        }
        const capWorkingDays = event.party === 'thirdParty' ? thirdPartyWorkingDays : null;
        t.pauses.push({ reason: event.party, from: event.on, to: null, cap: null, capWorkingDays });
        return;
      }
      case 'consultationAnswered': {
        const pause = openPause(event.party);
        if (!pause) {
          error(
            'workflow.no-consultation',
            `没有未答复的向${partyNames[event.party] ?? String(event.party)}征求意见记录，不能记录收到意见（${event.on}）`,
            i,
          );
          return;
        }
        pause.to = event.on;
        return;
      }
      case 'extended': {
        if (t.extension) {
          error(
            'workflow.extension-twice',
            `答复期限只能延长一次（第三十三条），已于 ${t.extension.on} 延长 ${t.extension.days} 个工作日`,
            i,
          );
          return;
        }
        if (!Number.isInteger(event.days) || event.days < 1 || event.days > maxExtensionWorkingDays) {
          error(
            'workflow.extension-length',
            `延长的期限最长不得超过${maxExtensionWorkingDays}个工作日（第三十三条），实际为 ${String(event.days)} 个工作日`,
            i,
          );
          return;
        }
        if (typeof event.approvedBy !== 'string' || event.approvedBy.trim() === '') {
          error(
            'workflow.extension-approval',
            '延长答复期限应经政府信息公开工作机构负责人同意（第三十三条），未记录批准人',
            i,
          );
          return;
        }
        checkWith(i, () => {
          const due = dueDate(t, event.on, cal);
          if (due !== null && event.on > due)
            warn('workflow.extension-late', `延长答复期限的决定（${event.on}）晚于原答复期限 ${due}`, i);
        });
        t.extension = { on: event.on, days: event.days };
        return;
      }
      case 'feeNotified': {
        if (t.fee) {
          error('workflow.fee-twice', `已于 ${t.fee.notifiedOn} 发出收费通知，不能再次收费`, i);
          return;
        }
        if (event.on < feesFrom) {
          error(
            'workflow.fee-before-2021',
            `信息处理费自 ${chineseDate(feesFrom)} 起按国办函〔2020〕109号收取，${event.on} 不能发出收费通知`,
            i,
          );
          return;
        }
        if (!Number.isInteger(event.quantity) || event.quantity < 1) {
          error('workflow.fee-quantity', `收费通知的计费数量应为正整数，实际为 ${String(event.quantity)}`, i);
          return;
        }
        if (!Number.isFinite(event.amount) || event.amount <= 0) {
          error('workflow.fee-amount', `收费金额应大于 0，实际为 ${String(event.amount)}`, i);
          return;
        }
        const standard = standardFee(event.method, event.quantity);
        if (event.amount > standard)
          warn(
            'workflow.fee-above-standard',
            `收费金额 ${event.amount} 元高于国办函〔2020〕109号规定的标准 ${standard} 元`,
            i,
          );
        const payBy = cal.addWorkingDays(event.on, feePaymentWorkingDays);
        t.fee = { notifiedOn: event.on, amount: event.amount, payBy, paidOn: null };
        t.pauses.push({ reason: 'fee', from: event.on, to: null, cap: payBy, capWorkingDays: null });
        return;
      }
      case 'feePaid': {
        const pause = openPause('fee');
        if (!t.fee || !pause) {
          error('workflow.no-fee', `没有待缴费的收费通知，不能记录缴费（${event.on}）`, i);
          return;
        }
        t.fee.paidOn = event.on;
        pause.to = event.on;
        return;
      }
      case 'replied': {
        if (!isOutcome(event.outcome)) {
          error('workflow.outcome', `办理结果「${String(event.outcome)}」不是表三的办理结果`, i);
          return;
        }
        if (event.outcome === 'other.noCorrection' || event.outcome === 'other.noFee') {
          error(
            'workflow.lapse-outcome',
            event.outcome === 'other.noCorrection'
              ? '只有在补正期限届满、申请人仍未补正后，才能以「逾期不补正」结案'
              : '只有在缴费期限届满、申请人仍未缴费后，才能以「逾期未缴费」结案',
            i,
          );
          return;
        }
        if (event.outcome === 'none.unclear' && !t.correction?.correctedOn) {
          error(
            'workflow.unclear-without-correction',
            '「补正后申请内容仍不明确」要求此前已要求补正并收到补正',
            i,
          );
          return;
        }
        checkWith(i, () => {
          const due = dueDate(t, event.on, cal);
          if (due !== null && event.on > due)
            warn('workflow.reply-late', `答复日期 ${event.on} 晚于答复期限 ${due}（第三十三条）`, i);
        });
        t.reply = { on: event.on, outcome: event.outcome };
        return;
      }
      default:
        error('workflow.event', `未知的事件类型「${String((event as { type: unknown }).type)}」`, i);
    }
  });
  if (asOf !== undefined) lapseBefore(asOf);
  return { timeline: t, issues };
}

/** The record's issues (errors and warnings), reading every event. */
export function validateApplication(
  app: Application,
  cal: WorkingCalendar = defaultCalendar,
): WorkflowIssue[] {
  return readTimeline(app, undefined, cal).issues;
}
