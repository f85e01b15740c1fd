/** Users: created and listed by an admin for their own agency (or by the local system for any). */
import { hashPassword } from '../../auth/password.js';
import type { Store, User } from '../../store/index.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import type { NewUserBody, UserPatchBody } from '../schemas.js';
import { type Principal, requireRight, resolveAgency, visibleAgencyIds } from './principal.js';

export interface UserView extends User {
  /** The agencies a supervisor oversees (empty for other roles). */
  supervises: string[];
}

async function view(store: Store, user: User): Promise<UserView> {
  return {
    ...user,
    supervises: user.role === 'supervisor' ? await store.users.supervisedAgencies(user.id) : [],
  };
}

/** An admin manages the users of their own agency and the supervisors of it alone. */
async function manageable(store: Store, p: Principal, user: User): Promise<boolean> {
  if (p.user === null) return true;
  const own = p.user.agencyId;
  if (user.role !== 'supervisor') return user.agencyId === own;
  const set = await store.users.supervisedAgencies(user.id);
  return set.length > 0 && set.every((id) => id === own);
}

export async function listUsers(store: Store, p: Principal): Promise<UserView[]> {
  requireRight(p, 'manage');
  const out: UserView[] = [];
  for (const user of await store.users.list())
    if (await manageable(store, p, user)) out.push(await view(store, user));
  return out;
}

export async function getUser(store: Store, p: Principal, id: string): Promise<UserView> {
  return view(store, await manageableUser(store, p, id));
}

/** The user an admin may manage; 404 for anyone else (another agency's user is never revealed). */
async function manageableUser(store: Store, p: Principal, id: string): Promise<User> {
  const user = await store.users.get(id);
  // Someone of another agency is not found, whatever the role asking; one's own colleagues need the right.
  const visible = await visibleAgencyIds(store, p);
  const agencies =
    user?.role === 'supervisor' ? await store.users.supervisedAgencies(user.id) : [user?.agencyId];
  if (!user || !agencies.some((a) => a != null && visible.includes(a))) throw notFound('用户', id);
  requireRight(p, 'manage');
  if (!(await manageable(store, p, user))) throw notFound('用户', id);
  return user;
}

/** A user by username (case does not matter), for the CLI; 404 when there is none. */
export async function userByUsername(store: Store, p: Principal, username: string): Promise<UserView> {
  const user = await store.users.getByUsername(username);
  if (!user) throw notFound('用户', username);
  return getUser(store, p, user.id);
}

/**
 * Changes an account (admin of the user's agency, or the local system): disable it (its sessions end
 * at once) or enable it again, set a new password (its sessions end too), change the display name.
 * An admin can't disable their own account (there would be no one left to enable it).
 */
export async function updateUser(
  store: Store,
  p: Principal,
  id: string,
  patch: UserPatchBody,
): Promise<UserView> {
  requireRight(p, 'manage');
  const user = await manageableUser(store, p, id);
  if (patch.disabled === true && p.user?.id === user.id)
    throw badRequest('invalid-input', '输入有误：不能停用自己的账号');
  if (patch.displayName !== undefined)
    await store.users.update(p.actor, id, { displayName: patch.displayName });
  if (patch.password !== undefined)
    await store.users.setPasswordHash(p.actor, id, await hashPassword(patch.password));
  if (patch.disabled !== undefined) await store.users.setDisabled(p.actor, id, patch.disabled);
  return view(store, (await store.users.get(id)) as User);
}

export async function createUser(store: Store, p: Principal, input: NewUserBody): Promise<UserView> {
  requireRight(p, 'manage');
  let agencyId: string | null = null;
  let supervises: string[] = [];
  if (input.role === 'supervisor') {
    if (input.agencyId !== undefined)
      throw badRequest('invalid-input', '输入有误：监督角色不属于某一机关，请用 agencyIds 指定监督的机关');
    const ids = input.agencyIds ?? (p.user?.agencyId ? [p.user.agencyId] : []);
    if (ids.length === 0) throw badRequest('invalid-input', '输入有误：请用 agencyIds 指定监督的机关');
    for (const id of ids) supervises.push((await resolveAgency(store, p, id)).id);
    supervises = [...new Set(supervises)];
    if (p.user !== null && supervises.some((id) => id !== p.user?.agencyId))
      throw forbidden('只能设置监督本机关的用户');
  } else {
    if (input.agencyIds !== undefined)
      throw badRequest('invalid-input', '输入有误：只有监督角色可以指定 agencyIds');
    agencyId = (await resolveAgency(store, p, input.agencyId)).id;
    if (p.user !== null && agencyId !== p.user.agencyId) throw forbidden('只能为本机关创建用户');
  }
  const passwordHash = await hashPassword(input.password);
  const user = await store.users.create(p.actor, {
    username: input.username,
    displayName: input.displayName,
    passwordHash,
    role: input.role,
    agencyId,
  });
  if (supervises.length > 0) await store.users.setSupervisedAgencies(p.actor, user.id, supervises);
  return view(store, user);
}
