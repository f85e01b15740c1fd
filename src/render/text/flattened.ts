/**
 * A crawler's text field (real/001): everything after the title on one line, table cells run
 * together with no separator (「规章000」), parts separated by ideographic spaces. Figures of
 * adjacent cells cannot be told apart: a layout for damage and ambiguity tests.
 */
import type { Report } from '../../core/report.js';
import { outline, preface } from '../document.js';

export function renderFlattened(report: Report): string {
  const o = outline(report);
  const pieces: string[] = [];
  if (o.publishedOn) pieces.push(`发布日期：${o.publishedOn}\u3000`);
  pieces.push(...preface(o, 'short'));
  for (const part of o.parts) {
    pieces.push('\u3000', part.heading, ...part.paragraphs);
    for (const grid of part.grids) {
      if (grid.caption) pieces.push(grid.caption.text);
      for (const row of grid.header) for (const c of row) if (!c.continued) pieces.push(c.text);
      for (const { cells } of grid.body) for (const c of cells) if (!c.continued) pieces.push(c.text);
    }
  }
  if (o.signature) pieces.push('\u3000', o.signature.agency, o.signature.date);
  return `${o.agency}${o.reportName}\n${pieces.join('')}\n`;
}
