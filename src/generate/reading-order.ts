/**
 * A report as PDF text extracted in reading order (`pdftotext` without `-layout`, and the text
 * many portals serve): no columns kept, roughly one table cell per line in the table's order,
 * header cells one after another, labels and prose hard-wrapped where the page or the cell
 * broke them, an empty cell leaving no line at all, row labels of a long table away from their
 * figures or after them, group labels one character a line, and at every page break (between table rows,
 * or between lines of prose) a form feed, the page number and, on some reports, a running head.
 * The same seed always lays out the same way.
 */
import type { Report } from '../core/report.js';
import { publishTime } from '../render/date.js';
import { outline, preface } from '../render/document.js';
import type { GridCell, PartGrid } from '../render/grid.js';
import { createRandom, type Random } from './prng.js';

/** Characters per line of body text (the 版心 of GB/T 9704). */
const bodyWidth = 28;

/** Breaks text into lines of at most `width` characters (a cell or the page broke it there). */
export function hardWrap(text: string, width: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  return lines.length > 0 ? lines : [''];
}

const pageNumberStyles: readonly ((n: number) => string)[] = [
  (n) => `— ${n} —`,
  (n) => `-${n}-`,
  (n) => `- ${n} -`,
  (n) => `第 ${n} 页`,
];

/** Lines in reading order, with page breaks put in between the units that may not be split. */
class Pages {
  readonly lines: string[] = [];
  private used = 0;
  private feed = false;
  private page = 1;
  private readonly height: number;
  private readonly number: (n: number) => string;
  private readonly head: string | null;

  constructor(random: Random, head: string) {
    this.height = random.int(24, 48);
    this.number = pageNumberStyles[random.int(0, pageNumberStyles.length - 1)] as (n: number) => string;
    this.head = random.chance(0.5) ? head : null;
  }

  /** Lines that stand together on one page (a table row, a line of prose). */
  add(unit: readonly string[]): void {
    if (this.used > 0 && this.used + unit.length > this.height) this.breakPage();
    const [first, ...rest] = unit;
    if (first === undefined) return;
    // pdftotext starts each page after the first with a form feed.
    this.lines.push(this.feed ? `\f${first}` : first, ...rest);
    this.feed = false;
    this.used += unit.length;
  }

  private breakPage(): void {
    // The number at the foot of the page, the head on top of the next.
    this.lines.push(this.number(this.page));
    this.page++;
    this.feed = true;
    this.used = 0;
    if (this.head) this.add([this.head]);
  }

  finish(): string {
    this.lines.push(this.number(this.page));
    return this.lines.join('\n');
  }
}

/** Width in characters of the cell a header or label stands in (`leaf`: a row's own label). */
function cellWidth(cell: GridCell, leaf: boolean, labelWidth: number): number {
  if (cell.kind === 'caption' || cell.kind === 'corner') return 22;
  if (cell.kind === 'header') return Math.max(2, 4 * cell.span - 1);
  return leaf ? labelWidth : 3;
}

/**
 * How a long table's row labels come out of a PDF whose labels sit in tall merged cells:
 * `after`, a row's own label right after its figures (never two rows running); `away`, a row's
 * own label after the figures of a later row, past the next row printed in place (as plain
 * `pdftotext` leaves （一）予以公开 after a row further down).
 */
type Displacement = 'none' | 'after' | 'away';

/**
 * A table part: caption, header cells, then each row's labels and figures (an empty cell: no
 * line). In a long table (table 三) the group labels drawn down a tall cell may come one
 * character a line (「三、|本|年|度|…」), and some rows' own labels stand away from their figures.
 */
function tableLines(grid: PartGrid, pages: Pages, random: Random): void {
  const labelWidth = random.int(8, 16);
  const wrap = (cell: GridCell, leaf = false) => hardWrap(cell.text, cellWidth(cell, leaf, labelWidth));
  const header: string[] = [];
  if (grid.caption) header.push(...wrap(grid.caption));
  for (const row of grid.header)
    for (const cell of row) if (!cell.continued && cell.text !== '') header.push(...wrap(cell));
  pages.add(header);
  const long = grid.body.length >= 10;
  const style: Displacement = long ? random.pick<Displacement>(['none', 'after', 'away']) : 'none';
  const vertical = long && random.chance(0.5);
  const displaced = grid.body.map(() => false);
  for (let i = 1; i < displaced.length; i++)
    if (style !== 'none' && !(style === 'after' && displaced[i - 1])) displaced[i] = random.chance(0.25);
  /** Labels printed after the figures of row i (`away`). */
  const later: string[][] = grid.body.map(() => []);
  grid.body.forEach(({ cells }, i) => {
    const row: string[] = [];
    const own: string[] = [];
    const leaf = cells.findLastIndex((c) => c.kind === 'label');
    cells.forEach((cell, j) => {
      if (cell.continued || cell.text === '') return;
      if (cell.kind === 'value') row.push(cell.text);
      else if (j === leaf) (displaced[i] ? own : row).push(...wrap(cell, true));
      else row.push(...(vertical ? hardWrap(cell.text, 1) : wrap(cell)));
    });
    if (style === 'after') row.push(...own);
    else if (own.length > 0) {
      // Past the next row printed in place, before a row whose label is in place (a label
      // followed by figures is their row's), or at the end of the table.
      const last = grid.body.length - 1;
      const next = displaced.findIndex((d, k) => k > i && !d);
      const spots = displaced.flatMap((_, k) =>
        next !== -1 && k >= next && (k === last || !displaced[k + 1]) ? [k] : [],
      );
      later[spots.length > 0 ? random.pick(spots) : last]?.push(...own);
    }
    pages.add([...row, ...(later[i] ?? [])]);
  });
}

/** The report as reading-order PDF text. */
export function renderReadingOrder(report: Report, seed: number): string {
  const random = createRandom(seed ^ 0x2c1b3c6d);
  const o = outline(report);
  const pages = new Pages(random, `${o.agency}${o.reportName}`);
  const prose = (text: string) => {
    for (const line of hardWrap(text, bodyWidth)) pages.add([line]);
  };
  if (o.agency) pages.add([o.agency]);
  pages.add([o.reportName]);
  if (o.publishedOn) pages.add([`发布时间：${o.publishedOn} ${publishTime(o.publishedOn)}`]);
  for (const p of preface(o, 'full')) prose(p);
  for (const part of o.parts) {
    pages.add([part.heading]);
    for (const p of part.paragraphs) prose(p);
    for (const grid of part.grids) tableLines(grid, pages, random);
  }
  if (o.signature) pages.add([o.signature.agency, o.signature.date]);
  return `${pages.finish()}\n`;
}
