/**
 * A page's words by PaddleOCR. The cells of ruled tables are known: each cell's ink is cut into its
 * text lines and each line is recognised as it stands, with no detection. The rest of the page (its
 * tables blanked) goes through detection, then recognition of each line found. Every line read
 * becomes one word, its confidence the least sure step of its reading.
 */
import { figureConfidence } from '../certainty.js';
import { firstDark, type Gray } from '../image.js';
import { figure } from '../layout.js';
import { inkLevel } from '../preprocess.js';
import type { Box, TableGrid } from '../rules.js';
import { inkBox } from '../sheet.js';
import type { Word } from '../tesseract.js';
import { type Detected, detect } from './detect.js';
import type { Paddle } from './models.js';
import { type LineRead, lineKey, recognise, recogniseJoined } from './recognise.js';

/** The text lines in a box of ink: bands of rows with ink, a band too thin to be a line joined to its nearer neighbour. */
export function textLines(image: Gray, ink: Box): Box[] {
  const bands: { top: number; bottom: number }[] = [];
  for (let y = ink.top; y <= ink.bottom; y++) {
    const row = y * image.width;
    const last = bands.at(-1);
    if (firstDark(image.data, row + ink.left, row + ink.right + 1, inkLevel) > row + ink.right) continue;
    if (last && last.bottom === y - 1) last.bottom = y;
    else bands.push({ top: y, bottom: y });
  }
  const tallest = Math.max(0, ...bands.map((b) => b.bottom - b.top + 1));
  for (;;) {
    const i = bands.findIndex((b) => b.bottom - b.top + 1 < 0.45 * tallest);
    if (i < 0 || bands.length < 2) break;
    const b = bands[i] as { top: number; bottom: number };
    const above = bands[i - 1];
    const below = bands[i + 1];
    const gapAbove = above ? b.top - above.bottom : Number.POSITIVE_INFINITY;
    const gapBelow = below ? below.top - b.bottom : Number.POSITIVE_INFINITY;
    const into = gapAbove <= gapBelow ? (above as typeof b) : (below as typeof b);
    into.top = Math.min(into.top, b.top);
    into.bottom = Math.max(into.bottom, b.bottom);
    bands.splice(i, 1);
  }
  return bands
    .map((b) => inkBox(image, { left: ink.left, right: ink.right, top: b.top, bottom: b.bottom }, true))
    .filter((b): b is Box => b !== null);
}

/** A box with a margin of a fifth of its height, within the image. */
function padded(image: Gray, b: Box): Box {
  const m = Math.max(2, Math.round((b.bottom - b.top + 1) / 5));
  return {
    left: Math.max(0, b.left - m),
    right: Math.min(image.width - 1, b.right + m),
    top: Math.max(0, b.top - m),
    bottom: Math.min(image.height - 1, b.bottom + m),
  };
}

const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** The reading as text: spaces next to Chinese characters dropped (the model reads a wide gap as one). */
export function cleanText(text: string): string {
  let out = '';
  const chars = [...text.trim()];
  chars.forEach((c, i) => {
    if (c === ' ' && (cjk.test(chars[i - 1] ?? '') || cjk.test(chars[i + 1] ?? '') || out.endsWith(' ')))
      return;
    out += c;
  });
  return out;
}

/** How sure a reading is (0–100): its least sure character or step. */
export const readingConfidence = (read: LineRead): number =>
  100 * Math.min(read.leastStep, ...read.probabilities);

