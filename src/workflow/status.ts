/** Where an application stands on a given day: its due date, its status, and its result if closed. */
import type { Application } from './application.js';
import type { IsoDate } from './calendar/date.js';
import { calendar as defaultCalendar, type WorkingCalendar } from './calendar/working-days.js';
import { assertNoErrors, type WorkflowIssue } from './issues.js';
import type { Outcome } from './outcome.js';
import { countWorkingDays, type Pause, readTimeline, type Timeline } from './timeline.js';

/**
 * - `pending`: the clock runs and the due date is more than `dueSoonWorkingDays` away;
 * - `dueSoon`: the due date is at most `dueSoonWorkingDays` working days away (or today);
 * - `overdue`: the due date has passed without a reply;
 * - `awaitingCorrection`: a 补正 notice is out; the clock starts again when the correction arrives;
 * - `awaitingPayment`: a fee notice is out; the clock stands still until payment;
 * - `answered`: replied, with an outcome;
 * - `lapsed`: treated as abandoned (no correction or no payment in time), outcome （六）1 or （六）2.
 */
export type ApplicationStatusKind =
  | 'pending'
  | 'dueSoon'
  | 'overdue'
  | 'awaitingCorrection'
  | 'awaitingPayment'
  | 'answered'
  | 'lapsed';

export const statusNames: Record<ApplicationStatusKind, string> = {
  pending: '办理中',
  dueSoon: '即将到期',
  overdue: '已超期',
  awaitingCorrection: '等待补正',
  awaitingPayment: '等待缴费',
  answered: '已答复',
  lapsed: '视为放弃申请',
};

export interface ApplicationStatus {
  asOf: IsoDate;
  status: ApplicationStatusKind;
  receivedOn: IsoDate;
  /** The day the 20 working days count from (receipt, or arrival of the 补正); null while awaiting it. */
  clockStartsOn: IsoDate | null;
  /**
   * The last day to reply; null while a 补正 is awaited or once closed by lapse. While a consultation
   * or a payment is awaited it is provisional: the date if the pause ended on `asOf`.
   */
  dueOn: IsoDate | null;
  provisional: boolean;
  extensionDays: number;
  /** Working days the pauses (consultations, fee) took out of the count. */
  pausedWorkingDays: number;
  /** Last day for the applicant's 补正, when one was asked for. */
  correctBy: IsoDate | null;
  /** Last day to pay the fee, when one was charged. */
  payBy: IsoDate | null;
  outcome: Outcome | null;
  /** The day it was closed: the reply, or the first day of the lapse. */
  closedOn: IsoDate | null;
  /** For a reply: whether it came after the due date. */
  answeredLate: boolean | null;
  /** Warnings of the record (statutory rules the agency broke). */
  issues: WorkflowIssue[];
  timeline: Timeline;
}

export interface StatusOptions {
  calendar?: WorkingCalendar;
  /** Working days before the due date from which an application is `dueSoon` (default 5). */
  dueSoonWorkingDays?: number;
}

/**
 * The application as of the end of `asOf`: only events on or before that day count. Throws a
 * WorkflowError when the record is impossible, a MissingHolidayYearError when a year's holiday
 * arrangement is missing.
 */
export function applicationStatus(
  app: Application,
  asOf: IsoDate,
  options: StatusOptions = {},
): ApplicationStatus {
  const cal = options.calendar ?? defaultCalendar;
  const whole = readTimeline(app, undefined, cal);
  assertNoErrors(whole.issues);
  const { timeline } = readTimeline(app, asOf, cal);
  if (!timeline || asOf < timeline.receivedOn)
    throw new RangeError(`${asOf} 早于收到申请 ${app.id} 之日${timeline ? ` ${timeline.receivedOn}` : ''}`);
  const t = timeline;
  const { reply, lapse } = t;
  const closedOn = lapse ? lapse.on : (reply?.on ?? null);
  const outcome: Outcome | null = lapse ? lapse.outcome : (reply?.outcome ?? null);
  const until = reply && !lapse ? reply.on : asOf;
  const { dueOn, pausedWorkingDays } = lapse
    ? { dueOn: null, pausedWorkingDays: 0 }
    : countWorkingDays(t, until, cal);
  const capOf = (p: Pause) =>
    p.cap ?? (p.capWorkingDays !== null ? cal.addWorkingDays(p.from, p.capWorkingDays) : null);
  const provisional =
    !closedOn &&
    t.pauses.some((p) => {
      const cap = p.to === null ? capOf(p) : null;
      return p.to === null && (cap === null || cap >= asOf);
    });
  let status: ApplicationStatusKind;
  if (lapse) status = 'lapsed';
  else if (reply) status = 'answered';
  else if (t.clockStartsOn === null) status = 'awaitingCorrection';
  else if (t.fee && t.fee.paidOn === null) status = 'awaitingPayment';
  else if (dueOn !== null && asOf > dueOn) status = 'overdue';
  else if (dueOn !== null && cal.workingDaysBetween(asOf, dueOn) <= (options.dueSoonWorkingDays ?? 5))
    status = 'dueSoon';
  else status = 'pending';
  return {
    asOf,
    status,
    receivedOn: t.receivedOn,
    clockStartsOn: t.clockStartsOn,
    dueOn,
    provisional,
    extensionDays: t.extension?.days ?? 0,
    pausedWorkingDays,
    correctBy: t.correction?.correctBy ?? null,
    payBy: t.fee?.payBy ?? null,
    outcome,
    closedOn,
    answeredLate: reply && !lapse && dueOn !== null ? reply.on > dueOn : null,
    issues: whole.issues,
    timeline: t,
  };
}
