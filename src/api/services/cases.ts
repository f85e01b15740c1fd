/** 行政复议 and 行政诉讼 cases, checked by the workflow's `validateCase` before every write. */
import type { CaseRecord, Store } from '../../store/index.js';
import { assertNoErrors, type Case, validateCase } from '../../workflow/index.js';
import { badRequest, notFound } from '../errors.js';
import type { CasePatchBody, NewCaseBody } from '../schemas.js';
import { withLock } from './lock.js';
import { agencyScope, type Principal, requireRight, resolveAgency, visibleAgencyIds } from './principal.js';

/** A linked application (by id or number) must be one of the same agency; returns its id. */
async function linkedApplication(
  store: Store,
  agencyId: string,
  ref: string | null | undefined,
): Promise<string | null | undefined> {
  if (ref === null || ref === undefined) return ref;
  const [app] = await store.applications.find(ref, [agencyId]);
  if (!app) throw notFound('申请', ref);
  return app.id;
}

/** A case as the API gives it: with the linked application's own number (2026-003), not only its id. */
export type CaseView = CaseRecord & { applicationNumber: string | null };

/** The cases with their linked applications' numbers (one query for all). */
async function withApplicationNumbers(store: Store, cases: readonly CaseRecord[]): Promise<CaseView[]> {
  const numbers = await store.applications.numbersOf([
    ...new Set(cases.flatMap((c) => (c.applicationId ? [c.applicationId] : []))),
  ]);
  return cases.map((c) => ({
    ...c,
    applicationNumber: c.applicationId ? (numbers.get(c.applicationId) ?? null) : null,
  }));
}

const view = async (store: Store, record: CaseRecord): Promise<CaseView> =>
  (await withApplicationNumbers(store, [record]))[0] as CaseView;

export async function listCases(
  store: Store,
  p: Principal,
  query: { agency?: string | undefined; year?: number | undefined },
): Promise<CaseView[]> {
  requireRight(p, 'read');
  const agencyIds = await agencyScope(store, p, query.agency);
  return withApplicationNumbers(
    store,
    await store.cases.list({ agencyIds, ...(query.year !== undefined ? { year: query.year } : {}) }),
  );
}

/** The case a reference (id or number) names among the visible agencies. */
async function load(store: Store, p: Principal, ref: string): Promise<CaseRecord> {
  const found = await store.cases.find(ref, await visibleAgencyIds(store, p));
  if (found.length === 0) throw notFound('案件', ref);
  if (found.length > 1)
    throw badRequest(
      'ambiguous',
      `编号「${ref}」在多个机关都有（${found.map((c) => c.agencyId).join('、')}），请用案件的 id：${found.map((c) => c.id).join('、')}`,
    );
  return found[0] as CaseRecord;
}

export async function getCase(store: Store, p: Principal, id: string): Promise<CaseView> {
  requireRight(p, 'read');
  return view(store, await load(store, p, id));
}

export async function createCase(store: Store, p: Principal, input: NewCaseBody): Promise<CaseView> {
  const agency = await resolveAgency(store, p, input.agencyId);
  requireRight(p, 'enter');
  const number = input.number ?? input.id;
  const record: Case = {
    id: number ?? 'new',
    kind: input.kind,
    filedOn: input.filedOn,
    decidedOn: input.decidedOn ?? null,
    outcome: input.outcome ?? null,
  };
  assertNoErrors(validateCase(record));
  const applicationId = await linkedApplication(store, agency.id, input.applicationId);
  // The id is always generated: a number is the agency's own, so another agency's records never show.
  const created = await store.cases.create(p.actor, {
    ...(number !== undefined ? { number } : {}),
    agencyId: agency.id,
    kind: input.kind,
    filedOn: input.filedOn,
    decidedOn: record.decidedOn,
    outcome: record.outcome,
    applicationId: applicationId ?? null,
  });
  return view(store, created);
}

export async function updateCase(
  store: Store,
  p: Principal,
  id: string,
  patch: CasePatchBody,
): Promise<CaseView> {
  const found = await load(store, p, id);
  const updated = await withLock(`case:${found.id}`, async () => {
    const before = await load(store, p, found.id);
    requireRight(p, 'enter');
    const merged: Case = {
      id,
      kind: patch.kind ?? before.kind,
      filedOn: patch.filedOn ?? before.filedOn,
      decidedOn: patch.decidedOn !== undefined ? patch.decidedOn : before.decidedOn,
      outcome: patch.outcome !== undefined ? patch.outcome : before.outcome,
    };
    assertNoErrors(validateCase(merged));
    const applicationId = await linkedApplication(store, before.agencyId, patch.applicationId);
    return store.cases.update(p.actor, before.id, {
      ...patch,
      ...(applicationId !== undefined ? { applicationId } : {}),
    });
  });
  return view(store, updated);
}

export async function deleteCase(store: Store, p: Principal, id: string): Promise<void> {
  const found = await load(store, p, id);
  await withLock(`case:${found.id}`, async () => {
    requireRight(p, 'delete');
    await store.cases.remove(p.actor, found.id);
  });
}
