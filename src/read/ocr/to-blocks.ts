/**
 * Read pages → blocks, as the other readers give them: a paragraph per paragraph of prose (wrapped
 * lines joined, page numbers dropped), a table block per ruled table, lines numbered through the
 * document, columns counted in half characters from the page's text edge.
 */
import type { Block, TableBlock, TableCell } from '../blocks.js';
import { snapLabel } from './labels.js';
import { figure, figureLike, type OcrLine, type OcrTable } from './layout.js';
import type { PageRead } from './page.js';
import type { Box } from './rules.js';

/** A figure cell read: where its block puts it, what was read and how surely. */
export interface CellRead {
  page: number;
  line: number;
  column: number;
  text: string;
  confidence: number;
  /** Where it stands on the page image as read (straightened): its cell, or its word's box. */
  box: Box;
}

/** A page number alone on a line (「— 2 —」「- 2 -」「2」「第 2 页」), as OCR gives it back. */
const pageNumber =
  /^[\s\-—–－_~"“”'’.·,，|()（）]*(?:第\s*)?\d{1,3}\s*(?:页)?[\s\-—–－_~"“”'’.·,，|()（）]*$/;

const heading =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十\d]+[条章节部分])/;

const quantile = (values: number[], share: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
};

/** Page furniture: a page number, or a short line of low confidence, in the top or bottom margin. */
function isFurniture(line: OcrLine, page: PageRead): boolean {
  const margin = line.top > page.height * 0.88 || line.bottom < page.height * 0.08;
  if (!margin) return false;
  return pageNumber.test(line.text) || (line.text.length <= 6 && line.meanConfidence < 60);
}

type Item = { top: number; line: OcrLine } | { top: number; table: OcrTable };

export function pagesToBlocks(pages: readonly PageRead[]): { blocks: Block[]; figures: CellRead[] } {
  const blocks: Block[] = [];
  const figures: CellRead[] = [];
  let number = 0;
  for (const page of pages) {
    if (page.skipped) continue;
    const lines = page.lines.filter((l) => !isFurniture(l, page));
    const pitch = page.pitch || 20;
    const left = quantile(
      lines.map((l) => l.left),
      0.1,
    );
    const right = quantile(
      lines.map((l) => l.right),
      0.8,
    );
    // Columns in half characters from the text edge (a digit's width), as the PDF reader counts them.
    const columnOf = (x: number) => Math.max(1, Math.round((2 * (x - left)) / pitch) + 1);
    const items: Item[] = [
      ...lines.map((line) => ({ top: line.top, line })),
      ...page.tables.map((table) => ({ top: table.grid.box.top, table })),
    ].sort((a, b) => a.top - b.top);
    let open: { block: Block & { type: 'paragraph' }; last: OcrLine } | null = null;
    for (const item of items) {
      if ('table' in item) {
        open = null;
        blocks.push(tableBlock(item.table, page.number, () => ++number, columnOf, figures));
        continue;
      }
      const line = item.line;
      if (open && continues(open.last, line, left, right, pitch)) {
        const joined = /[A-Za-z0-9]$/.test(open.block.text) && /^[A-Za-z0-9]/.test(line.text);
        open.block.text += joined ? ` ${line.text}` : line.text;
        open.last = line;
        continue;
      }
      const block: Block & { type: 'paragraph' } = {
        type: 'paragraph',
        text: line.text,
        line: ++number,
        column: columnOf(line.left),
        page: page.number,
      };
      // A line set in columns, or holding a figure (a row's figures apart from its label): its words
      // placed by where they stand, its figures recorded.
      if (/ {3}/.test(line.text) || line.spans.some((w) => figure.test(w.text)))
        block.text = placeWords(line, block, pitch, columnOf, figures);
      blocks.push(block);
      open = { block, last: line };
    }
  }
  return { blocks, figures };
}

/**
 * The text of a line in columns (a table without rules, a date set apart): each word after a wide
 * gap starts at its own column on the page, as `pdftotext -layout` lays a line out, so the figures
 * under one column of the table stand at one column on every row. Its figures are recorded with
 * their confidence, as a ruled table's are (a figure read unsure is not taken).
 */
