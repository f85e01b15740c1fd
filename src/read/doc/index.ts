/**
 * The Word 97–2003 (.doc) reader: the compound file (cfb.ts), the binary document's text and
 * properties (word-binary.ts), walked into the body both Word readers share (document.ts); its
 * inline pictures are read by OCR where its text lacks a report table (../images/doc-images.ts). WPS
 * files saved in Word's binary format are read the same way; a compound file without a Word
 * document in it (an Excel or PowerPoint file, WPS's own old format) is refused with a reason.
 */
import type { SourceFile } from '../../core/source-file.js';
import type { Block } from '../blocks.js';
import { picturesAsImages } from '../images/doc-images.js';
import { tableSized, withPictures } from '../images/embedded.js';
import type { Reader } from '../registry.js';
import { readDocBody } from './body.js';
import { isCompoundFile } from './cfb.js';

const noTextInDoc = 'Word 文档中没有可读取的文字（可能只有图片，例如扫描件）';

/** The blocks of a .doc; it is refused when it holds no text. */
export function readDoc(bytes: Uint8Array, file: SourceFile): Block[] {
  const { blocks } = readDocBody(bytes, file);
  if (blocks.length === 0) file.fail(noTextInDoc);
  return blocks;
}

export const docReader: Reader = {
  type: 'doc',
  sniff: isCompoundFile,
  // Tables published as pictures are read by OCR too (src/read/images), from the one reading.
  read: async (bytes, file, options = {}) => {
    const { blocks, pictures } = readDocBody(bytes, file);
    const images = options.ocr === false ? [] : picturesAsImages(pictures).filter((i) => tableSized(i.bytes));
    if (images.length > 0) return withPictures(blocks, images, file, options, noTextInDoc);
    if (blocks.length === 0) file.fail(noTextInDoc);
    return blocks;
  },
};
