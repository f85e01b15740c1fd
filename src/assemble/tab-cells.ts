/**
 * Rows of tab-separated text (a table copied from a document, a spreadsheet or a browser) short
 * of cells: where their missing cells can only be their last ones.
 *
 * Converters differ in what they keep. Some keep every empty cell, merged cells expanded into
 * empty ones, and add or drop trailing tabs (a PDF or DOC converted to text); a browser's text of
 * a page leaves out the cells a cell spanning rows covers (its rows under the first are ragged)
 * and keeps a row's empty cells; a copied selection also drops a row's leading ones; text whose
 * runs of tabs were squeezed into one keeps none. One converter made all of a document's tables,
 * so what one table shows holds for all.
 */
import type { TableCell } from '../read/blocks.js';
import type { TokenStream } from './stream.js';
import { dataColumns, type Token } from './tokens.js';

const isEmpty = (cell: TableCell): boolean => cell.text.trim() === '';

/** A row of tab-separated text as the figures of a row of the format fill it. */
export interface TabRow {
  /** Its cells from the first after its label (where its blank cells start) to the last that isn't empty. */
  cells: number;
  /** Its empty cells after that: the row's last cells, left blank, or a stray tab after them. */
  trailing: number;
}

/** The row of a tab-separated table that holds tokens `first` to `last`, if they are on one. */
function rowOf(stream: TokenStream, first: number, last: number) {
  const token = stream.tokens[last] as Token;
  const block = stream.blocks[token.block];
  if (block?.type !== 'table' || !block.loose) return null;
  for (let k = first; k < last; k++) {
    const other = stream.tokens[k] as Token;
    if (other.line !== token.line || other.block !== token.block) return null;
  }
  const r = block.rows.findIndex((cells) => cells[0]?.line === token.line);
  return r === -1 ? null : { block, r, row: block.rows[r] as TableCell[] };
}

/** The empty cells at the end of the row of tab-separated text that holds tokens `first` to `last` (0 elsewhere). */
export function trailingCells(stream: TokenStream, first: number, last: number): number {
  const found = rowOf(stream, first, last);
  return found ? found.row.length - lastFilled(found.row) : 0;
}

/**
 * The row of tab-separated text that holds tokens `first` to `last`, where a cell it lacks can
 * only be one of its last; null unless the tokens are on that one row, the document keeps empty
 * cells between others, and the row's first figure cell is told. It is where
 *  - the row's label ends in the cell before it (a ragged row, too: its cells start with its first
 *    figure). An empty cell there is the label's continuation (merged cells expanded, every row
 *    whole) or a blank first cell of a row whose label stands in fewer cells than the others' (a
 *    browser's text); only where the document expands merged cells, keeps leading empty cells and
 *    no row of the table is ragged is it the former;
 *  - a row with no label starts with it: where a row's leading empty cells are kept.
 */
export function tabRow(stream: TokenStream, first: number, last: number): TabRow | null {
  const found = rowOf(stream, first, last);
  if (!found) return null;
  const kept = stream.tabCellEvidence();
  if (!kept.between) return null;
  const { from, rule } = dataColumns(found.block, kept);
  const start = from[found.r] as number;
  const { row } = found;
  if (start === 0 && !kept.leading) return null;
  if (start > 0 && isEmpty(row[start - 1] as TableCell) && !(rule === 'common' && kept.expanded)) return null;
  const end = lastFilled(row);
  return { cells: Math.max(0, end - start), trailing: row.length - end };
}

/** The end of the row's last cell that isn't empty. */
function lastFilled(row: readonly TableCell[]): number {
  let end = row.length;
  while (end > 0 && isEmpty(row[end - 1] as TableCell)) end--;
  return end;
}
