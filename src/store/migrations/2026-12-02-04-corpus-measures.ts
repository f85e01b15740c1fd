/**
 * The corpus's per-report measures: one narrow row per report with what the statistics group, filter
 * and sum — the report's body, year, format, lateness, finding counts, whether it is the newest
 * version of its body and year, and the figures (the crosswalk's measures, and the 信息处理费 a
 * report's prose states) — written at ingest, so `gongkai corpus stats` scans one small table with
 * SQL instead of pivoting every cell or reading the wide report rows. Findings get an index that
 * covers the count by code from the selected reports.
 * Reports stored before this migration get their row lazily, the first time statistics are asked
 * for (src/corpus/measures.ts), because the figures come from application code (the crosswalk and
 * the prose reader) that a migration must not import.
 *
 * Frozen: a released migration is never edited; a new measure is a new column in a new migration.
 */
import type { Kysely } from 'kysely';
import { capabilitiesOf } from '../adapter.js';

/** Copied here on purpose (a migration imports no domain code). */
const columns = [
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
  let table = db.schema
    .createTable('corpus_measures')
    .addColumn('report_id', ddl.serial, (c) =>
      c.primaryKey().references('corpus_reports.id').onDelete('cascade'),
    );
  table = table
    .addColumn('body_id', 'text', (c) => c.references('corpus_bodies.id'))
    .addColumn('year', 'integer')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('dated', 'integer', (c) => c.notNull())
    .addColumn('errors', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'integer', (c) => c.notNull())
    .addColumn('latest', 'integer', (c) => c.notNull());
  for (const column of columns) table = table.addColumn(column, ddl.real);
  await table.execute();
  await db.schema
    .createIndex('corpus_measures_body_year_idx')
    .on('corpus_measures')
    .columns(['body_id', 'year'])
    .execute();
  // Counting findings by code goes through the selected reports: this index covers it, and
  // replaces the index on code alone (which led SQLite to read every finding's row instead).
  await db.schema
    .createIndex('corpus_findings_report_code_idx')
    .on('corpus_findings')
    .columns(['report_id', 'code', 'severity'])
    .execute();
  await db.schema.dropIndex('corpus_findings_code_idx').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('corpus_findings_code_idx').on('corpus_findings').column('code').execute();
  await db.schema.dropIndex('corpus_findings_report_code_idx').execute();
  await db.schema.dropTable('corpus_measures').execute();
}
