/**
 * Words → what the other readers give: lines of text outside the tables (wide gaps kept as runs
 * of spaces, so that a table without rules still reads in columns, as a PDF's text layer does)
 * and the text of each grid cell, each with the confidence of its words.
 */
import type { Box, GridCellBox, TableGrid } from './rules.js';
import type { Word } from './tesseract.js';

export interface OcrText {
  text: string;
  /** The words' confidences: lowest and mean (100 for no words). */
  minConfidence: number;
  meanConfidence: number;
  words: number;
}

export interface OcrLine extends OcrText, Box {
  /** The line's words, left to right, each with its box (a table without rules keeps its columns). */
  spans: Word[];
}

export interface OcrCell extends OcrText {
  cell: GridCellBox;
  /** Ink in the cell that no word read covers (a digit dropped): the cell's reading is in doubt. */
  uncovered: boolean;
  /** A figure cell's second reading (English model, digits only) and its lowest confidence. */
  digits?: string;
  digitConfidence?: number;
}

/** A figure as printed. */
export const figure = /^[+-]?\d[\d,.]*$/;
/** Digits and the marks OCR mistakes them for (「]4」 for 14, 「oo」 for 00), nothing else. */
export const figureLike = /^[\d\][|!lIiJoO(){}.,:;'"`‘’“”\s_~-]+$/;

export interface OcrTable {
  grid: TableGrid;
  cells: OcrCell[];
}

const centre = (w: Box) => ({ x: (w.left + w.right) / 2, y: (w.top + w.bottom) / 2 });
const inside = (w: Box, b: Box) => {
  const c = centre(w);
  return c.x >= b.left && c.x <= b.right && c.y >= b.top && c.y <= b.bottom;
};
const latin = /[A-Za-z0-9]/;

/** Words of one visual line, left to right, joined: CJK directly, Latin words with a space. */
function joinWords(words: readonly Word[], pitch: number): string {
  let text = '';
  let previous: Word | undefined;
  for (const w of words) {
    if (previous) {
      const gap = w.left - previous.right;
      if (gap > 1.5 * pitch) text += '   ';
      else if (latin.test(text.at(-1) ?? '') && latin.test(w.text[0] ?? '') && gap > 0.25 * pitch)
        text += ' ';
    }
    text += w.text;
    previous = w;
  }
  return text;
}

function confidence(words: readonly Word[]): Omit<OcrText, 'text'> {
  if (words.length === 0) return { minConfidence: 100, meanConfidence: 100, words: 0 };
  let min = 100;
  let sum = 0;
  for (const w of words) {
    min = Math.min(min, w.confidence);
    sum += w.confidence;
  }
  return { minConfidence: min, meanConfidence: sum / words.length, words: words.length };
}

/**
 * Splits words into visual lines, each sorted left to right. The engine's lines come first
 * (tesseract's lines; PaddleOCR's detected text regions), then the pieces of one visual line are
 * joined: in a table without rules the detector finds each figure of a row as a region of its own,
 * and those, taken one by one from the top, came out in the order of their tops (a 「4」 set a pixel
 * higher before the 「0」 left of it: two figures swapped, silently). Pieces are of one line when
 * their vertical centres lie within half a character of each other and they don't overlap across.
 */
function visualLines(words: readonly Word[], pitch: number): Word[][] {
  const byLine = new Map<string, Word[]>();
  for (const w of words) {
    const list = byLine.get(w.line);
    if (list) list.push(w);
    else byLine.set(w.line, [w]);
  }
  const middle = (ws: readonly Word[]) =>
    (Math.min(...ws.map((w) => w.top)) + Math.max(...ws.map((w) => w.bottom))) / 2;
  const pieces = [...byLine.values()].map((ws) => ({ words: ws, y: middle(ws) })).sort((a, b) => a.y - b.y);
  const lines: { words: Word[]; y: number }[] = [];
  for (const piece of pieces) {
    const apart = (line: { words: Word[] }) =>
      piece.words.every((w) => line.words.every((o) => w.right < o.left || w.left > o.right));
    // The nearest line above within reach that the piece doesn't run into.
    let joined = false;
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i] as { words: Word[]; y: number };
      if (piece.y - line.y > 0.5 * pitch) break;
      if (apart(line)) {
        line.words.push(...piece.words);
        joined = true;
        break;
      }
    }
    if (!joined) lines.push({ words: [...piece.words], y: piece.y });
  }
  const out = lines.map((l) => l.words.sort((a, b) => a.left - b.left));
  out.sort((a, b) => Math.min(...a.map((w) => w.top)) - Math.min(...b.map((w) => w.top)));
  return out;
}

