/**
 * A table of the report (all parts of one TableSpec) as one Word table, from the printed grids:
 * merged header and label cells become w:gridSpan / w:vMerge exactly as the grid marks them, a
 * part narrower than the table widens its last cell (table 二 in the official format), each
 * part's caption is a merged row of its own, figures are centred and null cells left empty.
 */
import type { GridCell, PartGrid } from '../grid.js';
import { fangsong, heiti } from './fonts.js';
import { cellMargin, halfPoints, sizes, tableLine, tableRowHeight, textArea } from './layout.js';
import { type Alignment, paragraphProperties, rFonts, runProperties, textRun } from './xml.js';

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

const border = 'w:val="single" w:color="000000" w:sz="4"';
const width = (twips: number) => `w:type="dxa" w:w="${twips}"`;

/** The table's properties: centred, fixed layout, single black borders, narrow cell margins. */
const tableProperties =
  `<w:tblPr><w:tblW ${width(textArea.width)}/><w:jc w:val="center"/><w:tblBorders>` +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${border}/>`).join('') +
  '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>' +
  `<w:top ${width(cellMargin.top)}/><w:left ${width(cellMargin.left)}/>` +
  `<w:bottom ${width(cellMargin.bottom)}/><w:right ${width(cellMargin.right)}/>` +
  '</w:tblCellMar></w:tblPr>';

const rowHeight = `<w:trHeight w:val="${tableRowHeight}" w:hRule="atLeast"/>`;
const headerRow = `<w:trPr><w:cantSplit/><w:tblHeader/>${rowHeight}</w:trPr>`;
const plainRow = `<w:trPr><w:cantSplit/><w:tblHeader w:val="false"/>${rowHeight}</w:trPr>`;

const headerRun = runProperties(rFonts(heiti), sizes.table);
const figureRun = runProperties(rFonts(fangsong), sizes.table);

function cellParagraph(p: PlacedCell, note: boolean, keepNext: boolean): string {
  const { cell } = p;
  const bold = cell.kind === 'caption' || cell.kind === 'header' || (cell.kind === 'corner' && !note);
  const alignment: Alignment =
    cell.kind === 'label' && p.leaf ? 'left' : cell.kind === 'corner' && note ? 'both' : 'center';
  const properties = paragraphProperties({ keepNext, line: tableLine, alignment });
  if (cell.continued) return `<w:p>${properties}</w:p>`;
  return `<w:p>${properties}${textRun(bold ? headerRun : figureRun, cell.text)}</w:p>`;
}

const merges = { restart: '<w:vMerge w:val="restart"/>', continue: '<w:vMerge w:val="continue"/>' };

/** The Word table (a `w:tbl`) of one TableSpec's grids. */
export function docxTable(grids: readonly PartGrid[]): string {
  const { width: columns, rows } = placeRows(grids);
  const labelWidth = Math.max(...grids.map((g) => g.labelWidth));
  const widths = columnWidths(columns, labelWidth);
  const note = grids.some((g) => g.part.note !== undefined);
  const span = (p: PlacedCell) => widths.slice(p.start, p.start + p.span).reduce((a, b) => a + b, 0);
  const repeatHeader = grids.length === 1;
  let out = `<w:tbl>${tableProperties}<w:tblGrid>`;
  for (const w of widths) out += `<w:gridCol w:w="${w}"/>`;
  out += '</w:tblGrid>';
  for (const row of rows) {
    out += `<w:tr>${repeatHeader && row.kind === 'header' ? headerRow : plainRow}`;
    for (const p of row.cells) {
      out += `<w:tc><w:tcPr><w:tcW ${width(span(p))}/>`;
      if (p.span > 1) out += `<w:gridSpan w:val="${p.span}"/>`;
      if (p.merge) out += merges[p.merge];
      out += `<w:vAlign w:val="center"/></w:tcPr>${cellParagraph(p, note, !row.partEnd)}</w:tc>`;
    }
    out += '</w:tr>';
  }
  return `${out}</w:tbl>`;
}

/**
 * A plain table (a notice's list of bodies or counts): a header row in 黑体 repeated on each page,
 * rows of text in 仿宋, each column as wide as its weight's share of the text area (equal when none
 * are given) and aligned as asked (left when not).
 */
export function plainTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: { align?: readonly Alignment[] | undefined; weights?: readonly number[] | undefined } = {},
): string {
  const weights = options.weights ?? header.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((textArea.width * w) / sum));
  // The last column takes what rounding left over, so the columns fill the text area exactly.
  widths[widths.length - 1] = textArea.width - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  const cell = (text: string, i: number, rPr: string, alignment: Alignment) =>
    `<w:tc><w:tcPr><w:tcW ${width(widths[i] as number)}/><w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p>${paragraphProperties({ line: tableLine, alignment })}${textRun(rPr, text)}</w:p></w:tc>`;
  let out = `<w:tbl>${tableProperties}<w:tblGrid>`;
  for (const w of widths) out += `<w:gridCol w:w="${w}"/>`;
  out += `</w:tblGrid><w:tr>${headerRow}`;
  header.forEach((text, i) => {
    out += cell(text, i, headerRun, 'center');
  });
  out += '</w:tr>';
  for (const row of rows) {
    out += `<w:tr>${plainRow}`;
    row.forEach((text, i) => {
      out += cell(text, i, figureRun, options.align?.[i] ?? 'left');
    });
    out += '</w:tr>';
  }
  return `${out}</w:tbl>`;
}
