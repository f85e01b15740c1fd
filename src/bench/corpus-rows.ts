/** Synthetic corpus rows for measuring the statistics (src/bench/corpus.ts). */
import type { Insertable } from 'kysely';
import { statsMeasures } from '../corpus/measures.js';
import type { Store } from '../store/index.js';
import type { CorpusReportTable } from '../store/schema.js';

/**
 * Report rows with their measures and one finding each (and its count by code), written straight to
 * the tables (no parsing, no cells: the statistics read only measures and finding counts). Seven
 * years of reports of n / 7 bodies, as a real corpus has them: one report per body and year, and
 * one row in 50 a second version of the report before it, so nearly every row is a newest version
 * the statistics count.
 */
export async function fillStatsRows(store: Store, n: number): Promise<void> {
  const bodies = Math.max(1, Math.ceil((n * 0.98) / 7));
  /** Row i: a second version of row i − 1 when i % 50 === 49; else the next body and year. */
  const slot = (i: number) => i - Math.floor((i + 1) / 50);
  const now = new Date().toISOString();
  await store.db.transaction().execute(async (trx) => {
    for (let b = 0; b < bodies; b += 500)
      await trx
        .insertInto('corpus_bodies')
        .values(
          Array.from({ length: Math.min(500, bodies - b) }, (_, k) => {
            const i = b + k;
            return {
              id: `b${i}`,
              name: `测试${i}局`,
              match_key: `测试${i}局`,
              province: null,
              city: `市${i % 13}`,
              county: `县${i % 97}`,
              region: `市${i % 13}县${i % 97}`,
              kind: i % 5 === 0 ? ('government' as const) : ('department' as const),
              merged_into: null,
              created_at: now,
            };
          }),
        )
        .execute();
  });
  const batch = 1000;
  for (let start = 0; start < n; start += batch) {
    await store.db.transaction().execute(async (trx) => {
      const values: Insertable<CorpusReportTable>[] = [];
      for (let i = start; i < Math.min(n, start + batch); i++) {
        const body = slot(i) % bodies;
        const year = 2019 + (Math.floor(slot(i) / bodies) % 7);
        values.push({
          sha256: `h${i}`,
          body_id: `b${body}`,
          agency_name: `测试${body}局`,
          year,
          version: i % 50 === 49 ? 2 : 1,
          format: (year < 2021 ? '2019' : '2021') as '2019' | '2021',
          source_type: 'text',
          file: `f${i}.txt`,
          size: 1000,
          published_on: `${year + 1}-01-20`,
          signed_on: null,
          deadline: `${year + 1}-01-31`,
          late: i % 9 === 0 ? 1 : 0,
          errors: i % 7 === 0 ? 1 : 0,
          warnings: i % 3,
          infos: 0,
          sections: '[]',
          text: '',
          source: null,
          ingested_at: now,
        });
      }
      const ids = (await trx.insertInto('corpus_reports').values(values).returning('id').execute()).map((r) =>
        Number(r.id),
      );
      const measures = ids.map((id, k) => {
        const r = values[k] as Insertable<CorpusReportTable>;
        const i = start + k;
        return {
          report_id: id,
          body_id: r.body_id ?? null,
          year: r.year ?? null,
          format: r.format,
          late: r.late,
          dated: 1,
          errors: r.errors,
          warnings: r.warnings,
          // The newest version of its body and year unless the next row is its second version.
          latest: (i + 1) % 50 === 49 && i + 1 < n ? 0 : 1,
          ...Object.fromEntries(statsMeasures.map((m, c) => [m.column, (id * 31 + c) % 17])),
        };
      });
      for (let c = 0; c < measures.length; c += 500)
        await trx
          .insertInto('corpus_measures')
          .values(measures.slice(c, c + 500))
          .execute();
      const findings = ids.map((id) => ({
        report_id: id,
        ordinal: 0,
        code: id % 2 ? 'check.late' : 'check.balance',
        severity: 'warning' as const,
        message: '',
        line: null,
        col: null,
        keys: '[]',
        actual: null,
        expected: null,
        note: null,
      }));
      for (let c = 0; c < findings.length; c += 500)
        await trx
          .insertInto('corpus_findings')
          .values(findings.slice(c, c + 500))
          .execute();
      // Counted by code, with the copies of the measures' columns, as ingest counts them.
      const counts = findings.map((f, k) => {
        const m = measures[k] as (typeof measures)[number];
        return {
          report_id: f.report_id,
          code: f.code,
          severity: f.severity,
          n: 1,
          body_id: m.body_id,
          year: m.year,
          format: m.format,
          late: m.late,
          errors: m.errors,
          latest: m.latest,
        };
      });
      for (let c = 0; c < counts.length; c += 500)
        await trx
          .insertInto('corpus_finding_counts')
          .values(counts.slice(c, c + 500))
          .execute();
    });
  }
}
