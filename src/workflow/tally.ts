/**
 * Where each application and case falls in the tables of a year's report. An application is counted
 * once, by its state at the end of 31 December: received in the year → 一 本年新收; received earlier
 * and still open on 1 January → 二 上年结转; then either the row of its outcome, if closed by 31
 * December, or 四 结转下年度继续办理. So next year's 二 is this year's 四 by construction.
 * A case is counted in the year it was filed, with its result as of 31 December (尚未审结 if none).
 */
import { type ApplicantType, applicantTypes } from './applicant.js';
import type { Application } from './application.js';
import { calendar as defaultCalendar, type WorkingCalendar } from './calendar/working-days.js';
import { type Case, type CaseKind, type CaseOutcome, caseOutcomeAsOf } from './cases.js';
import { assertNoErrors, WorkflowError } from './issues.js';
import type { Outcome } from './outcome.js';
import { readTimeline } from './timeline.js';

export interface ApplicationPlace {
  application: Application;
  applicant: ApplicantType;
  /** 一 or 二. */
  from: 'new' | 'prev';
  /** The outcome as of 31 December, or `next` (结转下年度). */
  to: Outcome | 'next';
  /** The day it was closed, when closed in the year. */
  closedOn: string | null;
}

export interface CasePlace {
  case: Case;
  kind: CaseKind;
  outcome: CaseOutcome | 'pending';
}

/** The outcome and closing day of an application as of the end of `asOf`, or null while open. */
export function closureAsOf(
  app: Application,
  asOf: string,
  cal: WorkingCalendar = defaultCalendar,
): { outcome: Outcome; closedOn: string } | null {
  const { timeline } = readTimeline(app, asOf, cal);
  if (!timeline) return null;
  if (timeline.lapse) return { outcome: timeline.lapse.outcome, closedOn: timeline.lapse.on };
  if (timeline.reply) return { outcome: timeline.reply.outcome, closedOn: timeline.reply.on };
  return null;
}

/** The applications that belong to the year's table 三, each with its row and column. */
export function placeApplications(
  applications: readonly Application[],
  year: number,
  cal: WorkingCalendar = defaultCalendar,
): ApplicationPlace[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const previousEnd = `${year - 1}-12-31`;
  const seen = new Set<string>();
  const places: ApplicationPlace[] = [];
  for (const app of applications) {
    if (seen.has(app.id))
      throw new WorkflowError([
        { code: 'workflow.duplicate-id', severity: 'error', message: `申请编号 ${app.id} 重复`, event: null },
      ]);
    seen.add(app.id);
    const { timeline, issues } = readTimeline(app, undefined, cal);
    try {
      assertNoErrors(issues);
    } catch (e) {
      if (e instanceof WorkflowError)
        throw new WorkflowError(e.issues.map((i) => ({ ...i, message: `申请 ${app.id}：${i.message}` })));
      throw e;
    }
    if (!timeline || timeline.receivedOn > end) continue;
    let from: ApplicationPlace['from'];
    if (timeline.receivedOn >= start) from = 'new';
    else if (closureAsOf(app, previousEnd, cal) === null) from = 'prev';
    else continue;
    const closure = closureAsOf(app, end, cal);
    places.push({
      application: app,
      applicant: app.applicant,
      from,
      to: closure?.outcome ?? 'next',
      closedOn: closure?.closedOn ?? null,
    });
  }
  return places;
}

/** The cases that belong to the year's table 四. */
export function placeCases(cases: readonly Case[], year: number): CasePlace[] {
  return cases
    .filter((c) => c.filedOn.startsWith(`${year}-`))
    .map((c) => ({ case: c, kind: c.kind, outcome: caseOutcomeAsOf(c, `${year}-12-31`) }));
}

/** Counts by applicant type (for 上年结转 checks). */
export type ApplicantCounts = Record<ApplicantType, number>;

export const emptyCounts = (): ApplicantCounts =>
  Object.fromEntries(applicantTypes.map((t) => [t, 0])) as ApplicantCounts;
