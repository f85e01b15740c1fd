/**
 * Group commit: the writes that arrive together share one transaction and one COMMIT, so one fsync
 * (synchronous=FULL) makes a whole batch durable instead of each write paying its own.
 *
 * A write is queued; the batch starts on the next turn of the event loop (after the requests that
 * arrived with it have queued theirs), runs each write in its own SAVEPOINT, in arrival order, and
 * commits once. A write that throws is rolled back to its savepoint: the others keep their changes.
 * Nothing is answered before the COMMIT returned: every write, successful or not, settles after it,
 * and when the COMMIT fails each one gets that failure (what it wrote was not kept, and what it saw
 * may not have been either). Writes queued while a batch runs make the next batch.
 *
 * Meant for one connection shared by the process (SQLite): the transaction holds it from BEGIN to
 * COMMIT, as a single transaction would.
 */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';

/** One write: what it does inside the transaction, and its caller's promise. */
interface Unit<DB> {
  work(trx: Transaction<DB>): Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** Most writes in one transaction (64). */
  maxBatch?: number;
  /** Called with the size of every batch committed (tests, the bench). */
  onCommit?: (size: number) => void;
}

export interface GroupCommit<DB> {
  /** Runs `work` in the next batch's transaction; resolves once that batch is committed. */
  run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
  /** Resolves when every write queued so far has been settled (before closing the database). */
  idle(): Promise<void>;
}

export function groupCommit<DB>(db: Kysely<DB>, options: GroupCommitOptions = {}): GroupCommit<DB> {
  const maxBatch = options.maxBatch ?? 64;
  const queue: Unit<DB>[] = [];
  let busy = false;
  const waiting: (() => void)[] = [];

  const next = () => {
    if (!busy && queue.length === 0) for (const done of waiting.splice(0)) done();
    if (busy || queue.length === 0) return;
    busy = true;
    setImmediate(() => {
      void commitBatch(queue.splice(0, maxBatch)).finally(() => {
        busy = false;
        next();
      });
    });
  };

  async function commitBatch(batch: Unit<DB>[]): Promise<void> {
    let trx: Awaited<ReturnType<ReturnType<Kysely<DB>['startTransaction']>['execute']>>;
    try {
      trx = await db.startTransaction().execute();
    } catch (error) {
      for (const unit of batch) unit.reject(error);
      return;
    }
    const outcomes: Outcome[] = [];
    try {
      for (const unit of batch) outcomes.push(await inSavepoint(trx, unit));
      await trx.commit().execute();
    } catch (error) {
      // The transaction itself failed (the COMMIT, or a rollback to a savepoint): nothing of the
      // batch is kept, and every write of it is told so.
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const unit of batch) unit.reject(error);
      return;
    }
    options.onCommit?.(batch.length);
    batch.forEach((unit, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }

  return {
    run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        next();
      });
    },
    idle: () =>
      !busy && queue.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)),
  };
}

const savepoint = CompiledQuery.raw('savepoint group_commit_write');
const rollbackTo = CompiledQuery.raw('rollback to group_commit_write');
const release = CompiledQuery.raw('release group_commit_write');

/**
 * One write in its savepoint: released when it succeeds, rolled back to when it throws (or its release
 * does: a statement may report its failure only with the next one, see sqlite-writer.ts). Throws only
 * when the savepoint itself can't be set or undone (the transaction is gone).
 */
async function inSavepoint<DB>(trx: Transaction<DB>, unit: Unit<DB>): Promise<Outcome> {
  await trx.executeQuery(savepoint);
  try {
    const value = await unit.work(trx);
    await trx.executeQuery(release);
    return { ok: true, value };
  } catch (error) {
    // When the failure took the transaction with it (a full disk), the write's own error says why.
    await trx.executeQuery(rollbackTo).catch(() => {
      throw error;
    });
    await trx.executeQuery(release);
    return { ok: false, error };
  }
}
