/** The worker thread of the parse pool: parses the files the main thread posts, in turn (the pool may post the next before this one is done; results carry their id). */
import { parentPort } from 'node:worker_threads';
import { parseOne } from './parse-one.js';

interface Job {
  id: number;
  bytes: Uint8Array;
  path: string;
}

parentPort?.on('message', async (job: Job) => {
  const outcome = await parseOne(job.bytes, job.path);
  parentPort?.postMessage({ id: job.id, outcome });
});
