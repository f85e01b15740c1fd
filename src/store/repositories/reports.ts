/**
 * Reports kept for an agency and year: compiled from the records (`compileReport`) or read from a
 * published report. Every save is a new version; nothing is overwritten.
 */

import type { Report } from '../../core/report.js';
import { isFormatId } from '../../spec/registry.js';
import { auditCreated } from '../audit.js';
import { type Actor, bumpVersion, inTransaction, type StoreContext, type Tx } from '../context.js';
import { StoreError } from '../errors.js';
import { type ReportOrigin, type ReportRow, reportOrigins } from '../schema.js';

export interface StoredReport {
  id: string;
  agencyId: string;
  year: number;
  origin: ReportOrigin;
  compiledAt: string;
  report: Report;
}

export interface NewStoredReport {
  id?: string;
  agencyId: string;
  origin: ReportOrigin;
  /** Its `year` must be set. */
  report: Report;
}

type Db = Tx | StoreContext['db'];

const toStored = (row: ReportRow): StoredReport => ({
  id: row.id,
  agencyId: row.agency_id,
  year: row.year,
  origin: row.origin,
  compiledAt: row.compiled_at,
  report: {
    format: row.format,
    agency: row.agency_name,
    year: row.year,
    publishedOn: row.published_on,
    signedOn: row.signed_on,
    cells: JSON.parse(row.cells),
    sections: JSON.parse(row.sections),
  },
});

const load = async (db: Db, id: string): Promise<StoredReport | undefined> => {
  const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toStored(row);
};

export interface ReportFilter {
  agencyIds: readonly string[];
  year?: number;
  origin?: ReportOrigin;
}

export function reportRepository(ctx: StoreContext) {
  return {
    get: (id: string) => load(ctx.db, id),

    /** Reports of the given agencies, newest first. */
    async list(filter: ReportFilter): Promise<StoredReport[]> {
      if (filter.agencyIds.length === 0) return [];
      let q = ctx.db
        .selectFrom('reports')
        .selectAll()
        .where('agency_id', 'in', filter.agencyIds)
        .orderBy('compiled_at', 'desc')
        .orderBy('id', 'desc');
      if (filter.year !== undefined) q = q.where('year', '=', filter.year);
      if (filter.origin !== undefined) q = q.where('origin', '=', filter.origin);
      return (await q.execute()).map(toStored);
    },

    /** The latest report of an agency for a year (of one origin, when given). */
    async latest(agencyId: string, year: number, origin?: ReportOrigin): Promise<StoredReport | undefined> {
      let q = ctx.db
        .selectFrom('reports')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('year', '=', year)
        .orderBy('compiled_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1);
      if (origin !== undefined) q = q.where('origin', '=', origin);
      const row = await q.executeTakeFirst();
      return row && toStored(row);
    },

    save: (actor: Actor, input: NewStoredReport): Promise<StoredReport> =>
      inTransaction(ctx, async (trx) => {
        const { report } = input;
        if (report.year === null || !Number.isInteger(report.year))
          throw new StoreError('store.invalid', '报告没有年度，无法保存');
        if (!isFormatId(report.format))
          throw new StoreError('store.invalid', `报告格式「${String(report.format)}」无效`);
        if (!reportOrigins.includes(input.origin))
          throw new StoreError('store.invalid', `报告来源「${String(input.origin)}」无效`);
        const id = input.id ?? ctx.newId();
        await bumpVersion(trx, input.agencyId);
        await trx
          .insertInto('reports')
          .values({
            id,
            agency_id: input.agencyId,
            year: report.year,
            format: report.format,
            origin: input.origin,
            agency_name: report.agency,
            published_on: report.publishedOn,
            signed_on: report.signedOn,
            cells: JSON.stringify(report.cells),
            sections: JSON.stringify(report.sections),
            compiled_at: ctx.now(),
          })
          .execute();
        return auditCreated<StoredReport>(trx, ctx, actor, 'report', id, load);
      }),
  };
}

export type ReportRepository = ReturnType<typeof reportRepository>;
