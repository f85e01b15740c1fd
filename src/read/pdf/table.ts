/**
 * The text of a ruled table: each text item goes to the grid cell its centre stands in, and a
 * cell's items are laid out as lines and joined like wrapped text. So the table reads as the other
 * readers' tables do, an empty cell an empty grid position. Where the grid and the text disagree
 * (an item running over a border, figures side by side in one cell as if a border were missing)
 * the table is not used and its text is read as lines.
 */

import type { RuledGrid } from './grid.js';
import { dashMarks, isFigureText, type PdfItem } from './items.js';
import { clusterLines, lineText } from './lines.js';

export interface GridPosition {
  text: string;
  /** Left end of the cell's text (or of the cell, when empty), in points. */
  x: number;
  spanned?: boolean;
  /** The page it stands on, for a row of a table continued from an earlier page. */
  page?: number;
}

/** A ruled table with its text, on one page. */
export interface PdfTable {
  page: number;
  top: number;
  bottom: number;
  xs: number[];
  rows: GridPosition[][];
  /** The text items it holds (not read again as lines). */
  items: Set<PdfItem>;
}

/** Points an item may stand over its cell's border (a glyph's side bearing, a rule's width). */
const overhang = 1.5;

/** Joins the lines of a cell: no break inside Chinese, a space between Latin words. */
function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    const last = text.at(-1) ?? '';
    const next = line[0] ?? '';
    text += text !== '' && /[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(next) ? ` ${line}` : line;
  }
  return text;
}

/** Where the baseline-positioned item's text stands vertically: about the middle of its glyphs. */
const middle = (item: PdfItem) => item.y - 0.35 * item.size;

/** What reports write in a blank cell (as the assembler knows them, src/assemble/tokens.ts). */
const blankMarks = new Set([...dashMarks, '无', '空']);

/**
 * An item that runs over one wall of its row: a label's words ending against the wall and a figure
 * (or a blank mark) set close after it in the next cell (cells padded so little that PDF.js joins
 * the two, with a space between). The words and the figure, each in the cell on its side of the
 * wall; null for anything else (figures side by side, words after the figure, more than one wall).
 */
function labelAndFigure(
  grid: RuledGrid,
  item: PdfItem,
  cellAt: (x: number, y: number) => number,
): [PdfItem, PdfItem] | null {
  const parts = item.text.split(/\s+/);
  const figure = parts.pop() as string;
  const figureLike = (text: string) => isFigureText(text) || blankMarks.has(text);
  // Words before it, their last no figure (a label spread over its cell, 分散对齐, has spaces
  // between its characters, its numbering's digits too: 「2 . 其 他 …」).
  if (parts.length === 0 || figureLike(parts.at(-1) as string) || !figureLike(figure)) return null;
  const words = parts.join(' ');
  if (!/[^\d\s.,+-]/.test(words)) return null;
  const y = middle(item);
  const end = item.x + item.width;
  const first = grid.cells[cellAt(item.x + overhang, y)];
  const last = grid.cells[cellAt(end - overhang, y)];
  if (!first || !last || first === last || Math.abs(first.right - last.left) > overhang) return null;
  // The words within the first cell, the figure within the next.
  if (item.x < first.left - overhang || end > last.right + overhang) return null;
  const wall = last.left;
  return [
    { ...item, text: words, width: wall - item.x, spaceAfter: true },
    { ...item, text: figure, x: wall, width: end - wall, spaceBefore: true },
  ];
}

/** The grid's text, or null when the grid and the text don't agree. */
export function fillGrid(grid: RuledGrid, items: readonly PdfItem[], page: number): PdfTable | null {
  const { xs, ys } = grid;
  const columns = xs.length - 1;
  const rows = ys.length - 1;
  const left = xs[0] as number;
  const right = xs[columns] as number;
  const top = ys[0] as number;
  const bottom = ys[rows] as number;
  const inCell: PdfItem[][] = grid.cells.map(() => []);
  const used = new Set<PdfItem>();
  const indexOf = (edges: readonly number[], v: number) => {
    let i = 0;
    while (i + 2 < edges.length && v >= (edges[i + 1] as number)) i++;
    return i;
  };
  const cellAt = (x: number, y: number) => grid.owner[indexOf(ys, y) * columns + indexOf(xs, x)] as number;
  for (const item of items) {
    const cx = item.x + item.width / 2;
    const cy = middle(item);
    if (cy < top || cy > bottom) continue;
    // Text level with the grid's rows beside it: the rules frame only part of the table (its open
    // sides undrawn), and which cells are its cannot be told.
    if (cx < left || cx > right) {
      if (item.text !== '' && cy > top + overhang && cy < bottom - overhang) return null;
      continue;
    }
    const cell = cellAt(cx, cy);
    const box = grid.cells[cell];
    if (!box) return null;
    if (item.text !== '' && (item.x < box.left - overhang || item.x + item.width > box.right + overhang)) {
      const pieces = labelAndFigure(grid, item, cellAt);
      if (!pieces) return null;
      used.add(item);
      for (const piece of pieces) (inCell[cellAt(piece.x + piece.width / 2, cy)] as PdfItem[]).push(piece);
      continue;
    }
    used.add(item);
    if (item.text !== '') (inCell[cell] as PdfItem[]).push(item);
  }
  const texts = inCell.map((cellItems) => {
    if (cellItems.length === 0) return { text: '', x: Number.NaN };
    let x = Number.POSITIVE_INFINITY;
    for (const item of cellItems) x = Math.min(x, item.x);
    const lines = clusterLines(cellItems, page).map((line) => lineText(line, x).text.trim());
    return { text: joinLines(lines), x };
  });
  // Figures side by side in one cell: a border the grid lacks.
  for (const { text } of texts)
    if (/\d\s+[+-]?\d/.test(text) && text.split(/\s+/).every(isFigureText)) return null;
  const out: GridPosition[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: GridPosition[] = [];
    for (let c = 0; c < columns; c++) {
      const index = grid.owner[r * columns + c] as number;
      const box = grid.cells[index] as (typeof grid.cells)[number];
      const own = texts[index] as { text: string; x: number };
      const x = Number.isNaN(own.x) ? box.left : own.x;
      if (box.row === r && box.column === c) row.push({ text: own.text, x });
      else row.push({ text: '', x, spanned: true });
    }
    out.push(row);
  }
  return { page, top, bottom, xs, rows: out, items: used };
}
