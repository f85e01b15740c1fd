/**
 * Renders a report as a PDF 公文 after GB/T 9704-2012, on the page the DOCX renderer sets: A4, a
 * 156 × 225 mm 版心 of 22 lines × 28 characters; the title in 2号 bold serif (for 小标宋), body
 * text in 3号 serif (for 仿宋) with a two-character first-line indent, 一级标题 in the bold (for 黑体),
 * the tables in 5号 with borders and the merged headers of the format, page numbers 「— 1 —」, the
 * signature and date right-aligned at the end. Noto Serif SC is embedded as a subset.
 */
import PDFDocument from 'pdfkit';
import type { Report } from '../../core/report.js';
import { chineseDate } from '../date.js';
import { outline, preface } from '../document.js';
import { breakLines } from './breaking.js';
import { type Face, fontSource, keepParsedFonts, shareFontWork } from './fonts.js';
import {
  baselineOffset,
  charPitch,
  linePitch,
  margin,
  pageNumberInset,
  pageNumberTop,
  sizes,
  table as tableStyle,
  textArea,
} from './layout.js';
import { Pages, type RunOptions } from './page.js';
import { layoutTable, type PlacedCell, type TableLayout, textHeight } from './table.js';

export interface PdfOptions {
  /**
   * The document's creation date (metadata only). Defaults to the signature date, else the
   * publication date, else now; a fixed date makes the output byte-for-byte reproducible.
   */
  creationDate?: Date;
}

/** Body text: 3号 on the character grid (each character 15.79 pt wide, not 16). */
const body: RunOptions = { face: 'regular', size: sizes.body, spacing: charPitch - sizes.body };
const heading: RunOptions = { ...body, face: 'bold' };
const title: RunOptions = { face: 'bold', size: sizes.title };
/**
 * Justification never spaces characters so far apart that a reader sees a word space (PDF.js
 * takes a gap over 0.102 em for one).
 */
const maxJustify = 1.75;
/** Lines of a paragraph to keep on one page with `after` points that follow it. */
interface Keep {
  lines: number;
  after: number;
}

/** Space above and below a table. */
const tableGap = tableStyle.line / 2;

/** Width of a string on the grid: each character's advance plus the grid's spacing. */
const gridWidth = (pages: Pages, text: string, options: RunOptions): number =>
  pages.measure(text, { ...options, spacing: 0 }) + [...text].length * (options.spacing ?? 0);

/**
 * A paragraph of body text: first line indented two characters, justified, last line flush left.
 * `keep` asks for its last lines to stand on one page with what follows (the signature).
 */
function paragraph(pages: Pages, text: string, options: RunOptions = body, keep?: Keep): void {
  const indent = 2 * charPitch;
  const width = (i: number) => textArea.width - (i === 0 ? indent : 0);
  const lines = breakLines(text, width, (t) => gridWidth(pages, t, options), {
    squeeze: true,
    longUnit: 6 * charPitch,
  });
  lines.forEach((line, i) => {
    if (keep && i === Math.max(0, lines.length - keep.lines))
      pages.ensure((lines.length - i) * linePitch + keep.after);
    const x = textArea.left + (i === 0 ? indent : 0);
    let spacing = options.spacing ?? 0;
    const count = [...line].length;
    const slack = width(i) - gridWidth(pages, line, options);
    if (count > 1) {
      const extra = slack / (count - 1);
      // Tighten a line that squeezed in its closing punctuation; spread out all but the last.
      if (extra < 0 || (i < lines.length - 1 && extra <= maxJustify)) spacing += extra;
    }
    pages.line(line, x, { ...options, spacing });
  });
}

/** A line centred in the 版心, on the grid. */
function centred(pages: Pages, text: string, options: RunOptions): void {
  const width = pages.measure(text, options);
  pages.line(text, textArea.left + (textArea.width - width) / 2, options);
}

/** The title: the agency on a line of its own when the whole title doesn't fit on one line. */
function titleLines(pages: Pages, agency: string, reportName: string): void {
  const fits = (t: string) => pages.measure(t, title) <= textArea.width;
  const whole = `${agency}${reportName}`;
  const pieces = fits(whole) ? [whole] : [agency, reportName].filter((p) => p !== '');
  for (const piece of pieces)
    for (const line of breakLines(piece, textArea.width, (t) => pages.measure(t, title)))
      centred(pages, line, title);
}

/** An empty line, the agency and the date. */
const signatureHeight = 3 * linePitch;

