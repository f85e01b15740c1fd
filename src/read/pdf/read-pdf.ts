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
import type { Block, TableBlock, TableCell } from '../blocks.js';
import { type OcrOptions, readScannedPdf } from '../ocr/index.js';
import { dropFurniture, dropMarginPageNumbers, type PlacedLine } from './furniture.js';
import { findGrids } from './grid.js';
import { type PdfPage, pageItems } from './items.js';
import { clusterLines, lineText } from './lines.js';
import { openNativePdf } from './native/index.js';
import { groupParagraphs, joinText } from './paragraphs.js';
import { openPdf, PdfOpenError } from './pdfjs.js';
import { InflatedTooLargeError, prescanPdf } from './prescan.js';
import { fillGrid, type GridPosition, type PdfTable } from './table.js';

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

/** A page's ruled tables whose text the grid places with certainty. */
function pageTables(page: PdfPage): PdfTable[] {
  if (!page.rules) return [];
  const tables: PdfTable[] = [];
  for (const grid of findGrids(page.rules)) {
    if (grid.ys.length < 3) continue;
    const table = fillGrid(grid, page.items, page.number);
    if (table) tables.push(table);
  }
  return tables;
}

type Entry = { line: PlacedLine } | { table: PdfTable };

/**
 * A table that ends its page and one that begins the next with the same columns are one table
 * broken by the page: its rows continue, without the header the next page repeats.
 */
function continues(a: PdfTable, b: PdfTable): boolean {
  if (b.page !== a.page + 1 || a.xs.length !== b.xs.length) return false;
  return a.xs.every((x, i) => Math.abs(x - (b.xs[i] as number)) <= 2);
}

const sameRow = (a: readonly GridPosition[], b: readonly GridPosition[]) =>
  a.length === b.length && a.every((p, i) => p.text === b[i]?.text && !p.spanned === !b[i]?.spanned);

/** Lays out each page's lines and tables, drops page furniture and numbers the lines through the document. */
export function toBlocks(pages: readonly PdfPage[], _file?: SourceFile): Block[] {
  const tables = pages.map(pageTables);
  const lefts: number[] = [];
  const placed: PlacedLine[][] = pages.map((page, p) => {
    let left = Number.POSITIVE_INFINITY;
    for (const item of page.items) if (item.text !== '' && item.x < left) left = item.x;
    lefts[page.number] = left;
    const inTables = new Set((tables[p] as PdfTable[]).flatMap((t) => [...t.items]));
    const items = inTables.size > 0 ? page.items.filter((item) => !inTables.has(item)) : page.items;
    return clusterLines(items, page.number).map((raw) => {
      const line = dropMarginPageNumbers(raw, page.height);
      const { text, indent } = lineText(line, left);
      return { line, text, indent, width: page.width, height: page.height };
    });
  });
  const kept = dropFurniture(placed).map((lines) => lines.filter((p) => p.text !== ''));
  const pitch = linePitch(kept);

  // Lines and tables in reading order; a table broken by a page joined up again.
  const entries: Entry[] = [];
  kept.forEach((lines, p) => {
    const pending = [...(tables[p] as PdfTable[])];
    for (const line of lines) {
      while (pending.length > 0 && (pending[0] as PdfTable).top < line.line.y)
        entries.push({ table: pending.shift() as PdfTable });
      entries.push({ line });
    }
    for (const table of pending) entries.push({ table });
  });
  const merged: Entry[] = [];
  for (const entry of entries) {
    const last = merged.at(-1);
    if ('table' in entry && last && 'table' in last && continues(last.table, entry.table)) {
      const rows = [...entry.table.rows];
      for (let r = 0; r < last.table.rows.length && rows.length > 0; r++)
        if (sameRow(last.table.rows[r] as GridPosition[], rows[0] as GridPosition[])) rows.shift();
        else break;
      last.table = {
        ...last.table,
        rows: [...last.table.rows, ...rows.map((row) => row.map((c) => ({ ...c, page: entry.table.page })))],
      };
      continue;
    }
    merged.push(entry);
  }

  const afterTable = new Set<PlacedLine>();
  merged.forEach((entry, i) => {
    const before = merged[i - 1];
    if ('line' in entry && before && 'table' in before) afterTable.add(entry.line);
  });
  const lines = merged.flatMap((e) => ('line' in e ? [e.line] : []));
  const groups = groupParagraphs(lines, afterTable);
  const blocks: Block[] = [];
  let number = 0;
  let above: PlacedLine | undefined;
  let g = 0;
  for (const entry of merged) {
    if ('table' in entry) {
      blocks.push(tableBlock(entry.table, number, lefts));
      number += entry.table.rows.length;
      above = undefined;
      continue;
    }
    const group = groups[g];
    if (group?.[0] !== entry.line) continue;
    g++;
    const first = group[0] as PlacedLine;
    number +=
      above && above.line.page === first.line.page ? 1 + blankLines(first.line.y - above.line.y, pitch) : 1;
    const text = joinText(group);
    blocks.push({ type: 'paragraph', text, line: number, column: first.indent + 1, page: first.line.page });
    above = group.at(-1);
  }
  return blocks;
}

/** A ruled table as a block: its rows numbered as lines after `number`. */
function tableBlock(table: PdfTable, number: number, lefts: readonly number[]): TableBlock {
  const rows = table.rows.map((row, r) =>
    row.map((cell) => {
      const page = cell.page ?? table.page;
      const left = lefts[page] ?? 0;
      const out: TableCell & { spanned?: boolean } = {
        text: cell.text,
        line: number + r + 1,
        column: Math.max(0, Math.round((cell.x - left) / cellColumn)) + 1,
        page,
      };
      if (cell.spanned) out.spanned = true;
      return out;
    }),
  );
  const first = rows[0]?.[0];
  return { type: 'table', rows, line: number + 1, column: first?.column ?? 1, page: table.page };
}

/** Points per half-width character, for the columns of table cells in findings. */
const cellColumn = 5;

/**
 * The distance between two lines set one under the other, learnt from the document: the shortest
 * distance that a fifth of the line pairs keep (so that wide spacing isn't taken for blank lines).
 */
function linePitch(pages: readonly PlacedLine[][]): number {
  const distances: number[] = [];
  for (const lines of pages)
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1] as PlacedLine;
      const b = lines[i] as PlacedLine;
      const dy = b.line.y - a.line.y;
      if (dy >= 0.8 * Math.min(a.line.size, b.line.size)) distances.push(dy);
    }
  if (distances.length === 0) return 0;
  distances.sort((a, b) => a - b);
  return distances[Math.floor(distances.length / 5)] as number;
}

/** Blank lines that a vertical distance stands for, like the empty lines of `pdftotext -layout`. */
const blankLines = (dy: number, pitch: number): number =>
  pitch > 0 ? Math.min(maxBlankLines, Math.max(0, Math.round(dy / pitch) - 1)) : 0;

/** Most blank lines counted between two lines (a large space is still just a gap). */
const maxBlankLines = 99;
