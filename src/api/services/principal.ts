/**
 * Who acts: a signed-in user (the API), or the local system (the CLI, recorded in the audit log as
 * `cli`). Every service takes one and asks here which agencies it may see and what it may do, so the
 * API and the CLI share one set of rules. A record of an agency the principal can't see is reported
 * as not found (404), never as forbidden, so its existence doesn't leak.
 */
import { hasRight, type Right, rightNames } from '../../auth/roles.js';
import type { Actor, Agency, Store, User } from '../../store/index.js';
import { roleNames } from '../../store/schema.js';
import { ApiError, forbidden, notFound } from '../errors.js';

export interface Principal {
  actor: Actor;
  /** Null for the local system: every agency, every right. */
  user: User | null;
}

/** The CLI's actor: audit rows of local commands carry the user id `cli`. */
export const cliActor: Actor = Object.freeze({ userId: 'cli' });
export const cliPrincipal: Principal = Object.freeze({ actor: cliActor, user: null });

export const principalOf = (user: User): Principal => ({ actor: { userId: user.id }, user });

export async function visibleAgencyIds(store: Store, p: Principal): Promise<string[]> {
  if (p.user === null) return (await store.agencies.list()).map((a) => a.id);
  return store.access.visibleAgencyIds(p.user);
}

export function requireRight(p: Principal, right: Right): void {
  if (p.user === null || hasRight(p.user.role, right)) return;
  throw forbidden(`${roleNames[p.user.role]}角色无权${rightNames[right]}`);
}

/**
 * The agency a request names (by id, or by exact name for the CLI), or the principal's own when it
 * names none. 404 when the principal can't see it.
 */
export async function resolveAgency(store: Store, p: Principal, ref: string | undefined): Promise<Agency> {
  const visible = await visibleAgencyIds(store, p);
  if (ref === undefined) {
    if (p.user?.agencyId && visible.includes(p.user.agencyId))
      return (await store.agencies.get(p.user.agencyId)) as Agency;
    if (visible.length === 1) return (await store.agencies.get(visible[0] as string)) as Agency;
    throw new ApiError(400, 'invalid-input', '输入有误：请指定机关（agencyId）');
  }
  if (visible.includes(ref)) {
    const agency = await store.agencies.get(ref);
    if (agency) return agency;
  }
  const byName = (await store.agencies.list(visible)).filter((a) => a.name === ref);
  if (byName.length === 1) return byName[0] as Agency;
  throw notFound('机关', ref);
}

/** The agencies to read from: the one named, or every visible one. */
export async function agencyScope(store: Store, p: Principal, ref: string | undefined): Promise<string[]> {
  if (ref !== undefined) return [(await resolveAgency(store, p, ref)).id];
  return visibleAgencyIds(store, p);
}

/** Throws the 404 of `what` unless the record's agency is visible. */
export async function requireVisible(
  store: Store,
  p: Principal,
  agencyId: string | undefined,
  what: string,
  id: string,
): Promise<void> {
  if (agencyId === undefined || !(await visibleAgencyIds(store, p)).includes(agencyId))
    throw notFound(what, id);
}