/** The signature: the date four characters in from the right, the agency centred over it. */
function signature(pages: Pages, agency: string, date: string): void {
  const dateWidth = gridWidth(pages, date, body);
  const agencyWidth = gridWidth(pages, agency, body);
  const right = textArea.right - 4 * charPitch;
  const centre = right - dateWidth / 2;
  pages.ensure(signatureHeight);
  pages.y += linePitch;
  pages.line(
    agency,
    Math.max(textArea.left, Math.min(centre - agencyWidth / 2, textArea.right - agencyWidth)),
    body,
  );
  pages.line(date, right - dateWidth, body);
}

// ---- tables ------------------------------------------------------------------------------------

/** Draws rows of a table (indices into layout.rows, top to bottom) from the cursor down. */
function drawRows(pages: Pages, layout: TableLayout, rows: readonly number[]): void {
  const { doc } = pages;
  const top = new Map<number, number>();
  let y = pages.y;
  for (const r of rows) {
    top.set(r, y);
    y += (layout.rows[r] as TableLayout['rows'][number]).height;
  }
  const x0 = textArea.left;
  const offsets = [0];
  for (const w of layout.widths) offsets.push((offsets.at(-1) as number) + w);
  const present = new Set(rows);
  // Cells that start on these rows, or start above and are continued here (a merged cell broken
  // by the page: its text stays with its first fragment).
  const fragments: { cell: PlacedCell; first: number; last: number }[] = [];
  for (const cell of layout.cells) {
    const covered = rows.filter((r) => r >= cell.row && r < cell.row + cell.rowSpan);
    if (covered.length > 0 && present.has(covered[0] as number))
      fragments.push({ cell, first: covered[0] as number, last: covered.at(-1) as number });
  }
  doc.save().lineWidth(tableStyle.border).strokeColor('#000000');
  for (const { cell, first, last } of fragments) {
    const fx = x0 + (offsets[cell.column] as number);
    const fw = (offsets[cell.column + cell.columnSpan] as number) - (offsets[cell.column] as number);
    const fy = top.get(first) as number;
    const fh = (top.get(last) as number) + (layout.rows[last]?.height ?? 0) - fy;
    doc.rect(fx, fy, fw, fh).stroke();
  }
  doc.restore();
  // Text row by row, left to right, so the content stream reads in table order.
  for (const { cell, first, last } of fragments) {
    if (first !== cell.row || cell.lines.length === 0) continue;
    const fx = x0 + (offsets[cell.column] as number);
    const fw = (offsets[cell.column + cell.columnSpan] as number) - (offsets[cell.column] as number);
    const fy = top.get(first) as number;
    const fh = (top.get(last) as number) + (layout.rows[last]?.height ?? 0) - fy;
    const options: RunOptions = { face: cell.face, size: cell.size };
    const height = textHeight(cell) - 2 * tableStyle.padY;
    let lineTop = fy + Math.max(tableStyle.padY, (fh - height) / 2);
    for (const line of cell.lines) {
      const width = pages.measure(line, options);
      const x =
        cell.align === 'left' ? fx + tableStyle.padX : fx + Math.max(tableStyle.padX, (fw - width) / 2);
      pages.run(line, x, lineTop + baselineOffset(tableStyle.line, cell.size), options);
      lineTop += tableStyle.line;
    }
  }
  pages.y = y;
}

/** The rows of each part of a table: caption and header rows, then body rows. */
function partRows(layout: TableLayout, part: number): { heads: number[]; bodies: number[] } {
  const indices = layout.rows.flatMap((row, i) => (row.part === part ? [i] : []));
  return {
    heads: indices.filter((i) => layout.rows[i]?.kind !== 'body'),
    bodies: indices.filter((i) => layout.rows[i]?.kind === 'body'),
  };
}

const rowsHeight = (layout: TableLayout, rows: readonly number[]): number =>
  rows.reduce((sum, r) => sum + (layout.rows[r] as TableLayout['rows'][number]).height, 0);

/** Height of what must stand on one page at the top of a table: a whole part, or a header and a row. */
function keepHeight(layout: TableLayout, parts: number, part: number): number {
  const { heads, bodies } = partRows(layout, part);
  const whole = rowsHeight(layout, [...heads, ...bodies]);
  if (parts > 1 && whole <= textArea.height) return whole;
  return rowsHeight(layout, [...heads, ...bodies.slice(0, 1)]);
}

/**
 * Sets a table on the pages: a part of a several-part table (table 二) is kept on one page, a
 * part that doesn't fit (table 三) continues on the next page under its caption and header rows
 * repeated, and a page never breaks where a merged label's first piece would be too short for it.
 */
