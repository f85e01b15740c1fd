/**
 * Items → lines, the way `pdftotext -layout` lays a page out: items whose baselines lie within
 * half an em of each other form a line; along the line, a gap becomes a run of spaces as long as
 * the gap (so table columns stay apart), and pieces that touch join without one (a word set
 * character by character).
 */
import { dashMarks, isFigureText, type PdfItem } from './items.js';

/** One line of a page: its items from left to right. */
export interface PdfLine {
  page: number;
  /** Baseline of the line's first item, in points from the page top. */
  y: number;
  /** Font size of the line's first item. */
  size: number;
  items: PdfItem[];
}

/** Share of an em that baselines of one line may differ by (a figure set lower than its label). */
const baselineTolerance = 0.5;
/** Most that the baselines of one line may spread, as a share of an em. */
const lineSpan = 0.8;
/** A gap wider than this share of an em is a space even where the PDF has no space character. */
const spaceGap = 0.25;
/**
 * In a line laid out in columns, a gap wider than this share of an em sets a figure apart from the
 * text before it (PDF.js's least space within a run of text): a label filling its cell, the figure
 * flush left in the next.
 */
const figureGap = 0.1;
/** Width of one space, as a share of an em (a half-width character). */
const spaceWidth = 0.5;

/** Groups a page's items into lines, top to bottom, each sorted left to right. */
export function clusterLines(items: readonly PdfItem[], page: number): PdfLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  /** Baseline of the lowest item so far in the current line. */
  let last = 0;
  for (const item of sorted) {
    // Baselines chain within half an em, as long as the line stays within one em.
    const em = current ? Math.min(item.size, current.size) : 0;
    if (current && item.y - last <= baselineTolerance * em && item.y - current.y <= lineSpan * em) {
      current.items.push(item);
      last = item.y;
      continue;
    }
    current = { page, y: item.y, size: item.size, items: [item] };
    last = item.y;
    lines.push(current);
  }
  for (const line of lines) line.items = dedupe(line.items.sort((a, b) => a.x - b.x));
  // A line of whitespace only says nothing.
  return lines.filter((line) => line.items.some((item) => item.text !== ''));
}

/** Drops text drawn twice a hair apart (bold faked by overprinting). */
function dedupe(items: PdfItem[]): PdfItem[] {
  const out: PdfItem[] = [];
  for (const item of items) {
    const twin =
      item.text !== '' &&
      out.some(
        (o) =>
          o.text === item.text &&
          Math.abs(o.x - item.x) < 0.3 * item.size &&
          Math.abs(o.y - item.y) < 0.3 * item.size,
      );
    if (!twin) out.push(item);
  }
  return out;
}

/**
 * A table cell's figure or blank mark (「/」「—」), as a piece of a line may be: not 「无」 or 「空」,
 * which may be a character of a label spread over its cell.
 */
const isFigurePiece = (text: string): boolean => isFigureText(text) || blankMarks.has(text);
const blankMarks = new Set([...dashMarks, '－']);

/**
 * The line's items with each figure that a gap inside an item sets off (see `PdfItem.gaps`) an
 * item of its own, where it stands on the page: a label that fills its cell and the figure of the
 * next, closer than 0.6 em, are one item, the figure's place lost. The pieces between figures stay
 * together, as the item had them.
 */
export function figurePieces(items: readonly PdfItem[]): PdfItem[] {
  if (!items.some((item) => item.gaps)) return items as PdfItem[];
  const out: PdfItem[] = [];
  for (const item of items) {
    const gaps = item.gaps;
    if (!gaps) {
      out.push(item);
      continue;
    }
    const pieces: Piece[] = [];
    let from = 0;
    let x = item.x;
    for (const gap of gaps) {
      pieces.push({ text: item.text.slice(from, gap.at), x, end: gap.end });
      from = gap.at + 1;
      x = gap.start;
    }
    pieces.push({ text: item.text.slice(from), x, end: item.x + item.width });
    if (!pieces.some((p) => isFigurePiece(p.text))) {
      out.push(item);
      continue;
    }
    // Runs of other pieces joined again (by the spaces between them), each figure alone.
    let run: Piece | null = null;
    let first = true;
    const push = (p: Piece, last: boolean) => {
      out.push(pieceItem(item, p, first, last));
      first = false;
    };
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i] as Piece;
      if (isFigurePiece(p.text)) {
        if (run) push(run, false);
        run = null;
        push(p, i === pieces.length - 1);
      } else run = run ? { text: `${run.text} ${p.text}`, x: run.x, end: p.end } : p;
    }
    if (run) push(run, true);
  }
  return out;
}

/** A piece of an item's text, and where it starts and ends on the page. */
interface Piece {
  text: string;
  x: number;
  end: number;
}

/** A piece of an item as an item: a space on a side where the item had a gap. */
function pieceItem(item: PdfItem, piece: Piece, first: boolean, last: boolean): PdfItem {
  return {
    text: piece.text,
    x: piece.x,
    y: item.y,
    width: Math.max(0, piece.end - piece.x),
    size: item.size,
    spaceBefore: first ? item.spaceBefore : true,
    spaceAfter: last ? item.spaceAfter : true,
  };
}

/**
 * Whether some piece of the line stands apart from the one before by more than a space (a line
 * laid out in columns: a table's row, not prose).
 */
export function laidOut(line: PdfLine): boolean {
  let end = Number.NaN;
  let size = line.size;
  for (const item of line.items) {
    if (item.text === '') continue;
    if (!Number.isNaN(end) && item.x - end > spaceGap * Math.min(item.size, size)) return true;
    end = Number.isNaN(end) ? item.x + item.width : Math.max(end, item.x + item.width);
    size = item.size;
  }
  return false;
}

/**
 * A line's text, and how far its first item stands from `left` (the page's left text edge) in
 * half-width characters. `figuresInPlace`: in a line laid out in columns, a figure after a space,
 * or a gap of a tenth of an em, stands at its place on the page however narrow the space (a label
 * filling its cell, the figure flush left in the next), not one space after the text before it (or
 * joined to it), which counts each CJK character one column where the page takes two.
 */
export function lineText(
  line: PdfLine,
  left: number,
  figuresInPlace = false,
): { text: string; indent: number } {
  const inPlace = figuresInPlace && laidOut(line);
  let text = '';
  let end = 0;
  let size = line.size;
  let pendingSpace = false;
  let indent = 0;
  for (const item of line.items) {
    if (item.text === '') {
      if (text !== '') pendingSpace = true;
      continue;
    }
    if (text === '') {
      indent = Math.max(0, Math.round((item.x - left) / (spaceWidth * item.size)));
      text = item.text;
    } else {
      const em = Math.min(item.size, size);
      const gap = item.x - end;
      let spaces = 0;
      // A wide gap pads the line to the item's place on the page (in half-width characters from
      // the left edge), so that figures under one table column get the same column on every row.
      const apart = pendingSpace || item.spaceBefore || gap > figureGap * em;
      if (gap > spaceGap * em || (inPlace && apart && isFigurePiece(item.text)))
        spaces = Math.max(1, Math.round((item.x - left) / (spaceWidth * em)) - indent - text.length);
      else if (pendingSpace || item.spaceBefore) spaces = 1;
      text += ' '.repeat(spaces) + item.text;
    }
    end = Math.max(end, item.x + item.width);
    size = item.size;
    pendingSpace = item.spaceAfter;
  }
  return { text, indent };
}
