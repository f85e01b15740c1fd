/**
 * A table part laid out as the grid a word processor would print, from the spec alone: header
 * rows flattened from the column label paths (merged header cells appear once, in row-major
 * order), the corner or note in the top-left, and body rows with their label paths (a group
 * label shared with the row above is a continuation of a merged cell).
 */
import type { Cells, CellValue } from '../core/report.js';
import type { ColumnSpec, LabelSpec, RowSpec, TablePartSpec } from '../spec/types.js';

export type GridCellKind = 'caption' | 'corner' | 'header' | 'label' | 'value';

export interface GridCell {
  kind: GridCellKind;
  /** What the cell prints ('' for an empty cell or a continuation). */
  text: string;
  /** Grid columns the cell covers (a merged cell spans several). */
  span: number;
  /** The position is covered by a merged cell that starts in a row above. */
  continued: boolean;
  /** For header cells: the label is a column's own (last) label. */
  leaf?: boolean;
  /** For header and value cells: index of the (first) column the cell belongs to. */
  column?: number;
  /** For value cells: the codebook key. */
  key?: string;
}

export interface PartGrid {
  part: TablePartSpec;
  /** Grid columns taken by row labels (0 when rows have no labels). */
  labelWidth: number;
  /** All grid columns: labels and figures. */
  width: number;
  caption: GridCell | null;
  header: GridCell[][];
  body: { row: RowSpec; cells: GridCell[] }[];
}

const cell = (kind: GridCellKind, text: string, span = 1, continued = false): GridCell => ({
  kind,
  text,
  span,
  continued,
});

/** Same labels from the root down to `depth` (inclusive). */
const samePrefix = (a: readonly LabelSpec[], b: readonly LabelSpec[], depth: number): boolean => {
  if (a.length <= depth || b.length <= depth) return false;
  for (let d = 0; d <= depth; d++) if (a[d]?.official !== b[d]?.official) return false;
  return true;
};

/** Prints a figure as reports do: integers plainly, amounts with their decimals, blank for null. */
export const formatValue = (value: CellValue | undefined): string =>
  value === null || value === undefined ? '' : String(value);

function headerRow(columns: readonly ColumnSpec[], depth: number): GridCell[] {
  const row: GridCell[] = [];
  for (let j = 0; j < columns.length; j++) {
    const path = (columns[j] as ColumnSpec).path;
    if (depth >= path.length) {
      row.push({ ...cell('header', '', 1, true), column: j });
      continue;
    }
    if (j > 0 && samePrefix((columns[j - 1] as ColumnSpec).path, path, depth)) continue;
    let span = 1;
    while (j + span < columns.length && samePrefix((columns[j + span] as ColumnSpec).path, path, depth))
      span++;
    row.push({
      ...cell('header', (path[depth] as LabelSpec).official, span),
      leaf: depth === path.length - 1,
      column: j,
    });
  }
  return row;
}

function bodyRow(row: RowSpec, previous: RowSpec | undefined, labelWidth: number, cells: Cells): GridCell[] {
  const out: GridCell[] = [];
  const path = row.path;
  for (let d = 0; d < path.length && d < labelWidth; d++) {
    const last = d === path.length - 1;
    if (!last && previous && samePrefix(previous.path, path, d)) out.push(cell('label', '', 1, true));
    else out.push(cell('label', (path[d] as LabelSpec).official, last ? labelWidth - d : 1));
  }
  row.cells.forEach((spec, column) => {
    out.push({ ...cell('value', formatValue(cells[spec.key])), column, key: spec.key });
  });
  return out;
}

export function partGrid(part: TablePartSpec, cells: Cells): PartGrid {
  const labelWidth = Math.max(0, ...part.rows.map((r) => r.path.length));
  const width = labelWidth + part.columns.length;
  const depth = Math.max(1, ...part.columns.map((c) => c.path.length));
  const corner = part.corner?.official ?? part.note?.official ?? '';
  const header: GridCell[][] = [];
  for (let r = 0; r < depth; r++) {
    const row: GridCell[] = [];
    if (labelWidth > 0) row.push(cell('corner', r === 0 ? corner : '', labelWidth, r > 0));
    row.push(...headerRow(part.columns, r));
    header.push(row);
  }
  return {
    part,
    labelWidth,
    width,
    caption: part.caption ? cell('caption', part.caption.official, width) : null,
    header,
    body: part.rows.map((row, i) => ({ row, cells: bodyRow(row, part.rows[i - 1], labelWidth, cells) })),
  };
}

/** Expands merged cells into one string per grid column (the text in the first, '' after). */
export function expandRow(cells: readonly GridCell[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    out.push(c.continued ? '' : c.text);
    for (let k = 1; k < c.span; k++) out.push('');
  }
  return out;
}
