/**
 * What a document's tab-separated tables (loose grids) show of the converter that wrote them: one
 * converter made all of a document's tables, so what one table shows holds for all (see
 * tab-cells.ts).
 */
import type { Block, TableCell } from '../read/blocks.js';
import { foldText } from '../text/fold.js';
import { isFigureWithUnit } from './figure-units.js';

/** What a document's tab-separated tables show that they keep. */
export interface TabCellEvidence {
  /** Empty cells between others: some row has two tabs in a row before a cell that isn't empty. */
  between: boolean;
  /** A row's leading empty cells: some row starts with an empty cell before one that isn't. */
  leading: boolean;
  /**
   * Merged cells expanded into empty ones: some row of two or more cells of words and no figures
   * (a header) has an empty cell after one that isn't.
   */
  expanded: boolean;
  /**
   * Merged cells written in every cell they cover (a script reading a document's tables): some
   * header row has the same words in two cells side by side.
   */
  repeated: boolean;
}

const isEmpty = (cell: TableCell): boolean => cell.text.trim() === '';

/**
 * A cell's text folded (NFKC: full-width digits, 「，」 and 「．」 as ASCII), as its tokens read it:
 * what tells a cell's kind (a figure, words, the same as its neighbour's) is looked for in this,
 * not in the text as written (a row of 「０」 is a row of figures, not a header repeating a word).
 */
export const cellText = (cell: TableCell): string =>
  wide.test(cell.text) ? foldText(cell.text).text : cell.text;

/**
 * What folding changes in a cell's kind: full-width forms (「０」「，」「．」「－」) and the ideographic
 * space. A cell without them is its own folded text (most cells: folding each costs the tokenizer
 * as much again).
 */
const wide = /[\u3000\uff01-\uff5e]/;

const figureOnly = /^\s*[-+]?[\d,.]+\s*$/;
/** A cell holding a figure, alone or with its unit (「5件」), in folded text. */
const figureCell = (text: string): boolean => figureOnly.test(text) || isFigureWithUnit(text);

const found = new WeakMap<readonly Block[], TabCellEvidence>();

/**
 * What the document's tab-separated tables keep of their empty cells, worked out once per
 * document's blocks (tokenize and the cells' reading both ask).
 */
export function tabCellEvidence(blocks: readonly Block[]): TabCellEvidence {
  let kept = found.get(blocks);
  if (!kept) {
    kept = evidenceOf(blocks);
    found.set(blocks, kept);
  }
  return kept;
}

function evidenceOf(blocks: readonly Block[]): TabCellEvidence {
  const kept = { between: false, leading: false, expanded: false, repeated: false };
  for (const block of blocks) {
    if (block.type !== 'table' || !block.loose) continue;
    // Comma-separated values write every cell, an empty one as an empty field; rows all of one
    // width expanded their merged cells (a row's label in fewer cells than another's is followed
    // by the empty ones it covers).
    if (block.commas) {
      kept.between = true;
      kept.leading = true;
      const width = block.rows[0]?.length;
      if (block.rows.every((row) => row.length === width)) kept.expanded = true;
    }
    for (const row of block.rows) {
      // The index of the first empty cell since the last one that isn't, or -1.
      let empty = -1;
      let filled = 0;
      for (let c = 0; c < row.length; c++) {
        if (isEmpty(row[c] as TableCell)) {
          if (empty === -1) empty = c;
          continue;
        }
        filled++;
        // Two tabs in a row: an empty cell after the first, or two empty ones leading.
        if (empty > 0 || (empty === 0 && c > 1)) kept.between = true;
        if (empty === 0) kept.leading = true;
        empty = -1;
      }
      // A header (cells of words, two or more) with an empty cell after one: a merged cell
      // expanded (「自然人⇥法人或其他组织⇥⇥⇥⇥⇥总计」, or the empty cells trailing).
      if (filled >= 2 && isHeader(row)) {
        if (hasEmptyAfterFilled(row)) kept.expanded = true;
        if (hasRepeat(row)) kept.repeated = true;
      }
    }
  }
  return kept;
}

/** Whether an empty cell follows one that isn't. */
function hasEmptyAfterFilled(row: readonly TableCell[]): boolean {
  let filled = false;
  for (const cell of row) {
    if (!isEmpty(cell)) filled = true;
    else if (filled) return true;
  }
  return false;
}

/** A row of words and no figures (a header, or a caption). */
export const isHeader = (row: readonly TableCell[]): boolean =>
  !row.some((cell) => figureCell(cellText(cell)));

/** Whether two cells side by side hold the same words. */
function hasRepeat(row: readonly TableCell[]): boolean {
  for (let c = 1; c < row.length; c++) {
    const text = cellText(row[c] as TableCell).trim();
    if (text !== '' && text === cellText(row[c - 1] as TableCell).trim()) return true;
  }
  return false;
}

/**
 * In a table whose merged cells are written in every cell they cover: for each row, the cells that
 * repeat the cell before them under a header that does the same (one merged cell, written again),
 * to be read once. Null for a row with none.
 */
export function mergedCopies(rows: readonly (readonly TableCell[])[]): (Uint8Array | null)[] {
  let header: readonly TableCell[] | undefined;
  return rows.map((row) => {
    if (isHeader(row)) {
      if (row.filter((cell) => !isEmpty(cell)).length >= 2) header = row;
      return null;
    }
    if (!header) return null;
    let copies: Uint8Array | null = null;
    for (let c = 1; c < row.length; c++) {
      const text = cellText(row[c] as TableCell).trim();
      const cell = header[c];
      const left = header[c - 1];
      const above = cell ? cellText(cell).trim() : '';
      if (text === '' || text !== cellText(row[c - 1] as TableCell).trim()) continue;
      if (above === '' || above !== (left ? cellText(left).trim() : '')) continue;
      copies ??= new Uint8Array(row.length);
      copies[c] = 1;
    }
    return copies;
  });
}