function placeWords(
  line: OcrLine,
  block: { line: number; column: number; page?: number },
  pitch: number,
  columnOf: (x: number) => number,
  figures: CellRead[],
): string {
  let text = '';
  let previous: OcrLine['spans'][number] | undefined;
  for (const w of line.spans) {
    if (previous) {
      const gap = w.left - previous.right;
      if (gap > 1.5 * pitch) text += ' '.repeat(Math.max(3, columnOf(w.left) - block.column - text.length));
      else if (/[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(w.text) && gap > 0.25 * pitch) text += ' ';
    }
    if (figure.test(w.text))
      figures.push({
        page: block.page ?? 0,
        line: block.line,
        column: block.column + text.length,
        text: w.text,
        confidence: w.confidence,
        box: { left: w.left, right: w.right, top: w.top, bottom: w.bottom },
      });
    text += w.text;
    previous = w;
  }
  return text;
}

/** Whether a line continues the paragraph that `a` ends: a full line above, no indent, just below. */
function continues(a: OcrLine, b: OcrLine, left: number, right: number, pitch: number): boolean {
  if (/ {3}/.test(a.text) || / {3}/.test(b.text)) return false;
  if (a.right < right - 1.5 * pitch) return false;
  if (b.left > left + 0.8 * pitch || heading.test(b.text)) return false;
  return b.top - a.bottom < 1.2 * pitch;
}

function tableBlock(
  table: OcrTable,
  page: number,
  nextLine: () => number,
  columnOf: (x: number) => number,
  figures: CellRead[],
): TableBlock {
  const rows = table.grid.ys.length - 1;
  const columns = table.grid.xs.length - 1;
  const grid: (TableCell & { spanned?: boolean })[][] = [];
  const lineOfRow: number[] = [];
  for (let r = 0; r < rows; r++) lineOfRow.push(nextLine());
  for (let r = 0; r < rows; r++) grid.push(new Array(columns));
  for (const c of table.cells) {
    const line = lineOfRow[c.cell.row] as number;
    const column = columnOf(c.cell.left);
    let text = snapLabel(c.text);
    let confidence = c.uncovered ? 0 : c.minConfidence;
    // Digits among marks that OCR makes of digits (「]4」 for 14): the digits, in doubt.
    if (!figure.test(text) && figureLike.test(text) && /\d/.test(text)) {
      text = text.replace(/[^\d]/g, '');
      confidence = 0;
    }
    // A figure is taken only when both readings agree: the same digits, where the Chinese model's
    // marks are read as the one digit each stands for (「]」「l」「|」 for 1, 「o」「O」 for 0).
    if (c.digits !== undefined && (figure.test(text) || figure.test(c.digits))) {
      const asDigits = asFigure(c.text);
      if (c.digits === text) confidence = Math.min(confidence, c.digitConfidence ?? 0);
      else if (figure.test(c.digits) && asDigits === c.digits && !c.uncovered) {
        text = c.digits;
        // The Chinese model is never sure of a mark it took for a digit: the digits model answers.
        confidence = c.digitConfidence ?? 0;
      } else {
        if (figure.test(c.digits)) text = c.digits;
        confidence = 0;
      }
    }
    (grid[c.cell.row] as TableCell[])[c.cell.column] = { text, line, column, page };
    if (figure.test(text)) {
      const { left, right, top, bottom } = c.cell;
      figures.push({ page, line, column, text, confidence, box: { left, right, top, bottom } });
    }
    for (let dr = 0; dr < c.cell.rowSpan; dr++)
      for (let dc = 0; dc < c.cell.columnSpan; dc++) {
        if (dr === 0 && dc === 0) continue;
        const covered = lineOfRow[c.cell.row + dr] as number;
        (grid[c.cell.row + dr] as (TableCell & { spanned?: boolean })[])[c.cell.column + dc] = {
          text: '',
          line: covered,
          column,
          page,
          spanned: true,
        };
      }
  }
  return {
    type: 'table',
    rows: grid,
    line: lineOfRow[0] as number,
    column: columnOf(table.grid.box.left),
    page,
  };
}

/** What the Chinese model's reading of a figure says, its look-alike marks taken as digits. */
function asFigure(text: string): string | null {
  const digits = text
    .replace(/\s/g, '')
    .replace(/[\][|!lIi]/g, '1')
    .replace(/[oO]/g, '0');
  return figure.test(digits) ? digits : null;
}
