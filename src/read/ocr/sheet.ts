/**
 * Reading the cells of a ruled table one by one would start tesseract hundreds of times; reading
 * the table as it stands makes it run text across cell borders. So each cell's ink is cut out and
 * the pieces are stacked one under another, well apart, below the page (with its tables blanked):
 * one run of tesseract reads the prose and every cell, and each word found in the stack is moved
 * back to where it stood on the page.
 */
import { firstDark, type Gray, grayImage } from './image.js';
import { inkLevel } from './preprocess.js';
import type { Box, TableGrid } from './rules.js';
import type { Word } from './tesseract.js';

interface Slot {
  /** Where the piece was cut from on the page … */
  from: Box;
  /** … and where it stands in the stack (its top-left corner). */
  x: number;
  y: number;
}

export interface Sheet {
  image: Gray;
  /** The page's own height in the sheet: words below it come from the stack. */
  pageHeight: number;
  slots: Slot[];
  /** How much the pieces were enlarged (1: as on the page). */
  scale: number;
}

/** Ink this many pixels long along a row is a stroke (a minus sign), not a speck. */
const strokeRun = 4;
/**
 * A faint stroke: grey darker than this (the level at which a rule counts, rules.ts) for
 * `faintRun` pixels along a row. A minus sign of a low-resolution, JPEG'd scan is that faint: at
 * 150 dpi (read at 200) with heavy noise, 「-21」's minus was eight pixels of grey 150–200, never
 * ink, and 「21」 passed silently.
 */
const faintLevel = 200;
const faintRun = 6;
/** The grey edge of a glyph, in pixels: a faint stroke no further out than this is not apart from it. */
const halo = 2;

/**
 * The box of the ink inside a box, or null when there is none. With `strokes`, a thin horizontal
 * stroke (a minus sign) counts as ink, not as specks.
 */
export function inkBox(image: Gray, box: Box, strokes = false): Box | null {
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  let top = Number.POSITIVE_INFINITY;
  let bottom = -1;
  const x0 = Math.max(0, Math.ceil(box.left));
  const x1 = Math.min(image.width - 1, Math.floor(box.right));
  const y0 = Math.max(0, Math.ceil(box.top));
  const y1 = Math.min(image.height - 1, Math.floor(box.bottom));
  if (x1 < x0 || y1 < y0) return null;
  const columns = new Uint32Array(x1 - x0 + 1);
  const rows = new Uint32Array(y1 - y0 + 1);
  // Columns under a horizontal stroke: a minus sign is two pixels thick, fewer than a speck's
  // column may hold, but it runs several pixels along a row, as noise does not.
  const stroked = new Uint8Array(x1 - x0 + 1);
  /** Columns under a faint stroke (`faintLevel`). */
  const faint = new Uint8Array(strokes ? x1 - x0 + 1 : 0);
  const { data, width } = image;
  for (let y = y0; y <= y1; y++) {
    let run = 0;
    let inRow = 0;
    const row = y * width;
    for (let x = x0; x <= x1; x++) {
      if ((data[row + x] as number) >= inkLevel) {
        // Paper up to the next ink (skipped four pixels at a time) ends a run.
        run = 0;
        x = firstDark(data, row + x + 1, row + x1 + 1, inkLevel) - row;
        if (x > x1) break;
      }
      columns[x - x0] = (columns[x - x0] as number) + 1;
      inRow++;
      // The run's columns are marked once it is a stroke, then each further one (not the whole
      // run again at every pixel).
      if (++run >= strokeRun && strokes) {
        if (run === strokeRun) stroked.fill(1, x - x0 - run + 1, x - x0 + 1);
        else stroked[x - x0] = 1;
      }
    }
    rows[y - y0] = inRow;
    if (strokes) markFaintRuns(data, row + x0, row + x1, faint);
  }
  // Specks (a pixel or two in a row or column) are noise, not text.
  const least = 3;
  for (let i = 0; i < columns.length; i++) {
    if ((columns[i] as number) < least && !stroked[i]) continue;
    left = Math.min(left, x0 + i);
    right = Math.max(right, x0 + i);
  }
  // A faint stroke widens the box only where it stands clear of the ink (a minus sign before the
  // digits), not where it is the grey edge of a glyph a pixel or two wide.
  if (right >= left)
    for (let i = 0; i < faint.length; i++) {
      if (!faint[i]) continue;
      if (x0 + i < left - halo) left = x0 + i;
      else if (x0 + i > right + halo) right = x0 + i;
    }
  for (let i = 0; i < rows.length; i++) {
    if ((rows[i] as number) < least) continue;
    top = Math.min(top, y0 + i);
    bottom = Math.max(bottom, y0 + i);
  }
  if (right < left || bottom < top) return null;
  return { left, right, top, bottom };
}

