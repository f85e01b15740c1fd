/**
 * A table of the report (all parts of one TableSpec) laid out for the page, from the printed
 * grids: each grid cell placed at its first column with its column and row spans (a `continued`
 * cell below merges into the one above it), column widths as the DOCX renderer sets them, label
 * text broken into lines inside its cell, and row heights that fit every cell, merged ones
 * included. Pagination and drawing are left to the caller.
 */
import type { GridCell, PartGrid } from '../grid.js';
import { breakLines } from './breaking.js';
import type { Face } from './fonts.js';
import { sizes, table, textArea } from './layout.js';

export type Align = 'left' | 'center';

export interface PlacedCell {
  cell: GridCell;
  /** First row (index into the table's rows) and first column. */
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
  face: Face;
  align: Align;
  /** The cell's text broken into lines (one line for a figure). */
  lines: string[];
  /** Font size: 5号, or smaller for a figure too wide for its column. */
  size: number;
}

export interface TableRow {
  kind: 'caption' | 'header' | 'body';
  /** Which grid (part of the table) the row belongs to. */
  part: number;
  /** Cells that start in this row. */
  cells: PlacedCell[];
  height: number;
}

export interface TableLayout {
  widths: number[];
  rows: TableRow[];
  /** All placed cells, in row-major order. */
  cells: PlacedCell[];
}

/** Measures text at a size in a face. */
export type Measure = (text: string, face: Face, size: number) => number;

/**
 * Column widths in points over the 版心 width: tables without row labels and with one label
 * column get equal columns (tables 二 and 四); with nested labels (table 三) group label columns
 * are three characters wide, figures two and a half, and the rows' own labels take the rest.
 */
export function columnWidths(width: number, labelWidth: number): number[] {
  const total = textArea.width;
  if (labelWidth <= 1) return Array.from({ length: width }, () => total / width);
  const pad = 2 * table.padX;
  const group = 3 * sizes.table + pad;
  const figure = 2.5 * sizes.table + pad;
  const values = width - labelWidth;
  const leaf = total - group * (labelWidth - 1) - figure * values;
  return [...Array<number>(labelWidth - 1).fill(group), leaf, ...Array<number>(values).fill(figure)];
}

const lineHeight = (lines: number): number => Math.max(1, lines) * table.line + 2 * table.padY;

export function layoutTable(grids: readonly PartGrid[], measure: Measure): TableLayout {
  const width = Math.max(...grids.map((g) => g.width));
  const labelWidth = Math.max(...grids.map((g) => g.labelWidth));
  const widths = columnWidths(width, labelWidth);
  const note = grids.some((g) => g.part.note !== undefined);
  const rows: TableRow[] = [];
  const cells: PlacedCell[] = [];
  /** The cell covering each column of the previous row, to merge `continued` cells into. */
  let above: (PlacedCell | undefined)[] = [];

  const place = (
    kind: TableRow['kind'],
    part: number,
    grid: PartGrid,
    row: readonly GridCell[],
    path = 0,
  ) => {
    const r = rows.length;
    const out: TableRow = { kind, part, cells: [], height: 0 };
    const covering: (PlacedCell | undefined)[] = [];
    let column = 0;
    let depth = 0;
    row.forEach((cell, i) => {
      const columnSpan = cell.span + (i === row.length - 1 ? width - grid.width : 0);
      const merged = above[column];
      if (cell.continued && merged && merged.column === column && merged.columnSpan === columnSpan) {
        merged.rowSpan++;
        for (let k = 0; k < columnSpan; k++) covering[column + k] = merged;
      } else {
        const bold = cell.kind === 'caption' || cell.kind === 'header' || (cell.kind === 'corner' && !note);
        const leaf = cell.kind === 'label' && depth === path - 1;
        const placed: PlacedCell = {
          cell,
          row: r,
          column,
          rowSpan: 1,
          columnSpan,
          face: bold ? 'bold' : 'regular',
          align: leaf || (cell.kind === 'corner' && note) ? 'left' : 'center',
          lines: [],
          size: sizes.table,
        };
        const inner = widths.slice(column, column + columnSpan).reduce((a, b) => a + b, 0) - 2 * table.padX;
        const text = cell.continued ? '' : cell.text;
        if (cell.kind === 'value') {
          const natural = measure(text, placed.face, sizes.table);
          if (natural > inner) placed.size = Math.floor(((sizes.table * inner) / natural) * 10) / 10;
          placed.lines = text === '' ? [] : [text];
        } else {
          placed.lines =
            text === '' ? [] : breakLines(text, inner, (t) => measure(t, placed.face, sizes.table));
        }
        out.cells.push(placed);
        cells.push(placed);
        for (let k = 0; k < columnSpan; k++) covering[column + k] = placed;
      }
      if (cell.kind === 'label') depth++;
      column += columnSpan;
    });
    above = covering;
    rows.push(out);
  };

  grids.forEach((grid, part) => {
    above = [];
    if (grid.caption) place('caption', part, grid, [grid.caption]);
    for (const row of grid.header) place('header', part, grid, row);
    for (const { row, cells: body } of grid.body) place('body', part, grid, body, row.path.length);
  });

  // Heights: each row fits its own cells; a merged cell's extra need is shared by its rows.
  for (const row of rows)
    row.height = Math.max(
      lineHeight(1),
      ...row.cells.filter((c) => c.rowSpan === 1).map((c) => lineHeight(c.lines.length)),
    );
  for (const c of cells) {
    if (c.rowSpan === 1) continue;
    const spanned = rows.slice(c.row, c.row + c.rowSpan);
    const deficit = lineHeight(c.lines.length) - spanned.reduce((sum, r) => sum + r.height, 0);
    if (deficit > 0) for (const r of spanned) r.height += deficit / spanned.length;
  }
  return { widths, rows, cells };
}

/** Height needed to print a cell's text. */
export const textHeight = (c: PlacedCell): number => lineHeight(c.lines.length);
