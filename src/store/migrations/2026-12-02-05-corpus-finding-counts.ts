/**
 * Faster corpus statistics on 200,000 reports (issue #9: each query under 1 s).
 *
 * `corpus_finding_counts`: each report's findings counted by code and severity, with copies of what
 * the statistics filter and group on (the report's body, year, format, lateness, errors and whether
 * it is the newest version), so counting findings by region, body or year is one scan of one narrow
 * table instead of joining every finding to its report. Ingest writes a report's counts after its
 * findings; merges and new versions keep the copies in step (src/corpus/measures.ts). Existing
 * reports are counted here, from their findings and measures; a report not yet measured is counted
 * when it is (src/corpus/measures.ts, `ensureMeasures`).
 *
 * Indexes in the order the statistics read (SQLite groups by sorting, unless an index gives the
 * order): the counts by newest version then body, year or code, each covering; the measures by
 * newest version then body with every column the statistics sum (covering, so grouping by body
 * reads the index in order and never sorts or visits the table), and by newest version then year.
 * A migration adding a measure column must rebuild `corpus_measures_stats_idx` with it.
 *
 * Frozen: a released migration is never edited.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { capabilitiesOf } from '../adapter.js';

/** The columns of corpus_measures the statistics read, after `latest` and `body_id` (copied on purpose). */
const measureColumns = [
  'year',
  'format',
  'late',
  'dated',
  'errors',
  'warnings',
  'applications_new',
  'applications_carried_in',
  'applications_answered',
  'applications_carried_over',
  'outcome_open',
  'outcome_partial',
  'outcome_deny',
  'outcome_none',
  'outcome_reject',
  'outcome_other',
  'review_total',
  'review_corrected',
  'litigation_total',
  'litigation_corrected',
  'fees_administrative',
  'fees_unpaid',
  'fees_disclosure',
];

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function up(db: Kysely<any>): Promise<void> {
  const { ddl } = capabilitiesOf(db);
  await db.schema
    .createTable('corpus_finding_counts')
    .addColumn('report_id', ddl.serial, (c) =>
      c.notNull().references('corpus_reports.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.references('corpus_bodies.id'))
    .addColumn('year', 'integer')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('errors', 'integer', (c) => c.notNull())
    .addColumn('latest', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('corpus_finding_counts_pk', ['report_id', 'code', 'severity'])
    .execute();
  await sql`insert into corpus_finding_counts
      (report_id, code, severity, n, body_id, year, format, late, errors, latest)
    select f.report_id, f.code, f.severity, count(*), m.body_id, m.year, m.format, m.late, m.errors, m.latest
    from corpus_findings f join corpus_measures m on m.report_id = f.report_id
    group by f.report_id, f.code, f.severity, m.body_id, m.year, m.format, m.late, m.errors, m.latest`.execute(
    db,
  );
  for (const [name, columns] of [
    ['corpus_finding_counts_body_idx', ['latest', 'body_id', 'code', 'severity', 'n']],
    ['corpus_finding_counts_year_idx', ['latest', 'year', 'code', 'severity', 'n']],
    ['corpus_finding_counts_code_idx', ['latest', 'code', 'severity', 'n']],
    ['corpus_measures_stats_idx', ['latest', 'body_id', ...measureColumns]],
    ['corpus_measures_year_idx', ['latest', 'year']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on(name.startsWith('corpus_measures') ? 'corpus_measures' : 'corpus_finding_counts')
      .columns([...columns])
      .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('corpus_measures_year_idx').execute();
  await db.schema.dropIndex('corpus_measures_stats_idx').execute();
  await db.schema.dropTable('corpus_finding_counts').execute();
}
