/**
 * The ingest queue on PostgreSQL (pg-boss): one job per file, deduplicated by hash; workers drain it;
 * a worker SIGKILLed mid-job loses nothing — the job expires, is retried by another worker, and the
 * report is stored exactly once. Needs GONGKAI_TEST_DATABASE_URL (fails in CI without it).
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueuePaths, startWorker } from '../../src/corpus/queue.js';
import { openStore, type Store } from '../../src/store/index.js';
import { backends, type Target } from '../store/backends.js';
import { makeReport, renderAs, tempDir, writeFile } from './helpers.js';

const postgres = backends.find((b) => b.name === 'postgres');
const root = join(import.meta.dirname, '..', '..');

async function bundle(): Promise<string> {
  const dir = join(root, 'node_modules', '.cache', 'gongkai-corpus-test');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `hanging-worker-${process.pid}.mjs`);
  await build({
    input: join(root, 'test', 'corpus', 'fixtures', 'hanging-worker.ts'),
    platform: 'node',
    external: [/^[^./]/],
    write: true,
    logLevel: 'silent',
    output: { file, format: 'esm', codeSplitting: false },
  });
  return file;
}

const count = async (store: Store) =>
  Number(
    (
      await store.db
        .selectFrom('corpus_reports')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );

if (!postgres || postgres.missing !== null) {
  if (process.env.CI === 'true')
    it('has a PostgreSQL to run the queue against', () => {
      throw new Error(`${postgres?.missing}; CI must run the queue tests`);
    });
  else describe.skip(`ingest queue (skipped: ${postgres?.missing})`, () => it('runs', () => {}));
} else
  describe('ingest queue [postgres]', () => {
    let target: Target;
    let store: Store;
    let tmp: ReturnType<typeof tempDir>;
    let url: string;

    beforeAll(async () => {
      target = await postgres.fresh();
      url = target.options.databaseUrl as string;
      store = await openStore(target.options);
      tmp = tempDir();
      for (const year of [2021, 2022, 2023])
        writeFile(
          join(tmp.dir, 'in', `${year}.txt`),
          renderAs(makeReport({ agency: '宿迁市宿城区财政局', year }), 'txt'),
        );
    });
    afterAll(async () => {
      await store?.close();
      await target?.dispose();
      tmp?.dispose();
    });

    it('survives a worker killed mid-job: every file stored once, nothing lost', async () => {
      const sent = await enqueuePaths(store, [join(tmp.dir, 'in')], {
        url,
        expireInSeconds: 2,
        retryDelay: 0,
      });
      expect(sent).toEqual({ sent: 3, skipped: 0, unreadable: [] });
      const again = await enqueuePaths(store, [join(tmp.dir, 'in')], { url });
      expect(again).toEqual({ sent: 0, skipped: 3, unreadable: [] });

      const file = await bundle();
      const child = spawn(process.execPath, [file], {
        cwd: root,
        env: { ...process.env, STORE_OPTIONS: JSON.stringify(target.options) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
      });
      const started = await new Promise<string>((resolve, reject) => {
        const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
        lines.on('line', (line) => {
          if (line.startsWith('started ')) resolve(line.slice('started '.length));
        });
        child.on('close', (code) => reject(new Error(`worker exited (${code}): ${stderr}`)));
      });
      expect(started).toMatch(/\.txt$/);
      const killed = new Promise((resolve) => child.on('close', resolve));
      child.kill('SIGKILL');
      await killed;

      const worker = await startWorker(store, {
        url,
        concurrency: 2,
        pollingIntervalSeconds: 0.5,
        maintenanceIntervalSeconds: 1,
      });
      try {
        await expect.poll(() => count(store), { timeout: 90_000, interval: 250 }).toBe(3);
      } finally {
        await worker.stop();
      }
      const rows = await store.db
        .selectFrom('corpus_reports')
        .select(['file', 'year'])
        .orderBy('year')
        .execute();
      expect(rows.map((r) => r.year)).toEqual([2021, 2022, 2023]);
      expect(await store.integrityCheck()).toEqual([]);
    });
  });
