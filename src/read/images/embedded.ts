/**
 * Report tables published as pictures inside a web page or a DOCX: the pictures are read by OCR
 * (src/read/ocr) and their blocks put among the document's own, where the picture stands. Each
 * picture's blocks carry its ordinal as their page (「第 2 张图片」), so the OCR's places and
 * certainty work as for a scan. Bounded: at most `maxImages` pictures of at most `maxImageBytes`
 * each, only those large enough to hold a table, and only where the document lacks its tables (or
 * one of them) as text; no network.
 */
import { assemble } from '../../assemble/assemble.js';
import { SourceFile, UnreadableInputError } from '../../core/source-file.js';
import type { Block } from '../blocks.js';
import { imageKind, imageSize } from '../ocr/raster.js';
import { type OcrOptions, readImage } from '../ocr/scan.js';
import type { Reader } from '../registry.js';

/** A picture found in a document, and where it stands there (as the reader numbers places). */
export interface FoundImage {
  bytes: Uint8Array;
  line: number;
  column: number;
}

/** Most pictures read from one document. */
export const maxImages = 30;
/** Largest picture read (bytes). */
export const maxImageBytes = 20 * 1024 * 1024;
/**
 * A document with fewer tables of three rows or more than this lacks report tables as text: its
 * pictures are read. One with more has them read only where the text misses a report table.
 */
const tablesAsText = 3;
/** A picture smaller than this (pixels) on either side is an icon or a rule, not a table. */
const minSide = { width: 300, height: 80 };

/** Whether a picture is worth reading: a PNG, JPEG or TIFF large enough to hold a table. */
export function tableSized(bytes: Uint8Array): boolean {
  const kind = imageKind(bytes);
  const size = kind ? imageSize(bytes, kind) : null;
  return size !== null && size.width >= minSide.width && size.height >= minSide.height;
}

/**
 * Whether the report tables, aligned from the document's text alone, miss one: a table none of
 * whose cells was read (its rows all missing, or the table itself). Its pictures may hold it. The
 * alignment's findings go to a scratch file.
 */
export function lacksTable(blocks: readonly Block[], path: string): boolean {
  const scratch = new SourceFile(path);
  try {
    const { report, spec } = assemble(blocks, scratch);
    return spec.tables.some((table) =>
      table.parts.every((part) =>
        part.rows.every((row) => row.cells.every((cell) => (report.cells[cell.key] ?? null) === null)),
      ),
    );
  } catch {
    return true;
  }
}

const before = (a: { line: number; column: number }, b: { line: number; column: number }) =>
  a.line < b.line || (a.line === b.line && a.column <= b.column);

/**
 * A reader that also reads its documents' pictures. `noText` is the reader's refusal of a document
 * without text: with pictures to read, such a document is not refused.
 */
export function withImages(
  read: (bytes: Uint8Array, file: SourceFile) => Block[],
  find: (bytes: Uint8Array, file: SourceFile) => FoundImage[],
  noText: string,
): Reader['read'] {
  return async (bytes, file, options: OcrOptions = {}) => {
    const images = options.ocr === false ? [] : find(bytes, file).filter((i) => tableSized(i.bytes));
    if (images.length === 0) return read(bytes, file);
    let blocks: Block[] = [];
    try {
      blocks = read(bytes, file);
    } catch (error) {
      if (!(error instanceof UnreadableInputError && error.message === noText)) throw error;
    }
    return withPictures(blocks, images, file, options, noText);
  };
}

/**
 * A document's blocks with its pictures read among them, for a reader that finds both in one
 * reading (see `withImages`): `images` are the pictures worth reading (`tableSized`); `noText`
 * refuses a document left with no blocks at all.
 */
export async function withPictures(
  blocks: Block[],
  images: readonly FoundImage[],
  file: SourceFile,
  options: OcrOptions,
  noText: string,
): Promise<Block[]> {
  // A document with its tables as text keeps its pictures (an emblem, a seal, a photo) unread;
  // one whose text lacks a report table (published as a picture) has them read.
  if (
    blocks.filter((b) => b.type === 'table' && b.rows.length >= 3).length >= tablesAsText &&
    !lacksTable(blocks, file.path)
  )
    return blocks;
  if (images.length > maxImages)
    file.warn(
      'read.ocr-pages',
      `共有 ${images.length} 张图片需要文字识别，超过 ${maxImages} 张的上限，只识别了前 ${maxImages} 张`,
    );
  const chosen = images.slice(0, maxImages);
  const readings: Block[][] = [];
  // Four at a time (PaddleOCR's pages go to the worker threads of page-pool.ts).
  for (let k = 0; k < chosen.length; k += 4)
    readings.push(...(await Promise.all(chosen.slice(k, k + 4).map((image, j) => readOne(image, k + j)))));
  // Each picture's blocks go before the first of the document's own blocks that stands after it.
  const out: Block[] = [];
  let next = 0;
  chosen.forEach((image, i) => {
    while (next < blocks.length && before(blocks[next] as Block, image)) out.push(blocks[next++] as Block);
    out.push(...(readings[i] as Block[]));
  });
  out.push(...blocks.slice(next));
  if (out.length === 0) file.fail(noText);
  return out;

  async function readOne(image: FoundImage, i: number): Promise<Block[]> {
    const kind = imageKind(image.bytes);
    if (!kind) return [];
    try {
      return await readImage(image.bytes, kind, file, options, { page: i + 1 });
    } catch (error) {
      if (!(error instanceof UnreadableInputError)) throw error;
      file.info('read.ocr-skipped', `第 ${i + 1} 张图片没有识别出文字（${error.message}），已跳过`, {
        place: { line: image.line, column: image.column },
      });
      return [];
    }
  }
}
