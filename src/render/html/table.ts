/**
 * A table of the format as a semantic HTML table: the table's title as its caption, the merged
 * header cells of the official format in `<thead>` (column labels as `<th scope="col">`, the 勾稽
 * note of table 三 in the top-left cell where the format prints it), and the rows in `<tbody>`:
 * row labels, merged group labels included, as `<th scope="row">`, figures in `<td>`, a blank
 * figure as an empty cell. Table 二 has one block per item of 第二十条: the first block's caption
 * row and header make the `<thead>`, every other block is a `<tbody>` of its own with its caption
 * row and header first; narrower blocks widen their last column to the table's width.
 */
import type { TableSpec } from '../../spec/types.js';
import type { GridCell, PartGrid } from '../grid.js';
import { escapeHtml } from './escape.js';
import { type PlacedCell, placeCells, widen } from './spans.js';

const spans = (p: PlacedCell): string =>
  `${p.rowspan > 1 ? ` rowspan="${p.rowspan}"` : ''}${p.colspan > 1 ? ` colspan="${p.colspan}"` : ''}`;

function cellHtml(p: PlacedCell, note: string | undefined): string {
  const { cell } = p;
  const text = escapeHtml(cell.text);
  switch (cell.kind) {
    case 'caption':
      return `<th scope="colgroup"${spans(p)}>${text}</th>`;
    case 'corner':
      if (note !== undefined && cell.text === note) return `<td class="note"${spans(p)}>${text}</td>`;
      return cell.text === '' ? `<td${spans(p)}></td>` : `<th scope="col"${spans(p)}>${text}</th>`;
    case 'header':
      return `<th scope="col"${spans(p)}>${text}</th>`;
    case 'label':
      return `<th scope="row"${spans(p)}>${text}</th>`;
    case 'value':
      return `<td${spans(p)}>${text}</td>`;
  }
}

function rowsHtml(
  rows: readonly (readonly GridCell[])[],
  note: string | undefined,
  indent: string,
): string[] {
  return placeCells(rows).map((cells) => `${indent}<tr>${cells.map((p) => cellHtml(p, note)).join('')}</tr>`);
}

function group(tag: 'thead' | 'tbody', lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [`    <${tag}>`, ...lines, `    </${tag}>`];
}

/** The `<table>` of one table of the format (its parts' grids in spec order). */
export function tableHtml(table: TableSpec, grids: readonly PartGrid[]): string {
  const width = Math.max(...grids.map((g) => g.width));
  const lines = ['  <table>', `    <caption>${escapeHtml(table.title)}</caption>`];
  grids.forEach((grid, i) => {
    const extra = width - grid.width;
    const note = grid.part.note?.official;
    const head = [...(grid.caption ? [[grid.caption]] : []), ...grid.header].map((r) => widen(r, extra));
    const body = grid.body.map(({ cells }) => widen(cells, extra));
    const headLines = rowsHtml(head, note, '      ');
    const bodyLines = rowsHtml(body, note, '      ');
    if (i === 0) lines.push(...group('thead', headLines), ...group('tbody', bodyLines));
    else lines.push(...group('tbody', [...headLines, ...bodyLines]));
  });
  lines.push('  </table>');
  return lines.join('\n');
}
