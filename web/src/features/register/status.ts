/**
 * How an application's state shows: the badge (办理中, 即将到期 within 3 working days, 已超期, 等待补正,
 * 征求意见中, 已答复…), the working days left, the article that set the deadline, and the actions
 * the rules and the user's role allow next. Pure: unit-tested in test/web/pure.test.ts.
 */
import type { EventBody } from '../../../../src/api/schemas.js';

/** Working days before the due date from which an application shows as 即将到期. */
export const dueSoonDays = 3;

export interface StateLike {
  asOf: string;
  status: string | null;
  statusName: string;
  dueOn: string | null;
  /** Working days from `asOf` to `dueOn`, counted by the server with the whole holiday table. */
  workingDaysLeft: number | null;
  provisional: boolean;
  closedOn: string | null;
  outcome: string | null;
  answeredLate: boolean | null;
  /** The year whose holiday arrangement is missing, when that is why there is no status. */
  missingHolidayYear: number | null;
}

export type BadgeKind =
  | 'pending'
  | 'dueSoon'
  | 'overdue'
  | 'awaitingCorrection'
  | 'consulting'
  | 'awaitingPayment'
  | 'answered'
  | 'answeredLate'
  | 'lapsed'
  | 'unknown';

/** Badge colours dark enough for white text (WCAG AA). */
export const badges: Record<BadgeKind, { text: string; color: string }> = {
  pending: { text: '办理中', color: '#1d4f91' },
  dueSoon: { text: '即将到期', color: '#ad4e00' },
  overdue: { text: '已超期', color: '#a8071a' },
  awaitingCorrection: { text: '等待补正', color: '#7c5e00' },
  consulting: { text: '征求意见中', color: '#006d75' },
  awaitingPayment: { text: '等待缴费', color: '#531dab' },
  answered: { text: '已答复', color: '#237804' },
  answeredLate: { text: '已答复（超期）', color: '#ad2102' },
  lapsed: { text: '视为放弃申请', color: '#595959' },
  unknown: { text: '无法计算', color: '#595959' },
};

/**
 * Working days from `asOf` to the due date (0 on the day, negative once passed); null without one,
 * or when a year's holiday arrangement between them is missing. The server counts them, with the
 * holiday years users entered as well as the built-in ones.
 */
export function workingDaysLeft(state: Pick<StateLike, 'dueOn' | 'workingDaysLeft'>): number | null {
  return state.dueOn ? state.workingDaysLeft : null;
}

/** The parties whose opinion is asked and not yet answered. */
export function openConsultations(events: readonly EventBody[]): ('thirdParty' | 'agency')[] {
  const open = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'consultationSent') open.set(e.party, (open.get(e.party) ?? 0) + 1);
    if (e.type === 'consultationAnswered') open.set(e.party, Math.max(0, (open.get(e.party) ?? 0) - 1));
  }
  return [...open].filter(([, n]) => n > 0).map(([p]) => p as 'thirdParty' | 'agency');
}

export function badgeOf(state: StateLike, events: readonly EventBody[] = []): BadgeKind {
  switch (state.status) {
    case 'overdue':
      return 'overdue';
    case 'awaitingCorrection':
      return 'awaitingCorrection';
    case 'awaitingPayment':
      return 'awaitingPayment';
    case 'answered':
      return state.answeredLate ? 'answeredLate' : 'answered';
    case 'lapsed':
      return 'lapsed';
    case 'pending':
    case 'dueSoon': {
      const left = workingDaysLeft(state);
      if (left !== null && left <= dueSoonDays) return 'dueSoon';
      if (openConsultations(events).length > 0) return 'consulting';
      return 'pending';
    }
    default:
      return 'unknown';
  }
}

/** The article that set the deadline shown. */
export function deadlineArticle(events: readonly EventBody[]): string {
  const extended = events.some((e) => e.type === 'extended');
  const paused = events.some((e) => e.type === 'consultationSent' || e.type === 'feeNotified');
  const parts = [
    extended
      ? '《政府信息公开条例》第三十三条第二款（经批准延长，延长期限最长不超过20个工作日）'
      : '《政府信息公开条例》第三十三条第一款（收到申请之日起20个工作日内答复）',
  ];
  if (events.some((e) => e.type === 'correctionRequested'))
    parts.push('第三十条（答复期限自收到补正的申请之日起计算）');
  if (paused) parts.push('第三十三条第三款（征求意见、缴费等所需时间不计算在期限内）');
  return parts.join('；');
}

export type ActionKind =
  | 'correctionRequested'
  | 'corrected'
  | 'consultationSent'
  | 'consultationAnswered'
  | 'extended'
  | 'feeNotified'
  | 'feePaid'
  | 'replied';

/**
 * The events that can come next, given the state and the rights: the reply and the extension need
 * the reviewer's right (`reply`), the others the clerk's (`enter`). The server checks them again.
 */
export function nextActions(
  state: StateLike,
  events: readonly EventBody[],
  rights: { enter: boolean; reply: boolean },
): ActionKind[] {
  if (!rights.enter) return [];
  const has = (t: ActionKind) => events.some((e) => e.type === t);
  // No status because a year's holidays are missing: the application is open all the same (only its
  // deadline is unknown), and its events say where it stands. An impossible record gets nothing.
  const undated = state.status === null && state.missingHolidayYear !== null;
  if (state.status === null && !undated) return [];
  const closed = state.status === 'answered' || state.status === 'lapsed' || has('replied');
  if (closed) return [];
  const awaitingCorrection =
    state.status === 'awaitingCorrection' || (undated && has('correctionRequested') && !has('corrected'));
  const awaitingPayment =
    state.status === 'awaitingPayment' || (undated && has('feeNotified') && !has('feePaid'));
  const out: ActionKind[] = [];
  if (awaitingCorrection) out.push('corrected');
  else if (!has('correctionRequested') && !has('consultationSent') && !has('feeNotified'))
    out.push('correctionRequested');
  if (!awaitingCorrection) {
    out.push('consultationSent');
    if (openConsultations(events).length > 0) out.push('consultationAnswered');
    if (rights.reply && !has('extended')) out.push('extended');
    if (!has('feeNotified')) out.push('feeNotified');
  }
  if (awaitingPayment) out.push('feePaid');
  if (rights.reply) out.push('replied');
  return out;
}