function drawTable(pages: Pages, layout: TableLayout, parts: number): void {
  for (let part = 0; part < parts; part++) {
    const { heads, bodies } = partRows(layout, part);
    pages.ensure(keepHeight(layout, parts, part));
    let next = 0;
    do {
      pages.ensure(rowsHeight(layout, [...heads, ...bodies.slice(next, next + 1)]));
      const room = pages.remaining - rowsHeight(layout, heads);
      let end = next;
      let used = 0;
      while (end < bodies.length && used + rowsHeight(layout, [bodies[end] as number]) <= room + 0.01) {
        used += rowsHeight(layout, [bodies[end] as number]);
        end++;
      }
      end = Math.min(bodies.length, Math.max(end, next + 1));
      if (end < bodies.length) end = breakAbove(layout, bodies, next, end);
      drawRows(pages, layout, [...heads, ...bodies.slice(next, end)]);
      next = end;
      if (next < bodies.length) pages.newPage();
    } while (next < bodies.length);
  }
}

/** Moves a page break up so that no merged label is cut off before its text fits. */
function breakAbove(layout: TableLayout, bodies: readonly number[], first: number, end: number): number {
  let moved = true;
  while (moved) {
    moved = false;
    const breakRow = bodies[end] as number;
    for (const cell of layout.cells) {
      if (cell.rowSpan < 2 || cell.row >= breakRow || cell.row + cell.rowSpan <= breakRow) continue;
      const start = bodies.indexOf(cell.row);
      if (start <= first) continue;
      const piece = layout.rows.slice(cell.row, breakRow).reduce((sum, r) => sum + r.height, 0);
      if (piece < textHeight(cell) - 0.01) {
        end = start;
        moved = true;
        break;
      }
    }
  }
  return end;
}

// ---- the document ------------------------------------------------------------------------------

/** Page numbers 「— n —」 in 4号: one character in from the right on odd pages, from the left on even. */
function pageNumbers(pages: Pages): void {
  const { doc } = pages;
  const range = doc.bufferedPageRange();
  const options: RunOptions = { face: 'regular', size: sizes.pageNumber };
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const n = i + 1;
    const text = `— ${n} —`;
    const width = pages.measure(text, options);
    const x = n % 2 === 1 ? textArea.right - pageNumberInset - width : textArea.left + pageNumberInset;
    pages.run(text, x, pageNumberTop + sizes.pageNumber * 0.88, options);
  }
}

function creationDate(report: Report): Date {
  const iso = report.signedOn ?? report.publishedOn;
  return iso ? new Date(`${iso}T09:00:00+08:00`) : new Date();
}

export async function renderPdf(report: Report, options: PdfOptions = {}): Promise<Uint8Array> {
  const o = outline(report);
  const doc = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    autoFirstPage: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${o.agency}${o.reportName}`,
      Author: o.agency,
      Creator: 'Gongkai',
      CreationDate: options.creationDate ?? creationDate(report),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const face of ['regular', 'bold'] as Face[])
    doc.registerFont(face, fontSource(face) as Parameters<typeof doc.registerFont>[1]);
  shareFontWork(doc);

  const pages = new Pages(doc);
  titleLines(pages, o.agency, o.reportName);
  // A blank line, the 发布日期 line, a blank line (as the DOCX renderer sets them).
  if (o.publishedOn) {
    pages.y += linePitch;
    centred(pages, `发布日期：${chineseDate(o.publishedOn)}`, body);
  }
  pages.y += linePitch;
  for (const p of preface(o, 'full')) paragraph(pages, p);
  for (const part of o.parts) {
    const layout =
      part.grids.length > 0
        ? layoutTable(part.grids, (text, face, size) => pages.measure(text, { face, size }))
        : null;
    // Keep the heading with what follows it: a line of text or the top of the table.
    const next =
      part.paragraphs.length > 0 || !layout ? linePitch : tableGap + keepHeight(layout, part.grids.length, 0);
    pages.snapToGrid();
    pages.ensure(linePitch + next);
    paragraph(pages, part.heading, heading);
    part.paragraphs.forEach((p, i) => {
      // The signature never stands alone on the last page: two lines of text come with it.
      const last = o.signature && part === o.parts.at(-1) && i === part.paragraphs.length - 1 && !layout;
      paragraph(pages, p, body, last ? { lines: 2, after: signatureHeight } : undefined);
    });
    if (layout) {
      pages.y += tableGap;
      drawTable(pages, layout, part.grids.length);
      pages.y += tableGap;
    }
  }
  if (o.signature) {
    pages.snapToGrid();
    signature(pages, o.signature.agency, o.signature.date);
  }
  pageNumbers(pages);
  doc.end();
  await done;
  keepParsedFonts(doc);
  return new Uint8Array(Buffer.concat(chunks));
}
