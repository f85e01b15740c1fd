/** Where the data lives: PostgreSQL when DATABASE_URL names one, else a SQLite file in the data directory. */
import type { Migration } from 'kysely';
import { isPostgresUrl, redactUrl } from './adapter.js';
import { StoreError } from './errors.js';

export interface StoreOptions {
  /** `postgres://…`; defaults to `DATABASE_URL`. */
  databaseUrl?: string;
  /** Directory of the SQLite file; defaults to `GONGKAI_DATA`, then `./gongkai-data`. */
  dataDir?: string;
  /** The environment to read (defaults to `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The clock for timestamps (created_at, audit `at`, session expiry checks). */
  now?: () => Date;
  /** Ids for new records (defaults to random UUIDs). */
  newId?: () => string;
  /** The known migrations (defaults to every migration of this version; tests replace it). */
  migrations?: Readonly<Record<string, Migration>>;
  /** PostgreSQL connections in the pool. */
  poolSize?: number;
  /**
   * SQLite: run the writes on a thread of their own (sqlite-writer.ts), so a commit's fsync doesn't
   * stop the requests. Defaults to `GONGKAI_SQLITE_WRITER=thread`; off otherwise: on two shared cores
   * the handoffs between the threads cost more than the fsyncs they hide (see the bench).
   */
  writerThread?: boolean;
}

/** Whether the SQLite writes run on their own thread (see StoreOptions.writerThread). */
export function wantsWriterThread(options: StoreOptions = {}): boolean {
  return options.writerThread ?? (options.env ?? process.env).GONGKAI_SQLITE_WRITER === 'thread';
}

export type StoreLocation = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string };

export const defaultDataDir = './gongkai-data';

export function resolveLocation(options: StoreOptions = {}): StoreLocation {
  const env = options.env ?? process.env;
  const url = options.databaseUrl ?? (env.DATABASE_URL || undefined);
  if (url !== undefined) {
    if (!isPostgresUrl(url))
      throw new StoreError(
        'store.config',
        `DATABASE_URL「${redactUrl(url)}」不是 PostgreSQL 地址（应以 postgres:// 开头）；不设置 DATABASE_URL 时使用 SQLite`,
      );
    return { kind: 'postgres', url };
  }
  return { kind: 'sqlite', dataDir: options.dataDir ?? (env.GONGKAI_DATA || defaultDataDir) };
}