/** The page's words: table cells read line by line, the rest detected then read. */
export async function paddleWords(
  paddle: Paddle,
  image: Gray,
  tables: readonly TableGrid[],
  dpi: number,
): Promise<Word[]> {
  const inset = Math.max(3, Math.round(dpi / 40));
  const cells: Line[] = [];
  for (const [t, table] of tables.entries())
    for (const [c, cell] of table.cells.entries()) {
      const ink = inkBox(
        image,
        {
          left: cell.left + inset,
          right: cell.right - inset,
          top: cell.top + inset,
          bottom: cell.bottom - inset,
        },
        true,
      );
      if (!ink) continue;
      for (const [l, box] of textLines(image, ink).entries())
        cells.push({ box, crop: padded(image, box), line: `t${t}.${c}.${l}` });
    }
  const rest = tables.length === 0 ? image : withoutTables(image, tables, inset);
  const prose: Line[] = [];
  for (const [i, found] of (await detectBands(paddle, rest, dpi)).entries()) {
    const h = found.core.bottom - found.core.top + 1;
    const box = inkBox(rest, {
      left: found.box.left,
      right: found.box.right,
      top: Math.max(found.box.top, found.core.top - 0.6 * h),
      bottom: Math.min(found.box.bottom, found.core.bottom + 0.6 * h),
    });
    if (box) prose.push({ box, crop: found.box, line: `p${i}` });
  }
  // A figure is at most a few digits (half as wide as high each): a cell's line wider than
  // `labelShape` heights is a label, read squeezed as prose is.
  const wide = (l: Line) => l.box.right - l.box.left + 1 > labelShape * (l.box.bottom - l.box.top + 1);
  const figures = await readFigures(
    paddle,
    image,
    cells.filter((l) => !wide(l)),
  );
  const labels = await read(paddle, image, cells.filter(wide), squeeze);
  const byLine = new Map([...figures, ...labels].map((w) => [w.line, w]));
  const cellWords = cells.flatMap((l) => byLine.get(l.line) ?? []);
  // A short piece outside the tables (a figure of a table without rules, a page number) is read as
  // a cell's figure is, at its own width with a margin round its ink: squeezed as prose, single
  // digits came back unsure or wrong (a 「7」 read 「1」).
  // Its ink is taken round the detector's box, which may cut a glyph (a 「7」 boxed round its stem).
  const short = prose
    .filter((l) => !wide(l))
    .map((l) => {
      const reach = (l.box.bottom - l.box.top + 1) / 3;
      const box =
        inkBox(
          rest,
          {
            left: l.crop.left - reach,
            right: l.crop.right + reach,
            top: l.box.top - reach,
            bottom: l.box.bottom + reach,
          },
          true,
        ) ?? l.box;
      return { ...l, box, crop: padded(rest, box) };
    });
  return [
    ...cellWords,
    ...(await read(paddle, rest, short)),
    ...(await read(
      paddle,
      rest,
      prose.filter((l) => wide(l)),
      proseSqueeze,
    )),
  ];
}

/**
 * The text lines of the image, detected band by band: only the rows with ink (and a margin) go
 * through detection, whose time goes with the area it is given, so a page of tables (erased here)
 * costs the little prose around them.
 */
async function detectBands(paddle: Paddle, image: Gray, dpi: number): Promise<Detected[]> {
  const found: Detected[] = [];
  for (const band of inkBands(image, dpi, Math.round(dpi / 4))) {
    const crop = rows(image, band.top, band.bottom);
    const shift = (b: Box): Box => ({ ...b, top: b.top + band.top, bottom: b.bottom + band.top });
    for (const d of await detect(paddle, crop, detectionDpi / dpi))
      found.push({ core: shift(d.core), box: shift(d.box) });
  }
  return found;
}

/** Bands of rows with ink, those less than `gap` rows apart joined, each grown by `margin` rows. */
export function inkBands(image: Gray, gap: number, margin: number): { top: number; bottom: number }[] {
  const bands: { top: number; bottom: number }[] = [];
  const { width, data } = image;
  for (let y = 0; y < image.height; y++) {
    if (firstDark(data, y * width, (y + 1) * width, inkLevel) === (y + 1) * width) continue;
    const last = bands.at(-1);
    if (last && y - last.bottom <= gap) last.bottom = y;
    else bands.push({ top: y, bottom: y });
  }
  return bands.map((b) => ({
    top: Math.max(0, b.top - margin),
    bottom: Math.min(image.height - 1, b.bottom + margin),
  }));
}

/** Rows `top` … `bottom` of the image. */
const rows = (image: Gray, top: number, bottom: number): Gray => ({
  width: image.width,
  height: bottom - top + 1,
  data: image.data.subarray(top * image.width, (bottom + 1) * image.width),
});

/**
 * Detection runs at this resolution (dots per inch): 12-point text is 12 pixels high there, enough
 * for the detector; its time goes with the square of it (100 dpi gave the same lines at twice the time).
 * At 60 dpi detection took 40% less CPU, but cells were lost: on three reports of each
 * kind, clean scans' cells exact fell from 99.5% to 97.0%.
 */
export const detectionDpi = 75;
/**
 * Prose lines and table labels are squeezed to this share of their width for recognition: its time
 * goes with the width, and the model still reads them (bench: characters right 99.2% at 0.5,
 * 99.3% at 1, for half the columns). Figures are read at their own width.
 * At 0.4 cells were lost (three reports of each kind: 99.5% → 98.8% exact clean, 52.3% → 51.3%
 * degraded).
 */
