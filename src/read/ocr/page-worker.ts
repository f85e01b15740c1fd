/**
 * A worker thread of the page pool (page-pool.ts): rasterises and reads the pages the main thread
 * posts, one at a time, with its own engine (its own onnxruntime sessions, one thread each).
 */
import { parentPort } from 'node:worker_threads';
import { chooseEngine } from './engine.js';
import { type PageJob, readPageJob } from './page-job.js';

parentPort?.on('message', async (job: PageJob & { id: number }) => {
  try {
    const engine = await chooseEngine(job.engine);
    if (!engine) throw new Error(`文字识别引擎 ${job.engine} 无法使用`);
    const page = await readPageJob(job, engine);
    // The part of the page image kept (up to a few MB) is handed over, not copied.
    const image = page.figuresImage?.image;
    parentPort?.postMessage({ id: job.id, page }, image ? [image.data.buffer as ArrayBuffer] : []);
  } catch (error) {
    const detail = (error as { detail?: string } | null)?.detail;
    parentPort?.postMessage({
      id: job.id,
      error: detail || (error instanceof Error ? error.message : String(error)),
    });
  }
});
