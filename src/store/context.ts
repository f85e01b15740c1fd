/** What every repository gets: the database, its capabilities, the clock and the id source. */
import type { Kysely, Transaction } from 'kysely';
import type { Capabilities } from './adapter.js';
import { StoreError } from './errors.js';
import { prepared } from './prepared.js';
import type { Database } from './schema.js';

export interface StoreContext {
  readonly db: Kysely<Database>;
  readonly capabilities: Capabilities;
  /** The current instant as an ISO string. */
  now(): string;
  newId(): string;
  /** Runs a write in a transaction of its own, or in a batch's (group commit); resolves once committed. */
  transact<T>(run: (trx: Tx) => Promise<T>): Promise<T>;
}

export type Tx = Transaction<Database>;

/** Who makes a change: a user, or the system itself (bootstrap, housekeeping). */
export interface Actor {
  readonly userId: string | null;
}

export const systemActor: Actor = Object.freeze({ userId: null });

export const actorOf = (user: { readonly id: string }): Actor => ({ userId: user.id });

/**
 * Runs a write in one transaction (the change and its audit row commit together or not at all), and
 * turns constraint violations into StoreErrors.
 */
export async function inTransaction<T>(ctx: StoreContext, run: (trx: Tx) => Promise<T>): Promise<T> {
  try {
    return await ctx.transact(run);
  } catch (error) {
    if (ctx.capabilities.isUniqueViolation(error))
      throw new StoreError('store.conflict', `记录已存在（唯一约束）：${messageOf(error)}`, { cause: error });
    if (ctx.capabilities.isForeignKeyViolation(error))
      throw new StoreError('store.invalid', `引用的记录不存在或仍被引用（外键约束）：${messageOf(error)}`, {
        cause: error,
      });
    if (ctx.capabilities.isCheckViolation(error))
      throw new StoreError('store.invalid', `记录不符合约束：${messageOf(error)}`, { cause: error });
    const failure = ctx.capabilities.storageFailure(error);
    if (failure !== null) throw new StoreError('store.unavailable', `无法保存：${failure}`, { cause: error });
    throw error;
  }
}

/**
 * Raises the data version of an agency inside a write's transaction. The row stays locked until the
 * transaction ends (PostgreSQL; SQLite holds the write lock anyway), so a reader that sees a version
 * sees every write before it: a view cached under a version is current while the version is.
 */
export async function bumpVersion(trx: Tx, agencyId: string): Promise<void> {
  await raiseVersion(trx, agencyId);
}

const raiseVersion = prepared((h, agencyId: string) =>
  (h as Tx)
    .insertInto('data_versions')
    .values({ agency_id: agencyId, version: 1 })
    .onConflict((oc) =>
      oc.column('agency_id').doUpdateSet((eb) => ({ version: eb('data_versions.version', '+', 1) })),
    ),
);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function notFound(what: string, id: string): never {
  throw new StoreError('store.not-found', `${what}「${id}」不存在`);
}

/** The fields of a patch that are set (undefined means "leave as is"); null stays null. */
export function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
