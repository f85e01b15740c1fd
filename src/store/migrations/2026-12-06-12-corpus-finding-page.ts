/**
 * The page of a stored finding (`page`): a PDF report's findings name the page they are on, and the
 * corpus kept only their line and column, so a letter or a list could not say 「第 3 页」. Reports
 * stored before have none (`null`) until `gongkai corpus reread` reads them again.
 *
 * Frozen once released, like every migration: untyped handle, no domain imports.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('corpus_findings').addColumn('page', 'integer').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('corpus_findings').dropColumn('page').execute();
}
