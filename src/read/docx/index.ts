/**
 * The DOCX reader: unzips the three parts it needs (bounded, see zip.ts) and walks the OOXML
 * itself (document.ts), with automatic numbering resolved (numbering.ts). Converters such as
 * mammoth drop the automatic numbers that the report's headings (「一、」「（一）」) are made of.
 */
import { formatBytes, limits } from '../../core/limits.js';
import type { SourceFile } from '../../core/source-file.js';
import type { Block } from '../blocks.js';
import { readHtml } from '../html/index.js';
import { docxImages } from '../images/docx-images.js';
import { withImages } from '../images/embedded.js';
import { sniffOfd } from '../ofd/sniff.js';
import type { Reader } from '../registry.js';
import { altChunkPages } from './alt-chunks.js';
import { readDocument } from './document.js';
import { Numbering } from './numbering.js';
import { findEntry, listEntries, readEntry } from './zip.js';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((b, i) => bytes[i] === b);

/** A ZIP archive: a local file header first, or the end record alone (an empty archive). */
const isZip = (bytes: Uint8Array): boolean =>
  startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);

const odfMime = [...new TextEncoder().encode('application/vnd.oasis.opendocument')];

const noTextInDocx = 'DOCX 文件中没有可读取的文字（可能只有图片，例如扫描件）';

export function readDocx(bytes: Uint8Array, file: SourceFile): Block[] {
  if (bytes.length > limits.docxBytes)
    file.fail(
      `文件过大（${formatBytes(bytes.length)}），超过 DOCX 报告 ${formatBytes(limits.docxBytes)} 的上限`,
    );
  const entries = listEntries(bytes, file);
  const main = findEntry(entries, 'word/document.xml');
  if (!main) {
    // OpenDocument (.odt, which WPS and LibreOffice write) starts with an uncompressed mimetype.
    const mimetype = findEntry(entries, 'mimetype');
    if (mimetype && mimetype.method === 0 && startsWith(bytes.subarray(mimetype.offset + 38), odfMime))
      file.fail('OpenDocument（.odt）文件暂不支持读取，请另存为 DOCX 后再试');
    file.fail('不是有效的 DOCX 文件：缺少 word/document.xml');
  }
  const part = (name: string) => {
    const entry = findEntry(entries, name);
    return entry ? readEntry(bytes, entry, file) : null;
  };
  const numbering = Numbering.fromXml(part('word/numbering.xml'), part('word/styles.xml'), file);
  const document = readEntry(bytes, main, file);
  const { blocks, altChunks } = readDocument(document, numbering, file);
  if (altChunks === 0) {
    if (blocks.length === 0) file.fail(noTextInDocx);
    return blocks;
  }
  // A document that is all imported web pages (a web application's 「导出 Word」) reads as them.
  const chunks = blocks.length === 0 ? altChunkPages(bytes, entries, document, file) : null;
  if (chunks && chunks.pages.length > 0) {
    if (chunks.other > 0) warnAltChunks(chunks.other, file);
    return readHtml(Buffer.from(`\ufeff${chunks.pages.join('\n')}`, 'utf8'), file);
  }
  if (blocks.length === 0)
    file.fail('DOCX 文件的内容以其他格式嵌入（altChunk），无法读取，请用 Word 打开后另存为 DOCX 再试');
  warnAltChunks(altChunks, file);
  return blocks;
}

function warnAltChunks(count: number, file: SourceFile): void {
  file.warn(
    'read.docx-altchunk',
    `文档中有 ${count} 处以其他格式嵌入的内容（altChunk），未能读取；请用 Word 打开后另存为 DOCX 再试`,
  );
}

// Tables published as pictures are read by OCR too (src/read/images).
const readDocxAndPictures = withImages(readDocx, docxImages, noTextInDocx);

/**
 * Registered for every ZIP: one that is not a DOCX gets a clear message rather than「不是文本」. An
 * OFD package (OFD.xml at its root) goes to the OFD reader, loaded only when one comes.
 */
export const docxReader: Reader = {
  type: 'docx',
  sniff: isZip,
  read: async (bytes, file, options) =>
    sniffOfd(bytes)
      ? (await import('../ofd/index.js')).readOfd(bytes, file, options)
      : readDocxAndPictures(bytes, file, options),
};
