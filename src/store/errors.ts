/** Errors of the store, with a fixed code like the findings' (`store.*`). */
export type StoreErrorCode =
  /** The options or environment don't name a usable database. */
  | 'store.config'
  /** The migrations failed, or the database has run migrations this version doesn't know. */
  | 'store.migration'
  /** The record asked for doesn't exist. */
  | 'store.not-found'
  /** A unique key is taken (a username, an id). */
  | 'store.conflict'
  /** A value the database can't hold (an unknown cell key, a report without a year, …). */
  | 'store.invalid'
  /** The data can't be written or read: a full disk, a read-only or missing data directory. */
  | 'store.unavailable';

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
