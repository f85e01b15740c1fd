/**
 * Pictures of the figures that OCR read but could not vouch for: each such cell cut from its page
 * as read, as a PNG, so that a person can read the figure off the scan beside the error (the web
 * app's inspector). Only where the reading was asked to keep its page images (`keepImages`), and
 * then only the part of each page round its figures.
 */
import type { SourceFile } from '../../core/source-file.js';
import { ocrDoubts } from './certainty.js';
import type { Gray } from './image.js';
import type { PageRead } from './page.js';
import { encodePng } from './png.js';
import type { Box } from './rules.js';
import { type CellRead, pagesToBlocks } from './to-blocks.js';

/** Part of a page image: the pixels from (left, top) on. */
export interface Region {
  image: Gray;
  left: number;
  top: number;
}

const pageRegions = new WeakMap<SourceFile, Map<number, Region>>();

/** Margin round a figure's box in its picture: a third of the box's height, 4 pixels at least. */
const marginOf = (box: Box): number => Math.max(4, Math.round((box.bottom - box.top + 1) / 3));

/**
 * Keeps with a page read the part of its image that holds its figures with their margins (as
 * `pagesToBlocks` will find them): a page without figures (prose) keeps nothing, and a page of a
 * table about the table. A whole page at 200 dpi is about 3.9 MB; on the generated reports, the
 * parts kept are a fifth of their pages.
 */
export function keepFiguresImage(page: PageRead, image: Gray): PageRead {
  const region = figuresRegion(image, pagesToBlocks([page]).figures, page.number);
  if (region) page.figuresImage = region;
  return page;
}

/** Keeps the pages' figure images (taken off the readings) for `doubtCrops`. */
export function recordPageImages(file: SourceFile, pages: readonly PageRead[]): void {
  let regions = pageRegions.get(file);
  if (!regions) {
    regions = new Map();
    pageRegions.set(file, regions);
  }
  for (const page of pages) {
    if (page.figuresImage) regions.set(page.number, page.figuresImage);
    delete page.figuresImage;
  }
}

/** The part of a page's image that holds its figures with their margins; null for none. */
export function figuresRegion(image: Gray, figures: readonly CellRead[], page: number): Region | null {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const f of figures) {
    if (f.page !== page) continue;
    const margin = marginOf(f.box);
    left = Math.min(left, f.box.left - margin);
    top = Math.min(top, f.box.top - margin);
    right = Math.max(right, f.box.right + margin);
    bottom = Math.max(bottom, f.box.bottom + margin);
  }
  return cut(image, left, top, right, bottom);
}

/**
 * The part of an image within the bounds (clipped to it, whole pixels round them, at most `side`
 * pixels each way); null if none.
 */
function cut(
  image: Gray,
  left: number,
  top: number,
  right: number,
  bottom: number,
  side = Number.POSITIVE_INFINITY,
): Region | null {
  const x0 = Math.max(0, Math.floor(left));
  const y0 = Math.max(0, Math.floor(top));
  const x1 = Math.min(image.width - 1, Math.ceil(right), x0 + side - 1);
  const y1 = Math.min(image.height - 1, Math.ceil(bottom), y0 + side - 1);
  if (!(x1 >= x0 && y1 >= y0)) return null;
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    data.set(image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x1 + 1), y * width);
  return { image: { width, height, data }, left: x0, top: y0 };
}

export interface CellCrop {
  key: string;
  page: number;
  /** The figure as read, which was not taken. */
  text: string;
  /** The picture: the cell with a margin round it, as a PNG. */
  png: Uint8Array;
  width: number;
  height: number;
}

/** Largest side of a crop, in pixels: a cell or a figure, not half a page. */
const maxSide = 600;

/** A figure's picture, its box with a margin round it, from its page's kept region. */
export function pictureOf(
  region: Region | undefined,
  box: Box,
): Pick<CellCrop, 'png' | 'width' | 'height'> | null {
  if (!region) return null;
  const margin = marginOf(box);
  // In the region's own pixels: the region holds every figure's box with this margin.
  const crop = cut(
    region.image,
    box.left - margin - region.left,
    box.top - margin - region.top,
    box.right + margin - region.left,
    box.bottom + margin - region.top,
    maxSide,
  );
  if (!crop) return null;
  return { png: encodePng(crop.image), width: crop.image.width, height: crop.image.height };
}

/**
 * The picture of each cell whose figure `settleOcr` did not take, from the file's kept page images
 * regions (none where they were not kept), one a cell; the regions are let go afterwards.
 */
export function doubtCrops(file: SourceFile): CellCrop[] {
  const regions = pageRegions.get(file);
  if (!regions) return [];
  pageRegions.delete(file);
  const crops: CellCrop[] = [];
  // A row whose figures could not be matched one by one has one reading for several cells: its
  // picture is cut once.
  const pictures = new Map<CellRead, Pick<CellCrop, 'png' | 'width' | 'height'> | null>();
  for (const [key, read] of ocrDoubts(file)) {
    let picture = pictures.get(read);
    if (picture === undefined) {
      picture = pictureOf(regions.get(read.page), read.box);
      pictures.set(read, picture);
    }
    if (picture) crops.push({ key, page: read.page, text: read.text, ...picture });
  }
  return crops;
}
