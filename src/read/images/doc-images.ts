/**
 * The inline pictures of a Word 97–2003 document, each placed where its character stands in the
 * paragraph, as the .doc reader numbers lines. A picture's record in the Data stream holds a
 * header and drawing records around the image itself: the image is taken from its signature (PNG
 * or JPEG; other kinds, such as Windows metafiles, are not read) to the record's end.
 */
import { SourceFile, UnreadableInputError } from '../../core/source-file.js';
import { readDocBody } from '../doc/body.js';
import type { DocPicture } from '../doc/document.js';
import { type FoundImage, maxImageBytes, maxImages } from './embedded.js';

const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const jpeg = [0xff, 0xd8, 0xff];

const startsAt = (bytes: Uint8Array, at: number, signature: readonly number[]) =>
  signature.every((b, i) => bytes[at + i] === b);

/** The image inside a picture's record, from its PNG or JPEG signature on; null when none. */
export function imageInPicture(record: Uint8Array): Uint8Array | null {
  for (let at = 0; at + 8 <= record.length; at++)
    if (startsAt(record, at, png) || startsAt(record, at, jpeg)) return record.subarray(at);
  return null;
}

/** The pictures worth passing on (PNG or JPEG, not too large), at most one over the limit (counted as such). */
export function picturesAsImages(pictures: readonly DocPicture[]): FoundImage[] {
  const found: FoundImage[] = [];
  for (const picture of pictures) {
    if (found.length > maxImages) break;
    const image = imageInPicture(picture.bytes);
    if (image && image.length <= maxImageBytes)
      found.push({ bytes: image, line: picture.line, column: picture.column });
  }
  return found;
}

/** A .doc's pictures on their own (the reader takes them from its one reading, `picturesAsImages`). */
export function docImages(bytes: Uint8Array, file: SourceFile): FoundImage[] {
  try {
    return picturesAsImages(readDocBody(bytes, new SourceFile(file.path)).pictures);
  } catch (error) {
    // A document that can't be read is refused by the reading proper, with its reason.
    if (error instanceof UnreadableInputError) return [];
    throw error;
  }
}
