/**
 * The office's own text of parts of its annual report (一 … 六) for a year, keyed by part number
 * (「1」 to 「6」): a clerk's draft, kept so that it survives a reload and goes into every compile.
 * Kept as one set per agency and year, like table 二: the audit row holds the set before and after.
 */
import { appendAudit } from '../audit.js';
import { type Actor, bumpVersion, inTransaction, type StoreContext, type Tx } from '../context.js';
import { StoreError } from '../errors.js';

/** Text by part number as a string key (「1」 … 「6」). */
export type PartTexts = Record<string, string>;

type Db = Tx | StoreContext['db'];

const load = async (db: Db, agencyId: string, year: number): Promise<PartTexts> => {
  const rows = await db
    .selectFrom('report_prose')
    .select(['part', 'text'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .orderBy('part')
    .execute();
  return Object.fromEntries(rows.map((r) => [String(r.part), r.text]));
};

function partNumber(key: string): number {
  const part = Number(key);
  if (!/^[1-9]$/.test(key)) throw new StoreError('store.invalid', `部分序号「${key}」无效`);
  return part;
}

export function reportProseRepository(ctx: StoreContext) {
  return {
    /** The parts the office has written for the year (parts not written are absent). */
    get: (agencyId: string, year: number) => load(ctx.db, agencyId, year),

    /**
     * Sets parts: a text stores it, `null` removes it (the drafted text comes back); parts not
     * mentioned are left as they are. Returns every part written after the change.
     */
    set: (actor: Actor, agencyId: string, year: number, parts: Record<string, string | null>) =>
      inTransaction(ctx, async (trx) => {
        if (!Number.isInteger(year)) throw new StoreError('store.invalid', `年度「${String(year)}」无效`);
        const numbered = Object.entries(parts).map(([key, text]) => [partNumber(key), text] as const);
        await bumpVersion(trx, agencyId);
        const before = await load(trx, agencyId, year);
        const now = ctx.now();
        for (const [part, text] of numbered) {
          if (text === null) {
            await trx
              .deleteFrom('report_prose')
              .where('agency_id', '=', agencyId)
              .where('year', '=', year)
              .where('part', '=', part)
              .execute();
            continue;
          }
          const change = { text, updated_at: now, updated_by: actor.userId };
          await trx
            .insertInto('report_prose')
            .values({ agency_id: agencyId, year, part, ...change })
            .onConflict((oc) => oc.columns(['agency_id', 'year', 'part']).doUpdateSet(change))
            .execute();
        }
        const after = await load(trx, agencyId, year);
        await appendAudit(trx, ctx, actor, {
          action: 'set',
          entity: 'report_prose',
          entityId: `${agencyId}/${year}`,
          before,
          after,
        });
        return after;
      }),
  };
}
