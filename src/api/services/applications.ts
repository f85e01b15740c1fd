/**
 * Applications and their events. Every record is run through the workflow's validation before it is
 * stored: an impossible record (events out of order, a second reply, a 补正 after the reply, …) is
 * refused with the workflow's Chinese messages; warnings (a late reply) are returned with it.
 */
import type { ApplicationRecord, Store } from '../../store/index.js';
import {
  type ApplicationEvent,
  type ApplicationStatus,
  applicationStatus,
  assertNoErrors,
  type IsoDate,
  MissingHolidayYearError,
  statusNames,
  validateApplication,
  type WorkflowIssue,
} from '../../workflow/index.js';
import { notFound } from '../errors.js';
import type { NewApplicationBody } from '../schemas.js';
import { withLock } from './lock.js';
import { agencyScope, type Principal, requireRight, requireVisible, resolveAgency } from './principal.js';

/** The status of an application as of a day, in brief. */
export interface StatusSummary {
  asOf: IsoDate;
  status: ApplicationStatus['status'] | null;
  /** 办理中、即将到期、已超期、… ; or why the status can't be worked out. */
  statusName: string;
  dueOn: IsoDate | null;
  provisional: boolean;
  closedOn: IsoDate | null;
  outcome: ApplicationStatus['outcome'];
  answeredLate: boolean | null;
}

export interface ApplicationView extends ApplicationRecord {
  state: StatusSummary;
  /** Warnings of the record (statutory rules the agency broke). */
  warnings: WorkflowIssue[];
}

/** The status as of a day and the record's warnings, reading the record once for both. */
function assess(
  app: ApplicationRecord,
  asOf: IsoDate,
  dueSoonWorkingDays: number,
): { state: StatusSummary; warnings: WorkflowIssue[] | null } {
  try {
    if (app.receivedOn !== null && asOf < app.receivedOn)
      return { state: blank(asOf, `${asOf} 时尚未收到申请`), warnings: null };
    const s = applicationStatus(app, asOf, { dueSoonWorkingDays });
    return {
      state: {
        asOf,
        status: s.status,
        statusName: statusNames[s.status],
        dueOn: s.dueOn,
        provisional: s.provisional,
        closedOn: s.closedOn,
        outcome: s.outcome,
        answeredLate: s.answeredLate,
      },
      warnings: s.issues.filter((i) => i.severity === 'warning'),
    };
  } catch (error) {
    if (error instanceof MissingHolidayYearError)
      return { state: blank(asOf, `无法计算期限：${error.message}`), warnings: null };
    throw error;
  }
}

export const summarize = (app: ApplicationRecord, asOf: IsoDate, dueSoonWorkingDays = 5): StatusSummary =>
  assess(app, asOf, dueSoonWorkingDays).state;

function blank(asOf: IsoDate, statusName: string): StatusSummary {
  return {
    asOf,
    status: null,
    statusName,
    dueOn: null,
    provisional: false,
    closedOn: null,
    outcome: null,
    answeredLate: null,
  };
}

export function viewOf(app: ApplicationRecord, asOf: IsoDate): ApplicationView {
  const { state, warnings } = assess(app, asOf, 5);
  return {
    ...app,
    state,
    warnings: warnings ?? validateApplication(app).filter((i) => i.severity === 'warning'),
  };
}

/** Throws a WorkflowError (→ 400) when the record is impossible. */
function validate(app: Parameters<typeof validateApplication>[0]): void {
  assertNoErrors(validateApplication(app));
}

export async function listApplications(
  store: Store,
  p: Principal,
  query: { agency?: string | undefined; year?: number | undefined; asOf: IsoDate },
): Promise<ApplicationView[]> {
  requireRight(p, 'read');
  const agencyIds = await agencyScope(store, p, query.agency);
  const records = await store.applications.list({
    agencyIds,
    ...(query.year !== undefined ? { receivedYear: query.year } : {}),
  });
  return records.map((r) => viewOf(r, query.asOf));
}

