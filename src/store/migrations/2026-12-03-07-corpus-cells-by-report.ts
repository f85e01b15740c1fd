/**
 * Drops `corpus_cells_key_idx` (cells by key, then report). Every query reads a report's cells by
 * report id (its primary key serves them); the statistics read `corpus_measures` instead of pivoting
 * cells by key. The index cost ingest most of its database time: each report adds one entry under each
 * of its ~250 keys, in ~250 places scattered over the index, so every report touched ~250 of its pages
 * and every commit wrote them to the WAL again.
 *
 * Frozen once released, like every migration: untyped handle, no domain imports.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('corpus_cells_key_idx').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('corpus_cells_key_idx')
    .on('corpus_cells')
    .columns(['key', 'report_id'])
    .execute();
}
