/**
 * The office's own text of the parts of its annual report (一 … 六), kept per agency, year and part
 * so that a clerk's draft written on the 年度报告 page survives a reload and reaches every compile.
 * A part absent here keeps the text drafted from the records.
 *
 * Frozen once released, like every migration: untyped handle, no domain imports.
 */
import type { Kysely } from 'kysely';
import { capabilitiesOf } from '../adapter.js';

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function up(db: Kysely<any>): Promise<void> {
  const { ddl } = capabilitiesOf(db);
  await db.schema
    .createTable('report_prose')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', ddl.timestamp, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('report_prose_pk', ['agency_id', 'year', 'part'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_prose').execute();
}
