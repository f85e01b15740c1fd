/** Runs the known migrations in name order, under Kysely's migration lock. */
import { type Kysely, type Migration, type MigrationResult, Migrator } from 'kysely';
import { StoreError } from './errors.js';

export interface MigrationOutcome {
  /** Names of the migrations this run executed, in order. */
  executed: string[];
}

/**
 * Brings the database up to the last known migration. Throws a StoreError (`store.migration`) when a
 * migration fails, or when the migrations already executed are not a prefix of the known list (a
 * database from a newer or different version of Gongkai): nothing is run then.
 */
export async function migrateToLatest(
  // biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
  db: Kysely<any>,
  migrations: Readonly<Record<string, Migration>>,
  description: string,
): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r: MigrationResult) => r.status === 'Error');
  if (error !== undefined || failed) {
    const reason = error instanceof Error ? error.message : String(error);
    const prefix = /corrupted migrations/.test(reason)
      ? `数据库已执行的迁移不是本版本已知迁移的前缀（数据库可能来自更新或不同的版本），拒绝运行：`
      : `数据库迁移${failed ? `「${failed.migrationName}」` : ''}失败：`;
    throw new StoreError('store.migration', `${description}：${prefix}${reason}`, { cause: error });
  }
  return { executed: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Names of the migrations the database has executed, in name order. */
// biome-ignore lint/suspicious/noExplicitAny: an untyped handle, as migrations get (STYLE §2)
export async function executedMigrations(db: Kysely<any>): Promise<string[]> {
  const rows = await db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((r: { name: string }) => r.name);
}
