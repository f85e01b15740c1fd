/**
 * A table of the report (all parts of one TableSpec) as one Word table, from the printed grids:
 * merged header and label cells become w:gridSpan / w:vMerge exactly as the grid marks them, a
 * part narrower than the table widens its last cell (table 二 in the official format), each
 * part's caption is a merged row of its own, figures are centred and null cells left empty.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { GridCell, PartGrid } from '../grid.js';
import { fangsong, heiti, runFonts } from './fonts.js';
import { cellMargin, halfPoints, sizes, tableLine, tableRowHeight, textArea } from './layout.js';

/** A grid cell placed in the table: its first grid column and how it merges vertically. */
export interface PlacedCell {
  cell: GridCell;
  /** First grid column. */
  start: number;
  span: number;
  merge: 'restart' | 'continue' | null;
  /** For labels: the depth of the label in its row's path, and whether it is the row's own label. */
  depth?: number;
  leaf?: boolean;
}

export interface PlacedRow {
  kind: 'caption' | 'header' | 'body';
  cells: PlacedCell[];
  /** The last row of its part (the rows before it keep with the next, so a part isn't split). */
  partEnd: boolean;
}

/** Lays the grids of a table out as rows of placed cells, `width` grid columns wide. */
export function placeRows(grids: readonly PartGrid[]): { width: number; rows: PlacedRow[] } {
  const width = Math.max(...grids.map((g) => g.width));
  const rows: PlacedRow[] = [];
  const place = (kind: PlacedRow['kind'], cells: readonly GridCell[], grid: PartGrid, pathLength = 0) => {
    let start = 0;
    let depth = 0;
    const placed = cells.map((cell, i): PlacedCell => {
      const extra = i === cells.length - 1 ? width - grid.width : 0;
      const p: PlacedCell = {
        cell,
        start,
        span: cell.span + extra,
        merge: cell.continued ? 'continue' : null,
      };
      if (cell.kind === 'label') {
        p.depth = depth;
        p.leaf = depth === pathLength - 1;
        depth++;
      }
      start += p.span;
      return p;
    });
    rows.push({ kind, cells: placed, partEnd: false });
  };
  for (const grid of grids) {
    if (grid.caption) place('caption', [grid.caption], grid);
    for (const row of grid.header) place('header', row, grid);
    for (const { row, cells } of grid.body) place('body', cells, grid, row.path.length);
    (rows.at(-1) as PlacedRow).partEnd = true;
  }
  // A cell starts a vertical merge when the cell below it at the same column continues it.
  rows.forEach((row, r) => {
    const below = rows[r + 1];
    if (!below) return;
    for (const p of row.cells) {
      if (below.cells.some((b) => b.merge === 'continue' && b.start === p.start && b.span === p.span))
        p.merge = p.merge ?? 'restart';
    }
  });
  return { width, rows };
}

/**
 * Column widths in twips over the 版心 width: tables without row labels and tables with one label
 * column get equal columns (as the format prints 二 and 四); with nested labels (table 三) the
 * group label columns are three 5号 characters wide, the figures two (four digits on a line),
 * and the rows' own labels take the rest.
 */
export function columnWidths(width: number, labelWidth: number): number[] {
  const total = textArea.width;
  if (labelWidth <= 1) return spread(total, width);
  const char = halfPoints(sizes.table) * 10;
  const margins = cellMargin.left + cellMargin.right;
  const slack = 20;
  const group = 3 * char + margins + slack;
  const figure = 2 * char + margins + slack;
  const values = width - labelWidth;
  const leaf = total - group * (labelWidth - 1) - figure * values;
  return [...Array(labelWidth - 1).fill(group), leaf, ...Array(values).fill(figure)];
}

/** `n` widths summing to `total`. */
function spread(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total - base * n ? 1 : 0));
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const borders = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

function cellParagraph(p: PlacedCell, note: boolean, keepNext: boolean): Paragraph {
  const { cell } = p;
  const bold = cell.kind === 'caption' || cell.kind === 'header' || (cell.kind === 'corner' && !note);
  const alignment =
    cell.kind === 'label' && p.leaf
      ? AlignmentType.LEFT
      : cell.kind === 'corner' && note
        ? AlignmentType.BOTH
        : AlignmentType.CENTER;
  return new Paragraph({
    alignment,
    keepNext,
    spacing: { line: tableLine, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: cell.continued
      ? []
      : [
          new TextRun({
            text: cell.text,
            font: runFonts(bold ? heiti : fangsong),
            size: halfPoints(sizes.table),
            sizeComplexScript: halfPoints(sizes.table),
          }),
        ],
  });
}

/** The Word table of one TableSpec's grids. */
export function docxTable(grids: readonly PartGrid[]): Table {
  const { width, rows } = placeRows(grids);
  const labelWidth = Math.max(...grids.map((g) => g.labelWidth));
  const widths = columnWidths(width, labelWidth);
  const note = grids.some((g) => g.part.note !== undefined);
  const span = (p: PlacedCell) => widths.slice(p.start, p.start + p.span).reduce((a, b) => a + b, 0);
  const repeatHeader = grids.length === 1;
  return new Table({
    width: { size: textArea.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders,
    margins: { ...cellMargin, marginUnitType: WidthType.DXA },
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          height: { value: tableRowHeight, rule: HeightRule.ATLEAST },
          tableHeader: repeatHeader && row.kind === 'header',
          children: row.cells.map(
            (p) =>
              new TableCell({
                width: { size: span(p), type: WidthType.DXA },
                columnSpan: p.span > 1 ? p.span : undefined,
                verticalMerge:
                  p.merge === 'restart'
                    ? VerticalMergeType.RESTART
                    : p.merge === 'continue'
                      ? VerticalMergeType.CONTINUE
                      : undefined,
                verticalAlign: VerticalAlignTable.CENTER,
                children: [cellParagraph(p, note, !row.partEnd)],
              }),
          ),
        }),
    ),
  });
}
