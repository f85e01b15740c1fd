/**
 * Applications and their events. Every record is run through the workflow's validation before it is
 * stored: an impossible record (events out of order, a second reply, a 补正 after the reply, …) is
 * refused with the workflow's Chinese messages; warnings (a late reply) are returned with it.
 */

import { hasRight } from '../../auth/roles.js';
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
  WorkflowError,
  type WorkflowIssue,
  type WorkingCalendar,
} from '../../workflow/index.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import type { ApplicationPatchBody, NewApplicationBody } from '../schemas.js';
import { holidayCalendar, holidayCalendarAt, holidayVersionKey, holidayVersionOf } from './holidays.js';
import { agencyScope, type Principal, requireRight, resolveAgency, visibleAgencyIds } from './principal.js';
import { share } from './shared.js';

/** The status of an application as of a day, in brief. */
export interface StatusSummary {
  asOf: IsoDate;
  status: ApplicationStatus['status'] | null;
  /** 办理中、即将到期、已超期、… ; or why the status can't be worked out. */
  statusName: string;
  dueOn: IsoDate | null;
  /** Working days from `asOf` to `dueOn` (0 on the day, negative once passed); null without both. */
  workingDaysLeft: number | null;
  provisional: boolean;
  closedOn: IsoDate | null;
  outcome: ApplicationStatus['outcome'];
  answeredLate: boolean | null;
  /** The year whose holiday arrangement is missing, when that is why there is no status. */
  missingHolidayYear: number | null;
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
  calendar: WorkingCalendar,
): { state: StatusSummary; warnings: WorkflowIssue[] | null } {
  try {
    if (app.receivedOn !== null && asOf < app.receivedOn)
      return { state: blank(asOf, `${asOf} 时尚未收到申请`), warnings: null };
    const s = applicationStatus(app, asOf, { dueSoonWorkingDays, calendar });
    return {
      state: {
        asOf,
        status: s.status,
        statusName: statusNames[s.status],
        dueOn: s.dueOn,
        workingDaysLeft: s.dueOn === null ? null : daysLeft(calendar, asOf, s.dueOn),
        provisional: s.provisional,
        closedOn: s.closedOn,
        outcome: s.outcome,
        answeredLate: s.answeredLate,
        missingHolidayYear: null,
      },
      warnings: s.issues.filter((i) => i.severity === 'warning'),
    };
  } catch (error) {
    if (error instanceof MissingHolidayYearError)
      return { state: blank(asOf, error.message, error.year), warnings: null };
    // A record stored before its rules were checked in the same transaction (or by an older
    // version) can be impossible: it is listed with the reason, never blocks the list.
    if (error instanceof WorkflowError)
      return { state: blank(asOf, `记录有误，请作废错误的事件：${error.message}`), warnings: null };
    throw error;
  }
}

/** Working days from a day to a due date; null when a day between them lacks its holiday year. */
function daysLeft(calendar: WorkingCalendar, asOf: IsoDate, dueOn: IsoDate): number | null {
  try {
    return calendar.workingDaysBetween(asOf, dueOn);
  } catch (error) {
    if (error instanceof MissingHolidayYearError) return null;
    throw error;
  }
}

export const summarize = (
  app: ApplicationRecord,
  asOf: IsoDate,
  calendar: WorkingCalendar,
  dueSoonWorkingDays = 5,
): StatusSummary => assess(app, asOf, dueSoonWorkingDays, calendar).state;

function blank(asOf: IsoDate, statusName: string, missingHolidayYear: number | null = null): StatusSummary {
  return {
    asOf,
    status: null,
    statusName,
    dueOn: null,
    workingDaysLeft: null,
    provisional: false,
    closedOn: null,
    outcome: null,
    answeredLate: null,
    missingHolidayYear,
  };
}

export function viewOf(app: ApplicationRecord, asOf: IsoDate, calendar: WorkingCalendar): ApplicationView {
  const { state, warnings } = assess(app, asOf, 5, calendar);
  return {
    ...app,
    state,
    warnings: warnings ?? validateApplication(app, calendar).filter((i) => i.severity === 'warning'),
  };
}