export const squeeze = 0.5;
/**
 * Prose (outside the tables) is squeezed further: it holds none of the tables' cells, and the bench's
 * characters right stayed at 99.4% / 97.0% (clean / degraded) at 0.4, for a tenth fewer columns a
 * page (at 0.3 they fell to 98.5% / 95.9%).
 */
export const proseSqueeze = 0.4;
/** A cell's text line wider than this many times its height is a label, not a figure. */
const labelShape = 5;

interface Line {
  /** The ink of the line, as its word's box … */
  box: Box;
  /** … and what the recogniser is given. */
  crop: Box;
  line: string;
}

async function read(paddle: Paddle, image: Gray, lines: readonly Line[], squeeze = 1): Promise<Word[]> {
  const reads = await recognise(
    paddle,
    image,
    lines.map((l) => l.crop),
    undefined,
    squeeze,
  );
  return wordsOf(lines, reads);
}

/** Each line's reading as a word (none where it read nothing). */
function wordsOf(lines: readonly Line[], reads: readonly LineRead[]): Word[] {
  const words: Word[] = [];
  lines.forEach((l, i) => {
    const read = reads[i] as LineRead;
    const text = cleanText(read.text);
    if (text !== '') words.push({ ...l.box, text, confidence: readingConfidence(read), line: l.line });
  });
  return words;
}

/** The image with its tables whitened. */
function withoutTables(image: Gray, tables: readonly TableGrid[], inset: number): Gray {
  const out: Gray = { width: image.width, height: image.height, data: new Uint8Array(image.data) };
  for (const t of tables)
    for (
      let y = Math.max(0, Math.floor(t.box.top - inset));
      y <= Math.min(image.height - 1, t.box.bottom + inset);
      y++
    )
      out.data.fill(
        255,
        y * image.width + Math.max(0, Math.floor(t.box.left - inset)),
        y * image.width + Math.min(image.width, Math.ceil(t.box.right + inset) + 1),
      );
  return out;
}

/**
 * The figures of a page (cells' short lines), read side by side (recognise.ts, recogniseJoined):
 * each crop with a margin of paper of `joinedMargin` of a lone crop's. A crop not told apart from
 * its neighbours is read alone. A page whose crops repeat pixel for pixel (a clean scan: a tenth of
 * them or more) is read crop by crop, as the readings kept of the same pixels answer most of them;
 * elsewhere the repeated crops are read alone, once.
 */
async function readFigures(paddle: Paddle, image: Gray, lines: readonly Line[]): Promise<Word[]> {
  const keys = lines.map((l) => lineKey(image, l.crop, 0, false, 1));
  const count = new Map<string, number>();
  for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  const unique = lines.flatMap((_, i) => (count.get(keys[i] as string) === 1 ? [i] : []));
  if ((lines.length - unique.length) * 10 >= lines.length) return read(paddle, image, lines);
  const reads: (LineRead | null)[] = new Array(lines.length).fill(null);
  const joined = await recogniseJoined(
    paddle,
    image,
    unique.map((i) => {
      const { box, crop } = lines[i] as Line;
      const margin = Math.round(joinedMargin * Math.max(2, Math.round((box.bottom - box.top + 1) / 5)));
      return {
        ink: box,
        crop: {
          top: crop.top,
          bottom: crop.bottom,
          left: Math.max(0, box.left - margin),
          right: Math.min(image.width - 1, box.right + margin),
        },
      };
    }),
  );
  // A reading less sure than a figure must be is read alone as well (as all were before), and the
  // lone reading taken, unless the side-by-side one is a figure and surer: unsure either way, the
  // figure is not taken, but it keeps its place in its row (a lone 「n」 for 「11」 left the row a
  // figure short, and none of its figures was placed).
  const unsure = new Map<number, LineRead>();
  unique.forEach((i, n) => {
    const r = joined[n];
    if (r && readingConfidence(r) >= figureConfidence) reads[i] = r;
    else if (r) unsure.set(i, r);
  });
  const alone = lines.flatMap((_, i) => (reads[i] ? [] : [i]));
  const aloneReads = await recognise(
    paddle,
    image,
    alone.map((i) => (lines[i] as Line).crop),
  );
  alone.forEach((i, n) => {
    const r = aloneReads[n] as LineRead;
    const side = unsure.get(i);
    reads[i] =
      side && figure.test(cleanText(side.text)) && readingConfidence(side) > readingConfidence(r) ? side : r;
  });
  return wordsOf(lines, reads as LineRead[]);
}

/** A figure's margin of paper each side, read side by side, as a share of a lone crop's (padded). */
const joinedMargin = 0.75;
