/**
 * Queries built and compiled once, then run with new values. Kysely builds and compiles a query anew
 * on every call, which costs more than SQLite takes to run the small queries of every request (the
 * session, the data versions). A prepared query is built once with a marker in place of each
 * argument; the compiled SQL is kept, and each call puts its arguments where the markers were.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: any handle of the store (the database or a transaction)
type Handle = Kysely<any>;

const marker = (i: number) => `\u0000prepared-argument-${i}\u0000`;

/**
 * `build(db, ...args)` is called once, on the first run, with markers as the arguments: it must
 * pass each argument to the query as a value, unchanged (no arithmetic, no lists built from it).
 * Runs on the handle given to each call (the database or a transaction).
 */
export function prepared<A extends readonly unknown[], R>(
  build: (db: Handle, ...args: A) => Compilable<R>,
  arity: number = build.length - 1,
): (db: Handle, ...args: A) => Promise<R[]> {
  let compiled: CompiledQuery<R> | undefined;
  /** For each parameter of the SQL: the index of the argument it takes, or -1 for a constant. */
  let slots: number[] = [];
  return async (db, ...args) => {
    if (compiled === undefined) {
      const markers = Array.from({ length: arity }, (_, i) => marker(i));
      const query = build(db, ...(markers as unknown as A)).compile();
      slots = query.parameters.map((p) => markers.indexOf(p as string));
      const found = slots.filter((s) => s >= 0).sort((a, b) => a - b);
      if (found.join() !== markers.map((_, i) => i).join() || query.sql.includes('\u0000'))
        throw new Error(`store: a prepared query must take each argument once as a value: ${query.sql}`);
      compiled = query;
    }
    const base = compiled;
    const parameters = slots.map((s, i) => (s < 0 ? base.parameters[i] : args[s]));
    const result = await db.executeQuery<R>({ ...base, parameters });
    return result.rows as R[];
  };
}
