/**
 * Parsing over the cores (all but the main thread's, by default): a pool of worker threads, each
 * running the reader, assembler and checker on one file at a time. Run from the TypeScript sources
 * (tests), where a worker can't load the modules, the pool parses inline on the main thread: the
 * results are the same.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ParseOutcome, parseOne } from './parse-one.js';

export interface ParsePool {
  /** Worker threads (0 when parsing inline). */
  readonly threads: number;
  parse(bytes: Uint8Array, path: string): Promise<ParseOutcome>;
  close(): Promise<void>;
}

const workerUrl = new URL('./worker.js', import.meta.url);
/** True when running compiled JavaScript (dist/), where worker threads can load the modules. */
const compiled = import.meta.url.endsWith('.js');

export const inlinePool = (): ParsePool => ({
  threads: 0,
  parse: parseOne,
  close: async () => {},
});

/**
 * The default number of parse threads: one per core but the main thread's. During ingest the main
 * thread is busy too (every insert and commit runs on it): with as many workers as cores, the three
 * threads of a two-core machine took turns, and each worker warmed up its own copy of the reader.
 * Measured on 2 vCPUs (2000 reports): 1 worker 279/319/315 reports/s against 2 workers 264/261/255,
 * with less CPU in all (10.8-12.3 s against 13.6-14.2 s).
 */
export const defaultThreads = (): number => Math.max(1, availableParallelism() - 1);

export function createPool(size = defaultThreads()): ParsePool {
  if (!compiled || size < 1) return inlinePool();
  interface Pending {
    resolve(outcome: ParseOutcome): void;
    bytes: Uint8Array;
    path: string;
    id: number;
  }
  const queue: Pending[] = [];
  // Each worker takes up to `depth` jobs at once: while the main thread is busy (writing to the
  // database, which blocks it), a worker that finished one report goes on with the next instead of
  // waiting for the main thread to hand it one, and the results wait together (one commit for them).
  const depth = 16;
  const slots: Worker[] = [];
  const busy = new Map<Worker, Map<number, Pending>>();
  let nextId = 0;

  const dispatch = () => {
    while (slots.length > 0 && queue.length > 0) {
      const worker = slots.pop() as Worker;
      const job = queue.shift() as Pending;
      busy.get(worker)?.set(job.id, job);
      // A busy worker keeps the process alive; an idle one doesn't hold it open.
      worker.ref();
      worker.postMessage({ id: job.id, bytes: job.bytes, path: job.path });
    }
  };
  const spawn = (): Worker => {
    const worker = new Worker(fileURLToPath(workerUrl));
    const jobs = new Map<number, Pending>();
    busy.set(worker, jobs);
    worker.on('message', (message: { id: number; outcome: ParseOutcome }) => {
      const job = jobs.get(message.id);
      jobs.delete(message.id);
      if (jobs.size === 0) worker.unref();
      slots.push(worker);
      job?.resolve(message.outcome);
      dispatch();
    });
    worker.on('error', (error) => {
      busy.delete(worker);
      for (const job of jobs.values()) job.resolve({ ok: false, reason: error.message, internal: true });
      jobs.clear();
      worker.terminate().catch(() => {});
      for (let i = slots.indexOf(worker); i >= 0; i = slots.indexOf(worker)) slots.splice(i, 1);
      const fresh = spawn();
      for (let i = 0; i < depth; i++) slots.push(fresh);
      all.push(fresh);
      dispatch();
    });
    worker.unref();
    return worker;
  };
  const all: Worker[] = [];
  for (let i = 0; i < size; i++) all.push(spawn());
  for (let i = 0; i < depth; i++) slots.push(...all);
  return {
    threads: size,
    parse: (bytes, path) =>
      new Promise((resolve) => {
        queue.push({ resolve, bytes, path, id: nextId++ });
        dispatch();
      }),
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
