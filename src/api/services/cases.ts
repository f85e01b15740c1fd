/** 行政复议 and 行政诉讼 cases, checked by the workflow's `validateCase` before every write. */
import type { CaseRecord, Store } from '../../store/index.js';
import { assertNoErrors, type Case, validateCase } from '../../workflow/index.js';
import { notFound } from '../errors.js';
import type { CasePatchBody, NewCaseBody } from '../schemas.js';
import { withLock } from './lock.js';
import { agencyScope, type Principal, requireRight, requireVisible, resolveAgency } from './principal.js';

/** A linked application must be one of the same agency. */
async function checkApplication(store: Store, agencyId: string, applicationId: string | null | undefined) {
  if (applicationId === null || applicationId === undefined) return;
  const app = await store.applications.get(applicationId);
  if (app?.agencyId !== agencyId) throw notFound('申请', applicationId);
}

export async function listCases(
  store: Store,
  p: Principal,
  query: { agency?: string | undefined; year?: number | undefined },
): Promise<CaseRecord[]> {
  requireRight(p, 'read');
  const agencyIds = await agencyScope(store, p, query.agency);
  return store.cases.list({ agencyIds, ...(query.year !== undefined ? { year: query.year } : {}) });
}

async function load(store: Store, p: Principal, id: string): Promise<CaseRecord> {
  const found = await store.cases.get(id);
  await requireVisible(store, p, found?.agencyId, '案件', id);
  return found as CaseRecord;
}

export async function getCase(store: Store, p: Principal, id: string): Promise<CaseRecord> {
  requireRight(p, 'read');
  return load(store, p, id);
}

export async function createCase(store: Store, p: Principal, input: NewCaseBody): Promise<CaseRecord> {
  const agency = await resolveAgency(store, p, input.agencyId);
  requireRight(p, 'enter');
  const record: Case = {
    id: input.id ?? 'new',
    kind: input.kind,
    filedOn: input.filedOn,
    decidedOn: input.decidedOn ?? null,
    outcome: input.outcome ?? null,
  };
  assertNoErrors(validateCase(record));
  await checkApplication(store, agency.id, input.applicationId);
  return store.cases.create(p.actor, {
    ...(input.id !== undefined ? { id: input.id } : {}),
    agencyId: agency.id,
    kind: input.kind,
    filedOn: input.filedOn,
    decidedOn: record.decidedOn,
    outcome: record.outcome,
    applicationId: input.applicationId ?? null,
  });
}

export async function updateCase(
  store: Store,
  p: Principal,
  id: string,
  patch: CasePatchBody,
): Promise<CaseRecord> {
  return withLock(`case:${id}`, async () => {
    const before = await load(store, p, id);
    requireRight(p, 'enter');
    const merged: Case = {
      id,
      kind: patch.kind ?? before.kind,
      filedOn: patch.filedOn ?? before.filedOn,
      decidedOn: patch.decidedOn !== undefined ? patch.decidedOn : before.decidedOn,
      outcome: patch.outcome !== undefined ? patch.outcome : before.outcome,
    };
    assertNoErrors(validateCase(merged));
    await checkApplication(store, before.agencyId, patch.applicationId);
    return store.cases.update(p.actor, id, patch);
  });
}

export async function deleteCase(store: Store, p: Principal, id: string): Promise<void> {
  await withLock(`case:${id}`, async () => {
    await load(store, p, id);
    requireRight(p, 'delete');
    await store.cases.remove(p.actor, id);
  });
}