/** Marks the columns under each run of `faintRun` or more grey pixels of one row, from `from` to `to`. */
function markFaintRuns(data: Uint8Array, from: number, to: number, marks: Uint8Array): void {
  for (let i = firstDark(data, from, to + 1, faintLevel); i <= to; ) {
    // A run of grey from i; paper after it is skipped to the next grey.
    let end = i + 1;
    while (end <= to && (data[end] as number) < faintLevel) end++;
    if (end - i >= faintRun) marks.fill(1, i - from, end - from);
    i = firstDark(data, end, to + 1, faintLevel);
  }
}

/**
 * A stack of the given pieces alone, each enlarged `scale` times: how the figures are read a
 * second time, by the English model restricted to digits.
 */
export function pieceSheet(image: Gray, pieces: readonly Box[], dpi: number, scale: number): Sheet {
  const pad = Math.round((dpi * scale) / 20);
  const gap = Math.round((dpi * scale) / 5);
  const margin = Math.round((dpi * scale) / 4);
  const slots: Slot[] = [];
  let height = gap;
  let width = 0;
  for (const [i, from] of pieces.entries()) {
    const x = margin + stagger(i, dpi * scale);
    slots.push({ from, x, y: height + pad });
    height += (from.bottom - from.top + 1) * scale + 2 * pad + gap;
    width = Math.max(width, x + (from.right - from.left + 1) * scale + margin);
  }
  const sheet = grayImage(Math.max(width, 1), height);
  for (const s of slots) {
    const w = (s.from.right - s.from.left + 1) * scale;
    const h = (s.from.bottom - s.from.top + 1) * scale;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        // Bilinear enlargement.
        const sx = Math.min(s.from.right, s.from.left + (x + 0.5) / scale - 0.5);
        const sy = Math.min(s.from.bottom, s.from.top + (y + 0.5) / scale - 0.5);
        const x0 = Math.max(0, Math.floor(sx));
        const y0 = Math.max(0, Math.floor(sy));
        const x1 = Math.min(image.width - 1, x0 + 1);
        const y1 = Math.min(image.height - 1, y0 + 1);
        const fx = Math.max(0, sx - x0);
        const fy = Math.max(0, sy - y0);
        const v =
          (image.data[y0 * image.width + x0] as number) * (1 - fx) * (1 - fy) +
          (image.data[y0 * image.width + x1] as number) * fx * (1 - fy) +
          (image.data[y1 * image.width + x0] as number) * (1 - fx) * fy +
          (image.data[y1 * image.width + x1] as number) * fx * fy;
        sheet.data[(s.y + y) * sheet.width + s.x + x] = v;
      }
  }
  return { image: sheet, pageHeight: 0, slots, scale };
}

/**
 * How far right the i-th piece stands. Pieces one exactly under another would line up the strokes
 * of their 1s into what tesseract takes for a ruling line, and it removes them (14 read as 4).
 */
const stagger = (i: number, dpi: number): number => ((i * 7) % 11) * Math.round(dpi / 12);

/** Tallest sheet handed to tesseract (it refuses images over 32,767 pixels a side). */
const maxHeight = 30_000;

