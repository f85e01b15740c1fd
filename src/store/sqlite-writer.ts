/**
 * The SQLite writer on a thread of its own. better-sqlite3 is synchronous: a COMMIT with
 * `synchronous=FULL` waits for the fsync of the WAL (milliseconds on a real disk), and on the main
 * thread every request waits with it, reads included. So the writes run on a second connection, owned
 * by a worker thread: each query of a write's transaction is posted to it and answered by message, and
 * while it commits, the main thread goes on serving reads on its own connection (in WAL mode readers
 * don't wait for the writer, and see a commit as soon as it returned).
 *
 * A query inside the transaction takes the SQLite library tens of microseconds and never waits (the
 * transaction holds the write lock): the main thread waits for its answer on a shared flag
 * (Atomics.wait), as it would have waited for better-sqlite3 itself, instead of taking its turn in the
 * event loop with the requests (a batch of writes runs one query after another: each waiting for a turn
 * of a busy loop would make a batch take ages). So does BEGIN IMMEDIATE: it waits only while another
 * process writes, as it did on the main connection. COMMIT, which waits for the fsync (and runs the
 * checkpoints), and ROLLBACK are answered by message, and the main thread serves requests meanwhile.
 *
 * Only the execution moves: the writes themselves (validation, the records, the audit rows, the data
 * versions) stay the same code, run on the main thread against a Kysely handle whose one connection is
 * this thread; group-commit.ts batches them into its transactions as before. Nothing is answered before
 * the worker's COMMIT returned, so the durability promise is unchanged.
 *
 * Opt-in (StoreOptions.writerThread, GONGKAI_SQLITE_WRITER=thread): measured on two cores shared with
 * the load generator and other work, the handoffs (a few per write, tens to hundreds of microseconds
 * each when the cores are busy) cost the server more than the fsyncs they took off the main thread.
 * Where the writer has a core to itself it should pay; `npm run bench:api -- --writer-thread` compares.
 *
 * The worker's code is a small script given as text (`eval`): it runs the same way from the compiled
 * build and from the sources under test.
 */
import { createRequire } from 'node:module';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  type TransactionSettings,
} from 'kysely';

/** What the worker needs to open its connection as the main thread opened its own. */
export interface WriterConfig {
  file: string;
  /** Pragmas set on the connection, in order (`busy_timeout`, `synchronous`, …). */
  pragmas: readonly string[];
  /** Milliseconds to wait for another process's write lock. */
  timeoutMs: number;
  /** Most prepared statements kept. */
  statementCacheSize: number;
}

type Reply =
  | { id: number; rows: unknown[]; changes?: number; lastInsertRowid?: number | bigint }
  | { id: number; error: { message: string; code?: unknown; name?: string } };

