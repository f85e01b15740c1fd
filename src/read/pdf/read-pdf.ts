/**
 * The PDF reader: the text layer of each page, as lines laid out like `pdftotext -layout`
 * (see lines.ts), without page numbers and running headers and footers. A PDF without a text
 * layer (a scan), an encrypted one and a damaged one are refused with the reason.
 *
 * The pages are read by Gongkai's own text-only reader (native/) where it reads the whole document
 * exactly as PDF.js would (the same items, positions and rules; test/read/pdf/native.test.ts), and
 * by PDF.js otherwise: fonts it does not know, damage, scans (for OCR), a password.
 */
import { formatBytes, limits } from '../../core/limits.js';
import { type SourceFile, UnreadableInputError } from '../../core/source-file.js';
import type { Block } from '../blocks.js';
import { type OcrOptions, readScannedPdf } from '../ocr/index.js';
import { type PdfPage, pageItems } from './items.js';
import { openNativePdf } from './native/index.js';
import { toBlocks } from './page-blocks.js';
import { openPdf, PdfOpenError } from './pdfjs.js';
import { InflatedTooLargeError, prescanPdf } from './prescan.js';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reads a PDF's text layer into one paragraph per line. */
export async function readPdf(
  bytes: Uint8Array,
  file: SourceFile,
  options: OcrOptions = {},
): Promise<Block[]> {
  if (bytes.length > limits.pdfBytes)
    file.fail(
      `文件过大（${formatBytes(bytes.length)}），超过 PDF 报告 ${formatBytes(limits.pdfBytes)} 的上限`,
    );
  let scanned: ReturnType<typeof prescanPdf>;
  try {
    scanned = prescanPdf(bytes, { fonts: limits.pdfFontBytes, content: limits.pdfContentBytes });
  } catch (error) {
    if (!(error instanceof InflatedTooLargeError)) throw error;
    const what = error.kind === 'fonts' ? '嵌入字体' : '页面内容';
    const bound = error.kind === 'fonts' ? limits.pdfFontBytes : limits.pdfContentBytes;
    file.fail(
      `输入过大：PDF 的${what}解压后超过 ${formatBytes(bound)} 的上限（文件可能经过恶意构造），未读取`,
    );
  }
  // Gongkai's own reader first; PDF.js reads what it does not read exactly.
  const native = readNative(scanned.bytes, file);
  if (native) return garbled(native) ? readGarbled(bytes, native, file, options) : toBlocks(native, file);
  let doc: Awaited<ReturnType<typeof openPdf>>;
  try {
    doc = await openPdf(scanned.bytes);
  } catch (error) {
    if (error instanceof PdfOpenError && error.failure === 'password')
      file.fail('PDF 文件已加密，需要密码才能打开：请提供未加密（无打开密码）的文件');
    file.fail(
      `PDF 文件已损坏或不完整，无法读取（${reason(error instanceof PdfOpenError ? error.cause : error)}）`,
    );
  }
  try {
    const pages = await readPages(doc, file, options.ocr !== false);
    // A scan: every page by OCR.
    if (!pages.some((p) => p.items.some((item) => item.text !== '')))
      return await readScannedPdf(bytes, pages, file, options);
    if (garbled(pages)) return await readGarbled(bytes, pages, file, options);
    return toBlocks(pages, file);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Share of a document's text that no report is written in above which its text layer is unusable. */
const garbledShare = 0.2;

/** Whether the text layer of the pages is for the most part undecodable (items.ts `writtenOf`). */
function garbled(pages: readonly PdfPage[]): boolean {
  let all = 0;
  let bad = 0;
  for (const page of pages) {
    all += page.written?.all ?? 0;
    bad += page.written?.undecodable ?? 0;
  }
  return all > 0 && bad / all >= garbledShare;
}

/**
 * A PDF whose text layer cannot be decoded (its fonts lack a map to Unicode): the pages show the
 * right characters, so they are read by OCR as a scan's are, and the reader says why.
 */
async function readGarbled(
  bytes: Uint8Array,
  pages: readonly PdfPage[],
  file: SourceFile,
  options: OcrOptions,
): Promise<Block[]> {
  const why = 'PDF 的文字层无法解码（嵌入的字体没有到 Unicode 的映射，取出的文字是乱码）';
  if (options.ocr === false) file.fail(`${why}，需要文字识别才能读取（已用 --no-ocr 关闭文字识别）`);
  file.warn('read.pdf-garbled', `${why}，已按扫描件用文字识别读取各页`);
  return readScannedPdf(bytes, pages, file, options);
}

/**
 * The pages as the native reader reads them (native/), or null where it does not read the whole
 * document exactly, or finds no text (a scan, which PDF.js' pages go on to OCR), or too much.
 */
function readNative(bytes: Uint8Array, file: SourceFile): PdfPage[] | null {
  let pages: PdfPage[];
  let numPages: number;
  try {
    const doc = openNativePdf(bytes, limits.pdfContentBytes);
    numPages = doc.numPages;
    pages = [];
    let characters = 0;
    for (let n = 1; n <= Math.min(numPages, limits.pdfPages); n++) {
      const page = doc.page(n);
      for (const item of page.items) characters += item.text.length;
      if (characters > limits.textBytes) return null;
      pages.push(page);
    }
  } catch {
    // Unsupported, or damage that PDF.js may read past or report page by page.
    return null;
  }
  if (!pages.some((p) => p.items.some((item) => item.text !== ''))) return null;
  warnPageLimit(numPages, file);
  warnBlankPages(pages, file);
  return pages;
}

function warnPageLimit(numPages: number, file: SourceFile): void {
  if (numPages > limits.pdfPages)
    file.warn(
      'read.pdf-pages',
      `PDF 共 ${numPages} 页，超过 ${limits.pdfPages} 页的上限，只读取了前 ${limits.pdfPages} 页`,
    );
}

function warnBlankPages(pages: readonly PdfPage[], file: SourceFile): void {
  const blank = pages.filter((p) => !p.items.some((item) => item.text !== '')).map((p) => p.number);
  if (blank.length > 0)
    file.warn(
      'read.pdf-no-text',
      `PDF 第 ${blank.join('、')} 页没有文字层（可能是扫描页或图片），其中的内容无法读取`,
      { place: { line: 0, column: 0, page: blank[0] as number } },
    );
}

async function readPages(
  doc: Awaited<ReturnType<typeof openPdf>>,
  file: SourceFile,
  scans = false,
): Promise<PdfPage[]> {
  const count = Math.min(doc.numPages, limits.pdfPages);
  warnPageLimit(doc.numPages, file);
  const pages: PdfPage[] = [];
  const broken: number[] = [];
  let characters = 0;
  for (let n = 1; n <= count; n++) {
    try {
      const page = await doc.getPage(n);
      const read = await pageItems(page);
      page.cleanup();
      for (const item of read.items) characters += item.text.length;
      if (characters > limits.textBytes)
        file.fail(`PDF 的文字过多（超过 ${limits.textBytes} 个字符），不像是一份年度报告`);
      pages.push(read);
    } catch (error) {
      if (error instanceof UnreadableInputError) throw error;
      broken.push(n);
      file.error('read.pdf-page', `PDF 第 ${n} 页已损坏，无法读取其中的文字（${reason(error)}）`, {
        place: { line: 0, column: 0, page: n },
      });
    }
  }
  const withText = pages.filter((p) => p.items.some((item) => item.text !== ''));
  if (withText.length === 0) {
    if (broken.length > 0) file.fail('PDF 文件已损坏，没有一页能够读取');
    if (scans) return pages;
    file.fail(
      '扫描件，无文字层：PDF 中没有可读取的文字，无法读取数字（请提供带文字层的 PDF，或先做文字识别）',
    );
  }
  warnBlankPages(pages, file);
  return pages;
}
