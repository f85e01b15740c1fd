/**
 * Seed 002: a DOCX converted to text. Title over two lines, one cell per line with a leading tab,
 * a blank line between table rows, merged cells printed once (a continuation is a bare tab),
 * converter residue (「[image: …]」), signature indented with spaces.
 */
import type { Report } from '../../core/report.js';
import { outline, preface } from '../document.js';
import type { GridCell, PartGrid } from '../grid.js';
import { splitHeader } from './labels.js';

const nbsp = '\u00a0';

/** One table row: each cell on its own line behind a tab (a split label continues without one). */
const rowLines = (cells: readonly GridCell[], split: boolean): string[] =>
  cells.map((c) => `\t${c.continued ? '' : split ? splitHeader(c).join('\n') : c.text}`);

/** The rows of a table part, each followed by a blank line. */
export function tableLines(grid: PartGrid, split: boolean): string[] {
  const out: string[] = [];
  if (grid.caption) out.push(`\t${grid.caption.text}`, '');
  for (const row of grid.header) out.push(...rowLines(row, split), '');
  for (const { cells } of grid.body) out.push(...rowLines(cells, false), '');
  return out;
}

export function renderTabIndented(report: Report): string {
  const o = outline(report);
  const lines: string[] = [`${nbsp}${o.agency}`, '', o.reportName, ''];
  if (o.publishedOn) lines.push(`发布日期：${o.publishedOn}`, '');
  for (const p of preface(o, 'full')) lines.push(p, '');
  for (const part of o.parts) {
    lines.push(part.heading, '');
    const paragraphs = [...part.paragraphs];
    if (part.number === 5) paragraphs.push(`${paragraphs.pop() ?? ''}[image: image4.png]`);
    for (const p of paragraphs) lines.push(p, '');
    for (const grid of part.grids) lines.push(...tableLines(grid, false));
    if (part.grids.length > 0) lines.push('');
  }
  if (o.signature)
    lines.push(`        ${o.signature.agency}`, '', `        ${o.signature.date}${nbsp.repeat(4)}`, '');
  return `${lines.join('\n')}\n`;
}
