/**
 * Queries built and compiled once, then run with new values. Kysely builds and compiles a query anew
 * on every call, which costs more than SQLite takes to run the small queries of every request (the
 * session, the data versions). A prepared query is built once with a marker in place of each
 * argument; the compiled SQL is kept, and each call puts its arguments where the markers were.
 */
import type { Compilable, CompiledQuery, InsertQueryBuilder, Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: any handle of the store (the database or a transaction)
type Handle = Kysely<any>;

const marker = (i: number) => `\u0000prepared-argument-${i}\u0000`;

/**
 * `build(db, ...args)` is called once per database, on the first run, with markers as the arguments:
 * it must pass each argument to the query as a value, unchanged (no arithmetic, no lists built from
 * it). Runs on the handle given to each call (the database or a transaction).
 */
export function prepared<A extends readonly unknown[], R>(
  build: (db: Handle, ...args: A) => Compilable<R>,
  arity: number = build.length - 1,
): (db: Handle, ...args: A) => Promise<R[]> {
  /** Per database (its adapter: SQLite and PostgreSQL compile differently), once. */
  const compiled = new WeakMap<object, Compiled<R>>();
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let query = compiled.get(adapter);
    if (query === undefined) {
      query = compile(build(db, ...(markersOf(arity) as unknown as A)), arity);
      compiled.set(adapter, query);
    }
    const { base, slots } = query;
    const parameters = slots.map((s, i) => (s < 0 ? base.parameters[i] : args[s]));
    const result = await db.executeQuery<R>({ ...base, parameters });
    return result.rows as R[];
  };
}

interface Compiled<R> {
  base: CompiledQuery<R>;
  /** For each parameter of the SQL: the index of the argument it takes, or -1 for a constant. */
  slots: number[];
}

const markersOf = (arity: number) => Array.from({ length: arity }, (_, i) => marker(i));

function compile<R>(builder: Compilable<R>, arity: number): Compiled<R> {
  const markers = markersOf(arity);
  const base = builder.compile();
  const slots = base.parameters.map((p) => markers.indexOf(p as string));
  const found = slots.filter((s) => s >= 0).sort((a, b) => a - b);
  if (found.join() !== markers.map((_, i) => i).join() || base.sql.includes('\u0000'))
    throw new Error(`store: a prepared query must take each argument once as a value: ${base.sql}`);
  return { base, slots };
}

/**
 * An insert of `rows` rows into `table`, prepared once: each call passes the rows' values flat, each
 * row's in the order of `columns`, one row after another. `finish` adds what follows the values
 * (`returning`, `onConflict`).
 */
export function preparedInsert<R = unknown>(
  table: string,
  columns: readonly string[],
  rows = 1,
  // biome-ignore lint/suspicious/noExplicitAny: an insert into any table of the store
  finish: (insert: InsertQueryBuilder<any, any, any>) => Compilable<R> = (insert) => insert,
): (db: Handle, ...values: unknown[]) => Promise<R[]> {
  const width = columns.length;
  return prepared(
    (db, ...values: unknown[]) =>
      finish(
        db
          .insertInto(table)
          .values(
            Array.from({ length: rows }, (_, row) =>
              Object.fromEntries(columns.map((c, i) => [c, values[row * width + i]])),
            ),
          ),
      ),
    rows * width,
  );
}
