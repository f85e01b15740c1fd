/**
 * Blank cells in layouts that align figures in columns with spaces (pdftotext -layout text, the
 * PDF reader's lines): where the complete rows next to a short row put each column's figures at
 * the same place, the short row's blanks are where no figure stands. The columns are learnt from
 * nearby rows only, since a table broken across pages may shift them on the next page.
 */
import type { RowFigures } from './figures.js';

type Figure = RowFigures['figures'][number];

/** Centre of a figure in character columns of its line. */
const centre = (f: Figure) => f.token.column + f.text.length / 2;

/** Figures of a row all on one line, separated by spaces (not one-cell-per-line, not a grid). */
const onOneLine = (r: RowFigures): boolean =>
  r.figures.length > 0 &&
  r.figures.every((f) => f.kind === 'num' && f.token.line === r.figures[0]?.token.line && f.token.spaced);

const complete = (r: RowFigures) =>
  !r.location.collapsed && r.figures.length === r.location.row.cells.length && onOneLine(r);

/**
 * The column centres the complete rows nearest to `rows[index]` (same table part) agree on:
 * the median of each column over the two to four nearest rows, when each of them is within
 * `tolerance` characters of it.
 */
export function nearbyColumns(rows: readonly RowFigures[], index: number, tolerance = 4): number[] | null {
  const row = rows[index] as RowFigures;
  const near = rows
    .map((r, i) => ({ r, distance: Math.abs(i - index) }))
    .filter(({ r }) => r !== row && r.location.part === row.location.part && complete(r))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 4)
    .map(({ r }) => r.figures.map(centre));
  if (near.length < 2) return null;
  const n = near[0]?.length ?? 0;
  const model: number[] = [];
  for (let j = 0; j < n; j++) {
    const values = near.map((c) => c[j] as number).sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)] as number;
    if (values.some((v) => Math.abs(v - median) > tolerance)) return null;
    if (j > 0 && median - (model[j - 1] as number) < 3) return null;
    model.push(median);
  }
  return model;
}

/**
 * Places a short one-line row's figures under the columns: each figure goes to the column whose
 * centre is clearly the nearest to its own, and the columns must come in order; null otherwise
 * (the row then stays an error, never a shifted guess).
 */
export function placeByColumns(r: RowFigures, model: readonly number[] | null): (Figure | null)[] | null {
  if (!model || model.length !== r.location.row.cells.length || !onOneLine(r)) return null;
  const placed: (Figure | null)[] = model.map(() => null);
  let previous = -1;
  for (const f of r.figures) {
    const c = centre(f);
    const order = model.map((m, j) => [Math.abs(m - c), j] as const).sort((a, b) => a[0] - b[0]);
    const [best, second] = order;
    if (!best || (second && second[0] - best[0] < 1.5) || best[1] <= previous) return null;
    placed[best[1]] = f;
    previous = best[1];
  }
  return placed;
}
