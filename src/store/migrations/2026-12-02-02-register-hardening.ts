/**
 * The register, hardened (issue 11):
 *
 * - users: `disabled_at` (an account can be disabled; its sessions end at once), and usernames unique
 *   regardless of case (a unique index on `lower(username)`);
 * - applications and cases: a per-agency human `number` (2026-001), unique per agency, so that ids
 *   given by clients are scoped to their agency and the primary key can always be generated (a record
 *   of another agency never shows through a conflict); existing rows keep their id as their number;
 * - `data_versions`: one counter per agency, raised by every write to its records, so that any process
 *   can tell whether a view it cached is still current;
 * - the audit log also refuses `INSERT OR REPLACE` over an existing row on SQLite (REPLACE deletes the
 *   old row without firing the delete trigger unless recursive triggers are on).
 *
 * Frozen once released, like every migration: untyped handle, no domain imports.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { capabilitiesOf } from '../adapter.js';

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function up(db: Kysely<any>): Promise<void> {
  const { ddl } = capabilitiesOf(db);
  await db.schema.alterTable('users').addColumn('disabled_at', ddl.timestamp).execute();
  await sql`create unique index users_username_ci on users (lower(username))`.execute(db);

  for (const table of ['applications', 'cases']) {
    await db.schema.alterTable(table).addColumn('number', 'text').execute();
    await sql`update ${sql.table(table)} set number = id`.execute(db);
    await db.schema
      .createIndex(`${table}_agency_number`)
      .on(table)
      .columns(['agency_id', 'number'])
      .unique()
      .execute();
  }

  await db.schema
    .createTable('data_versions')
    .addColumn('agency_id', 'text', (c) => c.primaryKey())
    .addColumn('version', ddl.serial === 'bigint' ? 'bigint' : 'integer', (c) => c.notNull())
    .execute();

  for (const statement of ddl.appendOnlyInsert('audit_log').up) await statement.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function down(db: Kysely<any>): Promise<void> {
  const { ddl } = capabilitiesOf(db);
  for (const statement of ddl.appendOnlyInsert('audit_log').down) await statement.execute(db);
  await db.schema.dropTable('data_versions').execute();
  for (const table of ['cases', 'applications']) {
    await db.schema.dropIndex(`${table}_agency_number`).execute();
    await db.schema.alterTable(table).dropColumn('number').execute();
  }
  await db.schema.dropIndex('users_username_ci').execute();
  await db.schema.alterTable('users').dropColumn('disabled_at').execute();
}
