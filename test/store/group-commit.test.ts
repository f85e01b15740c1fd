/**
 * Group commit on SQLite: writes queued together share one COMMIT; a write that throws is rolled
 * back alone; nothing is answered before the COMMIT returned, and a failed COMMIT fails every write
 * of its batch with nothing stored. Each on the main thread's connection and on the writer's thread
 * (sqlite-writer.ts), where a write's INSERTs are sent ahead and report their failure with the next
 * statement: the outcome is the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, sqliteBackend } from '../../src/store/adapter.js';
import { type GroupCommit, groupCommit } from '../../src/store/group-commit.js';

interface Db {
  items: { id: number; parent: number | null };
}

let dir: string;
let db: Kysely<Db>;
/** Where the tests read: the main thread's connection (it sees what the writer's thread committed). */
let reader: Kysely<Db>;
let commits: number[];
let log: string[];
let batches: GroupCommit<Db>;

const mainThread = (backend: Backend) => new Kysely<Db>({ dialect: backend.dialect });

const connections: [string, (backend: Backend) => Kysely<Db>][] = [
  ['main thread', mainThread],
  ['writer thread', (backend) => new Kysely<Db>({ dialect: backend.writer ?? backend.dialect })],
];

const stored = async () =>
  (await reader.selectFrom('items').select('id').orderBy('id').execute()).map((r) => r.id);

/** A write that inserts `id` and answers it; logs when its caller hears back. */
function insert(id: number, parent: number | null = null): Promise<number> {
  const answer = batches.run(async (trx) => {
    await trx.insertInto('items').values({ id, parent }).execute();
    return id;
  });
  answer.then(
    () => log.push(`ok ${id}`),
    () => log.push(`failed ${id}`),
  );
  return answer;
}

describe.each(connections)('group commit (%s)', (_, connectionOf) => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-group-commit-'));
    const backend = sqliteBackend(dir);
    db = connectionOf(backend);
    reader =
      backend.writer && connectionOf !== mainThread ? new Kysely<Db>({ dialect: backend.dialect }) : db;
    // A deferred foreign key is checked at COMMIT: the way to make a COMMIT fail on purpose.
    await sql`create table items (id integer primary key, parent integer references items (id) deferrable initially deferred)`.execute(
      db,
    );
    commits = [];
    log = [];
    batches = groupCommit(db, {
      onCommit: (size) => {
        commits.push(size);
        log.push(`commit ${size}`);
      },
    });
  });

  afterEach(async () => {
    await db.destroy();
    if (reader !== db) await reader.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits writes queued together once, in the order they came', async () => {
    const answers = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((id) => insert(id)));
    expect(answers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(commits).toEqual([10]);
    expect(await stored()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('rolls back only the writes that throw; the others are kept', async () => {
    const thrown = new Error('refused by its own check');
    const results = await Promise.allSettled([
      insert(1),
      batches.run(async (trx) => {
        await trx.insertInto('items').values({ id: 2, parent: null }).execute();
        throw thrown;
      }),
      insert(3),
      insert(1), // the same key as the first write: a constraint violation
      insert(4),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toBe(thrown);
    expect(String((results[3] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed/);
    expect(commits).toEqual([5]);
    expect(await stored()).toEqual([1, 3, 4]);
  });

  it('answers no write, successful or not, before the COMMIT returned', async () => {
    await Promise.allSettled([insert(1), insert(1), insert(2)]);
    expect(log).toEqual(['commit 3', 'ok 1', 'failed 1', 'ok 2']);
  });

  it('fails every write of a batch whose COMMIT fails, and keeps none of them', async () => {
    const results = await Promise.allSettled([insert(1), insert(2, 99), insert(3)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results)
      expect(String((r as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY constraint failed/);
    expect(commits).toEqual([]);
    expect(log).toEqual(['failed 1', 'failed 2', 'failed 3']);
    expect(await stored()).toEqual([]);
    // The connection is usable again: the next batch commits.
    expect(await insert(4)).toBe(4);
    expect(await stored()).toEqual([4]);
  });

  it('puts writes queued while a batch runs into the next batch', async () => {
    let later: Promise<number> | undefined;
    const first = batches.run(async (trx) => {
      await trx.insertInto('items').values({ id: 1, parent: null }).execute();
      later = insert(2);
      return 1;
    });
    expect(await first).toBe(1);
    expect(await later).toBe(2);
    expect(commits).toEqual([1, 1]);
  });

  it('keeps batches at most maxBatch writes long', async () => {
    const small = groupCommit(db, { maxBatch: 4, onCommit: (size) => commits.push(size) });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        small.run((trx) => trx.insertInto('items').values({ id: i, parent: null }).execute()),
      ),
    );
    expect(commits).toEqual([4, 4, 2]);
  });

  it('is idle once every queued write has settled', async () => {
    await batches.idle();
    const pending = [insert(1), insert(2)];
    await batches.idle();
    expect(log).toEqual(['commit 2', 'ok 1', 'ok 2']);
    await Promise.all(pending);
  });
});
