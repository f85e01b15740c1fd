/** 行政复议 and 行政诉讼 cases (table 四), loaded as the workflow's `Case`. */

import {
  type Case,
  type CaseKind,
  type CaseOutcome,
  caseKinds,
  caseOutcomes,
  type IsoDate,
  isIsoDate,
  yearOf,
} from '../../workflow/index.js';
import { appendAudit, auditCreated } from '../audit.js';
import {
  type Actor,
  bumpVersion,
  definedFields,
  inTransaction,
  notFound,
  type StoreContext,
  type Tx,
} from '../context.js';
import { StoreError } from '../errors.js';
import { nextNumber } from '../numbers.js';
import type { CaseRow } from '../schema.js';

export interface CaseRecord extends Case {
  agencyId: string;
  /** The agency's own number for it (2026-001), unique per agency. */
  number: string;
  applicationId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewCase {
  id?: string;
  agencyId: string;
  /** Defaults to the next of the agency's year of filing: 2026-001, 2026-002, … */
  number?: string;
  kind: CaseKind;
  filedOn: IsoDate;
  /** Both null (or omitted) while pending. */
  decidedOn?: IsoDate | null;
  outcome?: CaseOutcome | null;
  applicationId?: string | null;
}

export type CasePatch = Partial<
  Pick<CaseRecord, 'kind' | 'filedOn' | 'decidedOn' | 'outcome' | 'applicationId'>
>;

type Db = Tx | StoreContext['db'];

const toCase = (row: CaseRow): CaseRecord => ({
  id: row.id,
  agencyId: row.agency_id,
  number: row.number,
  kind: row.kind,
  filedOn: row.filed_on,
  decidedOn: row.decided_on,
  outcome: row.outcome,
  applicationId: row.application_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const load = async (db: Db, id: string): Promise<CaseRecord | undefined> => {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCase(row);
};

const loadLocked = async (ctx: StoreContext, trx: Tx, id: string): Promise<CaseRecord | undefined> => {
  let q = trx.selectFrom('cases').selectAll().where('id', '=', id);
  if (ctx.capabilities.rowLocks) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toCase(row);
};

function check(c: Pick<CasePatch, 'kind' | 'filedOn' | 'decidedOn' | 'outcome'>): void {
  const invalid = (message: string): never => {
    throw new StoreError('store.invalid', message);
  };
  if (c.kind !== undefined && !caseKinds.includes(c.kind)) invalid(`案件类型「${String(c.kind)}」无效`);
  if (c.outcome !== undefined && c.outcome !== null && !caseOutcomes.includes(c.outcome))
    invalid(`案件结果「${String(c.outcome)}」无效`);
  for (const d of [c.filedOn, c.decidedOn])
    if (d !== undefined && d !== null && !isIsoDate(d))
      invalid(`案件日期「${String(d)}」不是有效的 YYYY-MM-DD 日期`);
}

export interface CaseFilter {
  agencyIds: readonly string[];
  /** Only cases filed in this year (the year whose table 四 counts them). */
  year?: number;
}

export function caseRepository(ctx: StoreContext) {
  return {
    get: (id: string) => load(ctx.db, id),

    /** The cases of the given agencies a reference names: its id, or else its number. */
    async find(ref: string, agencyIds: readonly string[]): Promise<CaseRecord[]> {
      if (agencyIds.length === 0) return [];
      const base = ctx.db.selectFrom('cases').selectAll().where('agency_id', 'in', agencyIds);
      const byId = await base.where('id', '=', ref).execute();
      const rows =
        byId.length > 0 ? byId : await base.where('number', '=', ref).orderBy('agency_id').execute();
      return rows.map(toCase);
    },

    /** Cases of the given agencies, by filing day then id. */
    async list(filter: CaseFilter): Promise<CaseRecord[]> {
      if (filter.agencyIds.length === 0) return [];
      let q = ctx.db
        .selectFrom('cases')
        .selectAll()
        .where('agency_id', 'in', filter.agencyIds)
        .orderBy('filed_on')
        .orderBy('id');
      if (filter.year !== undefined)
        q = q.where('filed_on', '>=', `${filter.year}-01-01`).where('filed_on', '<=', `${filter.year}-12-31`);
      return (await q.execute()).map(toCase);
    },

    create: (actor: Actor, input: NewCase): Promise<CaseRecord> =>
      inTransaction(ctx, async (trx) => {
        check(input);
        const id = input.id ?? ctx.newId();
        await bumpVersion(trx, input.agencyId);
        const number =
          input.number ?? (await nextNumber(trx, 'cases', input.agencyId, yearOf(input.filedOn)));
        const at = ctx.now();
        await trx
          .insertInto('cases')
          .values({
            id,
            agency_id: input.agencyId,
            number,
            kind: input.kind,
            filed_on: input.filedOn,
            decided_on: input.decidedOn ?? null,
            outcome: input.outcome ?? null,
            application_id: input.applicationId ?? null,
            created_at: at,
            updated_at: at,
          })
          .execute();
        return auditCreated<CaseRecord>(trx, ctx, actor, 'case', id, load);
      }),

    /** Changes a case; to decide it, set `decidedOn` and `outcome` together. */
    update: (actor: Actor, id: string, patch: CasePatch): Promise<CaseRecord> =>
      inTransaction(ctx, async (trx) => {
        check(patch);
        const before = (await loadLocked(ctx, trx, id)) ?? notFound('案件', id);
        await bumpVersion(trx, before.agencyId);
        const set = definedFields({
          kind: patch.kind,
          filed_on: patch.filedOn,
          decided_on: patch.decidedOn,
          outcome: patch.outcome,
          application_id: patch.applicationId,
        });
        await trx
          .updateTable('cases')
          .set({ ...set, updated_at: ctx.now() })
          .where('id', '=', id)
          .execute();
        const after = (await load(trx, id)) as CaseRecord;
        await appendAudit(trx, ctx, actor, { action: 'update', entity: 'case', entityId: id, before, after });
        return after;
      }),

    remove: (actor: Actor, id: string): Promise<void> =>
      inTransaction(ctx, async (trx) => {
        const before = (await loadLocked(ctx, trx, id)) ?? notFound('案件', id);
        await bumpVersion(trx, before.agencyId);
        await trx.deleteFrom('cases').where('id', '=', id).execute();
        await appendAudit(trx, ctx, actor, {
          action: 'delete',
          entity: 'case',
          entityId: id,
          before,
          after: null,
        });
      }),
  };
}

export type CaseRepository = ReturnType<typeof caseRepository>;
