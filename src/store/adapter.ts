/**
 * The one module that knows which database is in use. Everything that differs between SQLite and
 * PostgreSQL is a named capability here — the DDL types and checks the migrations use, the
 * append-only guard, how errors are recognised, the integrity check, how a connection is set up —
 * and nothing outside this file asks which database it talks to (STYLE §2).
 *
 * Both backends return the same JavaScript values for the same column, so the row types of schema.ts
 * hold for both: calendar dates as `YYYY-MM-DD` strings, timestamps as ISO strings
 * (`2024-05-01T08:00:00.000Z`), JSON as its text, integers as numbers. On PostgreSQL that is done by
 * the pool's type parsers; SQLite stores exactly those strings (with CHECKs that keep them so).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  type ColumnDefinitionBuilder,
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Kysely,
  PostgresAdapter,
  PostgresDialect,
  type RawBuilder,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import pg from 'pg';
import { StoreError } from './errors.js';
import { SqliteWriterDialect } from './sqlite-writer.js';

/** DDL the migrations need, per database. Frozen once released: add a new entry, never change one. */
export interface Ddl {
  /** Column type for calendar dates (`YYYY-MM-DD`). */
  readonly date: 'date' | 'text';
  /** Column type for instants. */
  readonly timestamp: 'timestamptz' | 'text';
  /** Column type for JSON documents. */
  readonly json: 'jsonb' | 'text';
  /** Column type for figures that may have decimals. */
  readonly real: 'double precision' | 'real';
  /** Column type of a generated integer key. */
  readonly serial: 'bigint' | 'integer';
  /** Column type for raw bytes (a report's source file). */
  readonly bytes: 'bytea' | 'blob';
  /** ALTER TABLE can drop and add a CHECK constraint (SQLite can't: the table is rebuilt). */
  readonly alterConstraints: boolean;
  /** Makes a column of type `serial` a generated, never reused primary key. */
  serialKey(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** A CHECK expression keeping a column a valid value of its kind, where the column type doesn't. */
  check(kind: 'date' | 'timestamp' | 'json', column: string): RawBuilder<unknown> | null;
  /** Statements that make a table reject UPDATE and DELETE (and TRUNCATE where there is one). */
  appendOnly(table: string): { up: RawBuilder<unknown>[]; down: RawBuilder<unknown>[] };
  /**
   * Statements that make an insert over an existing row fail (SQLite's `INSERT OR REPLACE` deletes the
   * old row without firing its delete trigger; PostgreSQL's upsert fires the update trigger already).
   */
  appendOnlyInsert(table: string): { up: RawBuilder<unknown>[]; down: RawBuilder<unknown>[] };
}

export interface Capabilities {
  /** Human-readable name of the backend and its location, for messages (never branch on it). */
  readonly description: string;
  /** DDL runs inside transactions (both: SQLite's transactions cover DDL, PostgreSQL's too). */
  readonly supportsTransactionalDdl: boolean;
  /** `INSERT … ON CONFLICT … DO UPDATE` (SQLite ≥ 3.24, PostgreSQL ≥ 9.5). */
  readonly supportsUpsert: boolean;
  /**
   * `SELECT … FOR UPDATE` locks the rows read until the transaction ends (PostgreSQL). SQLite has no
   * row locks: its transactions begin IMMEDIATE and hold the database's write lock from the start.
   */
  readonly rowLocks: boolean;
  /**
   * Statements that open the transaction of a large read-only aggregate (the corpus statistics), or
   * none when it needs no transaction. PostgreSQL's default 4 MB of `work_mem` makes it sort 200,000
   * rows on disk to group them; with more it groups them in a hash table in memory.
   */
  readonly aggregateSettings: readonly RawBuilder<unknown>[];
  /**
   * GROUP BY builds a hash table (PostgreSQL), so grouping many rows by a joined table's column costs
   * little more than by their own. SQLite sorts instead, unless an index gives the order: grouping by
   * an indexed column first, then joining the fewer groups, is cheaper there.
   */
  readonly hashAggregate: boolean;
  /**
   * Writes that arrive together share one transaction and one commit (group-commit.ts): SQLite, one
   * connection whose every commit is an fsync. PostgreSQL runs each write in its own transaction on
   * its own connection, and flushes concurrent commits together itself.
   */
  readonly groupCommit: boolean;
  readonly ddl: Ddl;
  /** A unique or primary key constraint was violated. */
  isUniqueViolation(error: unknown): boolean;
  /** A foreign key constraint was violated. */
  isForeignKeyViolation(error: unknown): boolean;
  /** A CHECK or NOT NULL constraint was violated. */
  isCheckViolation(error: unknown): boolean;
  /**
   * The storage failed, not the statement: a full disk, a read-only or vanished data directory.
   * Returns what is wrong, in Chinese, or null.
   */
  storageFailure(error: unknown): string | null;
  /** The database's own consistency check: an empty list when it is sound. */
  // biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
  integrityCheck(db: Kysely<any>): Promise<string[]>;
}

/** Kysely adapters of our dialects carry the capabilities, so migrations can read them from the handle. */
interface WithCapabilities {
  readonly capabilities: Capabilities;
}

/** The capabilities of the database behind a Kysely handle (a migration's untyped `db` included). */
// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export function capabilitiesOf(db: Kysely<any>): Capabilities {
  const adapter = db.getExecutor().adapter as Partial<WithCapabilities>;
  if (!adapter.capabilities) throw new Error('store: this Kysely handle was not opened by openStore');
  return adapter.capabilities;
}

const codeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

// ── SQLite ───────────────────────────────────────────────────────────────────────────────────────

const sqliteDdl: Ddl = {
  date: 'text',
  timestamp: 'text',
  json: 'text',
  real: 'real',
  serial: 'integer',
  bytes: 'blob',
  alterConstraints: false,
  serialKey: (col) => col.primaryKey().autoIncrement(),
  check: (kind, column) => {
    const c = sql.ref(column);
    if (kind === 'date') return sql`${c} is null or date(${c}) is ${c}`;
    if (kind === 'timestamp') return sql`${c} is null or strftime('%Y-%m-%dT%H:%M:%fZ', ${c}) is ${c}`;
    return sql`${c} is null or json_valid(${c})`;
  },
  appendOnly: (table) => {
    const t = sql.id(table);
    const message = sql.lit(`${table} is append-only`);
    return {
      up: [
        sql`create trigger ${sql.id(`${table}_no_update`)} before update on ${t} begin select raise(abort, ${message}); end`,
        sql`create trigger ${sql.id(`${table}_no_delete`)} before delete on ${t} begin select raise(abort, ${message}); end`,
      ],
      down: [
        sql`drop trigger if exists ${sql.id(`${table}_no_update`)}`,
        sql`drop trigger if exists ${sql.id(`${table}_no_delete`)}`,
      ],
    };
  },
  appendOnlyInsert: (table) => {
    const t = sql.id(table);
    const name = sql.id(`${table}_no_replace`);
    const message = sql.lit(`${table} is append-only`);
    return {
      up: [
        sql`create trigger ${name} before insert on ${t} when exists (select 1 from ${t} where id = new.id) begin select raise(abort, ${message}); end`,
      ],
      down: [sql`drop trigger if exists ${name}`],
    };
  },
};

/**
 * Every transaction starts with `BEGIN IMMEDIATE`: it takes the write lock at once (waiting up to the
 * busy timeout) instead of upgrading a read lock later, which can fail with SQLITE_BUSY between two
 * processes. It also makes the migration run (one transaction) exclusive between processes.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class GongkaiSqliteAdapter extends SqliteAdapter implements WithCapabilities {
  constructor(readonly capabilities: Capabilities) {
    super();
  }
  /** SQLite runs DDL in transactions; Kysely's default adapter says no only to stay conservative. */
  override get supportsTransactionalDdl(): boolean {
    return this.capabilities.supportsTransactionalDdl;
  }
}

class GongkaiSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly capabilities: Capabilities,
  ) {
    super(config);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.config);
  }
  override createAdapter() {
    return new GongkaiSqliteAdapter(this.capabilities);
  }
}

/** The database file inside the data directory. */
export const sqliteFileName = 'gongkai.sqlite';

/** Milliseconds a statement waits for another process's write lock before failing. */
export const busyTimeoutMs = 10_000;

/**
 * `synchronous=FULL`: in WAL mode a commit is written to the WAL before it returns, so it survives
 * the process being killed with NORMAL already; FULL also fsyncs the WAL on every commit, so a
 * committed record survives a power cut or an OS crash too. These are legal records with statutory
 * deadlines entered by hand, a few writes a minute: one fsync per commit is cheap for them.
 */
export const sqliteSettings = {
  journal_mode: 'wal',
  synchronous: 'full',
  foreign_keys: 'on',
  busy_timeout: busyTimeoutMs,
} as const;

/** Most prepared statements kept per SQLite connection. */
const statementCacheSize = 500;

/**
 * The database as Kysely's SQLite driver sees it, with its statements kept prepared: the driver
 * prepares every query it runs, and a register runs the same few dozen SQL texts over and over
 * (better-sqlite3 statements can be run again; the driver runs one query at a time).
 */
