/** Where the store lives, and how SQLite is set up. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, openStore, resolveLocation, StoreError } from '../../src/store/index.js';

describe('resolveLocation', () => {
  it('uses SQLite in GONGKAI_DATA, else ./gongkai-data', () => {
    expect(defaultDataDir).toBe('./gongkai-data');
    expect(resolveLocation({ env: {} })).toEqual({ kind: 'sqlite', dataDir: './gongkai-data' });
    expect(resolveLocation({ env: { GONGKAI_DATA: '/srv/gongkai' } })).toEqual({
      kind: 'sqlite',
      dataDir: '/srv/gongkai',
    });
    expect(resolveLocation({ env: { GONGKAI_DATA: '/srv/gongkai', DATABASE_URL: '' } })).toEqual({
      kind: 'sqlite',
      dataDir: '/srv/gongkai',
    });
    expect(resolveLocation({ dataDir: '/x', env: { GONGKAI_DATA: '/srv/gongkai' } })).toEqual({
      kind: 'sqlite',
      dataDir: '/x',
    });
  });

  it('uses PostgreSQL when DATABASE_URL is a postgres:// URL, and refuses any other URL', () => {
    expect(resolveLocation({ env: { DATABASE_URL: 'postgres://u:p@db:5432/gongkai' } })).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/gongkai',
    });
    expect(resolveLocation({ env: { DATABASE_URL: 'postgresql://db/gongkai' } }).kind).toBe('postgres');
    expect(resolveLocation({ databaseUrl: 'postgres://db/x', env: {} }).kind).toBe('postgres');
    let error: unknown;
    try {
      resolveLocation({ env: { DATABASE_URL: 'mysql://u:secret@db/gongkai' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('store.config');
    expect((error as StoreError).message).not.toContain('secret');
  });
});

describe('SQLite settings', () => {
  it('opens one file in the data directory with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-store-'));
    const dataDir = join(dir, 'nested', 'data');
    const store = await openStore({ env: { GONGKAI_DATA: dataDir } });
    try {
      expect(existsSync(join(dataDir, 'gongkai.sqlite'))).toBe(true);
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(store.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // FULL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(10_000);
      expect(store.capabilities.description).toBe(`SQLite ${join(dataDir, 'gongkai.sqlite')}`);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
