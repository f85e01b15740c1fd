/**
 * Ingest beyond one machine (PostgreSQL only): `gongkai ingest --queue` sends one pg-boss job per
 * file, `{hash, path}` (never the bytes), singletonKey = hash on a `stately` queue, so a file queued
 * twice is one job; `gongkai worker` processes drain it. The handler is idempotent — a known hash is
 * skipped, a report and its cells and findings are written in one transaction — so a worker killed
 * mid-job loses nothing: the job expires, is retried, and is stored once.
 *
 * pg-boss is pinned to the 10.x line, the last that runs on Node 20.
 */
import { readFile } from 'node:fs/promises';
import PgBoss from 'pg-boss';
import { resolveLocation, type Store } from '../store/index.js';
import { type IngestResult, ingestBytes, sha256 } from './ingest.js';
import { createPool, type ParsePool } from './pool.js';
import { describeFsError, listFiles, readSource } from './sources.js';

export const queueName = 'gongkai-ingest';
export const deadLetterQueue = 'gongkai-ingest-failed';

export interface IngestJob {
  hash: string;
  path: string;
}

export interface QueueOptions {
  /** Seconds a job may run before it counts as lost and is retried (default 300: a large PDF). */
  expireInSeconds?: number;
  retryLimit?: number;
  retryDelay?: number;
  /** How often pg-boss looks for expired jobs (default 60 s). */
  maintenanceIntervalSeconds?: number;
}

export class QueueConfigError extends Error {
  override name = 'QueueConfigError';
}

function urlOf(): string {
  const location = resolveLocation();
  if (location.kind !== 'postgres')
    throw new QueueConfigError('任务队列需要 PostgreSQL：请设置 DATABASE_URL（postgres://…）');
  return location.url;
}

export async function openBoss(url = urlOf(), options: QueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue(deadLetterQueue, { name: deadLetterQueue, policy: 'standard' });
  await boss.createQueue(queueName, {
    name: queueName,
    policy: 'stately',
    retryLimit: options.retryLimit ?? 5,
    retryDelay: options.retryDelay ?? 1,
    expireInSeconds: options.expireInSeconds ?? 300,
    deadLetter: deadLetterQueue,
  });
  return boss;
}

export interface EnqueueResult {
  sent: number;
  /** Already stored, or already queued. */
  skipped: number;
  unreadable: { path: string; reason: string }[];
}

/** One job per file (zip entries one by one); files whose bytes are stored already are skipped. */
export async function enqueuePaths(
  store: Store,
  paths: readonly string[],
  options: QueueOptions & { url?: string } = {},
): Promise<EnqueueResult> {
  const boss = await openBoss(options.url, options);
  const result: EnqueueResult = { sent: 0, skipped: 0, unreadable: [] };
  try {
    for await (const entry of listFiles(paths)) {
      if (entry.error) {
        result.unreadable.push({ path: entry.path, reason: entry.error });
        continue;
      }
      for (const source of await readSource(entry.path)) {
        if (source.error !== undefined) {
          result.unreadable.push({ path: source.path, reason: source.error });
          continue;
        }
        const hash = sha256(source.bytes);
        const known = await store.db
          .selectFrom('corpus_reports')
          .select('id')
          .where('sha256', '=', hash)
          .executeTakeFirst();
        const id = known
          ? null
          : await boss.send(queueName, { hash, path: source.path } satisfies IngestJob, {
              singletonKey: hash,
            });
        if (id === null) result.skipped++;
        else result.sent++;
      }
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  return result;
}

/** The bytes a job names: a file, or `archive.zip!entry`. */
async function bytesOf(path: string): Promise<Uint8Array> {
  const bang = path.indexOf('.zip!');
  if (bang < 0) return readFile(path);
  const archive = path.slice(0, bang + 4);
  const found = (await readSource(archive)).find((s) => s.path === path);
  if (!found) throw Object.assign(new Error('压缩包中没有这个文件'), { code: 'ENOENT' });
  if (found.error !== undefined) throw new Error(found.error);
  return found.bytes;
}

/**
 * Handles one job: reads the file, checks its bytes are the ones queued, ingests them. A file that
 * is gone or changed is a result (not retried); a database failure throws, so the job is retried.
 */
export async function handleJob(store: Store, job: IngestJob, pool?: ParsePool): Promise<IngestResult> {
  let bytes: Uint8Array;
  try {
    bytes = await bytesOf(job.path);
  } catch (error) {
    return { path: job.path, status: 'unreadable', sha256: job.hash, reason: describeFsError(error) };
  }
  if (sha256(bytes) !== job.hash)
    return {
      path: job.path,
      status: 'unreadable',
      sha256: job.hash,
      reason: '文件在加入队列后被修改，请重新导入',
    };
  return ingestBytes(store, job.path, bytes, pool ? { pool } : {});
}

export interface WorkerHandle {
  /** Stops fetching, waits for the active jobs, closes. */
  stop(): Promise<void>;
}

/** Starts draining the queue; `onResult` sees every handled job. */
export async function startWorker(
  store: Store,
  options: QueueOptions & {
    url?: string;
    concurrency?: number;
    pollingIntervalSeconds?: number;
    onResult?(result: IngestResult): void;
    /** Called when a job starts, before it is handled. */
    onStart?(job: IngestJob): void | Promise<void>;
  } = {},
): Promise<WorkerHandle> {
  const boss = await openBoss(options.url, options);
  const pool = createPool(options.concurrency);
  const workers = Math.max(1, options.concurrency ?? pool.threads ?? 1);
  for (let i = 0; i < workers; i++)
    await boss.work<IngestJob>(
      queueName,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
      async ([job]) => {
        if (!job) return;
        await options.onStart?.(job.data);
        const result = await handleJob(store, job.data, pool);
        options.onResult?.(result);
        return result;
      },
    );
  return {
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      await pool.close();
    },
  };
}
