/**
 * Pictures of the figures that OCR read but could not vouch for: each such cell cut from its page
 * as read, as a PNG, so that a person can read the figure off the scan beside the error (the web
 * app's inspector). Only where the reading was asked to keep its page images (`keepImages`).
 */
import type { SourceFile } from '../../core/source-file.js';
import { ocrDoubts } from './certainty.js';
import type { Gray } from './image.js';
import type { PageRead } from './page.js';
import { encodePng } from './png.js';

const pageImages = new WeakMap<SourceFile, Map<number, Gray>>();

/** Keeps the pages' images (taken off the readings) for `doubtCrops`. */
export function recordPageImages(file: SourceFile, pages: readonly PageRead[]): void {
  let images = pageImages.get(file);
  if (!images) {
    images = new Map();
    pageImages.set(file, images);
  }
  for (const page of pages) {
    // A skipped page (blank, a picture) has no figure to cut out.
    if (page.image && !page.skipped) images.set(page.number, page.image);
    delete page.image;
  }
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

/**
 * The picture of each cell whose figure `settleOcr` did not take, from the file's kept page images
 * (none where they were not kept), one a cell; the images are let go afterwards.
 */
export function doubtCrops(file: SourceFile): CellCrop[] {
  const images = pageImages.get(file);
  if (!images) return [];
  pageImages.delete(file);
  const crops: CellCrop[] = [];
  for (const [key, read] of ocrDoubts(file)) {
    const image = images.get(read.page);
    if (!image) continue;
    const { box } = read;
    const margin = Math.max(4, Math.round((box.bottom - box.top + 1) / 3));
    const left = Math.max(0, Math.floor(box.left - margin));
    const top = Math.max(0, Math.floor(box.top - margin));
    const right = Math.min(image.width - 1, Math.ceil(box.right + margin), left + maxSide - 1);
    const bottom = Math.min(image.height - 1, Math.ceil(box.bottom + margin), top + maxSide - 1);
    if (right < left || bottom < top) continue;
    const width = right - left + 1;
    const height = bottom - top + 1;
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++)
      data.set(
        image.data.subarray((top + y) * image.width + left, (top + y) * image.width + right + 1),
        y * width,
      );
    crops.push({
      key,
      page: read.page,
      text: read.text,
      png: encodePng({ width, height, data }),
      width,
      height,
    });
  }
  return crops;
}
