/**
 * Seed 001: a web page copied as text with its metadata line (阅读次数 … 发布日期, NBSP-separated),
 * no preface, one cell per line with blank lines between, NBSP-only lines before the signature.
 */
import type { Report } from '../../core/report.js';
import { outline } from '../document.js';
import { tableChunks } from './cell-per-line.js';
import { halfWidth } from './labels.js';

const nbsp = '\u00a0';

export function renderWebCellPerLine(report: Report): string {
  const o = outline(report);
  const chunks: string[] = [`${o.agency}${o.reportName}`];
  if (o.publishedOn)
    chunks.push(`阅读次数:0次${nbsp.repeat(3)} 发布者:admin${nbsp.repeat(3)} 发布日期:${o.publishedOn}`);
  for (const part of o.parts) {
    chunks.push(part.heading, ...part.paragraphs);
    for (const grid of part.grids) chunks.push(...tableChunks(grid, false));
    if (part.grids.length > 0 && part.number === 4) chunks.push(nbsp);
  }
  if (o.signature) chunks.push(nbsp, nbsp, nbsp, o.signature.agency, `${nbsp}${o.signature.date}`);
  // NFKC would turn the NBSPs into spaces: fold everything but the chunks that carry them.
  return chunks.map((c) => (c.includes(nbsp) ? c : halfWidth(c))).join('\n\n');
}
