/**
 * Parsing over all cores: a pool of worker threads, each running the reader, assembler and checker
 * on one file at a time. Run from the TypeScript sources (tests), where a worker can't load the
 * modules, the pool parses inline on the main thread: the results are the same.
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

export function createPool(size = availableParallelism()): ParsePool {
  if (!compiled || size < 1) return inlinePool();
  interface Pending {
    resolve(outcome: ParseOutcome): void;
    bytes: Uint8Array;
    path: string;
    id: number;
  }
  const queue: Pending[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  let nextId = 0;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const job = queue.shift() as Pending;
      busy.set(worker, job);
      // A busy worker keeps the process alive; an idle one doesn't hold it open.
      worker.ref();
      worker.postMessage({ id: job.id, bytes: job.bytes, path: job.path });
    }
  };
  const spawn = (): Worker => {
    const worker = new Worker(fileURLToPath(workerUrl));
    worker.on('message', (message: { outcome: ParseOutcome }) => {
      const job = busy.get(worker);
      busy.delete(worker);
      worker.unref();
      idle.push(worker);
      job?.resolve(message.outcome);
      dispatch();
    });
    worker.on('error', (error) => {
      const job = busy.get(worker);
      busy.delete(worker);
      job?.resolve({ ok: false, reason: error.message, internal: true });
      worker.terminate().catch(() => {});
      idle.push(spawn());
      dispatch();
    });
    worker.unref();
    return worker;
  };
  for (let i = 0; i < size; i++) idle.push(spawn());
  const all = [...idle];
  return {
    threads: size,
    parse: (bytes, path) =>
      new Promise((resolve) => {
        queue.push({ resolve, bytes, path, id: nextId++ });
        dispatch();
      }),
    async close() {
      await Promise.all([...all, ...idle].map((w) => w.terminate()));
    },
  };
}
