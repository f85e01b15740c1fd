/**
 * Holiday arrangements entered by users: a year's notice (国务院办公厅关于YYYY年部分节假日安排的通知)
 * comes out in the autumn before, after the release that would carry it in the built-in table, and
 * deadlines reaching that year can't be worked out without it. One row a year, the arrangement as
 * JSON in the built-in table's shape; a row for a built-in year replaces it (a later notice).
 *
 * Frozen once released, like every migration: untyped handle, no domain imports.
 */
import type { Kysely } from 'kysely';
import { capabilitiesOf } from '../adapter.js';

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function up(db: Kysely<any>): Promise<void> {
  const { ddl } = capabilitiesOf(db);
  await db.schema
    .createTable('holiday_arrangements')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('arrangement', 'text', (c) => c.notNull())
    .addColumn('updated_at', ddl.timestamp, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('holiday_arrangements').execute();
}
