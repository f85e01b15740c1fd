/**
 * A word processor's plain-text export of the report (LibreOffice's 「文本」 of a DOCX, as a clerk
 * saves the Word file as .txt): every paragraph and every table cell a line of its own with no
 * blank line between; a cell merged across columns written once, a cell covered by a merged cell
 * of the row above an empty line (so a row under a group label starts with as many empty lines as
 * its groups, and a blank cell is an empty line too); an empty line after each table.
 */
import type { Report } from '../../core/report.js';
import { outline, preface } from '../document.js';
import type { GridCell, PartGrid } from '../grid.js';

const line = (cell: GridCell): string => (cell.continued ? '' : cell.text);

function tableLines(grid: PartGrid): string[] {
  const out: string[] = [];
  if (grid.caption) out.push(grid.caption.text);
  for (const row of grid.header) for (const cell of row) out.push(line(cell));
  for (const { cells } of grid.body) for (const cell of cells) out.push(line(cell));
  return out;
}

export function renderWordText(report: Report): string {
  const o = outline(report);
  // The title in two lines (agency, report name), as the DOCX prints it, then an empty paragraph.
  const lines: string[] = [o.agency, o.reportName];
  if (o.publishedOn) lines.push(`发布日期：${o.publishedOn}`);
  lines.push('', ...preface(o, 'full'));
  for (const part of o.parts) {
    lines.push(part.heading, ...part.paragraphs);
    for (const grid of part.grids) lines.push(...tableLines(grid));
    if (part.grids.length > 0) lines.push('');
  }
  if (o.signature) lines.push(o.signature.agency, o.signature.date);
  return `${lines.join('\n')}\n`;
}
