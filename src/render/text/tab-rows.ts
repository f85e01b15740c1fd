/**
 * Seed 004: a PDF or DOC converted to text. One table row per line with tab-separated cells
 * (merged cells expanded to empty ones), irregular trailing tabs and blank lines inside tables,
 * spaces inside labels (「(一) 予以公开」, 「结果 维持」) and around the year (「2020 年」).
 */
import type { Report } from '../../core/report.js';
import { outline, preface } from '../document.js';
import { expandRow, type GridCell, type PartGrid } from '../grid.js';
import { spacedNumbering, splitHeader } from './labels.js';

function spaced(cell: GridCell): GridCell {
  if (cell.continued) return cell;
  if (cell.kind === 'header') return { ...cell, text: splitHeader({ ...cell, column: 1 }).join(' ') };
  if (cell.kind === 'label') return { ...cell, text: spacedNumbering(cell.text) };
  return cell;
}

function tableRows(grid: PartGrid): string[] {
  const out: string[] = [];
  if (grid.caption) out.push(expandRow([grid.caption]).join('\t'));
  for (const row of grid.header) out.push(expandRow(row.map(spaced)).join('\t'));
  grid.body.forEach(({ cells }, i) => {
    // A page break or a stray paragraph mark: blank lines and trailing tabs come and go.
    if (i === 4) out.push('');
    out.push(expandRow(cells.map(spaced)).join('\t') + (i % 2 === 1 ? '\t' : ''));
  });
  return out;
}

export function renderTabRows(report: Report): string {
  const o = outline(report);
  const title = o.year
    ? `${o.agency} ${o.year} 年 政府信息公开工作年度报告`
    : `${o.agency}政府信息公开工作年度报告`;
  const lines: string[] = ['', '', title, ''];
  if (o.publishedOn) lines.push(`发布时间：${o.publishedOn}`, '');
  for (const p of preface(o, 'short')) lines.push(p.replace(/(\d{4})年/g, ' $1 年'), '');
  for (const part of o.parts) {
    lines.push(part.heading, '');
    for (const p of part.paragraphs) lines.push(spacedNumbering(p), '');
    for (const grid of part.grids) lines.push(...tableRows(grid));
    if (part.grids.length > 0) lines.push('');
  }
  if (o.signature) lines.push(o.signature.agency, '', o.signature.date);
  return lines.join('\n');
}
