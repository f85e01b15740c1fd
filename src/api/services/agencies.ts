/** Agencies: listed as far as visible; created by the local system; changed by their own admin. */
import type { Agency, Store } from '../../store/index.js';
import { forbidden } from '../errors.js';
import type { NewAgencyBody } from '../schemas.js';
import { type Principal, requireRight, requireVisible, visibleAgencyIds } from './principal.js';

export async function listAgencies(store: Store, p: Principal): Promise<Agency[]> {
  return store.agencies.list(await visibleAgencyIds(store, p));
}

export async function getAgency(store: Store, p: Principal, id: string): Promise<Agency> {
  await requireVisible(store, p, id, '机关', id);
  return (await store.agencies.get(id)) as Agency;
}

/** New agencies are set up on the server (`gongkai agencies add`): users belong to one agency. */
export async function createAgency(store: Store, p: Principal, input: NewAgencyBody): Promise<Agency> {
  if (p.user !== null) throw forbidden('新建机关须在服务器上用 gongkai agencies add 完成');
  return store.agencies.create(p.actor, input);
}

export async function updateAgency(
  store: Store,
  p: Principal,
  id: string,
  patch: { name?: string; region?: string | null; code?: string | null },
): Promise<Agency> {
  await requireVisible(store, p, id, '机关', id);
  requireRight(p, 'manage');
  if (p.user !== null && p.user.agencyId !== id) throw forbidden('只能修改本机关的信息');
  return store.agencies.update(p.actor, id, patch);
}