/** The view of a record just committed: never an error (the write stands whatever happens next). */
function committedView(app: ApplicationRecord, asOf: IsoDate, calendar: WorkingCalendar): ApplicationView {
  try {
    return viewOf(app, asOf, calendar);
  } catch {
    return { ...app, state: blank(asOf, '已保存'), warnings: [] };
  }
}

/**
 * The application a reference names among the visible agencies: its id, or its number. 404 when
 * none (or the agency is not visible); 400 when the number is used by several visible agencies.
 */
export async function findApplication(store: Store, p: Principal, ref: string): Promise<ApplicationRecord> {
  const found = await store.applications.find(ref, await visibleAgencyIds(store, p));
  if (found.length === 0) throw notFound('申请', ref);
  if (found.length > 1)
    throw badRequest(
      'ambiguous',
      `编号「${ref}」在多个机关都有（${found.map((a) => a.agencyId).join('、')}），请用申请的 id：${found.map((a) => a.id).join('、')}`,
    );
  return found[0] as ApplicationRecord;
}

/** The id of the application a reference names, found as `findApplication` does, without its events. */
async function findApplicationId(store: Store, p: Principal, ref: string): Promise<string> {
  const found = await store.applications.findRefs(ref, await visibleAgencyIds(store, p));
  if (found.length === 0) throw notFound('申请', ref);
  if (found.length > 1)
    throw badRequest(
      'ambiguous',
      `编号「${ref}」在多个机关都有（${found.map((a) => a.agencyId).join('、')}），请用申请的 id：${found.map((a) => a.id).join('、')}`,
    );
  return (found[0] as { id: string }).id;
}

/**
 * The records of some agencies and what is worked out from them (the views as of a day, the due
 * list), kept per store under the agencies' data versions: a request reads the versions (one small
 * query), and reads the records again only when a write, in this process or another, raised one.
 */
interface CachedRecords {
  versions: string;
  records: readonly ApplicationRecord[];
  derived: Map<string, unknown>;
}

const recordCache = new WeakMap<Store, Map<string, CachedRecords>>();
/** Scopes (agency sets and years) and results of each kept; past these the cache starts again. */
const scopesKept = 64;
const resultsKept = 16;

async function fromRecords<T>(
  store: Store,
  filter: { agencyIds: readonly string[]; receivedYear?: number },
  key: string,
  derive: (records: readonly ApplicationRecord[], calendar: WorkingCalendar) => T,
): Promise<T> {
  // The versions first: records read after them are at least as new, so never cached as current
  // under a version older than the data they show. The holiday table's version comes with them:
  // a year entered changes every status that reached it (the records stay).
  const versions = await store.dataVersions([...filter.agencyIds, holidayVersionKey]);
  const holidays = holidayVersionOf(versions);
  const calendar = await holidayCalendarAt(store, holidays);
  const version = filter.agencyIds.map((id) => versions.get(id) ?? 0).join(',');
  const scope = `${filter.agencyIds.join(',')}|${filter.receivedYear ?? ''}`;
  let scopes = recordCache.get(store);
  if (!scopes) {
    scopes = new Map();
    recordCache.set(store, scopes);
  }
  let entry = scopes.get(scope);
  if (entry?.versions !== version) {
    entry = { versions: version, records: await store.applications.list(filter), derived: new Map() };
    if (scopes.size >= scopesKept) scopes.clear();
    scopes.set(scope, entry);
  }
  // The records don't depend on the holiday table; what is worked out from them does.
  const derivedKey = `${holidays}|${key}`;
  if (entry.derived.has(derivedKey)) return entry.derived.get(derivedKey) as T;
  const value = derive(entry.records, calendar);
  if (entry.derived.size >= resultsKept) entry.derived.clear();
  entry.derived.set(derivedKey, value);
  return value;
}

/** Throws a WorkflowError (→ 400) when the record is impossible. */
function validate(app: Parameters<typeof validateApplication>[0], calendar: WorkingCalendar): void {
  assertNoErrors(validateApplication(app, calendar));
}

