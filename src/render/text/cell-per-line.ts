/**
 * Seed 000: a web page copied as text. One cell or paragraph per line with a blank line between
 * all of them, half-width punctuation, narrow header labels broken over lines, the 发布时间 line
 * right under the title.
 */
import type { Report } from '../../core/report.js';
import { publishTime } from '../date.js';
import { outline, preface } from '../document.js';
import type { PartGrid } from '../grid.js';
import { halfWidth, splitHeader } from './labels.js';

/**
 * Header breaks that leave a blank line inside the label (「商业\n\n企业」): every break when the
 * header has a single root (table 三), only the first one otherwise.
 */
function headerChunks(grid: PartGrid): string[] {
  const roots = new Set(grid.part.columns.map((c) => c.path[0]?.official));
  let breaks = 0;
  const out: string[] = [];
  for (const row of grid.header)
    for (const cell of row) {
      if (cell.continued || cell.text === '') continue;
      const pieces = splitHeader(cell);
      if (pieces.length === 1) out.push(cell.text);
      else out.push(pieces.join(roots.size === 1 || breaks === 0 ? '\n\n' : '\n'));
      if (pieces.length > 1) breaks++;
    }
  return out;
}

export function tableChunks(grid: PartGrid, split: boolean): string[] {
  const out: string[] = [];
  if (grid.caption) out.push(grid.caption.text);
  if (split) out.push(...headerChunks(grid));
  else
    for (const row of grid.header) for (const c of row) if (!c.continued && c.text !== '') out.push(c.text);
  for (const { cells } of grid.body) for (const c of cells) if (!c.continued) out.push(c.text);
  return out;
}

export function renderCellPerLine(report: Report): string {
  const o = outline(report);
  const chunks: string[] = [];
  chunks.push(
    o.publishedOn
      ? `${o.agency}${o.reportName}\n发布时间:${o.publishedOn} ${publishTime(o.publishedOn)}`
      : `${o.agency}${o.reportName}`,
  );
  chunks.push(...preface(o, 'full'));
  for (const part of o.parts) {
    chunks.push(part.heading, ...part.paragraphs);
    for (const grid of part.grids) chunks.push(...tableChunks(grid, true));
  }
  if (o.signature) chunks.push(o.signature.agency, o.signature.date);
  return `${chunks.map(halfWidth).join('\n\n')}\n`;
}
