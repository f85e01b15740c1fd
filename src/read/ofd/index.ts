/**
 * The OFD reader (GB/T 33190-2016 版式文档, which many government portals publish): the package's
 * pages read into the PDF reader's page model (page.ts) and laid out by the same code as a PDF's
 * text layer (pdf/page-blocks.ts): lines, page furniture, ruled tables, paragraphs. Pictures on
 * the pages (a scanned OFD is a picture a page) are read by OCR as a DOCX's are (images/), where
 * the text lacks the report's tables. Encrypted packages and ones without a document are refused
 * with the reason.
 */
import { formatBytes, limits } from '../../core/limits.js';
import type { SourceFile } from '../../core/source-file.js';
import type { Block } from '../blocks.js';
import { findEntry, listEntries } from '../docx/zip.js';
import { type FoundImage, maxImageBytes, maxImages, tableSized, withPictures } from '../images/embedded.js';
import type { OcrOptions } from '../ocr/scan.js';
import type { PdfPage } from '../pdf/items.js';
import { toBlocks } from '../pdf/page-blocks.js';
import type { Reader } from '../registry.js';
import { openDocument } from './document.js';
import { OfdPackage, ofdArchive } from './package.js';
import { readPage } from './page.js';
import { sniffOfd } from './sniff.js';

export const noTextInOfd = 'OFD 文件中没有可读取的文字（可能只有图片，例如扫描件）';

/** Share of a document's characters that no report is written in above which its text is unusable. */
const garbledShare = 0.2;

export async function readOfd(
  bytes: Uint8Array,
  file: SourceFile,
  options: OcrOptions = {},
): Promise<Block[]> {
  if (bytes.length > limits.ofdBytes)
    file.fail(
      `文件过大（${formatBytes(bytes.length)}），超过 OFD 报告 ${formatBytes(limits.ofdBytes)} 的上限`,
    );
  const entries = listEntries(bytes, file, ofdArchive);
  // GM/T 0099 encryption lists the encrypted parts in Encryptions.xml; their contents are ciphertext.
  if (findEntry(entries, 'Encryptions.xml')) file.fail('OFD 文件已加密，无法读取，请提供未加密的文件');
  const pkg = new OfdPackage(bytes, entries, file);
  const doc = openDocument(pkg, file);
  if (doc.pages.length === 0) file.fail('OFD 文件中没有页面，无法读取');
  if (doc.pages.length > limits.pdfPages)
    file.warn(
      'read.ofd-pages',
      `OFD 共 ${doc.pages.length} 页，超过 ${limits.pdfPages} 页的上限，只读取了前 ${limits.pdfPages} 页`,
    );

  const pages: PdfPage[] = [];
  const pictures: string[][] = [];
  let characters = 0;
  let all = 0;
  let undecodable = 0;
  doc.pages.slice(0, limits.pdfPages).forEach((ref, i) => {
    const { page, images } = readPage(pkg, doc, ref.path, i + 1, file);
    for (const item of page.items) characters += item.text.length;
    if (characters > limits.textBytes)
      file.fail(`OFD 的文字过多（超过 ${limits.textBytes} 个字符），不像是一份年度报告`);
    all += page.written?.all ?? 0;
    undecodable += page.written?.undecodable ?? 0;
    pages.push(page);
    pictures.push(images);
  });
  if (all > 0 && undecodable / all >= garbledShare)
    file.fail('OFD 的文字无法解码（取出的文字两成以上是控制字符或私用区字符，是乱码），无法读取');

  const hasText = (page: PdfPage) => page.items.some((item) => item.text !== '');
  const blocks = pages.some(hasText) ? toBlocks(pages, file) : [];
  if (blocks.length > 0)
    warnBlankPages(
      pages.filter((p, i) => !hasText(p) && pictures[i]?.length === 0),
      file,
    );
  const images = options.ocr === false ? [] : found(pkg, blocks, pictures).filter((i) => tableSized(i.bytes));
  if (images.length === 0) {
    if (blocks.length === 0) file.fail(noTextInOfd);
    return blocks;
  }
  return withPictures(blocks, images, file, options, noTextInOfd);
}

function warnBlankPages(blank: readonly PdfPage[], file: SourceFile): void {
  if (blank.length > 0)
    file.warn(
      'read.ofd-no-text',
      `OFD 第 ${blank.map((p) => p.number).join('、')} 页没有文字（可能是空白页或图片），其中的内容无法读取`,
      { place: { line: 0, column: 0, page: (blank[0] as PdfPage).number } },
    );
}

/**
 * The pictures drawn on the pages, each once (a template's emblem is drawn on every page), placed
 * after the blocks of the page it is on; at most one more than are read, so that the reader can
 * say that there were more.
 */
function found(pkg: OfdPackage, blocks: readonly Block[], pictures: readonly string[][]): FoundImage[] {
  const out: FoundImage[] = [];
  const seen = new Set<string>();
  for (let p = 0; p < pictures.length && out.length <= maxImages; p++) {
    // The last line of this page and those before it.
    let line = 0;
    for (const block of blocks)
      if ((block.page ?? 0) <= p + 1)
        line = Math.max(line, block.type === 'table' ? block.line + block.rows.length - 1 : block.line);
    for (const path of pictures[p] as string[]) {
      if (seen.has(path)) continue;
      seen.add(path);
      const bytes = pkg.media(path, maxImageBytes);
      if (bytes) out.push({ bytes, line, column: Number.MAX_SAFE_INTEGER });
      if (out.length > maxImages) break;
    }
  }
  return out;
}

/** OFD packages, read as a PDF's text layer is (their blocks are a PDF's, so their type says `pdf`). */
export const ofdReader: Reader = { type: 'pdf', sniff: sniffOfd, read: readOfd };
