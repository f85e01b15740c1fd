/**
 * The statistics' sums as one text column (src/corpus/sums-text.ts): read back exactly the numbers
 * the database holds, on both backends.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSums, sumsText } from '../../src/corpus/sums-text.js';
import { openStore, type Store } from '../../src/store/index.js';
import { describeEachBackend, type Target } from '../store/backends.js';

describe('readSums', () => {
  it('reads what Number reads, whole numbers without substrings', () => {
    const texts = ['12', '12.0', '0', '0.0', '-0', '3940.5', '0.30000000000000004', '0.33333333333333332'];
    const more = ['1e+15', '1000000000000000.3', '123456789012345678', '9007199254740993', '.5', '1.05'];
    const all = [...texts, ...more];
    expect(readSums(all.join(','))).toEqual(all.map(Number));
    expect(readSums(all.join(',')).map((n) => Object.is(n, -0))).toEqual(all.map((t) => t === '-0'));
    expect(readSums('7')).toEqual([7]);
  });
});

describeEachBackend('sumsText', (backend) => {
  let target: Target;
  let store: Store;
  beforeAll(async () => {
    target = await backend.fresh();
    store = await openStore(target.options);
  });
  afterAll(async () => {
    await store?.close();
    await target?.dispose();
  });

  it('prints sums that read back as the numbers the database returns', async () => {
    const values = [
      sql`cast(0.1 as double precision) + cast(0.2 as double precision)`,
      sql`cast(1 as double precision) / 3`,
      sql`cast(1000000000000000.3 as double precision)`,
      sql`cast(12 as double precision)`,
      sql`cast(3940 as integer) + 7`,
      sql`cast(null as integer)`,
    ];
    // SQLite reads "double precision" as REAL, PostgreSQL as float8.
    const direct = await sql<Record<string, unknown>>`select ${sql.join(
      values.map((v, i) => sql`${v} as ${sql.ref(`v${i}`)}`),
    )}`.execute(store.db);
    const text = await sql<{ t: string }>`select ${sumsText(values)} as t`.execute(store.db);
    const expected = Object.values(direct.rows[0] ?? {}).map((v) => Number(v ?? 0));
    expect(readSums(text.rows[0]?.t ?? '')).toEqual(expected);
    expect(expected.slice(0, 3)).toEqual([0.1 + 0.2, 1 / 3, Number('1000000000000000.3')]);
  });
});
