/** Prepared queries: compiled once, run with each call's arguments, on the database or a transaction. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sqliteBackend } from '../../src/store/adapter.js';
import { prepared } from '../../src/store/prepared.js';

interface Db {
  items: { id: number; name: string; kind: string };
}

let dir: string;
let db: Kysely<Db>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-prepared-'));
  db = new Kysely<Db>({ dialect: sqliteBackend(dir).dialect });
  await sql`create table items (id integer primary key, name text not null, kind text not null)`.execute(db);
  await db
    .insertInto('items')
    .values([
      { id: 1, name: '甲', kind: 'a' },
      { id: 2, name: '乙', kind: 'b' },
      { id: 3, name: '丙', kind: 'a' },
    ])
    .execute();
});

afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

it('runs the query compiled once with each call’s arguments, constants kept', async () => {
  const named = prepared((h, kind: string, above: number) =>
    (h as Kysely<Db>)
      .selectFrom('items')
      .select(['id', 'name'])
      .where('kind', '=', kind)
      .where('id', '>', above)
      .where('name', '!=', '无')
      .orderBy('id'),
  );
  expect(await named(db, 'a', 0)).toEqual([
    { id: 1, name: '甲' },
    { id: 3, name: '丙' },
  ]);
  expect(await named(db, 'a', 1)).toEqual([{ id: 3, name: '丙' }]);
  expect(await named(db, 'b', 0)).toEqual([{ id: 2, name: '乙' }]);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('items').where('id', '=', 2).execute();
    expect(await named(trx, 'b', 0)).toEqual([]);
  });
});

it('takes lists of a fixed length as one argument each', async () => {
  const some = prepared(
    (h, ...ids: number[]) =>
      (h as Kysely<Db>).selectFrom('items').select('id').where('id', 'in', ids).orderBy('id'),
    2,
  );
  expect(await some(db, 3, 1)).toEqual([{ id: 1 }, { id: 3 }]);
});

it('refuses a query that does not take each argument as a value', async () => {
  const twice = prepared((h, name: string) =>
    (h as Kysely<Db>).selectFrom('items').select('id').where('name', '=', name).where('kind', '=', name),
  );
  await expect(twice(db, '甲')).rejects.toThrow(/each argument once as a value/);
  const unused = prepared((h, _name: string) => (h as Kysely<Db>).selectFrom('items').select('id'));
  await expect(unused(db, '甲')).rejects.toThrow(/each argument once as a value/);
});
