/**
 * A fixed-layout document's pages (text items and ruling lines, see items.ts) as blocks: each
 * page's lines laid out like `pdftotext -layout` (lines.ts), page furniture dropped, ruled grids
 * read as tables (a table broken by a page joined up again), and the lines grouped into
 * paragraphs. The PDF reader and the OFD reader (src/read/ofd) share it.
 */
import type { SourceFile } from '../../core/source-file.js';
import type { Block, TableBlock, TableCell } from '../blocks.js';
import { dropFurniture, dropMarginPageNumbers, type PlacedLine } from './furniture.js';
import { findGrids } from './grid.js';
import type { PdfPage } from './items.js';
import { clusterLines, figurePieces, laidOut, lineText } from './lines.js';
import { groupParagraphs, joinText } from './paragraphs.js';
import { fillGrid, type GridPosition, type PdfTable } from './table.js';

/**
 * A page's ruled tables whose text the grid places with certainty. A grid of one row is a table
 * only where it is the page's first table and carries over a row of the last table on the page before
 * (a table's last row on the next page, its header not repeated); elsewhere it is a framed line of
 * text.
 */
function pageTables(page: PdfPage, before: readonly PdfTable[]): PdfTable[] {
  if (!page.rules) return [];
  const tables: PdfTable[] = [];
  const last = before.at(-1);
  for (const grid of findGrids(page.rules)) {
    if (grid.ys.length < 2) continue;
    const table = fillGrid(grid, page.items, page.number);
    if (!table) continue;
    if (grid.ys.length === 2 && !(tables.length === 0 && last && carriedOver(last, table))) continue;
    tables.push(table);
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

/** Whether every one of `xs` is one of `of` (within 2 points), the outer ones the outer ones. */
function bordersAmong(xs: readonly number[], of: readonly number[]): boolean {
  const near = (x: number, y: number) => Math.abs(x - y) <= 2;
  return (
    near(xs[0] as number, of[0] as number) &&
    near(xs.at(-1) as number, of.at(-1) as number) &&
    xs.every((x) => of.some((y) => near(x, y)))
  );
}

/**
 * A table on the page after `a` with `a`'s outer borders whose every border is one of `a`'s, or the
 * other way round: the table carried over, where merged cells on one page leave out borders that
 * the other page's rows have (label columns merged in the rows above a page break, say).
 */
function carriedOver(a: PdfTable, b: PdfTable): boolean {
  return b.page === a.page + 1 && (bordersAmong(b.xs, a.xs) || bordersAmong(a.xs, b.xs));
}

/**
 * `t`'s rows on columns `xs` (every border of `t` one of them): each cell spans the columns
 * between its borders.
 */
function onColumns(t: PdfTable, xs: readonly number[]): GridPosition[][] {
  const index = t.xs.map((x) => xs.findIndex((y) => Math.abs(x - y) <= 2));
  return t.rows.map((row) =>
    row.flatMap((cell, j) => {
      const page = cell.page ?? t.page;
      const span = (index[j + 1] as number) - (index[j] as number);
      const rest = Array.from({ length: Math.max(0, span - 1) }, () => ({
        text: '',
        x: cell.x,
        spanned: true,
        page,
      }));
      return [{ ...cell, page }, ...rest];
    }),
  );
}

/**
 * A table carried over to the next page (`carriedOver`) joined to the part before it, on the
 * finer columns of the two: so a table's last rows on the next page, their header not repeated,
 * are rows of the table whose header tells its columns.
 */
function joinCarried(a: PdfTable, b: PdfTable): PdfTable {
  const xs = bordersAmong(b.xs, a.xs) ? a.xs : b.xs;
  const before = onColumns(a, xs);
  const rows = onColumns(b, xs);
  // Without the header the next page repeats.
  for (let r = 0; r < before.length && rows.length > 0; r++)
    if (sameRow(before[r] as GridPosition[], rows[0] as GridPosition[])) rows.shift();
    else break;
  return { ...a, xs, rows: [...before, ...rows] };
}

const sameRow = (a: readonly GridPosition[], b: readonly GridPosition[]) =>
  a.length === b.length && a.every((p, i) => p.text === b[i]?.text && !p.spanned === !b[i]?.spanned);

/** Lays out each page's lines and tables, drops page furniture and numbers the lines through the document. */
export function toBlocks(pages: readonly PdfPage[], _file?: SourceFile): Block[] {
  const tables: PdfTable[][] = [];
  for (let p = 0; p < pages.length; p++) tables.push(pageTables(pages[p] as PdfPage, tables[p - 1] ?? []));
  const lefts: number[] = [];
  const placed: PlacedLine[][] = pages.map((page, p) => {
    let left = Number.POSITIVE_INFINITY;
    for (const item of page.items) if (item.text !== '' && item.x < left) left = item.x;
    lefts[page.number] = left;
    const inTables = new Set((tables[p] as PdfTable[]).flatMap((t) => [...t.items]));
    const items = inTables.size > 0 ? page.items.filter((item) => !inTables.has(item)) : page.items;
    return clusterLines(items, page.number).map((raw) => {
      const dropped = dropMarginPageNumbers(raw, page.height);
      // Figures set off inside items only in lines laid out in columns: in prose, a figure at its
      // place would stand as far from the words before as the CJK characters are wide.
      const line = laidOut(dropped) ? { ...dropped, items: figurePieces(dropped.items) } : dropped;
      const { text, indent } = lineText(line, left, true);
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
    if ('table' in entry && last && 'table' in last && carriedOver(last.table, entry.table)) {
      last.table = joinCarried(last.table, entry.table);
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
    blocks.push({
      type: 'paragraph',
      text,
      line: number,
      column: first.indent + 1,
      page: first.line.page,
      // A paragraph of several lines runs them together: only a line alone keeps its places.
      positioned: group.length === 1,
    });
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
