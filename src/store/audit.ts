/**
 * The audit log: one row per change, with the record before and after it, written in the same
 * transaction as the change. Append-only: this module has no update or delete, and the database
 * rejects both (a trigger on each backend, see adapter.ts).
 */
import { sql } from 'kysely';
import { type Actor, inTransaction, type StoreContext, type Tx } from './context.js';
import { prepared } from './prepared.js';
import type { AuditRow } from './schema.js';

export interface AuditEntry {
  id: number;
  at: string;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string;
  /** The record before the change (null when created). */
  before: unknown;
  /** The record after the change (null when deleted). */
  after: unknown;
}

export interface AuditChange {
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

const toJson = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

/** Appends one audit row inside the caller's transaction. */
export async function appendAudit(
  trx: Tx,
  ctx: StoreContext,
  actor: Actor,
  change: AuditChange,
): Promise<void> {
  await insertAudit(
    trx,
    ctx.now(),
    actor.userId,
    change.action,
    change.entity,
    change.entityId,
    toJson(change.before),
    toJson(change.after),
  );
}

/** The insert of every write, prepared once. */
const insertAudit = prepared(
  (
    h,
    at: string,
    userId: string | null,
    action: string,
    entity: string,
    entityId: string,
    before: string | null,
    after: string | null,
  ) =>
    (h as Tx).insertInto('audit_log').values({
      at,
      user_id: userId,
      action,
      entity,
      entity_id: entityId,
      before,
      after,
    }),
);

/**
 * Loads the record a transaction has just inserted and appends its 'create' audit row (no
 * before, the record after); returns the record.
 */
export async function auditCreated<T>(
  trx: Tx,
  ctx: StoreContext,
  actor: Actor,
  entity: string,
  id: string,
  load: (trx: Tx, id: string) => Promise<T | undefined>,
): Promise<T> {
  const after = (await load(trx, id)) as T;
  await appendAudit(trx, ctx, actor, { action: 'create', entity, entityId: id, before: null, after });
  return after;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  userId: row.user_id,
  action: row.action,
  entity: row.entity,
  entityId: row.entity_id,
  before: row.before === null ? null : JSON.parse(row.before),
  after: row.after === null ? null : JSON.parse(row.after),
});

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  userId?: string;
  /** Only rows with a larger id (to page or follow the log). */
  afterId?: number;
  limit?: number;
}

/** What the audit log viewer asks for: newest first, a page at a time. */
export interface AuditPageQuery {
  /**
   * Only what concerns this agency: what its users did, what was done to its users and to the
   * agency itself, and to any record of it (a record whose `agencyId` is it, before or after, or
   * one kept by agency and year: `agencyId/year`).
   */
  agencyId?: string;
  entity?: string;
  action?: string;
  userId?: string;
  /** ISO timestamps: from (inclusive) and until (exclusive). */
  from?: string;
  until?: string;
  /** Only rows older than this id (the page after the one that ended with it). */
  beforeId?: number;
  limit: number;
}

/** An audit row with the name of the user who acted (null: the system, or a user since deleted). */
export interface AuditPageEntry extends AuditEntry {
  userName: string | null;
}

/** Text for LIKE with its wildcards (and the escape character) escaped. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
/**
 * `"agencyId":"…"` anywhere in a record, as JSON.stringify writes it (SQLite keeps that text) and
 * as PostgreSQL's jsonb prints it (a space after the colon).
 */
const agencyMembers = (agencyId: string): string[] => {
  const value = JSON.stringify(agencyId);
  return [`"agencyId":${value}`, `"agencyId": ${value}`].map((m) => `%${literal(m)}%`);
};

export function auditRepository(ctx: StoreContext) {
  return {
    /** Records an event that changes no record (a failed login, a lockout) in its own transaction. */
    record: (actor: Actor, change: AuditChange): Promise<void> =>
      inTransaction(ctx, (trx) => appendAudit(trx, ctx, actor, change)),

    /** Audit rows in the order they were written. */
    async list(filter: AuditFilter = {}): Promise<AuditEntry[]> {
      let q = ctx.db.selectFrom('audit_log').selectAll().orderBy('id');
      if (filter.entity !== undefined) q = q.where('entity', '=', filter.entity);
      if (filter.entityId !== undefined) q = q.where('entity_id', '=', filter.entityId);
      if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
      if (filter.afterId !== undefined) q = q.where('id', '>', filter.afterId);
      if (filter.limit !== undefined) q = q.limit(filter.limit);
      return (await q.execute()).map(toEntry);
    },

    /** A page of the log, newest first; `next` is the id to go on from, or null at the end. */
    async page(query: AuditPageQuery): Promise<{ entries: AuditPageEntry[]; next: number | null }> {
      let q = ctx.db
        .selectFrom('audit_log as a')
        .leftJoin('users as u', 'u.id', 'a.user_id')
        .selectAll('a')
        .select(['u.display_name as user_name'])
        .orderBy('a.id', 'desc')
        .limit(query.limit + 1);
      const { agencyId } = query;
      if (agencyId !== undefined) {
        const members = agencyMembers(agencyId);
        q = q.where((eb) =>
          eb.or([
            eb('u.agency_id', '=', agencyId),
            eb.and([
              eb('a.entity', '=', 'user'),
              eb(
                'a.entity_id',
                'in',
                eb.selectFrom('users').select('users.id').where('users.agency_id', '=', agencyId),
              ),
            ]),
            eb.and([eb('a.entity', '=', 'agency'), eb('a.entity_id', '=', agencyId)]),
            sql<boolean>`a.entity_id like ${`${literal(agencyId)}/%`} escape '\\'`,
            ...members.flatMap((member) => [
              sql<boolean>`cast(a.after as text) like ${member} escape '\\'`,
              sql<boolean>`cast(a.before as text) like ${member} escape '\\'`,
            ]),
          ]),
        );
      }
      if (query.entity !== undefined) q = q.where('a.entity', '=', query.entity);
      if (query.action !== undefined) q = q.where('a.action', '=', query.action);
      if (query.userId !== undefined) q = q.where('a.user_id', '=', query.userId);
      if (query.from !== undefined) q = q.where('a.at', '>=', query.from);
      if (query.until !== undefined) q = q.where('a.at', '<', query.until);
      if (query.beforeId !== undefined) q = q.where('a.id', '<', query.beforeId);
      const rows = await q.execute();
      const more = rows.length > query.limit;
      const entries = rows
        .slice(0, query.limit)
        .map((row) => ({ ...toEntry(row), userName: row.user_name ?? null }));
      return { entries, next: more ? (entries.at(-1)?.id ?? null) : null };
    },
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
