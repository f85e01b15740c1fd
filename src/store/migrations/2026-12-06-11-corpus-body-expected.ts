/**
 * The year from which a corpus body owes its annual report by a list of the bodies that must publish
 * (应发布名录, `expected_from`): 发布情况 otherwise expects a body only from the first year the corpus
 * holds a report of it, so a body that never published anything could never be overdue. A person sets
 * it (one body, or a list imported); bodies before have none (`null`).
 *
 * Frozen once released, like every migration: untyped handle, no domain imports.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('corpus_bodies').addColumn('expected_from', 'integer').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('corpus_bodies').dropColumn('expected_from').execute();
}
