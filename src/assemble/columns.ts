/**
 * Blank cells in layouts that align figures in columns with spaces (pdftotext -layout text, a
 * text-mode browser's dump of a web page, the PDF reader's lines): where the complete rows next to
 * a short row put each column's figures at the same place, the short row's blanks are where no
 * figure stands. The columns are learnt from nearby rows only, since a table broken across pages
 * may shift them on the next page.
 *
 * Columns are measured two ways: in characters (`pdftotext -layout`, lynx) and as a terminal
 * shows them, a CJK character two columns wide (w3m). Where the rows of a table agree in one
 * measure only, that one holds; where they agree in both, a short row is placed only when the
 * two place it alike (a label of more or fewer wide characters shifts its figures in the other
 * measure, by as much as a column).
 */
import type { RowFigures } from './figures.js';
import type { TokenStream } from './stream.js';

type Figure = RowFigures['figures'][number];

/** Centre of a figure: its column (in one measure) plus half its width. */
type Centre = (f: Figure) => number;

/** Figures of a row all on one line, separated by spaces (not one-cell-per-line, not a grid). */
const onOneLine = (r: RowFigures): boolean =>
  r.figures.length > 0 &&
  r.figures.every((f) => f.kind === 'num' && f.token.line === r.figures[0]?.token.line && f.token.spaced);

const complete = (r: RowFigures) =>
  !r.location.collapsed && r.figures.length === r.location.row.cells.length && onOneLine(r);

/** The column centres of a table's rows in one measure, and how far the rows stray from them. */
export interface ColumnModel {
  centre: Centre;
  centres: number[];
  /** The largest distance of a row's figure from its column's centre. */
  spread: number;
}

/** The column models in each measure that the nearby complete rows agree on. */
export type ColumnModels = ColumnModel[];

/**
 * The column centres the complete rows nearest to `rows[index]` (same table part) agree on, in
 * each measure: the median of each column over the two to four nearest rows, when each of them
 * is within `tolerance` columns of it.
 */
export function nearbyColumns(
  rows: readonly RowFigures[],
  index: number,
  stream?: TokenStream,
  tolerance = 4,
): ColumnModels {
  const row = rows[index] as RowFigures;
  const near = rows
    .map((r, i) => ({ r, distance: Math.abs(i - index) }))
    .filter(({ r }) => r !== row && r.location.part === row.location.part && complete(r))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 4)
    .map(({ r }) => r);
  if (near.length < 2) return [];
  const measures: Centre[] = [(f) => f.token.column + f.text.length / 2];
  if (stream) measures.push((f) => stream.displayColumn(f.token) + f.text.length / 2);
  const models: ColumnModels = [];
  for (const centre of measures) {
    const model = modelOf(
      near.map((r) => r.figures.map(centre)),
      tolerance,
    );
    if (model) models.push({ centre, ...model });
  }
  return models;
}

/** Each column's median over the rows, when every row is within `tolerance` of it. */
function modelOf(
  rows: readonly (readonly number[])[],
  tolerance: number,
): { centres: number[]; spread: number } | null {
  const n = rows[0]?.length ?? 0;
  const centres: number[] = [];
  let spread = 0;
  for (let j = 0; j < n; j++) {
    const values = rows.map((c) => c[j] as number).sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)] as number;
    for (const v of values) spread = Math.max(spread, Math.abs(v - median));
    if (spread > tolerance) return null;
    if (j > 0 && median - (centres[j - 1] as number) < 3) return null;
    centres.push(median);
  }
  return { centres, spread };
}

/**
 * Places a short one-line row's figures under the columns: each figure goes to the column whose
 * centre is clearly the nearest to its own, and the columns must come in order; null otherwise
 * (the row then stays an error, never a shifted guess). The measure the rows agree in best
 * decides; one they agree in nearly as well must not place the row otherwise.
 */
export function placeByColumns(r: RowFigures, models: ColumnModels): (Figure | null)[] | null {
  if (models.length === 0 || !onOneLine(r)) return null;
  const [tightest, ...others] = [...models].sort((a, b) => a.spread - b.spread) as [
    ColumnModel,
    ...ColumnModel[],
  ];
  const placed = placeUnder(r, tightest);
  if (!placed) return null;
  // A measure the rows agree in nearly as well may not place the row otherwise.
  for (const other of others) {
    if (other.spread > tightest.spread + 1) continue;
    const here = placeUnder(r, other);
    if (here?.some((f, j) => f !== placed[j])) return null;
  }
  return placed;
}

/** The row's figures under one measure's columns (null where a figure isn't clearly in one). */
function placeUnder(r: RowFigures, model: ColumnModel): (Figure | null)[] | null {
  const { centres, centre } = model;
  if (centres.length !== r.location.row.cells.length) return null;
  const placed: (Figure | null)[] = centres.map(() => null);
  let previous = -1;
  for (const f of r.figures) {
    const c = centre(f);
    const order = centres.map((m, j) => [Math.abs(m - c), j] as const).sort((a, b) => a[0] - b[0]);
    const [best, second] = order;
    if (!best || (second && second[0] - best[0] < 1.5) || best[1] <= previous) return null;
    placed[best[1]] = f;
    previous = best[1];
  }
  return placed;
}