/** Pieces in as many sheets as it takes to keep each under the height tesseract accepts. */
export function pieceSheets(image: Gray, pieces: readonly Box[], dpi: number, scale: number): Sheet[] {
  const sheets: Sheet[] = [];
  let chunk: Box[] = [];
  let height = 0;
  const room = (b: Box) => (b.bottom - b.top + 1) * scale + (dpi * scale) / 2;
  for (const piece of pieces) {
    if (chunk.length > 0 && height + room(piece) > maxHeight) {
      sheets.push(pieceSheet(image, chunk, dpi, scale));
      chunk = [];
      height = 0;
    }
    chunk.push(piece);
    height += room(piece);
  }
  if (chunk.length > 0) sheets.push(pieceSheet(image, chunk, dpi, scale));
  return sheets;
}

/**
 * The page with its tables blanked and, below it, the ink of each table cell; pieces that don't
 * fit under the height limit come back in `rest`.
 */
export function buildSheet(
  image: Gray,
  tables: readonly TableGrid[],
  dpi: number,
): { sheet: Sheet; rest: Box[] } {
  const inset = Math.max(3, Math.round(dpi / 40));
  const pad = Math.round(dpi / 20);
  const gap = Math.round(dpi / 5);
  // Well clear of the left edge, where tesseract may drop a thin stroke (the 1 of 14).
  const margin = Math.round(dpi / 4);
  const pieces: Box[] = [];
  for (const t of tables)
    for (const cell of t.cells) {
      const ink = inkBox(image, {
        left: cell.left + inset,
        right: cell.right - inset,
        top: cell.top + inset,
        bottom: cell.bottom - inset,
      });
      if (ink) pieces.push(ink);
    }
  let height = image.height + gap;
  const slots: Slot[] = [];
  const rest: Box[] = [];
  for (const [i, from] of pieces.entries()) {
    const room = from.bottom - from.top + 1 + 2 * pad + gap;
    const x = margin + stagger(i, dpi);
    if (height + room > maxHeight || x + from.right - from.left + 1 + margin > image.width) {
      rest.push(from);
      continue;
    }
    slots.push({ from, x, y: height + pad });
    height += room;
  }
  const sheet = grayImage(image.width, height);
  sheet.data.set(image.data);
  // The page without its tables.
  for (const t of tables)
    for (
      let y = Math.max(0, Math.floor(t.box.top - inset));
      y <= Math.min(image.height - 1, t.box.bottom + inset);
      y++
    )
      sheet.data.fill(
        255,
        y * image.width + Math.max(0, Math.floor(t.box.left - inset)),
        y * image.width + Math.min(image.width, Math.ceil(t.box.right + inset) + 1),
      );
  for (const s of slots) {
    const w = Math.min(s.from.right - s.from.left + 1, image.width - s.x);
    for (let y = 0; y <= s.from.bottom - s.from.top; y++) {
      const src = (s.from.top + y) * image.width + s.from.left;
      sheet.data.set(image.data.subarray(src, src + w), (s.y + y) * image.width + s.x);
    }
  }
  return { sheet: { image: sheet, pageHeight: image.height, slots, scale: 1 }, rest };
}

/** Moves words found in the stack back to their place on the page; drops words between pieces. */
export function wordsOnPage(words: readonly Word[], sheet: Sheet): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const cy = (w.top + w.bottom) / 2;
    if (cy < sheet.pageHeight) {
      out.push(w);
      continue;
    }
    const k = sheet.scale;
    const slot = sheet.slots.find((s) => cy >= s.y && cy <= s.y + (s.from.bottom - s.from.top + 1) * k);
    if (!slot) continue;
    const x = (v: number) => slot.from.left + (v - slot.x) / k;
    const y = (v: number) => slot.from.top + (v - slot.y) / k;
    out.push({ ...w, left: x(w.left), right: x(w.right), top: y(w.top), bottom: y(w.bottom) });
  }
  return out;
}
