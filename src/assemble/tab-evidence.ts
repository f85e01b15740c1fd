/**
 * What a document's tab-separated tables (loose grids) show of the converter that wrote them: one
 * converter made all of a document's tables, so what one table shows holds for all (see
 * tab-cells.ts).
 */
import type { Block, TableCell } from '../read/blocks.js';

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
}

const isEmpty = (cell: TableCell): boolean => cell.text.trim() === '';
const figureCell = /^\s*[-+]?[\d,.]+\s*$/;

/** What the document's tab-separated tables keep of their empty cells. */
export function tabCellEvidence(blocks: readonly Block[]): TabCellEvidence {
  const kept = { between: false, leading: false, expanded: false };
  for (const block of blocks) {
    if (block.type !== 'table' || !block.loose) continue;
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
      if (
        !kept.expanded &&
        filled >= 2 &&
        hasEmptyAfterFilled(row) &&
        !row.some((cell) => figureCell.test(cell.text))
      )
        kept.expanded = true;
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