/** The typical height of a character on the page (the median word height). */
export function characterPitch(words: readonly Word[], fallback: number): number {
  const hs = words
    .map((w) => w.bottom - w.top)
    .filter((h) => h > 4)
    .sort((a, b) => a - b);
  return hs.length === 0 ? fallback : (hs[Math.floor(hs.length / 2)] as number);
}

/** Groups a cell's words into rows by their vertical centres and joins them in reading order. */
function cellText(words: Word[], pitch: number): string {
  const rows: Word[][] = [];
  for (const w of [...words].sort((a, b) => centre(a).y - centre(b).y)) {
    const row = rows.at(-1);
    if (row && Math.abs(centre(w).y - centre(row[0] as Word).y) < 0.6 * pitch) row.push(w);
    else rows.push([w]);
  }
  return rows
    .map((r) =>
      joinWords(
        r.sort((a, b) => a.left - b.left),
        pitch,
      ).replace(/ {3}/g, ''),
    )
    .join('');
}

/** Whether the words leave some of the ink in a cell unread, by more than a third of a character. */
function uncovered(words: readonly Word[], ink: Box | null, pitch: number): boolean {
  if (!ink) return false;
  if (words.length === 0) return true;
  const slack = Math.max(2, pitch / 8);
  const left = Math.min(...words.map((w) => w.left));
  const right = Math.max(...words.map((w) => w.right));
  const top = Math.min(...words.map((w) => w.top));
  const bottom = Math.max(...words.map((w) => w.bottom));
  return (
    ink.left < left - slack ||
    ink.right > right + slack ||
    ink.top < top - slack ||
    ink.bottom > bottom + slack
  );
}

/** Lays out a page's words around its tables. */
export function layoutPage(
  words: readonly Word[],
  tables: readonly TableGrid[],
  fallbackPitch: number,
  /** The box of the ink in a box of the page, or null for none. */
  inkIn: (box: Box) => Box | null = () => null,
): { lines: OcrLine[]; tables: OcrTable[]; pitch: number } {
  const pitch = characterPitch(words, fallbackPitch);
  const free: Word[] = [];
  const perTable = tables.map(() => [] as Word[]);
  for (const w of words) {
    const t = tables.findIndex((g) => inside(w, g.box));
    if (t >= 0) (perTable[t] as Word[]).push(w);
    else free.push(w);
  }
  const outTables: OcrTable[] = tables.map((grid, t) => {
    const mine = perTable[t] as Word[];
    const cells = grid.cells.map((cell) => {
      const ws = mine.filter((w) => inside(w, cell));
      return {
        cell,
        text: cellText(ws, pitch),
        ...confidence(ws),
        uncovered: uncovered(ws, inkIn(cell), pitch),
      };
    });
    return { grid, cells };
  });
  const lines: OcrLine[] = visualLines(free, pitch).map((ws) => ({
    text: joinWords(ws, pitch),
    spans: ws,
    left: Math.min(...ws.map((w) => w.left)),
    right: Math.max(...ws.map((w) => w.right)),
    top: Math.min(...ws.map((w) => w.top)),
    bottom: Math.max(...ws.map((w) => w.bottom)),
    ...confidence(ws),
  }));
  return { lines, tables: outTables, pitch };
}