export async function getApplication(
  store: Store,
  p: Principal,
  id: string,
  asOf: IsoDate,
): Promise<ApplicationView> {
  requireRight(p, 'read');
  const app = await store.applications.get(id);
  await requireVisible(store, p, app?.agencyId, '申请', id);
  return viewOf(app as ApplicationRecord, asOf);
}

/** The reply and an extension need the 审核 right; other events the 录入 right. */
const rightFor = (event: ApplicationEvent) =>
  event.type === 'replied' || event.type === 'extended' ? 'reply' : 'enter';

export async function createApplication(
  store: Store,
  p: Principal,
  input: NewApplicationBody,
  asOf: IsoDate,
): Promise<ApplicationView> {
  const agency = await resolveAgency(store, p, input.agencyId);
  requireRight(p, 'enter');
  const events = (input.events ?? []) as ApplicationEvent[];
  for (const e of events) requireRight(p, rightFor(e));
  const record = {
    id: input.id ?? 'new',
    applicant: input.applicant,
    channel: input.channel,
    submittedOn: input.submittedOn,
    signedForOn: input.signedForOn ?? null,
    confirmedOn: input.confirmedOn ?? null,
    events,
  };
  validate(record);
  const created = await store.applications.create(p.actor, {
    ...(input.id !== undefined ? { id: input.id } : {}),
    agencyId: agency.id,
    applicant: input.applicant,
    channel: input.channel,
    submittedOn: input.submittedOn,
    signedForOn: record.signedForOn,
    confirmedOn: record.confirmedOn,
    requestText: input.requestText ?? '',
    events,
  });
  return viewOf(created, asOf);
}

export async function addEvent(
  store: Store,
  p: Principal,
  id: string,
  event: ApplicationEvent,
  asOf: IsoDate,
): Promise<ApplicationView> {
  return withLock(`application:${id}`, async () => {
    const app = await store.applications.get(id);
    await requireVisible(store, p, app?.agencyId, '申请', id);
    if (!app) throw notFound('申请', id);
    requireRight(p, rightFor(event));
    validate({ ...app, events: [...app.events, event] });
    return viewOf(await store.applications.appendEvent(p.actor, id, event), asOf);
  });
}

export interface DueItem {
  id: string;
  agencyId: string;
  applicant: ApplicationRecord['applicant'];
  receivedOn: IsoDate | null;
  requestText: string;
  state: StatusSummary;
}

export interface DueList {
  asOf: IsoDate;
  days: number;
  overdue: DueItem[];
  dueSoon: DueItem[];
}

/** Open applications of the visible agencies that are past their due date or due within `days` working days. */
export async function dueApplications(
  store: Store,
  p: Principal,
  query: { agency?: string | undefined; days: number; asOf: IsoDate },
): Promise<DueList> {
  requireRight(p, 'read');
  const agencyIds = await agencyScope(store, p, query.agency);
  const out: DueList = { asOf: query.asOf, days: query.days, overdue: [], dueSoon: [] };
  for (const app of await store.applications.list({ agencyIds })) {
    if (app.events.some((e) => e.type === 'replied')) continue;
    const state = summarize(app, query.asOf, query.days);
    const item: DueItem = {
      id: app.id,
      agencyId: app.agencyId,
      applicant: app.applicant,
      receivedOn: app.receivedOn,
      requestText: app.requestText,
      state,
    };
    if (state.status === 'overdue') out.overdue.push(item);
    else if (state.status === 'dueSoon') out.dueSoon.push(item);
  }
  const byDue = (a: DueItem, b: DueItem) =>
    (a.state.dueOn ?? '').localeCompare(b.state.dueOn ?? '') || a.id.localeCompare(b.id);
  out.overdue.sort(byDue);
  out.dueSoon.sort(byDue);
  return out;
}
