/**
 * The figures of table 二 (主动公开) an agency gives for a year, by codebook key of the year's format.
 * They are kept as one set per agency and year: the audit row holds the whole set before and after.
 */

import type { Cells } from '../../core/report.js';
import { cellsOf, formatForYear } from '../../spec/registry.js';
import { appendAudit } from '../audit.js';
import { type Actor, bumpVersion, inTransaction, type StoreContext, type Tx } from '../context.js';
import { StoreError } from '../errors.js';

type Db = Tx | StoreContext['db'];

const load = async (db: Db, agencyId: string, year: number): Promise<Cells> => {
  const rows = await db
    .selectFrom('proactive_figures')
    .select(['cell_key', 'value'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .orderBy('cell_key')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.cell_key, r.value]));
};

/** The table 二 keys of the format that applies to `year`. */
export function proactiveKeys(year: number): string[] {
  const spec = formatForYear(year);
  if (!spec) throw new StoreError('store.invalid', `${year} 年没有适用的年度报告格式`);
  return [...cellsOf(spec)].filter(([, at]) => at.table.id === 'proactive').map(([key]) => key);
}

function check(year: number, cells: Cells): void {
  if (!Number.isInteger(year)) throw new StoreError('store.invalid', `年度「${String(year)}」无效`);
  const keys = new Set(proactiveKeys(year));
  for (const [key, value] of Object.entries(cells)) {
    if (!keys.has(key))
      throw new StoreError('store.invalid', `「${key}」不是 ${year} 年度报告格式表二的单元格`);
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value)))
      throw new StoreError('store.invalid', `表二「${key}」应为数字，实际为「${String(value)}」`);
  }
}

export function proactiveRepository(ctx: StoreContext) {
  return {
    /** The figures given for the year (keys not given are absent). */
    get: (agencyId: string, year: number) => load(ctx.db, agencyId, year),

    /**
     * Sets figures: a number stores it, `null` removes it; keys not mentioned are left as they are.
     * Returns the whole set after the change.
     */
    set: (actor: Actor, agencyId: string, year: number, cells: Cells): Promise<Cells> =>
      inTransaction(ctx, async (trx) => {
        check(year, cells);
        await bumpVersion(trx, agencyId);
        const before = await load(trx, agencyId, year);
        for (const [key, value] of Object.entries(cells)) {
          const at = trx
            .deleteFrom('proactive_figures')
            .where('agency_id', '=', agencyId)
            .where('year', '=', year)
            .where('cell_key', '=', key);
          if (value === null) await at.execute();
          else
            await trx
              .insertInto('proactive_figures')
              .values({ agency_id: agencyId, year, cell_key: key, value })
              .onConflict((oc) => oc.columns(['agency_id', 'year', 'cell_key']).doUpdateSet({ value }))
              .execute();
        }
        const after = await load(trx, agencyId, year);
        await appendAudit(trx, ctx, actor, {
          action: 'set',
          entity: 'proactive_figures',
          entityId: `${agencyId}/${year}`,
          before,
          after,
        });
        return after;
      }),
  };
}

export type ProactiveRepository = ReturnType<typeof proactiveRepository>;
