/**
 * The corpus of published reports (督): bodies with their region and kind, the spellings that name
 * them, every report version read from a published file (identified by the SHA-256 of its bytes),
 * its cells by codebook key and its findings.
 *
 * Frozen: a released migration is never edited. It takes an untyped handle and imports no schema or
 * domain code; the enumerations below are copied here on purpose.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';
import { capabilitiesOf } from '../adapter.js';

const kinds = ['government', 'department'];
const rolesBefore = ['clerk', 'reviewer', 'admin', 'supervisor'];
const rolesAfter = [...rolesBefore, 'evaluator'];
const severities = ['error', 'warning', 'info'];

const oneOf = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

/**
 * The users table with the role list given (the evaluator role, 评估, sees the corpus and no agency's
 * records, so it has no agency, like a supervisor). PostgreSQL swaps the two CHECK constraints;
 * SQLite can't alter a CHECK, so the users table and its two child tables are rebuilt with their
 * rows, children first, and renamed into place (SQLite rewrites the references on rename), with
 * the columns and indexes the register migration (2026-12-02-02) gave them.
 */
async function setRoles(
  // biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
  db: Kysely<any>,
  roles: readonly string[],
  agencyless: readonly string[],
): Promise<void> {
  const { ddl } = capabilitiesOf(db);
  const roleCheck = oneOf('role', roles);
  const agencyCheck = sql`${oneOf('role', agencyless)} or agency_id is not null`;
  if (ddl.alterConstraints) {
    await sql`alter table users drop constraint users_role`.execute(db);
    await sql`alter table users drop constraint users_agency`.execute(db);
    await sql`alter table users add constraint users_role check (${roleCheck})`.execute(db);
    await sql`alter table users add constraint users_agency check (${agencyCheck})`.execute(db);
    return;
  }
  const notNull = (col: ColumnDefinitionBuilder) => col.notNull();
  const stamp = (table: string, column: string) =>
    [`${table}_${column}_timestamp`, ddl.check('timestamp', column)] as const;
  const [uName, uCheck] = stamp('users', 'created_at');
  await db.schema
    .createTable('users_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', notNull)
    .addColumn('password_hash', 'text', notNull)
    .addColumn('role', 'text', notNull)
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addCheckConstraint('users_role', roleCheck)
    .addCheckConstraint('users_agency', agencyCheck)
    .addColumn('created_at', ddl.timestamp, notNull)
    .addCheckConstraint(uName, uCheck as never)
    .addColumn('disabled_at', ddl.timestamp)
    .execute();
  await sql`insert into users_next (id, username, display_name, password_hash, role, agency_id, created_at, disabled_at)
    select id, username, display_name, password_hash, role, agency_id, created_at, disabled_at from users`.execute(
    db,
  );
  await db.schema
    .createTable('supervisor_agencies_next')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users_next.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('supervisor_agencies_pk', ['user_id', 'agency_id'])
    .execute();
  await sql`insert into supervisor_agencies_next select user_id, agency_id from supervisor_agencies`.execute(
    db,
  );
  const [cName, cCheck] = stamp('sessions', 'created_at');
  const [eName, eCheck] = stamp('sessions', 'expires_at');
  await db.schema
    .createTable('sessions_next')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users_next.id').onDelete('cascade'))
    .addColumn('created_at', ddl.timestamp, notNull)
    .addCheckConstraint(cName, cCheck as never)
    .addColumn('expires_at', ddl.timestamp, notNull)
    .addCheckConstraint(eName, eCheck as never)
    .execute();
  await sql`insert into sessions_next select token_hash, user_id, created_at, expires_at from sessions`.execute(
    db,
  );
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropTable('supervisor_agencies').execute();
  await db.schema.dropTable('users').execute();
  await sql`alter table users_next rename to users`.execute(db);
  await sql`alter table sessions_next rename to sessions`.execute(db);
  await sql`alter table supervisor_agencies_next rename to supervisor_agencies`.execute(db);
  await db.schema.createIndex('users_agency_idx').on('users').column('agency_id').execute();
  await sql`create unique index users_username_ci on users (lower(username))`.execute(db);
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function up(db: Kysely<any>): Promise<void> {
  const { ddl } = capabilitiesOf(db);
  await setRoles(db, rolesAfter, ['supervisor', 'evaluator']);
  const notNull = (col: ColumnDefinitionBuilder) => col.notNull();
  const checked = (table: string, column: string, kind: 'date' | 'timestamp' | 'json') => {
    const check = ddl.check(kind, column);
    return check ? ([`${table}_${column}_${kind}`, check] as const) : null;
  };

  let bodies = db.schema
    .createTable('corpus_bodies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', notNull)
    .addColumn('match_key', 'text', (c) => c.notNull().unique())
    .addColumn('province', 'text')
    .addColumn('city', 'text')
    .addColumn('county', 'text')
    .addColumn('region', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('merged_into', 'text', (c) => c.references('corpus_bodies.id'))
    .addColumn('corrected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ddl.timestamp, notNull)
    .addCheckConstraint('corpus_bodies_kind', oneOf('kind', kinds));
  const bodiesAt = checked('corpus_bodies', 'created_at', 'timestamp');
  if (bodiesAt) bodies = bodies.addCheckConstraint(bodiesAt[0], bodiesAt[1]);
  await bodies.execute();
  await db.schema.createIndex('corpus_bodies_region_idx').on('corpus_bodies').column('region').execute();

  await db.schema
    .createTable('corpus_aliases')
    .addColumn('alias', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('corpus_bodies.id'))
    .execute();

  let reports = db.schema
    .createTable('corpus_reports')
    .addColumn('id', ddl.serial, ddl.serialKey)
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('body_id', 'text', (c) => c.references('corpus_bodies.id'))
    .addColumn('agency_name', 'text')
    .addColumn('year', 'integer')
    .addColumn('version', 'integer', notNull)
    .addColumn('format', 'text', notNull)
    .addColumn('source_type', 'text', notNull)
    .addColumn('file', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('published_on', ddl.date)
    .addColumn('signed_on', ddl.date)
    .addColumn('deadline', ddl.date)
    .addColumn('late', 'integer', notNull)
    .addColumn('errors', 'integer', notNull)
    .addColumn('warnings', 'integer', notNull)
    .addColumn('infos', 'integer', notNull)
    .addColumn('sections', ddl.json, notNull)
    .addColumn('text', 'text', notNull)
    .addColumn('source', ddl.bytes)
    .addColumn('ingested_at', ddl.timestamp, notNull);
  for (const [column, kind] of [
    ['published_on', 'date'],
    ['signed_on', 'date'],
    ['deadline', 'date'],
    ['sections', 'json'],
    ['ingested_at', 'timestamp'],
  ] as const) {
    const c = checked('corpus_reports', column, kind);
    if (c) reports = reports.addCheckConstraint(c[0], c[1]);
  }
  await reports.execute();
  await db.schema
    .createIndex('corpus_reports_body_year_idx')
    .unique()
    .on('corpus_reports')
    .columns(['body_id', 'year', 'version'])
    .execute();
  await db.schema.createIndex('corpus_reports_year_idx').on('corpus_reports').column('year').execute();

  await db.schema
    .createTable('corpus_cells')
    .addColumn('report_id', ddl.serial, (c) =>
      c.notNull().references('corpus_reports.id').onDelete('cascade'),
    )
    .addColumn('key', 'text', notNull)
    .addColumn('value', ddl.real)
    .addPrimaryKeyConstraint('corpus_cells_pk', ['report_id', 'key'])
    .execute();
  await db.schema
    .createIndex('corpus_cells_key_idx')
    .on('corpus_cells')
    .columns(['key', 'report_id'])
    .execute();

  await db.schema
    .createTable('corpus_findings')
    .addColumn('report_id', ddl.serial, (c) =>
      c.notNull().references('corpus_reports.id').onDelete('cascade'),
    )
    .addColumn('ordinal', 'integer', notNull)
    .addColumn('code', 'text', notNull)
    .addColumn('severity', 'text', notNull)
    .addColumn('message', 'text', notNull)
    .addColumn('line', 'integer')
    .addColumn('col', 'integer')
    .addColumn('keys', ddl.json, notNull)
    .addColumn('actual', 'text')
    .addColumn('expected', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('corpus_findings_pk', ['report_id', 'ordinal'])
    .addCheckConstraint('corpus_findings_severity', oneOf('severity', severities))
    .execute();
  await db.schema.createIndex('corpus_findings_code_idx').on('corpus_findings').column('code').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'corpus_findings',
    'corpus_cells',
    'corpus_reports',
    'corpus_aliases',
    'corpus_bodies',
  ])
    await db.schema.dropTable(table).execute();
  await db.deleteFrom('users').where('role', '=', 'evaluator').execute();
  await setRoles(db, rolesBefore, ['supervisor']);
}
