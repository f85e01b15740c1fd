/**
 * Where a corpus report's publication and signature dates were read (`date_places`, JSON
 * `{"published": {line, column, page?} | null, "signed": … }`), so that a `check.late` finding
 * recomputed after a person corrects the body's kind points at the date like one found at ingest.
 * Reports ingested before have none (`null`): their recomputed findings have no place.
 *
 * Frozen once released, like every migration: untyped handle, no domain imports.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('corpus_reports').addColumn('date_places', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('corpus_reports').dropColumn('date_places').execute();
}
