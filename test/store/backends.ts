/**
 * The two backends every store test runs against: SQLite in a temp directory, and PostgreSQL from
 * GONGKAI_TEST_DATABASE_URL (each target a fresh database of that server). Without the variable the
 * PostgreSQL half fails in CI (CI=true) and is skipped, with a note, elsewhere.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, it } from 'vitest';
import type { StoreOptions } from '../../src/store/index.js';

/** A place for a store: open it as often as needed with `options`, then `dispose`. */
export interface Target {
  options: StoreOptions;
  dispose(): Promise<void>;
}

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** Why it can't run here, or null. */
  missing: string | null;
  fresh(): Promise<Target>;
}

/** A fixed clock: each call is one second after the previous, from 2024-03-01T00:00:00Z. */
export function steppingClock(start = Date.UTC(2024, 2, 1)): () => Date {
  let t = start - 1000;
  return () => {
    t += 1000;
    return new Date(t);
  };
}

/** Ids id-1, id-2, … */
export function countingIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

const sqlite: TestBackend = {
  name: 'sqlite',
  missing: null,
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-store-'));
    return {
      options: { dataDir: dir, env: {} },
      async dispose() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const pgUrl = process.env.GONGKAI_TEST_DATABASE_URL;
let counter = 0;

const postgres: TestBackend = {
  name: 'postgres',
  missing: pgUrl ? null : 'GONGKAI_TEST_DATABASE_URL is not set (scripts/pg-test-server.sh starts a server)',
  async fresh() {
    if (!pgUrl) throw new Error('GONGKAI_TEST_DATABASE_URL is not set');
    const name = `gk_${process.pid}_${Date.now().toString(36)}_${++counter}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    return {
      options: { databaseUrl: url.toString(), env: {}, poolSize: 4 },
      async dispose() {
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        try {
          await client.query(`drop database if exists ${name} with (force)`);
        } finally {
          await client.end();
        }
      },
    };
  },
};

export const backends: readonly TestBackend[] = [sqlite, postgres];

/**
 * `describe` for each backend. A backend that can't run fails in CI and is skipped locally, with a
 * skipped test whose name says why (and a note on stderr).
 */
export function describeEachBackend(title: string, body: (backend: TestBackend) => void): void {
  for (const backend of backends) {
    if (backend.missing === null) {
      describe(`${title} [${backend.name}]`, () => body(backend));
      continue;
    }
    const note = `${backend.name}: ${backend.missing}`;
    if (process.env.CI === 'true')
      describe(`${title} [${backend.name}]`, () => {
        it('has a database to run against', () => {
          throw new Error(`${note}; CI must run the PostgreSQL half`);
        });
      });
    else {
      process.stderr.write(`note: skipping ${title} [${backend.name}]: ${backend.missing}\n`);
      describe.skip(`${title} [${backend.name}] (skipped: ${backend.missing})`, () => {
        it('runs against the backend', () => {});
      });
    }
  }
}
