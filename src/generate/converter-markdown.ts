/**
 * A report as PDF-to-Markdown converters write it: each table broken at its page breaks into
 * several small pipe tables of the grid's columns (merged cells left empty past their first
 * position), every piece after the first taking its first row for its header row; between the
 * pieces a page footer (a line, or a row of the table), an empty table of `-` cells, and row labels
 * that the converter lifted out of the table onto loose lines, their cells left empty. The same
 * seed always lays out the same way.
 */
import type { Report } from '../core/report.js';
import { outline, preface } from '../render/document.js';
import { expandRow, type PartGrid } from '../render/grid.js';
import { createRandom, type Random } from './prng.js';

const pipe = (cells: readonly string[]): string =>
  `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
const rule = (width: number): string => pipe(Array.from({ length: width }, () => '---'));

/** A page footer as converters keep it. */
const footers: readonly ((n: number) => string)[] = [
  (n) => `- ${n} -`,
  (n) => `— ${n} —`,
  (n) => `第 ${n} 页`,
];

/** One table part as converter Markdown, its pieces split at random rows. */
function partLines(grid: PartGrid, random: Random, page: { n: number }): string[] {
  const width = grid.width;
  const rows: { cells: string[]; labels: number }[] = [];
  if (grid.caption) rows.push({ cells: expandRow([grid.caption]), labels: 0 });
  for (const row of grid.header) rows.push({ cells: expandRow(row), labels: 0 });
  const bodyFrom = rows.length;
  for (const { cells } of grid.body)
    rows.push({ cells: expandRow(cells), labels: cells.filter((c) => c.kind === 'label').length });
  const lines: string[] = [];
  const footer = footers[random.int(0, footers.length - 1)] as (n: number) => string;
  let at = 0;
  while (at < rows.length) {
    // A piece holds at least the header and one row, then a few rows more.
    const size = at === 0 ? bodyFrom + random.int(1, 6) : random.int(2, 8);
    const piece = rows.slice(at, at + size).map((r) => ({ cells: [...r.cells], labels: r.labels }));
    at += size;
    const first = piece[0] as { cells: string[]; labels: number };
    // A row's labels lifted out of the table onto loose lines before it.
    if (lines.length > 0 && first.labels > 0 && random.chance(0.5)) {
      for (let c = 0; c < first.labels; c++) {
        const label = first.cells[c] as string;
        if (label !== '') lines.push(label, '');
        first.cells[c] = '';
      }
    }
    lines.push(pipe(first.cells), rule(width));
    for (const r of piece.slice(1)) lines.push(pipe(r.cells));
    if (at >= rows.length) break;
    // The page break: a footer row inside the table, or a footer line after it; an empty table.
    page.n++;
    if (random.chance(0.3)) lines.push(pipe([footer(page.n), ...Array<string>(width - 1).fill('')]));
    lines.push('');
    if (random.chance(0.5)) lines.push(footer(page.n), '');
    if (random.chance(0.4)) lines.push(pipe(['-', '-']), rule(2), '');
  }
  lines.push('');
  return lines;
}

/** The report as converter Markdown. */
export function renderConverterMarkdown(report: Report, seed: number): string {
  const random = createRandom(seed ^ 0x6a09e667);
  const o = outline(report);
  const page = { n: 1 };
  const lines: string[] = [`# ${o.agency}${o.reportName}`, ''];
  if (o.publishedOn) lines.push(`发布时间：${o.publishedOn}`, '');
  for (const p of preface(o, 'full')) lines.push(p, '');
  for (const part of o.parts) {
    lines.push(`## ${part.heading}`, '');
    for (const p of part.paragraphs) lines.push(p, '');
    for (const grid of part.grids) lines.push(...partLines(grid, random, page));
  }
  if (o.signature) lines.push(o.signature.agency, '', o.signature.date, '');
  return lines.join('\n');
}
