/**
 * Seed 003: like seed 002 (tab-indented cells, blank line between rows) but prose without blank
 * lines, narrow header labels broken over two lines without a tab (「\t商业\n企业」), and a
 * 「[bookmark: _GoBack]」 left by the converter.
 */
import type { Report } from '../../core/report.js';
import { outline, preface } from '../document.js';
import { tableLines } from './tab-indented.js';

export function renderTabSplitLabels(report: Report): string {
  const o = outline(report);
  const lines: string[] = [o.agency, o.reportName, ''];
  if (o.publishedOn) lines.push(`发布日期：${o.publishedOn}`);
  lines.push(...preface(o, 'short'));
  for (const part of o.parts) {
    lines.push(part.heading);
    part.paragraphs.forEach((p, i) => {
      lines.push(part.number === 6 && i === 0 ? `[bookmark: _GoBack]${p}` : p);
    });
    for (const grid of part.grids) lines.push(...tableLines(grid, true));
    if (part.grids.length > 0) lines.push('');
  }
  if (o.signature) lines.push(o.signature.agency, o.signature.date);
  return `${lines.join('\n')}\n`;
}
