/**
 * The readers, by file type. Each reader's module (PDF.js, the DOCX unzipper, parse5, the OCR
 * engines) is loaded the first time a file of its type is read, not up front: loading them all
 * costs more than reading a text report, and a run over text files needs none of them. The
 * sniffers, which decide the type, are small and loaded with the registry.
 */
import type { SourceFile } from '../core/source-file.js';
import type { Block, SourceType } from './blocks.js';
import { sniffHtml } from './html/sniff.js';
import { sniffMhtml } from './mhtml/sniff.js';
import type { OcrOptions } from './ocr/scan.js';
import { sniffOfd } from './ofd/sniff.js';
import { readText } from './text-reader.js';

/** How files are read: OCR of scans (on unless `ocr: false`). */
export type ReadOptions = OcrOptions;

/** A reader turns one file type's bytes into blocks; `sniff` recognises the type by content. */
export interface Reader {
  type: SourceType;
  sniff(bytes: Uint8Array): boolean;
  read(bytes: Uint8Array, file: SourceFile, options?: ReadOptions): Block[] | Promise<Block[]>;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((b, i) => bytes[i] === b);

/** Word 97–2003 (.doc) and WPS files: an OLE compound document (doc/cfb.ts). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** A ZIP archive: a local file header first, or the end record alone (an empty archive). */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const emptyZip = [0x50, 0x4b, 0x05, 0x06];
/** The images the OCR reads (as `imageKind` in ocr/raster.ts tells them). */
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const TIFF = [
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
];

/**
 * A reader whose module is imported on its first read (once: later reads wait on the same
 * import). `load` returns the reader the module defines; its `read` does the work.
 */
function lazyReader(type: SourceType, sniff: Reader['sniff'], load: () => Promise<Reader['read']>): Reader {
  let loaded: Promise<Reader['read']> | undefined;
  return {
    type,
    sniff,
    read: async (bytes, file, options) => {
      loaded ??= load();
      return (await loaded)(bytes, file, options);
    },
  };
}

/** Readers in sniffing order; the text reader comes last and takes what the others don't. */
export const readers: Reader[] = [
  lazyReader(
    'pdf',
    (bytes) => startsWith(bytes, PDF),
    async () => (await import('./pdf/read-pdf.js')).readPdf,
  ),
  // An OFD package (a ZIP with OFD.xml, before the DOCX reader's every ZIP): its pages read as a
  // PDF's text layer does, so its blocks' type is `pdf`.
  lazyReader('pdf', sniffOfd, async () => (await import('./ofd/index.js')).ofdReader.read),
  lazyReader(
    'image',
    (bytes) => startsWith(bytes, PNG) || startsWith(bytes, JPEG) || TIFF.some((s) => startsWith(bytes, s)),
    async () => (await import('./ocr/index.js')).imageReader.read,
  ),
  lazyReader(
    'docx',
    (bytes) => startsWith(bytes, ZIP) || startsWith(bytes, emptyZip),
    async () => (await import('./docx/index.js')).docxReader.read,
  ),
  lazyReader(
    'doc',
    (bytes) => startsWith(bytes, OLE),
    async () => (await import('./doc/index.js')).docReader.read,
  ),
  // A web page archive: its page is read by the HTML reader.
  lazyReader('html', sniffMhtml, async () => (await import('./mhtml/index.js')).mhtmlReader.read),
  lazyReader('html', sniffHtml, async () => (await import('./html/index.js')).htmlReader.read),
  { type: 'text', sniff: () => true, read: readText },
];

/** Registers a reader ahead of the others (used by the HTML, DOCX and PDF readers). */
export function registerReader(reader: Reader): void {
  readers.unshift(reader);
}

export async function readBlocks(
  bytes: Uint8Array,
  file: SourceFile,
  options: ReadOptions = {},
): Promise<{ blocks: Block[]; sourceType: SourceType }> {
  const reader = readers.find((r) => r.sniff(bytes)) as Reader;
  const blocks = await reader.read(bytes, file, options);
  return { blocks, sourceType: reader.type };
}
