/**
 * The store of the year's work: agencies and users, applications with their events, cases, figures
 * of table 二, reports, and the audit log. SQLite in the data directory by default; PostgreSQL when
 * DATABASE_URL names one. `openStore` opens it and runs the migrations; every write goes through a
 * repository, takes an actor and appends an audit row in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { Kysely } from 'kysely';
import { accessScope } from './access.js';
import { type Capabilities, openBackend } from './adapter.js';
import { auditRepository } from './audit.js';
import { resolveLocation, type StoreOptions, wantsWriterThread } from './config.js';
import type { StoreContext, Tx } from './context.js';
import { groupCommit } from './group-commit.js';
import { executedMigrations, migrateToLatest } from './migrate.js';
import { migrations as knownMigrations } from './migrations/index.js';
import { prepared } from './prepared.js';
import { agencyRepository } from './repositories/agencies.js';
import { applicationRepository } from './repositories/applications.js';
import { caseRepository } from './repositories/cases.js';
import { holidayRepository } from './repositories/holidays.js';
import { proactiveRepository } from './repositories/proactive.js';
import { reportProseRepository } from './repositories/report-prose.js';
import { reportRepository } from './repositories/reports.js';
import { sessionRepository } from './repositories/sessions.js';
import { userRepository } from './repositories/users.js';
import type { Database } from './schema.js';

export type { AccessScope, AccessSubject } from './access.js';
export type { Capabilities } from './adapter.js';
export type { AuditEntry, AuditFilter } from './audit.js';
export { defaultDataDir, resolveLocation, type StoreLocation, type StoreOptions } from './config.js';
export { type Actor, actorOf, systemActor } from './context.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { migrations } from './migrations/index.js';
export type { Agency, AgencyPatch, NewAgency } from './repositories/agencies.js';
export type {
  ApplicationFilter,
  ApplicationPatch,
  ApplicationRecord,
  NewApplication,
} from './repositories/applications.js';
export type { CaseFilter, CasePatch, CaseRecord, NewCase } from './repositories/cases.js';
export {
  ArrangementError,
  type EnteredArrangement,
  holidayVersionKey,
} from './repositories/holidays.js';
export { proactiveKeys } from './repositories/proactive.js';
export type { NewStoredReport, ReportFilter, StoredReport } from './repositories/reports.js';
export type { Session } from './repositories/sessions.js';
export type { NewUser, User, UserPatch } from './repositories/users.js';
export * from './schema.js';

type VersionRow = { agency_id: string; version: number };

export interface Store {
  /** The typed Kysely handle (for queries no repository offers; writes belong in repositories). */
  readonly db: Kysely<Database>;
  readonly capabilities: Capabilities;
  readonly agencies: ReturnType<typeof agencyRepository>;
  readonly users: ReturnType<typeof userRepository>;
  readonly sessions: ReturnType<typeof sessionRepository>;
  readonly applications: ReturnType<typeof applicationRepository>;
  readonly cases: ReturnType<typeof caseRepository>;
  readonly proactive: ReturnType<typeof proactiveRepository>;
  /** The office's own text of parts of its report, per year. */
  readonly reportProse: ReturnType<typeof reportProseRepository>;
  /** Holiday arrangements entered for years the built-in table lacks (or replaces). */
  readonly holidays: ReturnType<typeof holidayRepository>;
  readonly reports: ReturnType<typeof reportRepository>;
  readonly audit: ReturnType<typeof auditRepository>;
  readonly access: ReturnType<typeof accessScope>;
  /**
   * Runs a write that no repository offers (the corpus' ingest) in a transaction: on SQLite in the
   * batch of the writes that arrive with it (one COMMIT, one fsync; a write that throws is rolled
   * back alone), elsewhere in a transaction of its own. Resolves once committed.
   */
  transact<T>(run: (trx: Tx) => Promise<T>): Promise<T>;
  /**
   * The data version of each agency named (0 for one never written to): raised in the transaction of
   * every write to the agency's records, by any process, so a view cached under the versions it was
   * read after is current while they are unchanged. Read the versions before the data.
   */
  dataVersions(agencyIds: readonly string[]): Promise<Map<string, number>>;
  /** The migrations the database has executed, in order. */
  migrations(): Promise<string[]>;
  /** The database's own consistency check (SQLite: integrity_check and foreign_key_check); [] when sound. */
  integrityCheck(): Promise<string[]>;
  close(): Promise<void>;
}

/** Opens the store and brings its schema up to date (see StoreOptions for where the data lives). */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const location = resolveLocation(options);
  const backend = openBackend(location, options.poolSize);
  const db = new Kysely<Database>({ dialect: backend.dialect });
  try {
    await migrateToLatest(db, options.migrations ?? knownMigrations, backend.capabilities.description);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const clock = options.now ?? (() => new Date());
  // Writes run on the writer's connection where the backend has one and it is wanted (SQLite's, on
  // its own thread).
  const writes =
    backend.writer && wantsWriterThread(options) ? new Kysely<Database>({ dialect: backend.writer }) : db;
  const batches = backend.capabilities.groupCommit ? groupCommit(writes) : null;
  const ctx: StoreContext = {
    db,
    capabilities: backend.capabilities,
    now: () => clock().toISOString(),
    newId: options.newId ?? randomUUID,
    transact: (run) => (batches ? batches.run(run) : writes.transaction().execute(run)),
  };
  // The query of `dataVersions` (every read asks it), prepared once per count of agencies.
  const versionQueries = new Map<number, (db: Kysely<Database>, ...ids: string[]) => Promise<VersionRow[]>>();
  const versionsOf = (count: number) => {
    let query = versionQueries.get(count);
    if (query === undefined) {
      query = prepared(
        (h, ...ids: string[]) =>
          (h as Kysely<Database>)
            .selectFrom('data_versions')
            .select(['agency_id', 'version'])
            .where('agency_id', 'in', ids),
        count,
      );
      if (versionQueries.size < 64) versionQueries.set(count, query);
    }
    return query;
  };
  let closed: Promise<void> | undefined;
  return {
    db,
    capabilities: backend.capabilities,
    agencies: agencyRepository(ctx),
    users: userRepository(ctx),
    sessions: sessionRepository(ctx),
    applications: applicationRepository(ctx),
    cases: caseRepository(ctx),
    proactive: proactiveRepository(ctx),
    reportProse: reportProseRepository(ctx),
    holidays: holidayRepository(ctx),
    reports: reportRepository(ctx),
    audit: auditRepository(ctx),
    access: accessScope(ctx),
    transact: (run) => ctx.transact(run),
    async dataVersions(agencyIds) {
      const versions = new Map(agencyIds.map((id) => [id, 0]));
      if (agencyIds.length === 0) return versions;
      const rows = await versionsOf(agencyIds.length)(db, ...agencyIds);
      for (const row of rows) versions.set(row.agency_id, Number(row.version));
      return versions;
    },
    migrations: () => executedMigrations(db),
    integrityCheck: () => backend.capabilities.integrityCheck(db),
    close: () => {
      closed ??= (batches?.idle() ?? Promise.resolve())
        .then(() => (writes === db ? undefined : writes.destroy()))
        .then(() => db.destroy());
      return closed;
    },
  };
}
