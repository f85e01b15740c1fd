/**
 * The audit log: one row per change, with the record before and after it, written in the same
 * transaction as the change. Append-only: this module has no update or delete, and the database
 * rejects both (a trigger on each backend, see adapter.ts).
 */
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
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