/** An application as a user sees it: the applicant's contact is null for those who may not see it. */
export type ShownApplication = Omit<ApplicationView, 'applicantContact'> & {
  applicantContact: string | null;
};

/**
 * The applicant's contact (电话、地址) is personal information the agency needs to answer, and no one
 * else: its own users see it, supervisors (who read the register of the agencies they oversee) do
 * not (《个人信息保护法》第六条, 最小必要).
 */
export const seesContact = (p: Principal): boolean => p.user === null || hasRight(p.user.role, 'enter');

const hideContact = (v: ApplicationView): ShownApplication => ({ ...v, applicantContact: null });

export async function listApplications(
  store: Store,
  p: Principal,
  query: { agency?: string | undefined; year?: number | undefined; asOf: IsoDate },
): Promise<readonly ShownApplication[]> {
  requireRight(p, 'read');
  const agencyIds = await agencyScope(store, p, query.agency);
  const filter = { agencyIds, ...(query.year !== undefined ? { receivedYear: query.year } : {}) };
  // Each status worked out once per data version and day, and shared (frozen, its JSON made once).
  const views = await fromRecords(store, filter, `views ${query.asOf}`, (records, calendar) =>
    share(records.map((r) => viewOf(r, query.asOf, calendar))),
  );
  return seesContact(p) ? views : views.map(hideContact);
}

export async function getApplication(
  store: Store,
  p: Principal,
  id: string,
  asOf: IsoDate,
): Promise<ShownApplication> {
  requireRight(p, 'read');
  const view = viewOf(await findApplication(store, p, id), asOf, await holidayCalendar(store));
  return seesContact(p) ? view : hideContact(view);
}

/** The reply and an extension need the 审核 right; other events the 录入 right. */
export const rightFor = (event: ApplicationEvent) =>
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
  const number = input.number ?? input.id;
  const record = {
    id: number ?? 'new',
    applicant: input.applicant,
    channel: input.channel,
    submittedOn: input.submittedOn,
    signedForOn: input.signedForOn ?? null,
    confirmedOn: input.confirmedOn ?? null,
    events,
  };
  const calendar = await holidayCalendar(store);
  validate(record, calendar);
  // The id is always generated: a number is the agency's own, so another agency's records never show.
  const created = await store.applications.create(p.actor, {
    ...(number !== undefined ? { number } : {}),
    agencyId: agency.id,
    applicant: input.applicant,
    channel: input.channel,
    submittedOn: input.submittedOn,
    signedForOn: record.signedForOn,
    confirmedOn: record.confirmedOn,
    requestText: input.requestText ?? '',
    applicantName: input.applicantName ?? '',
    applicantContact: input.applicantContact ?? '',
    delivery: input.delivery ?? '',
    events,
  });
  return committedView(created, asOf, calendar);
}

/**
 * Corrects the record's own fields (录入 right): the applicant, their name and contact, the request,
 * the channel and the dates of receipt. The record with the change must be possible (the dates of
 * receipt decide its deadlines): it is checked inside the transaction that holds the record, like
 * an event. Events are changed only by voiding them.
 */
export async function updateApplication(
  store: Store,
  p: Principal,
  id: string,
  patch: ApplicationPatchBody,
  asOf: IsoDate,
): Promise<ApplicationView> {
  const appId = await findApplicationId(store, p, id);
  requireRight(p, 'enter');
  const calendar = await holidayCalendar(store);
  const after = await store.applications.update(p.actor, appId, patch, (before) => {
    validate({ ...before, ...patch }, calendar);
  });
  return committedView(after, asOf, calendar);
}

/**
 * Records an event. The record is read, checked against the workflow's rules with the event, and
 * the event appended, in one transaction that holds the record (a row lock on PostgreSQL, the write
 * lock on SQLite): of two concurrent replies in two processes, exactly one is stored and the other is
 * refused. Once committed, the answer is the record, never an error.
 */
export async function addEvent(
  store: Store,
  p: Principal,
  id: string,
  event: ApplicationEvent,
  asOf: IsoDate,
): Promise<ApplicationView> {
  const appId = await findApplicationId(store, p, id);
  requireRight(p, rightFor(event));
  const calendar = await holidayCalendar(store);
  // The record is loaded once, inside the write's transaction.
  const after = await store.applications.appendEvent(p.actor, appId, event, (before) => {
    validate({ ...before, events: [...before.events, event] }, calendar);
  });
  return committedView(after, asOf, calendar);
}

