import type { SourceFile } from '../core/source-file.js';
import type { Block, SourceType } from './blocks.js';
import { docxReader } from './docx/index.js';
import { htmlReader } from './html/index.js';
import { imageReader } from './ocr/index.js';
import type { OcrOptions } from './ocr/scan.js';
import { readPdf } from './pdf/read-pdf.js';
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

/** Word 97–2003 (.doc) and WPS files: an OLE compound document. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

const unsupported = (type: SourceType, message: string): Reader => ({
  type,
  sniff: () => false,
  read: (_bytes, file) => file.fail(message),
});

/** Readers in sniffing order; the text reader comes last and takes what the others don't. */
export const readers: Reader[] = [
  { type: 'pdf', sniff: (bytes) => startsWith(bytes, PDF), read: readPdf },
  imageReader,
  docxReader,
  {
    ...unsupported('docx', 'Word 97–2003（.doc）或 WPS 文件无法直接读取，请另存为 DOCX 后再试'),
    sniff: (bytes) => startsWith(bytes, OLE),
  },
  htmlReader,
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