const workerSource = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const { config, answers, flag } = workerData;
const done = new Int32Array(flag);
const reply = (message, body) => {
  if (!message.wait) return parentPort.postMessage(body);
  answers.postMessage(body);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
};
let db;
const statements = new Map();
const failure = (id, error) => ({ id, error: { message: String(error && error.message), code: error && error.code, name: error && error.name } });
const bind = (p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p);
try {
  db = new Database(config.file, { timeout: config.timeoutMs });
  for (const pragma of config.pragmas) db.pragma(pragma);
  parentPort.postMessage({ id: 0, rows: [] });
} catch (error) {
  parentPort.postMessage(failure(0, error));
}
const run = (sql, parameters) => {
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    if (statements.size >= config.statementCacheSize) statements.clear();
    statements.set(sql, statement);
  }
  const values = parameters.map(bind);
  if (statement.reader) return { rows: statement.all(values) };
  const { changes, lastInsertRowid } = statement.run(values);
  return { rows: [], changes, lastInsertRowid };
};
// A message: the statements sent ahead (INSERTs and UPDATEs whose result is not waited for), then the
// one answered. The first failure is the answer; before a rollback, earlier failures don't matter.
parentPort.on('message', (message) => {
  if (message === 'close') {
    try { db && db.close(); } finally { parentPort.close(); }
    return;
  }
  const { id, ahead, sql, parameters } = message;
  try {
    for (const [aheadSql, aheadParameters] of ahead)
      try {
        run(aheadSql, aheadParameters);
      } catch (error) {
        if (!/^\s*rollback/i.test(sql)) throw error;
      }
    reply(message, { id, ...run(sql, parameters) });
  } catch (error) {
    reply(message, failure(id, error));
  }
});
`;

/** The worker's error as the main thread's: same message and code (the adapter classifies by code). */
function errorOf(error: { message: string; code?: unknown; name?: string }): Error {
  return Object.assign(new Error(error.message), { name: error.name ?? 'SqliteError', code: error.code });
}

/** Blobs come back as Uint8Array; the rest of the store (and better-sqlite3 itself) gives Buffers. */
function withBuffers(rows: unknown[]): unknown[] {
  for (const row of rows)
    if (typeof row === 'object' && row !== null)
      for (const [key, value] of Object.entries(row))
        if (value instanceof Uint8Array && !Buffer.isBuffer(value))
          (row as Record<string, unknown>)[key] = Buffer.from(
            value.buffer,
            value.byteOffset,
            value.byteLength,
          );
  return rows;
}

/** Statements that may wait (for a lock, for the disk): answered by message, never waited for. */
const mayWait = /^\s*(commit|end|rollback\s*$|rollback\s+transaction)/i;

/**
 * Statements sent ahead with the next one instead of waited for: INSERTs and UPDATEs without RETURNING
 * (their counts are not known: nothing in the store reads them; a DELETE, whose count is read, is
 * waited for) and SAVEPOINT. Their failure is the failure of the next statement, which is always
 * waited for before a write's transaction or savepoint ends (group-commit.ts releases it).
 */
function sentAhead(query: CompiledQuery): boolean {
  const node = query.query as { kind?: string; returning?: unknown };
  if (node.kind === 'InsertQueryNode' || node.kind === 'UpdateQueryNode') return node.returning === undefined;
  return node.kind === 'RawNode' && /^\s*savepoint\s/i.test(query.sql);
}

/** Longest a query inside the transaction is waited for before the writer is deemed stuck. */
const queryTimeoutMs = 60_000;

/** The one connection, on the worker: a query is a message there and its answer one back. */
class WriterConnection implements DatabaseConnection {
  private readonly pending = new Map<number, { resolve(reply: Reply): void }>();
  private nextId = 1;
  private readonly done: Int32Array;
  /** Statements sent ahead with the next message: SQL and parameters. */
  private ahead: [string, readonly unknown[]][] = [];

  constructor(
    private readonly worker: Worker,
    /** Where the worker answers the queries waited for, and the flag it raises then. */
    private readonly answers: MessagePort,
    flag: SharedArrayBuffer,
  ) {
    this.done = new Int32Array(flag);
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (waiting === undefined) return;
      this.pending.delete(reply.id);
      // The worker keeps the process alive only while a query waits for it.
      if (this.pending.size === 0) worker.unref();
      waiting.resolve(reply);
    });
  }

  /** Resolves with the reply of id `id` (a message posted, or the worker's word that it is ready). */
  reply(id: number, message?: unknown): Promise<Reply> {
    return new Promise<Reply>((resolve) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve });
      if (message !== undefined) this.worker.postMessage(message);
    });
  }

  /** Fails every query still waiting (the worker is gone). */
  abandon(error: Error): void {
    for (const [id, waiting] of this.pending) waiting.resolve({ id, error: { message: error.message } });
    this.pending.clear();
  }

  /** Runs a query that never waits for a lock or the disk, and waits for its answer (microseconds). */
  private answered(id: number, query: CompiledQuery): Reply {
    Atomics.store(this.done, 0, 0);
    this.worker.postMessage(this.message(id, query, true));
    const deadline = Date.now() + queryTimeoutMs;
    for (;;) {
      const waited = Atomics.wait(this.done, 0, 0, Math.max(0, deadline - Date.now()));
      Atomics.store(this.done, 0, 0);
      for (
        let answer = receiveMessageOnPort(this.answers);
        answer;
        answer = receiveMessageOnPort(this.answers)
      ) {
        const reply = answer.message as Reply;
        // An answer to an earlier statement is not this one's (none is expected: it would be dropped).
        if (reply.id === id) return reply;
      }
      if (waited === 'timed-out')
        return { id, error: { message: 'store: the SQLite writer did not answer in time' } };
    }
  }

  /** The message of a statement: those sent ahead of it, and it. */
  private message(id: number, query: CompiledQuery, wait: boolean) {
    const ahead = this.ahead;
    this.ahead = [];
    return { id, ahead, sql: query.sql, parameters: query.parameters, wait };
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (sentAhead(query)) {
      this.ahead.push([query.sql, query.parameters]);
      return { rows: [] };
    }
    const id = this.nextId++;
    const reply = mayWait.test(query.sql)
      ? await this.reply(id, this.message(id, query, false))
      : this.answered(id, query);
    if ('error' in reply) throw errorOf(reply.error);
    if (reply.changes === undefined) return { rows: withBuffers(reply.rows) as R[] };
    return {
      rows: [],
      numAffectedRows: BigInt(reply.changes),
      ...(reply.lastInsertRowid === undefined ? {} : { insertId: BigInt(reply.lastInsertRowid) }),
    };
  }

  // biome-ignore lint/correctness/useYield: writes never stream
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('store: the SQLite writer does not stream queries');
  }
}

/**
 * A Kysely driver with one connection on a worker thread. Transactions begin IMMEDIATE (the write lock
 * at once, as on the main connection); one runs at a time, as on any SQLite connection.
 */
class WriterDriver implements Driver {
  private worker: Worker | undefined;
  private connection: WriterConnection | undefined;
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;

  constructor(private readonly config: WriterConfig) {}

  async init(): Promise<void> {
    const channel = new MessageChannel();
    const flag = new SharedArrayBuffer(4);
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        config: this.config,
        betterSqlite3: createRequire(import.meta.url).resolve('better-sqlite3'),
        answers: channel.port2,
        flag,
      },
      transferList: [channel.port2],
    });
    channel.port1.unref();
    const connection = new WriterConnection(worker, channel.port1, flag);
    worker.on('error', (error) => connection.abandon(error));
    worker.on('exit', () => connection.abandon(new Error('store: the SQLite writer thread has ended')));
    this.worker = worker;
    this.connection = connection;
    // The worker answers id 0 once its connection is open (or why it could not be).
    const opened = await connection.reply(0);
    if ('error' in opened) {
      await worker.terminate();
      throw errorOf(opened.error);
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => {
      this.release = resolve;
    });
    await previous;
    return this.connection as WriterConnection;
  }

  async releaseConnection(): Promise<void> {
    this.release?.();
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    const worker = this.worker;
    if (worker === undefined) return;
    this.worker = undefined;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref();
    worker.postMessage('close');
    await exited;
  }
}

/**
 * The dialect of the writer: SQLite's query compiler and the given adapter (with the backend's
 * capabilities), the connection on its thread.
 */
export class SqliteWriterDialect extends SqliteDialect {
  constructor(
    private readonly writer: WriterConfig,
    private readonly adapter: () => ReturnType<SqliteDialect['createAdapter']>,
  ) {
    super({ database: () => Promise.reject(new Error('store: the SQLite writer opens its own connection')) });
  }
  override createDriver(): Driver {
    return new WriterDriver(this.writer);
  }
  override createAdapter() {
    return this.adapter();
  }
}