function preparedOnce(database: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        if (statements.size >= statementCacheSize) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

export interface Backend {
  dialect: Dialect;
  capabilities: Capabilities;
  /**
   * The dialect of the connection the writes run on, when it is not `dialect`'s: SQLite's writer on a
   * thread of its own (sqlite-writer.ts, used when StoreOptions.writerThread asks for it), so a
   * commit's fsync doesn't stop the main thread. Null on
   * PostgreSQL, whose pool runs reads and writes alike without blocking.
   */
  writer: Dialect | null;
}

/** What a file-system or SQLite error says about the data directory, in Chinese; null for others. */
export function fileSystemFailure(error: unknown): string | null {
  const code = String(codeOf(error) ?? '');
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') return '磁盘已满（或超出配额）';
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return '数据目录只读，无法写入';
  if (code === 'EACCES' || code === 'EPERM') return '无权在数据目录中创建或写入文件';
  if (code === 'ENOTDIR' || code === 'EEXIST') return '数据目录的路径不是一个目录';
  if (code.startsWith('SQLITE_CANTOPEN')) return '无法打开数据库文件（目录不存在、不可写或不是目录）';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return '读写数据文件时出错（磁盘故障或空间不足）';
  return null;
}

/** Opening the data directory failed: a StoreError that names the path and what is wrong. */
function unavailable(path: string, error: unknown): unknown {
  const reason = fileSystemFailure(error);
  return reason === null
    ? error
    : new StoreError('store.unavailable', `无法使用数据目录「${path}」：${reason}`, { cause: error });
}

export function sqliteBackend(dataDir: string): Backend {
  const dir = resolve(dataDir);
  const file = join(dir, sqliteFileName);
  let database: SqliteDatabase.Database;
  try {
    mkdirSync(dir, { recursive: true });
    database = new SqliteDatabase(file, { timeout: busyTimeoutMs });
  } catch (error) {
    throw unavailable(dir, error);
  }
  try {
    database.pragma(`busy_timeout = ${sqliteSettings.busy_timeout}`);
    const mode = database.pragma(`journal_mode = ${sqliteSettings.journal_mode}`, { simple: true });
    if (mode !== 'wal')
      throw new Error(`store: SQLite refused journal_mode=WAL for ${file} (got ${String(mode)})`);
    database.pragma(`synchronous = ${sqliteSettings.synchronous}`);
    database.pragma(`foreign_keys = ${sqliteSettings.foreign_keys}`);
  } catch (error) {
    database.close();
    throw unavailable(dir, error);
  }
  const capabilities: Capabilities = {
    description: `SQLite ${file}`,
    storageFailure: (e) => {
      const reason = fileSystemFailure(e);
      return reason && `数据目录「${dir}」：${reason}`;
    },
    supportsTransactionalDdl: true,
    supportsUpsert: true,
    rowLocks: false,
    aggregateSettings: [],
    hashAggregate: false,
    groupCommit: true,
    ddl: sqliteDdl,
    isUniqueViolation: (e) => {
      const code = codeOf(e);
      return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
    },
    isForeignKeyViolation: (e) => codeOf(e) === 'SQLITE_CONSTRAINT_FOREIGNKEY',
    isCheckViolation: (e) =>
      codeOf(e) === 'SQLITE_CONSTRAINT_CHECK' || codeOf(e) === 'SQLITE_CONSTRAINT_NOTNULL',
    integrityCheck: async (db) => {
      const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      const foreign = await sql<Record<string, unknown>>`pragma foreign_key_check`.execute(db);
      return [
        ...integrity.rows.map((r) => r.integrity_check).filter((r) => r !== 'ok'),
        ...foreign.rows.map((r) => `foreign key: ${JSON.stringify(r)}`),
      ];
    },
  };
  const writer = new SqliteWriterDialect(
    {
      file,
      pragmas: [
        `busy_timeout = ${sqliteSettings.busy_timeout}`,
        `journal_mode = ${sqliteSettings.journal_mode}`,
        `synchronous = ${sqliteSettings.synchronous}`,
        `foreign_keys = ${sqliteSettings.foreign_keys}`,
      ],
      timeoutMs: busyTimeoutMs,
      statementCacheSize,
    },
    () => new GongkaiSqliteAdapter(capabilities),
  );
  return {
    dialect: new GongkaiSqliteDialect({ database: preparedOnce(database) }, capabilities),
    capabilities,
    writer,
  };
}

// ── PostgreSQL ───────────────────────────────────────────────────────────────────────────────────

const pgDdl: Ddl = {
  date: 'date',
  timestamp: 'timestamptz',
  json: 'jsonb',
  real: 'double precision',
  serial: 'bigint',
  bytes: 'bytea',
  alterConstraints: true,
  serialKey: (col) => col.primaryKey().generatedAlwaysAsIdentity(),
  check: () => null,
  appendOnly: (table) => {
    const fn = sql.id(`${table}_reject_change`);
    const t = sql.id(table);
    const message = sql.lit(`${table} is append-only`);
    return {
      up: [
        sql`create function ${fn}() returns trigger language plpgsql as $$
begin
  raise exception ${message} using errcode = 'restrict_violation';
end
$$`,
        sql`create trigger ${sql.id(`${table}_no_change`)} before update or delete on ${t} for each row execute function ${fn}()`,
        sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${t} for each statement execute function ${fn}()`,
      ],
      down: [
        sql`drop trigger if exists ${sql.id(`${table}_no_truncate`)} on ${t}`,
        sql`drop trigger if exists ${sql.id(`${table}_no_change`)} on ${t}`,
        sql`drop function if exists ${fn}()`,
      ],
    };
  },
  appendOnlyInsert: () => ({ up: [], down: [] }),
};

class GongkaiPostgresAdapter extends PostgresAdapter implements WithCapabilities {
  constructor(readonly capabilities: Capabilities) {
    super();
  }
}

class GongkaiPostgresDialect extends PostgresDialect {
  constructor(
    config: ConstructorParameters<typeof PostgresDialect>[0],
    private readonly capabilities: Capabilities,
  ) {
    super(config);
  }
  override createAdapter() {
    return new GongkaiPostgresAdapter(this.capabilities);
  }
}

const oid = { int8: 20, json: 114, date: 1082, timestamp: 1114, timestamptz: 1184, jsonb: 3802 } as const;

/** Values as SQLite gives them: dates and JSON as text, instants as ISO strings, int8 as numbers. */
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((id: number, format?: 'text' | 'binary') => {
    const raw = (value: string) => value;
    if (id === oid.date || id === oid.json || id === oid.jsonb) return raw;
    if (id === oid.int8) return (value: string) => Number(value);
    if (id === oid.timestamptz || id === oid.timestamp) {
      const parse = pg.types.getTypeParser(id, 'text') as (value: string) => Date;
      return (value: string) => parse(value).toISOString();
    }
    return pg.types.getTypeParser(id, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** `postgres://user:***@host/db`: the URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/** Most statements named (prepared on each connection that runs them); the others run unnamed. */
const namedStatementLimit = 1000;

/**
 * The queries of the register as named (prepared) statements: PostgreSQL parses and plans a statement
 * once per connection, not on every run. Kysely sends each query's text; every new connection of the
 * pool names the texts of reads and row changes (never DDL, whose objects a migration may change), the
 * same name for the same text on every connection, up to `namedStatementLimit` texts.
 */
function namingStatements(pool: pg.Pool): void {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (
      name === undefined &&
      names.size < namedStatementLimit &&
      /^\s*(select|insert|update|delete)\s/i.test(text)
    ) {
      name = `gongkai_${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (text: unknown, values?: unknown, callback?: unknown) => {
      const name = typeof text === 'string' && Array.isArray(values) ? nameOf(text) : undefined;
      if (name === undefined)
        return callback === undefined ? query(text, values) : query(text, values, callback);
      return query({ name, text, values });
    };
  });
}

export function postgresBackend(url: string, poolSize = 10): Backend {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes });
  // An idle connection the server ends (a restart, a dropped database) is discarded by the pool; without
  // a listener its error would end the process.
  pool.on('error', () => undefined);
  namingStatements(pool);
  const capabilities: Capabilities = {
    description: `PostgreSQL ${redactUrl(url)}`,
    supportsTransactionalDdl: true,
    supportsUpsert: true,
    rowLocks: true,
    aggregateSettings: [sql`set local work_mem = '64MB'`],
    hashAggregate: true,
    groupCommit: false,
    ddl: pgDdl,
    isUniqueViolation: (e) => codeOf(e) === '23505',
    isForeignKeyViolation: (e) => codeOf(e) === '23503',
    isCheckViolation: (e) => codeOf(e) === '23514' || codeOf(e) === '23502',
    storageFailure: (e) => {
      const code = String(codeOf(e) ?? '');
      if (code === '53100') return `PostgreSQL ${redactUrl(url)}：数据库服务器磁盘已满`;
      if (code === '25006') return `PostgreSQL ${redactUrl(url)}：数据库只读，无法写入`;
      if (code.startsWith('53') || code.startsWith('58'))
        return `PostgreSQL ${redactUrl(url)}：数据库服务器资源不足或读写出错`;
      return null;
    },
    integrityCheck: async (db) => {
      // PostgreSQL recovers its own WAL on start; a database that answers and whose catalog lists
      // every table is sound as far as a client can tell.
      const rows = await sql<{ ok: number }>`select 1 as ok`.execute(db);
      return rows.rows[0]?.ok === 1 ? [] : ['select 1 failed'];
    },
  };
  return { dialect: new GongkaiPostgresDialect({ pool }, capabilities), capabilities, writer: null };
}

/** The backend for a location: the one place that picks a database. */
export function openBackend(
  location: { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string },
  poolSize?: number,
): Backend {
  return location.kind === 'postgres'
    ? postgresBackend(location.url, poolSize)
    : sqliteBackend(location.dataDir);
}
