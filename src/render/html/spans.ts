/**
 * Merged cells as HTML spans: a grid row lists a merged cell once and marks the positions below it
 * `continued`; here each cell that starts in a row gets its colspan (from the grid) and its rowspan
 * (the rows below where its columns are continued).
 */
import type { GridCell } from '../grid.js';

export interface PlacedCell {
  cell: GridCell;
  /** First grid column the cell covers. */
  column: number;
  colspan: number;
  rowspan: number;
}

/** The cells that start in each row, with their spans. */
export function placeCells(rows: readonly (readonly GridCell[])[]): PlacedCell[][] {
  const owners: (PlacedCell | undefined)[] = [];
  return rows.map((row) => {
    const placed: PlacedCell[] = [];
    const extended = new Set<PlacedCell>();
    let column = 0;
    for (const cell of row) {
      if (cell.continued) {
        for (let k = 0; k < cell.span; k++) {
          const owner = owners[column + k];
          if (owner && !extended.has(owner)) {
            owner.rowspan++;
            extended.add(owner);
          }
        }
      } else {
        const p: PlacedCell = { cell, column, colspan: cell.span, rowspan: 1 };
        placed.push(p);
        for (let k = 0; k < cell.span; k++) owners[column + k] = p;
      }
      column += cell.span;
    }
    return placed;
  });
}

/** The row with its last cell widened by `extra` grid columns (a narrower part in a wider table). */
export function widen(row: readonly GridCell[], extra: number): GridCell[] {
  if (extra <= 0 || row.length === 0) return [...row];
  const last = row[row.length - 1] as GridCell;
  return [...row.slice(0, -1), { ...last, span: last.span + extra }];
}
