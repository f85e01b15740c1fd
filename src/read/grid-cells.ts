/**
 * A ruled grid's cells, shared by the PDF reader (rules drawn in the page) and OCR (rules found in
 * the image): grid positions with no wall between them are one merged cell. A merged cell that is
 * not a rectangle (an L) leaves it unsure which text belongs to which cell: no grid then.
 */

/** A cell of the grid: the grid positions it covers and its box (y downwards). */
export interface GridCellBox {
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface GridCells {
  /** Top to bottom, then left to right (by their first position). */
  cells: GridCellBox[];
  /** For each grid position (row × columns + column), the index of the cell covering it. */
  owner: number[];
}

/**
 * The cells of the grid between rules at `ys` (top to bottom) and `xs` (left to right), given
 * whether a wall stands right of and below each grid position; null for an L-shaped merge
 * unless told to keep it.
 */
export function gridCells(
  ys: readonly number[],
  xs: readonly number[],
  wallRight: (row: number, column: number) => boolean,
  wallBelow: (row: number, column: number) => boolean,
  /** False: an L-shaped merge is kept as the box around it (see ocr/rules.ts). */
  refuseL = true,
): GridCells | null {
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  // Union–find over grid positions without a wall between them.
  const parent = Array.from({ length: Math.max(0, rows * columns) }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      if (c + 1 < columns && !wallRight(r, c)) parent[find(r * columns + c)] = find(r * columns + c + 1);
      if (r + 1 < rows && !wallBelow(r, c)) parent[find(r * columns + c)] = find((r + 1) * columns + c);
    }
  const spans = new Map<number, { r0: number; c0: number; r1: number; c1: number; size: number }>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const root = find(r * columns + c);
      const s = spans.get(root);
      if (!s) spans.set(root, { r0: r, c0: c, r1: r, c1: c, size: 1 });
      else {
        s.r0 = Math.min(s.r0, r);
        s.c0 = Math.min(s.c0, c);
        s.r1 = Math.max(s.r1, r);
        s.c1 = Math.max(s.c1, c);
        s.size++;
      }
    }
  const cells: GridCellBox[] = [];
  const index = new Map<number, number>();
  for (const [root, s] of spans) {
    if (refuseL && (s.r1 - s.r0 + 1) * (s.c1 - s.c0 + 1) !== s.size) return null;
    index.set(root, cells.length);
    cells.push({
      row: s.r0,
      column: s.c0,
      rowSpan: s.r1 - s.r0 + 1,
      columnSpan: s.c1 - s.c0 + 1,
      left: xs[s.c0] as number,
      right: xs[s.c1 + 1] as number,
      top: ys[s.r0] as number,
      bottom: ys[s.r1 + 1] as number,
    });
  }
  const owner = parent.map((_, i) => index.get(find(i)) as number);
  return { cells, owner };
}
