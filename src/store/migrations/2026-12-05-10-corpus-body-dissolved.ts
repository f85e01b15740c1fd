/**
 * A corpus body's 撤销年份 (`dissolved_in`): from that year on the body publishes no annual report,
 * because it no longer exists (机构改革 abolished it). A person sets it; without it an abolished body
 * would be listed as overdue every year from then on. Bodies before have none (`null`): not dissolved.
 *
 * Frozen once released, like every migration: untyped handle, no domain imports.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('corpus_bodies').addColumn('dissolved_in', 'integer').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('corpus_bodies').dropColumn('dissolved_in').execute();
}
