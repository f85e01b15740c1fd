/**
 * The first schema: agencies and their users, the year's records (applications with their events,
 * cases, figures of table 二), compiled or ingested reports, and the append-only audit log.
 *
 * Frozen: a released migration is never edited. It takes an untyped handle and imports no schema or
 * domain code; the enumerations below are copied here on purpose, so a later change to the domain
 * needs a new migration. Only the adapter's DDL capabilities (types and checks per database) are read.
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';
import { capabilitiesOf } from '../adapter.js';

const roles = ['clerk', 'reviewer', 'admin', 'supervisor'];
const applicantTypes = ['np', 'biz', 'res', 'ngo', 'law', 'oth'];
const channels = ['inPerson', 'post', 'ordinaryMail', 'online', 'email', 'fax'];
const eventTypes = [
  'correctionRequested',
  'corrected',
  'consultationSent',
  'consultationAnswered',
  'extended',
  'feeNotified',
  'feePaid',
  'replied',
];
const caseKinds = ['review', 'direct', 'afterReview'];
const caseOutcomes = ['upheld', 'corrected', 'other'];
const reportOrigins = ['compiled', 'ingested'];

const oneOf = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function up(db: Kysely<any>): Promise<void> {
  const { ddl } = capabilitiesOf(db);
  type Table = CreateTableBuilder<string, string>;
  const notNull = (col: ColumnDefinitionBuilder) => col.notNull();
  /** Adds columns of a kind with the CHECK the database needs to keep them valid. */
  const typed = (
    name: string,
    table: Table,
    columns: [string, 'date' | 'timestamp' | 'json', 'null' | 'not null'][],
  ): Table => {
    let t = table;
    for (const [column, kind, nullable] of columns) {
      t = t.addColumn(column, ddl[kind], nullable === 'null' ? (c) => c : notNull);
      const check = ddl.check(kind, column);
      if (check) t = t.addCheckConstraint(`${name}_${column}_${kind}`, check);
    }
    return t;
  };

  await typed(
    'agencies',
    db.schema
      .createTable('agencies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', notNull)
      .addColumn('region', 'text')
      .addColumn('code', 'text'),
    [['created_at', 'timestamp', 'not null']],
  ).execute();

  await typed(
    'users',
    db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', notNull)
      .addColumn('password_hash', 'text', notNull)
      .addColumn('role', 'text', notNull)
      .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
      .addCheckConstraint('users_role', oneOf('role', roles))
      .addCheckConstraint('users_agency', sql`role = 'supervisor' or agency_id is not null`),
    [['created_at', 'timestamp', 'not null']],
  ).execute();
  await db.schema.createIndex('users_agency_idx').on('users').column('agency_id').execute();

  await db.schema
    .createTable('supervisor_agencies')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('supervisor_agencies_pk', ['user_id', 'agency_id'])
    .execute();

  await typed(
    'sessions',
    db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade')),
    [
      ['created_at', 'timestamp', 'not null'],
      ['expires_at', 'timestamp', 'not null'],
    ],
  ).execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await typed(
    'applications',
    db.schema
      .createTable('applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
      .addColumn('applicant', 'text', notNull)
      .addColumn('channel', 'text', notNull)
      .addColumn('received_year', 'integer')
      .addColumn('request_text', 'text', notNull)
      .addCheckConstraint('applications_applicant', oneOf('applicant', applicantTypes))
      .addCheckConstraint('applications_channel', oneOf('channel', channels)),
    [
      ['submitted_on', 'date', 'not null'],
      ['signed_for_on', 'date', 'null'],
      ['confirmed_on', 'date', 'null'],
      ['received_on', 'date', 'null'],
      ['replied_on', 'date', 'null'],
      ['created_at', 'timestamp', 'not null'],
      ['updated_at', 'timestamp', 'not null'],
    ],
  ).execute();
  await db.schema
    .createIndex('applications_agency_received_idx')
    .on('applications')
    .columns(['agency_id', 'received_on'])
    .execute();

  await typed(
    'application_events',
    db.schema
      .createTable('application_events')
      .addColumn('application_id', 'text', (c) =>
        c.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('ordinal', 'integer', (c) => c.notNull().check(sql`ordinal >= 0`))
      .addColumn('type', 'text', notNull)
      .addPrimaryKeyConstraint('application_events_pk', ['application_id', 'ordinal'])
      .addCheckConstraint('application_events_type', oneOf('type', eventTypes)),
    [
      ['on_date', 'date', 'not null'],
      ['payload', 'json', 'not null'],
    ],
  ).execute();

  await typed(
    'cases',
    db.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
      .addColumn('kind', 'text', notNull)
      .addColumn('outcome', 'text')
      .addColumn('application_id', 'text', (c) => c.references('applications.id').onDelete('set null'))
      .addCheckConstraint('cases_kind', oneOf('kind', caseKinds))
      .addCheckConstraint('cases_outcome', sql`outcome is null or ${oneOf('outcome', caseOutcomes)}`)
      .addCheckConstraint('cases_pending', sql`(outcome is null) = (decided_on is null)`),
    [
      ['filed_on', 'date', 'not null'],
      ['decided_on', 'date', 'null'],
      ['created_at', 'timestamp', 'not null'],
      ['updated_at', 'timestamp', 'not null'],
    ],
  ).execute();
  await db.schema
    .createIndex('cases_agency_filed_idx')
    .on('cases')
    .columns(['agency_id', 'filed_on'])
    .execute();

  await db.schema
    .createTable('proactive_figures')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', notNull)
    .addColumn('cell_key', 'text', notNull)
    .addColumn('value', ddl.real, notNull)
    .addPrimaryKeyConstraint('proactive_figures_pk', ['agency_id', 'year', 'cell_key'])
    .execute();

  await typed(
    'audit_log',
    db.schema
      .createTable('audit_log')
      .addColumn('id', ddl.serial, ddl.serialKey)
      .addColumn('user_id', 'text')
      .addColumn('action', 'text', notNull)
      .addColumn('entity', 'text', notNull)
      .addColumn('entity_id', 'text', notNull),
    [
      ['at', 'timestamp', 'not null'],
      ['before', 'json', 'null'],
      ['after', 'json', 'null'],
    ],
  ).execute();
  await db.schema
    .createIndex('audit_log_entity_idx')
    .on('audit_log')
    .columns(['entity', 'entity_id'])
    .execute();
  for (const statement of ddl.appendOnly('audit_log').up) await statement.execute(db);

  await typed(
    'reports',
    db.schema
      .createTable('reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
      .addColumn('year', 'integer', notNull)
      .addColumn('format', 'text', notNull)
      .addColumn('origin', 'text', notNull)
      .addColumn('agency_name', 'text')
      .addCheckConstraint('reports_origin', oneOf('origin', reportOrigins)),
    [
      ['published_on', 'date', 'null'],
      ['signed_on', 'date', 'null'],
      ['cells', 'json', 'not null'],
      ['sections', 'json', 'not null'],
      ['compiled_at', 'timestamp', 'not null'],
    ],
  ).execute();
  await db.schema
    .createIndex('reports_agency_year_idx')
    .on('reports')
    .columns(['agency_id', 'year'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function down(db: Kysely<any>): Promise<void> {
  const { ddl } = capabilitiesOf(db);
  await db.schema.dropTable('reports').execute();
  for (const statement of ddl.appendOnly('audit_log').down) await statement.execute(db);
  for (const table of [
    'audit_log',
    'proactive_figures',
    'cases',
    'application_events',
    'applications',
    'sessions',
    'supervisor_agencies',
    'users',
    'agencies',
  ])
    await db.schema.dropTable(table).execute();
}
