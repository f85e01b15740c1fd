/**
 * Login sessions, by the hash of their token (the API layer makes the token and hashes it). The audit
 * log names a session by the first characters of its hash only.
 */
import { appendAudit } from '../audit.js';
import { type Actor, inTransaction, type StoreContext } from '../context.js';
import { prepared } from '../prepared.js';
import type { SessionRow } from '../schema.js';
import type { User } from './users.js';

export interface Session {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

const toSession = (row: SessionRow): Session => ({
  tokenHash: row.token_hash,
  userId: row.user_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

/** How a session appears in the audit log. */
const audited = (s: Session) => ({
  session: s.tokenHash.slice(0, 12),
  userId: s.userId,
  expiresAt: s.expiresAt,
});

export function sessionRepository(ctx: StoreContext) {
  /**
   * A session that has not expired by `at`, with its user if not disabled: asked on every request,
   * so prepared (for this store's database).
   */
  const findSession = prepared((db, tokenHash: string, at: string) =>
    (db as StoreContext['db'])
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('sessions')
      .select([
        'users.username',
        'users.display_name',
        'users.role',
        'users.agency_id',
        'users.created_at as user_created_at',
        'users.disabled_at',
      ])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', at)
      .where('users.disabled_at', 'is', null),
  );
  return {
    create: (
      actor: Actor,
      input: { tokenHash: string; userId: string; expiresAt: string },
    ): Promise<Session> =>
      inTransaction(ctx, async (trx) => {
        const row = {
          token_hash: input.tokenHash,
          user_id: input.userId,
          created_at: ctx.now(),
          expires_at: input.expiresAt,
        };
        await trx.insertInto('sessions').values(row).execute();
        const session = toSession(row);
        await appendAudit(trx, ctx, actor, {
          action: 'login',
          entity: 'user',
          entityId: input.userId,
          before: null,
          after: audited(session),
        });
        return session;
      }),

    /** The session and its user, if the session exists and has not expired by `at` (default: now). */
    async find(
      tokenHash: string,
      at: string = ctx.now(),
    ): Promise<{ session: Session; user: User } | undefined> {
      const [row] = await findSession(ctx.db, tokenHash, at);
      if (!row) return undefined;
      const user: User = {
        id: row.user_id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        agencyId: row.agency_id,
        createdAt: row.user_created_at,
        disabledAt: row.disabled_at,
      };
      return { session: toSession(row), user };
    },

    /** Ends a session (logout). Returns whether there was one. */
    remove: (actor: Actor, tokenHash: string): Promise<boolean> =>
      inTransaction(ctx, async (trx) => {
        const row = await trx
          .selectFrom('sessions')
          .selectAll()
          .where('token_hash', '=', tokenHash)
          .executeTakeFirst();
        if (!row) return false;
        await trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
        await appendAudit(trx, ctx, actor, {
          action: 'logout',
          entity: 'user',
          entityId: row.user_id,
          before: audited(toSession(row)),
          after: null,
        });
        return true;
      }),

    /** Removes the sessions expired by `at` (default: now); returns how many. */
    removeExpired: (actor: Actor, at: string = ctx.now()): Promise<number> =>
      inTransaction(ctx, async (trx) => {
        const rows = await trx
          .selectFrom('sessions')
          .selectAll()
          .where('expires_at', '<=', at)
          .orderBy('token_hash')
          .execute();
        if (rows.length === 0) return 0;
        await trx.deleteFrom('sessions').where('expires_at', '<=', at).execute();
        for (const row of rows)
          await appendAudit(trx, ctx, actor, {
            action: 'expire',
            entity: 'user',
            entityId: row.user_id,
            before: audited(toSession(row)),
            after: null,
          });
        return rows.length;
      }),
  };
}

export type SessionRepository = ReturnType<typeof sessionRepository>;
