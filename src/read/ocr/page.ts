/**
 * One page image → its text lines and tables: flatten and straighten, find the ruling lines,
 * whiten them, read the words once for the whole page, lay them out.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepFiguresImage, type Region } from './crops.js';
import type { OcrEngine } from './engine.js';
import { encodePgm, type Gray } from './image.js';
import { figure, figureLike, layoutPage, type OcrCell, type OcrLine, type OcrTable } from './layout.js';
import { paddleWords } from './paddle/words.js';
import { inkLevel, preprocess } from './preprocess.js';
import type { Box } from './rules.js';
import { eraseRules, findRules } from './rules.js';
import { buildSheet, inkBox, pieceSheets, type Sheet, wordsOnPage } from './sheet.js';
import { recognise, type Word } from './tesseract.js';

export interface PageRead {
  number: number;
  width: number;
  height: number;
  lines: OcrLine[];
  tables: OcrTable[];
  /** Typical character height in pixels. */
  pitch: number;
  skew: number;
  /** Mean confidence of the page's words (0–100); null for a page without words. */
  meanConfidence: number | null;
  /** Why the page was not read: blank, or a picture without text. */
  skipped?: 'blank' | 'picture';
  /**
   * Where asked for, the part of the page as read (flattened and straightened) that holds its
   * figures: the boxes read are on the page, the part's pixels from its left and top on.
   */
  figuresImage?: Region;
}

/** Share of the page that is ink. */
export function inkShare(image: Gray): number {
  let ink = 0;
  const { data } = image;
  for (let i = 0; i < data.length; i += 3) if ((data[i] as number) < inkLevel) ink++;
  return ink / Math.ceil(data.length / 3);
}

/** A page with less ink than this is blank (specks and a page number at most). */
const blankShare = 0.001;
/** A page with more ink than this is a picture (a cover photo), not a page of text. */
const pictureShare = 0.35;

