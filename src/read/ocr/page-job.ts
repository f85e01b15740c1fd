/** One page of a scan to read: where it is, at what resolution, by which engine. */
import type { OcrEngine, OcrEngineId } from './engine.js';
import { type PageRead, readPage } from './page.js';
import { rasterPage } from './raster.js';

export interface PageJob {
  /** The PDF on disk. */
  path: string;
  number: number;
  /** Resolution to rasterise at … */
  dpi: number;
  /** … and the resolution the page is read as (an image is read as if at 200 dpi). */
  readDpi: number;
  engine: OcrEngineId;
  /** The page number the reading carries, where not `number` (an image inside a document). */
  page?: number;
  /** Return the part of the page image that holds its figures (`PageRead.figuresImage`). */
  keepImage?: boolean;
}

export async function readPageJob(job: PageJob, engine: OcrEngine): Promise<PageRead> {
  const raster = await rasterPage(job.path, job.number, job.dpi);
  return readPage(raster, job.page ?? job.number, job.readDpi, engine, job.keepImage === true);
}
