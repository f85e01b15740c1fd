/**
 * Scans of generated reports, for the OCR tests and the bench: Gongkai's own PDF rendered to
 * grey pixels by poppler's `pdftoppm`, then put through what a scanner and a copier do to a page
 * (a turn of up to a degree or so, speckle noise, uneven lighting, JPEG compression), and bound
 * again as an image-only PDF (or returned as the page images).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Report } from '../core/report.js';
import { type Gray, parsePgm } from '../read/ocr/image.js';
import { encodePng } from '../read/ocr/png.js';
import { rotate } from '../read/ocr/preprocess.js';
import { run } from '../read/ocr/tesseract.js';
import { renderPdf } from '../render/pdf/index.js';
import { createRandom } from './prng.js';

export interface ScanOptions {
  /** Resolution of the scan (default 200). */
  dpi?: number;
  /** Turn of the page, in degrees (positive: clockwise). */
  rotation?: number;
  /** Share of pixels hit by speckle noise (0–0.05). */
  noise?: number;
  /** Darkening of the paper from one side to the other, 0 (even) to 0.5. */
  shade?: number;
  /** JPEG quality (1–100); PNG (lossless) when absent. */
  jpegQuality?: number;
  /** Seed of the noise. */
  seed?: number;
}

export interface Scan {
  /** An image-only PDF, one image a page, A4. */
  pdf: Uint8Array;
  /** The page images (PNG, or JPEG when a quality is given). */
  images: Uint8Array[];
}

/** An 8-bit grey PNG (the reader's encoder, also used for the pictures of cells). */
export { encodePng } from '../read/ocr/png.js';

/** What a scanner does to a page: turn, uneven light, speckles. */
export function degrade(image: Gray, options: ScanOptions): Gray {
  const random = createRandom(options.seed ?? 1);
  let out = options.rotation
    ? rotate(image, -options.rotation)
    : { ...image, data: new Uint8Array(image.data) };
  const shade = options.shade ?? 0;
  const noise = options.noise ?? 0;
  if (shade > 0 || noise > 0) {
    const { width, height } = out;
    const data = new Uint8Array(out.data);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        // The paper greys towards the right and the bottom, and the ink with it.
        let v = (data[i] as number) * (1 - shade * (0.6 * (x / width) + 0.4 * (y / height)));
        if (noise > 0 && random.next() < noise) v = random.chance(0.5) ? v * 0.5 : Math.min(255, v + 90);
        data[i] = v;
      }
    out = { width, height, data };
  }
  return out;
}

/** Renders a PDF's pages to grey images. */
export async function rasterise(pdf: Uint8Array, dpi: number): Promise<Gray[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-raster-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await run('pdftoppm', ['-gray', '-r', String(dpi), join(dir, 'in.pdf'), join(dir, 'p')], {
      timeout: 120_000,
    });
    const names = (await readdir(dir)).filter((n) => n.endsWith('.pgm')).sort();
    return await Promise.all(names.map(async (n) => parsePgm(await readFile(join(dir, n)))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Binds page images (PNG or JPEG) into a PDF of A4 pages, each image filling its page. */
export async function imagesPdf(images: readonly Uint8Array[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (const image of images) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(Buffer.from(image), 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** JPEG of a grey image at a quality, by way of a one-page PDF and pdftoppm. */
async function encodeJpeg(image: Gray, quality: number): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-jpeg-'));
  try {
    const doc = new PDFDocument({ size: [image.width, image.height], margin: 0 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    doc.image(Buffer.from(encodePng(image)), 0, 0, { width: image.width, height: image.height });
    doc.end();
    await done;
    await writeFile(join(dir, 'page.pdf'), Buffer.concat(chunks));
    await run(
      'pdftoppm',
      [
        '-jpeg',
        '-jpegopt',
        `quality=${quality}`,
        '-gray',
        '-r',
        '72',
        '-singlefile',
        join(dir, 'page.pdf'),
        join(dir, 'p'),
      ],
      { timeout: 60_000 },
    );
    return await readFile(join(dir, 'p.jpg'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A scan of the report as Gongkai renders it to PDF. */
export async function scanReport(report: Report, options: ScanOptions = {}): Promise<Scan> {
  const dpi = options.dpi ?? 200;
  const pdf = await renderPdf(report, { creationDate: new Date('2022-01-25T09:00:00+08:00') });
  const pages = await rasterise(pdf, dpi);
  const images: Uint8Array[] = [];
  for (const [i, page] of pages.entries()) {
    const scanned = degrade(page, { ...options, seed: (options.seed ?? 1) * 31 + i });
    images.push(options.jpegQuality ? await encodeJpeg(scanned, options.jpegQuality) : encodePng(scanned));
  }
  return { pdf: await imagesPdf(images), images };
}
