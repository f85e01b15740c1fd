/**
 * Holiday arrangements entered by users, one a year (see the migration 2026-12-05-09): what the
 * built-in table lacks, or a later notice that replaces a built-in year. Each change raises the
 * data version under `holidayVersionKey`, so that a process that built a calendar from these rows
 * knows when to build it again, and is written to the audit log with the arrangement before and after.
 */
import {
  type ArrangementProblem,
  arrangementProblems,
  type YearArrangement,
} from '../../workflow/calendar/index.js';
import { appendAudit } from '../audit.js';
import { type Actor, bumpVersion, inTransaction, type StoreContext, type Tx } from '../context.js';
import { StoreError } from '../errors.js';

/**
 * The data version raised by every change to the entered arrangements. Agency ids can't start
 * with 「#」, so the key is never an agency's.
 */
export const holidayVersionKey = '#holidays';

export interface EnteredArrangement {
  arrangement: YearArrangement;
  updatedAt: string;
  /** The user who entered it; null for the system. */
  updatedBy: string | null;
}

type Db = Tx | StoreContext['db'];

const load = async (db: Db, year?: number): Promise<EnteredArrangement[]> => {
  let q = db.selectFrom('holiday_arrangements').selectAll().orderBy('year');
  if (year !== undefined) q = q.where('year', '=', year);
  const rows = await q.execute();
  return rows.map((r) => ({
    arrangement: JSON.parse(r.arrangement) as YearArrangement,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
};

/** Thrown for an arrangement that can't be taken: every problem, each with where it is. */
export class ArrangementError extends StoreError {
  constructor(readonly problems: readonly ArrangementProblem[]) {
    super('store.invalid', `节假日安排有误：${problems.map((p) => p.message).join('；')}`);
  }
}

/** Only the fields of the table's shape, in its order (nothing else a caller sent is stored). */
const canonical = (a: YearArrangement): YearArrangement => ({
  year: a.year,
  notice: { title: a.notice.title, number: a.notice.number, date: a.notice.date },
  amendments: a.amendments.map((n) => ({ title: n.title, number: n.number, date: n.date, change: n.change })),
  festivals: a.festivals.map((f) => ({ name: f.name.trim(), off: [f.off[0], f.off[1]], work: [...f.work] })),
});

export function holidayRepository(ctx: StoreContext) {
  return {
    /** Every entered arrangement, by year. */
    list: () => load(ctx.db),

    /** Enters a year's arrangement, or replaces the one entered; refuses one with problems. */
    put: (actor: Actor, arrangement: YearArrangement): Promise<EnteredArrangement> =>
      inTransaction(ctx, async (trx) => {
        const problems = arrangementProblems(arrangement);
        if (problems.length > 0) throw new ArrangementError(problems);
        const a = canonical(arrangement);
        await bumpVersion(trx, holidayVersionKey);
        const [before] = await load(trx, a.year);
        const change = { arrangement: JSON.stringify(a), updated_at: ctx.now(), updated_by: actor.userId };
        await trx
          .insertInto('holiday_arrangements')
          .values({ year: a.year, ...change })
          .onConflict((oc) => oc.column('year').doUpdateSet(change))
          .execute();
        const [after] = await load(trx, a.year);
        await appendAudit(trx, ctx, actor, {
          action: before ? 'update' : 'create',
          entity: 'holiday_arrangement',
          entityId: String(a.year),
          before: before?.arrangement ?? null,
          after: after?.arrangement ?? null,
        });
        return after as EnteredArrangement;
      }),

    /** Removes a year's entered arrangement (the built-in one, if any, applies again). */
    remove: (actor: Actor, year: number): Promise<void> =>
      inTransaction(ctx, async (trx) => {
        const [before] = await load(trx, year);
        if (!before) throw new StoreError('store.not-found', `没有录入 ${year} 年的节假日安排`);
        await bumpVersion(trx, holidayVersionKey);
        await trx.deleteFrom('holiday_arrangements').where('year', '=', year).execute();
        await appendAudit(trx, ctx, actor, {
          action: 'delete',
          entity: 'holiday_arrangement',
          entityId: String(year),
          before: before.arrangement,
          after: null,
        });
      }),
  };
}
