/**
 * Users and the agencies a supervisor oversees. The password hash is made and checked by the API
 * layer; the store keeps it and never writes it into the audit log.
 */

import { sql } from 'kysely';
import { appendAudit, auditCreated } from '../audit.js';
import {
  type Actor,
  definedFields,
  inTransaction,
  notFound,
  type StoreContext,
  type Tx,
} from '../context.js';
import { StoreError } from '../errors.js';
import { type Role, roles, type UserRow } from '../schema.js';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Null for a supervisor without an agency of their own. */
  agencyId: string | null;
  createdAt: string;
  /** When the account was disabled, or null while it is active. */
  disabledAt: string | null;
}

export interface NewUser {
  id?: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  agencyId?: string | null;
}

export type UserPatch = Partial<Pick<User, 'username' | 'displayName' | 'role' | 'agencyId'>>;

type Db = Tx | StoreContext['db'];

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  agencyId: row.agency_id,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
});

/** Usernames are unique regardless of case: 「Admin」 and 「admin」 are one account. */
const byUsername = (username: string) => sql<boolean>`lower(username) = lower(${username})`;

const load = async (db: Db, id: string): Promise<User | undefined> => {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
};

const supervised = async (db: Db, userId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('supervisor_agencies')
      .select('agency_id')
      .where('user_id', '=', userId)
      .orderBy('agency_id')
      .execute()
  ).map((r) => r.agency_id);

/** Deletes every session of a user; returns how many there were. */
async function endSessions(trx: Tx, userId: string): Promise<number> {
  const rows = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(rows.numDeletedRows);
}

function checkRole(role: Role | undefined): void {
  if (role !== undefined && !roles.includes(role))
    throw new StoreError('store.invalid', `角色「${String(role)}」无效，应为 ${roles.join('、')} 之一`);
}

export function userRepository(ctx: StoreContext) {
  return {
    get: (id: string) => load(ctx.db, id),

    async getByUsername(username: string): Promise<User | undefined> {
      const row = await ctx.db.selectFrom('users').selectAll().where(byUsername(username)).executeTakeFirst();
      return row && toUser(row);
    },

    /** The user and the stored hash, for the API layer to verify a password against. */
    async credentials(username: string): Promise<{ user: User; passwordHash: string } | undefined> {
      const row = await ctx.db.selectFrom('users').selectAll().where(byUsername(username)).executeTakeFirst();
      return row && { user: toUser(row), passwordHash: row.password_hash };
    },

    /** Users (of one agency when given), by username. */
    async list(filter: { agencyId?: string } = {}): Promise<User[]> {
      let q = ctx.db.selectFrom('users').selectAll().orderBy('username');
      if (filter.agencyId !== undefined) q = q.where('agency_id', '=', filter.agencyId);
      return (await q.execute()).map(toUser);
    },

    create: (actor: Actor, input: NewUser): Promise<User> =>
      inTransaction(ctx, async (trx) => {
        checkRole(input.role);
        const id = input.id ?? ctx.newId();
        await trx
          .insertInto('users')
          .values({
            id,
            username: input.username,
            display_name: input.displayName,
            password_hash: input.passwordHash,
            role: input.role,
            agency_id: input.agencyId ?? null,
            created_at: ctx.now(),
          })
          .execute();
        return auditCreated<User>(trx, ctx, actor, 'user', id, load);
      }),

    update: (actor: Actor, id: string, patch: UserPatch): Promise<User> =>
      inTransaction(ctx, async (trx) => {
        checkRole(patch.role);
        const before = (await load(trx, id)) ?? notFound('用户', id);
        const set = definedFields({
          username: patch.username,
          display_name: patch.displayName,
          role: patch.role,
          agency_id: patch.agencyId,
        });
        if (Object.keys(set).length > 0)
          await trx.updateTable('users').set(set).where('id', '=', id).execute();
        const after = (await load(trx, id)) as User;
        await appendAudit(trx, ctx, actor, { action: 'update', entity: 'user', entityId: id, before, after });
        return after;
      }),

    /**
     * Replaces the password hash and ends the user's sessions; the audit row records that it changed,
     * not the hash.
     */
    setPasswordHash: (actor: Actor, id: string, passwordHash: string): Promise<void> =>
      inTransaction(ctx, async (trx) => {
        const user = (await load(trx, id)) ?? notFound('用户', id);
        await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
        const ended = await endSessions(trx, id);
        await appendAudit(trx, ctx, actor, {
          action: 'password',
          entity: 'user',
          entityId: id,
          before: user,
          after: { ...user, sessionsEnded: ended },
        });
      }),

    /** Disables an account (its sessions end in the same transaction) or enables it again. */
    setDisabled: (actor: Actor, id: string, disabled: boolean): Promise<User> =>
      inTransaction(ctx, async (trx) => {
        const before = (await load(trx, id)) ?? notFound('用户', id);
        if (disabled === (before.disabledAt !== null)) return before;
        await trx
          .updateTable('users')
          .set({ disabled_at: disabled ? ctx.now() : null })
          .where('id', '=', id)
          .execute();
        const ended = disabled ? await endSessions(trx, id) : 0;
        const after = (await load(trx, id)) as User;
        await appendAudit(trx, ctx, actor, {
          action: disabled ? 'disable' : 'enable',
          entity: 'user',
          entityId: id,
          before,
          after: { ...after, sessionsEnded: ended },
        });
        return after;
      }),

    /** The agencies a supervisor oversees, by id. */
    supervisedAgencies: (userId: string) => supervised(ctx.db, userId),

    /** Sets the agencies a supervisor oversees. */
    setSupervisedAgencies: (actor: Actor, userId: string, agencyIds: readonly string[]): Promise<string[]> =>
      inTransaction(ctx, async (trx) => {
        const user = (await load(trx, userId)) ?? notFound('用户', userId);
        if (user.role !== 'supervisor')
          throw new StoreError('store.invalid', `用户「${user.username}」不是监督角色，不能设置监督的机关`);
        const before = await supervised(trx, userId);
        await trx.deleteFrom('supervisor_agencies').where('user_id', '=', userId).execute();
        const ids = [...new Set(agencyIds)];
        if (ids.length > 0)
          await trx
            .insertInto('supervisor_agencies')
            .values(ids.map((agency_id) => ({ user_id: userId, agency_id })))
            .execute();
        const after = await supervised(trx, userId);
        await appendAudit(trx, ctx, actor, {
          action: 'supervise',
          entity: 'user',
          entityId: userId,
          before: { agencyIds: before },
          after: { agencyIds: after },
        });
        return after;
      }),
  };
}

export type UserRepository = ReturnType<typeof userRepository>;