/**
 * Voids an event entered by mistake (審核 right): it is taken out of the record, and the audit row
 * keeps it with the reason. The record that remains must be possible; a record made impossible by a
 * race or an older version (two replies) is put right this way.
 */
export async function voidEvent(
  store: Store,
  p: Principal,
  id: string,
  ordinal: number,
  reason: string,
  asOf: IsoDate,
): Promise<ApplicationView> {
  const appId = await findApplicationId(store, p, id);
  requireRight(p, 'reply');
  const calendar = await holidayCalendar(store);
  const after = await store.applications.voidEvent(p.actor, appId, ordinal, reason, (before, events) => {
    if (ordinal >= before.events.length)
      throw new ApiError(
        404,
        'not-found',
        `申请「${id}」没有第 ${ordinal} 个事件（共 ${before.events.length} 个，从 0 起算）`,
      );
    validate({ ...before, events }, calendar);
  });
  return committedView(after, asOf, calendar);
}

export interface DueItem {
  id: string;
  agencyId: string;
  number: string;
  applicant: ApplicationRecord['applicant'];
  /** 申请人姓名或名称 ('' when not recorded). */
  applicantName: string;
  receivedOn: IsoDate | null;
  requestText: string;
  state: StatusSummary;
}

export interface DueList {
  asOf: IsoDate;
  days: number;
  overdue: readonly DueItem[];
  dueSoon: readonly DueItem[];
  /**
   * Open applications whose status can't be worked out: a year's holiday arrangement is missing,
   * or the record is impossible. Listed, never dropped: any of them may be overdue.
   */
  unknown: readonly DueItem[];
}

/** Open applications of the visible agencies that are past their due date or due within `days` working days. */
export async function dueApplications(
  store: Store,
  p: Principal,
  query: { agency?: string | undefined; days: number; asOf: IsoDate },
): Promise<Readonly<DueList>> {
  requireRight(p, 'read');
  const agencyIds = await agencyScope(store, p, query.agency);
  // Worked out once per data version, day and span, and shared (frozen, its JSON made once).
  return fromRecords(store, { agencyIds }, `due ${query.asOf} ${query.days}`, (records, calendar) =>
    dueOf(records, query.asOf, query.days, calendar),
  );
}

function dueOf(
  records: readonly ApplicationRecord[],
  asOf: IsoDate,
  days: number,
  calendar: WorkingCalendar,
): Readonly<DueList> {
  const out = { asOf, days, overdue: [] as DueItem[], dueSoon: [] as DueItem[], unknown: [] as DueItem[] };
  for (const app of records) {
    if (app.events.some((e) => e.type === 'replied')) continue;
    if (app.receivedOn !== null && asOf < app.receivedOn) continue;
    const state = summarize(app, asOf, calendar, days);
    const item: DueItem = {
      id: app.id,
      agencyId: app.agencyId,
      number: app.number,
      applicant: app.applicant,
      applicantName: app.applicantName,
      receivedOn: app.receivedOn,
      requestText: app.requestText,
      state,
    };
    if (state.status === 'overdue') out.overdue.push(item);
    else if (state.status === 'dueSoon') out.dueSoon.push(item);
    else if (state.status === null) out.unknown.push(item);
  }
  const byDue = (a: DueItem, b: DueItem) =>
    (a.state.dueOn ?? '').localeCompare(b.state.dueOn ?? '') || a.id.localeCompare(b.id);
  out.overdue.sort(byDue);
  out.dueSoon.sort(byDue);
  out.unknown.sort(
    (a, b) => (a.receivedOn ?? '').localeCompare(b.receivedOn ?? '') || a.id.localeCompare(b.id),
  );
  return share({
    ...out,
    overdue: Object.freeze(out.overdue),
    dueSoon: Object.freeze(out.dueSoon),
    unknown: Object.freeze(out.unknown),
  });
}
