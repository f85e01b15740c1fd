/**
 * Scans: image inputs (PNG, JPEG, TIFF) and image-only PDF pages, read by OCR into the same blocks
 * as the other readers (see scan.ts). `settleOcr` runs after assembly (see certainty.ts).
 */
import type { Reader } from '../registry.js';
import { imageKind } from './raster.js';
import { readImage } from './scan.js';

export { settleOcr } from './certainty.js';
export { type OcrOptions, readScannedPdf } from './scan.js';

export const imageReader: Reader = {
  type: 'image',
  sniff: (bytes) => imageKind(bytes) !== null,
  read: (bytes, file, options) =>
    readImage(bytes, imageKind(bytes) as NonNullable<ReturnType<typeof imageKind>>, file, options),
};
