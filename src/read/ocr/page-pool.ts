/**
 * PaddleOCR's pages in parallel: onnxruntime-node runs a model on the calling thread, so the pages
 * of a scan are read by worker threads, each with its own sessions (one thread each: on this
 * machine one session a core costs half the CPU of one session over four cores). The pool is made
 * on first use, as many workers as cores (at most `maxWorkers`), and kept for the next file; idle
 * workers don't hold the process open. Run from the TypeScript sources (tests), or inside a worker
 * already (the corpus's parse pool), pages are read one after the other on the calling thread.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';
import type { PageRead } from './page.js';
import type { PageJob } from './page-job.js';

/** Most page workers (each holds the models, about 100 MB). */
export const maxWorkers = 4;

const workerUrl = new URL('./page-worker.js', import.meta.url);
/** True when running compiled JavaScript (dist/), where worker threads can load the modules. */
const compiled = import.meta.url.endsWith('.js');

/** Whether pages can be read on worker threads here. */
export const pagePoolAvailable = (): boolean =>
  compiled && isMainThread && availableParallelism() > 1 && process.env.GONGKAI_OCR_WORKERS !== '0';

interface Pending {
  job: PageJob & { id: number };
  resolve(page: PageRead): void;
  reject(error: Error): void;
}

const queue: Pending[] = [];
const idle: Worker[] = [];
const busy = new Map<Worker, Pending>();
let workers = 0;
let nextId = 0;

function spawn(): Worker {
  const worker = new Worker(fileURLToPath(workerUrl));
  workers++;
  worker.on('message', (message: { page?: PageRead; error?: string }) => {
    const job = busy.get(worker);
    busy.delete(worker);
    worker.unref();
    idle.push(worker);
    if (message.page) job?.resolve(message.page);
    else job?.reject(new Error(message.error ?? 'page worker failed'));
    dispatch();
  });
  worker.on('error', (error) => {
    const job = busy.get(worker);
    busy.delete(worker);
    workers--;
    job?.reject(error);
    worker.terminate().catch(() => {});
    dispatch();
  });
  worker.unref();
  return worker;
}

function dispatch(): void {
  const size = Math.min(maxWorkers, availableParallelism());
  while (queue.length > 0 && idle.length === 0 && workers < size) idle.push(spawn());
  while (idle.length > 0 && queue.length > 0) {
    const worker = idle.pop() as Worker;
    const pending = queue.shift() as Pending;
    busy.set(worker, pending);
    // A busy worker keeps the process alive; an idle one doesn't hold it open.
    worker.ref();
    worker.postMessage(pending.job);
  }
}

/** Reads a page on a worker thread (see `pagePoolAvailable`). */
export function readPageOnWorker(job: PageJob): Promise<PageRead> {
  return new Promise((resolve, reject) => {
    queue.push({ job: { ...job, id: nextId++ }, resolve, reject });
    dispatch();
  });
}