export async function readPage(
  raw: Gray,
  number: number,
  dpi: number,
  engine: OcrEngine,
  /** Keep the part of the page image that holds the figures (see `PageRead.figuresImage`). */
  keepImage = false,
): Promise<PageRead> {
  const { image, skew } = preprocess(raw);
  const base = { number, width: raw.width, height: raw.height, lines: [], tables: [], pitch: 0 };
  const share = inkShare(image);
  if (share < blankShare) return { ...base, skew, meanConfidence: null, skipped: 'blank' };
  if (share > pictureShare) return { ...base, skew, meanConfidence: null, skipped: 'picture' };
  const { tables, stray } = findRules(image, dpi);
  const clean = eraseRules(image, tables, dpi, stray);
  const inset = Math.max(3, Math.round(dpi / 40));
  const inkIn = (b: Box) =>
    inkBox(clean, {
      left: b.left + inset,
      right: b.right - inset,
      top: b.top + inset,
      bottom: b.bottom - inset,
    });
  if (engine.id === 'paddle') {
    const words = await paddleWords(await engine.paddle(), clean, tables, dpi);
    const laid = layoutPage(words, tables, dpi / 7, inkIn);
    doubtLooseFigures(clean, laid.lines, laid.pitch);
    markLostDigits(
      figureCells(clean, laid.tables, laid.pitch, inset, true).map(({ cell, ink }) => ({
        ink,
        cell,
        digits: cell.text,
      })),
      true,
    );
    const read: PageRead = { ...base, ...laid, skew, meanConfidence: meanOf(words) };
    return keepImage ? keepFiguresImage(read, image) : read;
  }
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-ocr-'));
  try {
    const { sheet, rest } = buildSheet(clean, tables, dpi);
    const words = await readSheets([sheet, ...pieceSheets(clean, rest, dpi, 1)], dir, dpi, false);
    const laid = layoutPage(words, tables, dpi / 7, inkIn);
    doubtLooseFigures(clean, laid.lines, laid.pitch);
    await readFiguresAgain(clean, laid.tables, laid.pitch, dpi, dir, inset);
    const read: PageRead = { ...base, ...laid, skew, meanConfidence: meanOf(words) };
    return keepImage ? keepFiguresImage(read, image) : read;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const meanOf = (words: readonly Word[]): number | null =>
  words.length === 0 ? null : words.reduce((s, w) => s + w.confidence, 0) / words.length;

/** The cells that hold a figure (or nothing read), narrower than 8 characters, with their ink. */
function figureCells(
  image: Gray,
  tables: readonly OcrTable[],
  pitch: number,
  inset: number,
  /** Thin horizontal strokes (a minus sign) count as ink (see inkBox). */
  strokes = false,
): { cell: OcrCell; ink: Box }[] {
  const cells: { cell: OcrCell; ink: Box }[] = [];
  for (const t of tables)
    for (const c of t.cells) {
      if (c.text !== '' && !figureLike.test(c.text)) continue;
      const ink = inkBox(
        image,
        {
          left: c.cell.left + inset,
          right: c.cell.right - inset,
          top: c.cell.top + inset,
          bottom: c.cell.bottom - inset,
        },
        strokes,
      );
      if (ink && ink.right - ink.left < 8 * pitch) cells.push({ cell: c, ink });
    }
  return cells;
}

/**
 * Figures on lines outside ruled tables (a table without rules): the detector's box of such a
 * figure may miss part of its ink (a 「7」 boxed round its stem and read 「1」, with 97% confidence)
 * or the recogniser may drop a digit inside it (「67」 read 「6」). A figure whose ink runs on past
 * its box (a minus sign beside it included), or whose box is wider than its digits fill, is not
 * taken: its confidence becomes 0, as a ruled table's cell with ink left unread.
 */
function doubtLooseFigures(image: Gray, lines: readonly OcrLine[], pitch: number): void {
  const words = lines.flatMap((l) => l.spans).filter((w) => figure.test(w.text));
  const widths = words
    .filter((w) => /^\d+$/.test(w.text))
    .map((w) => (w.right - w.left + 1) / w.text.length)
    .sort((a, b) => a - b);
  const digit = widths.length >= 5 ? widths[Math.floor(widths.length / 2)] : undefined;
  const slack = Math.max(2, pitch / 8);
  for (const w of words) {
    const n = w.text.replace(/[^\d]/g, '').length + (/^-/.test(w.text) ? 1 : 0);
    const ink = inkBox(
      image,
      {
        left: w.left - pitch / 2,
        right: w.right + pitch / 2,
        top: w.top - pitch / 4,
        bottom: w.bottom + pitch / 4,
      },
      true,
    );
    const runsPast =
      ink !== null &&
      (ink.left < w.left - slack ||
        ink.right > w.right + slack ||
        ink.top < w.top - slack ||
        ink.bottom > w.bottom + slack);
    if (runsPast || (digit !== undefined && w.right - w.left + 1 > (n + 0.5) * digit)) w.confidence = 0;
  }
}

/**
 * A figure whose ink is wider than its digits can fill has lost one (「14」 read as 「4」): its
 * cell is marked uncovered, so the figure is not taken. The width of a digit is the median over
 * the page's figures (five at least).
 */
function markLostDigits(
  cells: readonly { cell: OcrCell; ink: Box; digits: string | undefined }[],
  signs = false,
): void {
  const widths = cells
    .filter((c) => /^\d+$/.test(c.digits ?? ''))
    .map((c) => (c.ink.right - c.ink.left + 1) / (c.digits as string).length)
    .sort((a, b) => a - b);
  const digit = widths[Math.floor(widths.length / 2)];
  if (digit === undefined || widths.length < 5) return;
  for (const { cell, ink, digits } of cells) {
    // A leading minus sign (read by PaddleOCR, whose cell ink takes it in) is about a digit wide.
    const n = (digits ?? '').replace(/[^\d]/g, '').length + (signs && /^-\d/.test(digits ?? '') ? 1 : 0);
    if (n > 0 && ink.right - ink.left + 1 > (n + 0.5) * digit) cell.uncovered = true;
  }
}

/**
 * The figures once more, read by the English model restricted to digits: a
 * figure is taken only where both readings agree (see to-blocks.ts).
 */
async function readFiguresAgain(
  image: Gray,
  tables: readonly OcrTable[],
  pitch: number,
  dpi: number,
  dir: string,
  inset: number,
): Promise<void> {
  // A minus sign's thin stroke is ink of the cell here too: a 「-2」 read as 「2」 is then wider
  // than its digits and flagged (it passed silently on a degraded scan, 2019 report 101).
  const cells = figureCells(image, tables, pitch, inset, true);
  if (cells.length === 0) return;
  const grow = (b: Box): Box => ({
    left: Math.max(0, b.left - 2),
    right: Math.min(image.width - 1, b.right + 2),
    top: Math.max(0, b.top - 2),
    bottom: Math.min(image.height - 1, b.bottom + 2),
  });
  const sheets = pieceSheets(
    image,
    cells.map((c) => grow(c.ink)),
    dpi,
    figureScale,
  );
  const words = await readSheets(sheets, dir, dpi * figureScale, true);
  for (const { cell, ink } of cells) {
    const box = grow(ink);
    const mine = words
      .filter((w) => {
        const x = (w.left + w.right) / 2;
        const y = (w.top + w.bottom) / 2;
        return x >= box.left - 1 && x <= box.right + 1 && y >= box.top - 1 && y <= box.bottom + 1;
      })
      .sort((a, b) => a.left - b.left);
    cell.digits = mine.map((w) => w.text).join('');
    cell.digitConfidence = mine.length === 0 ? 0 : Math.min(...mine.map((w) => w.confidence));
  }
  markLostDigits(
    cells.map(({ cell, ink }) => ({ cell, ink, digits: cell.digits })),
    true,
  );
}

/** Reads sheets one after the other; the words, placed back on the page. */
async function readSheets(
  sheets: readonly Sheet[],
  dir: string,
  dpi: number,
  digits: boolean,
): Promise<Word[]> {
  const words: Word[] = [];
  for (const [i, sheet] of sheets.entries()) {
    const path = join(dir, `${digits ? 'figures' : 'page'}-${i}.pgm`);
    await writeFile(path, encodePgm(sheet.image));
    words.push(...wordsOnPage(await recognise(path, dpi, digits), sheet));
  }
  return words;
}

/**
 * How much the figures are enlarged for their second reading: not at all (at 2× the English model
 * dropped more digits than it found on the generated scans).
 */
const figureScale = 1;
