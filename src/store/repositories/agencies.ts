/** Agencies (行政机关): the owners of the records. */
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
import type { AgencyRow } from '../schema.js';

export interface Agency {
  id: string;
  name: string;
  region: string | null;
  code: string | null;
  createdAt: string;
}

export interface NewAgency {
  id?: string;
  name: string;
  region?: string | null;
  code?: string | null;
}

export type AgencyPatch = Partial<Pick<Agency, 'name' | 'region' | 'code'>>;

const toAgency = (row: AgencyRow): Agency => ({
  id: row.id,
  name: row.name,
  region: row.region,
  code: row.code,
  createdAt: row.created_at,
});

const load = async (db: Tx | StoreContext['db'], id: string): Promise<Agency | undefined> => {
  const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAgency(row);
};

export function agencyRepository(ctx: StoreContext) {
  return {
    get: (id: string) => load(ctx.db, id),

    /** Agencies by id (all of them when `ids` is omitted), by name. */
    async list(ids?: readonly string[]): Promise<Agency[]> {
      if (ids?.length === 0) return [];
      let q = ctx.db.selectFrom('agencies').selectAll().orderBy('name').orderBy('id');
      if (ids) q = q.where('id', 'in', ids);
      return (await q.execute()).map(toAgency);
    },

    create: (actor: Actor, input: NewAgency): Promise<Agency> =>
      inTransaction(ctx, async (trx) => {
        const id = input.id ?? ctx.newId();
        await trx
          .insertInto('agencies')
          .values({
            id,
            name: input.name,
            region: input.region ?? null,
            code: input.code ?? null,
            created_at: ctx.now(),
          })
          .execute();
        return auditCreated<Agency>(trx, ctx, actor, 'agency', id, load);
      }),

    update: (actor: Actor, id: string, patch: AgencyPatch): Promise<Agency> =>
      inTransaction(ctx, async (trx) => {
        const before = (await load(trx, id)) ?? notFound('机关', id);
        await bumpVersion(trx, id);
        const set = definedFields({ name: patch.name, region: patch.region, code: patch.code });
        if (Object.keys(set).length > 0)
          await trx.updateTable('agencies').set(set).where('id', '=', id).execute();
        const after = (await load(trx, id)) as Agency;
        await appendAudit(trx, ctx, actor, {
          action: 'update',
          entity: 'agency',
          entityId: id,
          before,
          after,
        });
        return after;
      }),
  };
}

export type AgencyRepository = ReturnType<typeof agencyRepository>;
