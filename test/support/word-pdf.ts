/**
 * A report printed to PDF the ways Word and WPS print one, for test/property/pdf-variants.test.ts:
 * the title, the prose and the headings as lines of text, and each table laid out from the
 * printed grids (src/render/grid.ts) in a style (`WordPdfStyle`): walls drawn cell by cell, as
 * long lines, as thin filled rectangles or as each cell's stroked rectangle, only the horizontal
 * rules, or none at all (the text only standing in its columns); merged label cells with their
 * text wrapped over lines; figures left-, centre- or right-aligned; blank cells empty or written
 * with a blank mark; any font size from 9 to 12 pt and any cell padding; label characters as one
 * run or a run each; the table broken across pages with or without its header rows repeated, a
 * page number and a running head on every page.
 */
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import type { Report } from '../../src/core/report.js';
import { outline, preface } from '../../src/render/document.js';
import type { GridCell, PartGrid } from '../../src/render/grid.js';
import { breakLines } from '../../src/render/pdf/breaking.js';
import { fontSource, keepParsedFonts, shareFontWork } from '../../src/render/pdf/fonts.js';
import { widthOfString } from '../../src/render/pdf/widths.js';

/**
 * Which borders are drawn: every cell's walls, all but the table's left and right sides (公文
 * tables often leave them open), only the inside ones (no frame), only the horizontal ones, a
 * three-line table's (its top, under its header, its foot), or none.
 */
export type RuleStyle = 'grid' | 'open' | 'inner' | 'horizontal' | 'threeLine' | 'none';
/**
 * How a border is drawn: cell by cell (each cell's walls, shared walls twice), as long lines
 * across the table, or as each cell's rectangle.
 */
export type WallStyle = 'cells' | 'long' | 'boxes';
export type Align = 'left' | 'center' | 'right' | 'distributed';

export interface WordPdfStyle {
  rules: RuleStyle;
  walls: WallStyle;
  /** Borders stroked as lines, or filled as thin rectangles (as WPS draws them). */
  paint: 'stroke' | 'fill';
  /** Table text size in points. */
  size: number;
  /** Cell padding, left and right, and top and bottom, in points. */
  padX: number;
  padY: number;
  figures: Align;
  /**
   * Row labels (group labels are centred, as header cells are); `distributed`: each line spread
   * over the cell's width (分散对齐), its characters placed one by one.
   */
  labels: 'left' | 'center' | 'distributed';
  vertical: 'top' | 'middle';
  /** Which text is written one run per character (some producers position each glyph). */
  charRuns: 'none' | 'labels' | 'all';
  /** Characters per line of a group label column (table 三's 「三、本年度办理结果」 wraps). */
  groupChars: number;
  /** The header rows printed again at the top of the page a table continues on. */
  repeatHeader: boolean;
  /** `bare`: the number alone, as Word's page number field prints it. */
  pageNumber: 'dash' | 'di' | 'bare' | 'none';
  /** A running head at the top of every page, with a rule under it or not. */
  runningHead: 'none' | 'text' | 'ruled';
  /** What a blank cell holds. */
  blankMark: string;
  /** Space left above each table (moves where it breaks across pages). */
  shift: number;
}

/** Any style. */
export const arbitraryWordPdfStyle: fc.Arbitrary<WordPdfStyle> = fc.record({
  rules: fc.constantFrom(
    'grid' as const,
    'open' as const,
    'inner' as const,
    'horizontal' as const,
    'threeLine' as const,
    'none' as const,
  ),
  walls: fc.constantFrom('cells' as const, 'long' as const, 'boxes' as const),
  paint: fc.constantFrom('stroke' as const, 'fill' as const),
  size: fc.constantFrom(9, 10, 10.5, 11, 12),
  padX: fc.integer({ min: 1, max: 6 }),
  padY: fc.integer({ min: 0, max: 4 }),
  figures: fc.constantFrom('left' as const, 'center' as const, 'right' as const),
  labels: fc.constantFrom('left' as const, 'center' as const, 'distributed' as const),
  vertical: fc.constantFrom('top' as const, 'middle' as const),
  charRuns: fc.constantFrom('none' as const, 'labels' as const, 'all' as const),
  groupChars: fc.integer({ min: 2, max: 5 }),
  repeatHeader: fc.boolean(),
  pageNumber: fc.constantFrom('dash' as const, 'di' as const, 'bare' as const, 'none' as const),
  runningHead: fc.constantFrom('none' as const, 'text' as const, 'ruled' as const),
  blankMark: fc.constantFrom('', '/', '—', '-', '无'),
  shift: fc.integer({ min: 0, max: 400 }),
});

/** A table cell placed in the table's rows and columns. */
interface Placed {
  cell: GridCell;
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
  lines: string[];
  align: Align;
}

interface Layout {
  widths: number[];
  heights: number[];
  /** Header rows (caption and column header of the first part), repeated on a new page. */
  heads: number;
  cells: Placed[];
}

const pageHeight = 841.89;
const left = 72;
const top = 72;
const bottom = 770;

class Writer {
  readonly doc: PDFKit.PDFDocument;
  y = top;
  width = 595.28;
  private pages = 0;
  constructor(
    readonly style: WordPdfStyle,
    readonly agency: string,
  ) {
    this.doc = new PDFDocument({ autoFirstPage: false, bufferPages: true });
    this.doc.registerFont('body', fontSource('regular') as Parameters<PDFKit.PDFDocument['registerFont']>[1]);
    shareFontWork(this.doc);
    this.doc.font('body');
  }
  measure(text: string, size: number): number {
    this.doc.fontSize(size);
    return widthOfString(this.doc, text, 0);
  }
  newPage(width = 595.28): void {
    this.width = width;
    this.doc.addPage({ size: [width, pageHeight], margin: 0 });
    this.pages++;
    this.y = top;
  }
  /** A run of text with its top at `y`. */
  run(text: string, x: number, y: number, size: number, perChar = false): void {
    if (text === '') return;
    this.doc.fontSize(size);
    if (!perChar) {
      this.doc.text(text, x, y, { lineBreak: false });
      return;
    }
    let at = x;
    for (const ch of text) {
      this.doc.text(ch, at, y, { lineBreak: false });
      at += this.measure(ch, size);
    }
  }
  ensure(height: number): void {
    if (this.pages === 0 || (this.y + height > bottom && this.y > top + 0.01)) this.newPage();
  }
  /** A paragraph of `size` text broken into lines across the page's text width. */
  paragraph(text: string, size: number, indent = 2): void {
    const width = 595.28 - 2 * left;
    const pitch = size * 1.5;
    const lines = breakLines(
      text,
      (i) => width - (i === 0 ? indent * size : 0),
      (t) => this.measure(t, size),
    );
    lines.forEach((line, i) => {
      this.ensure(pitch);
      this.run(line, left + (i === 0 ? indent * size : 0), this.y, size);
      this.y += pitch;
    });
  }
  /** Page numbers and running heads on every page. */
  furniture(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const width = (this.doc.page as unknown as { width: number }).width;
      const n = i + 1;
      if (this.style.pageNumber !== 'none') {
        const text =
          this.style.pageNumber === 'dash'
            ? `- ${n} -`
            : this.style.pageNumber === 'di'
              ? `第 ${n} 页`
              : String(n);
        this.run(text, (width - this.measure(text, 9)) / 2, 800, 9);
      }
      if (this.style.runningHead !== 'none') {
        const text = `${this.agency}政府信息公开工作年度报告`;
        this.run(text, (width - this.measure(text, 9)) / 2, 36, 9);
        if (this.style.runningHead === 'ruled')
          this.doc
            .save()
            .lineWidth(0.75)
            .moveTo(left, 50)
            .lineTo(width - left, 50)
            .stroke()
            .restore();
      }
    }
  }
}

// ---- table layout ------------------------------------------------------------------------------

function layoutTable(w: Writer, grids: readonly PartGrid[]): Layout {
  const { style } = w;
  const size = style.size;
  const pitch = size * 1.35;
  const width = Math.max(...grids.map((g) => g.width));
  const labelWidth = Math.max(...grids.map((g) => g.labelWidth));
  const pad = 2 * style.padX;
  // Figures' columns fit the widest figure (and a blank mark) with a little room.
  const figureText = grids.flatMap((g) => g.body.flatMap((b) => b.cells.filter((c) => c.kind === 'value')));
  const widest = Math.max(
    w.measure('0000', size),
    w.measure(style.blankMark, size),
    ...figureText.map((c) => w.measure(c.text, size)),
  );
  const figure = Math.max(widest + pad + 2, 2.5 * size + pad);
  const area = 595.28 - 2 * left;
  let widths: number[];
  if (labelWidth <= 1) {
    const each = Math.max(area / width, figure);
    widths = Array.from({ length: width }, () => each);
  } else {
    const group = style.groupChars * size + pad;
    const values = width - labelWidth;
    const leaf = Math.max(7 * size + pad, area - group * (labelWidth - 1) - figure * values);
    widths = [...Array<number>(labelWidth - 1).fill(group), leaf, ...Array<number>(values).fill(figure)];
  }
  const cells: Placed[] = [];
  const rowsOf: Placed[][] = [];
  let above: (Placed | undefined)[] = [];
  let heads = 0;
  const place = (grid: PartGrid, row: readonly GridCell[], path = 0) => {
    const r = rowsOf.length;
    const own: Placed[] = [];
    const covering: (Placed | undefined)[] = [];
    let column = 0;
    let depth = 0;
    row.forEach((cell, i) => {
      const columnSpan = cell.span + (i === row.length - 1 ? width - grid.width : 0);
      const merged = above[column];
      if (cell.continued && merged && merged.column === column && merged.columnSpan === columnSpan) {
        merged.rowSpan++;
        for (let k = 0; k < columnSpan; k++) covering[column + k] = merged;
      } else {
        const leaf = cell.kind === 'label' && depth === path - 1;
        const align: Align =
          cell.kind === 'value' ? style.figures : leaf || cell.kind === 'corner' ? style.labels : 'center';
        const inner = widths.slice(column, column + columnSpan).reduce((a, b) => a + b, 0) - pad;
        const text = cell.continued
          ? ''
          : cell.kind === 'value' && cell.text === ''
            ? style.blankMark
            : cell.text;
        const lines =
          text === ''
            ? []
            : cell.kind === 'value'
              ? [text]
              : breakLines(text, inner, (t) => w.measure(t, size));
        const placed: Placed = { cell, row: r, column, rowSpan: 1, columnSpan, lines, align };
        own.push(placed);
        cells.push(placed);
        for (let k = 0; k < columnSpan; k++) covering[column + k] = placed;
      }
      if (cell.kind === 'label') depth++;
      column += columnSpan;
    });
    above = covering;
    rowsOf.push(own);
  };
  grids.forEach((grid, part) => {
    above = [];
    if (grid.caption) place(grid, [grid.caption]);
    for (const row of grid.header) place(grid, row);
    if (part === 0) heads = rowsOf.length;
    for (const { row, cells: body } of grid.body) place(grid, body, row.path.length);
  });
  const need = (c: Placed) => Math.max(1, c.lines.length) * pitch + 2 * style.padY;
  const heights = rowsOf.map((own) =>
    Math.max(pitch + 2 * style.padY, ...own.filter((c) => c.rowSpan === 1).map(need)),
  );
  for (const c of cells) {
    if (c.rowSpan === 1) continue;
    const deficit = need(c) - heights.slice(c.row, c.row + c.rowSpan).reduce((a, b) => a + b, 0);
    if (deficit > 0)
      for (let r = c.row; r < c.row + c.rowSpan; r++)
        heights[r] = (heights[r] as number) + deficit / c.rowSpan;
  }
  return { widths, heights, heads, cells };
}

/** Where a page may break above row `end`: not where a merged cell's first piece is too short for its text. */
function breakAbove(layout: Layout, first: number, end: number, pitch: number, padY: number): number {
  for (let moved = true; moved; ) {
    moved = false;
    for (const c of layout.cells) {
      if (c.rowSpan < 2 || c.row >= end || c.row + c.rowSpan <= end || c.row <= first) continue;
      const piece = layout.heights.slice(c.row, end).reduce((a, b) => a + b, 0);
      if (piece < Math.max(1, c.lines.length) * pitch + 2 * padY - 0.01) {
        end = c.row;
        moved = true;
        break;
      }
    }
  }
  return end;
}

// ---- drawing -----------------------------------------------------------------------------------

interface Segment {
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

function drawRows(w: Writer, layout: Layout, rows: readonly number[], x0: number): void {
  const { style, doc } = w;
  const pitch = style.size * 1.35;
  const topOf = new Map<number, number>();
  let y = w.y;
  for (const r of rows) {
    topOf.set(r, y);
    y += layout.heights[r] as number;
  }
  const xs = [x0];
  for (const width of layout.widths) xs.push((xs.at(-1) as number) + width);
  const present = new Set(rows);
  const fragments: { cell: Placed; first: number; last: number }[] = [];
  for (const cell of layout.cells) {
    const covered = rows.filter((r) => r >= cell.row && r < cell.row + cell.rowSpan);
    if (covered.length > 0 && present.has(covered[0] as number))
      fragments.push({ cell, first: covered[0] as number, last: covered.at(-1) as number });
  }
  const box = (f: (typeof fragments)[number]) => {
    const fx = xs[f.cell.column] as number;
    const fy = topOf.get(f.first) as number;
    return {
      x: fx,
      y: fy,
      w: (xs[f.cell.column + f.cell.columnSpan] as number) - fx,
      h: (topOf.get(f.last) as number) + (layout.heights[f.last] as number) - fy,
    };
  };
  // Borders.
  const segments: Segment[] = fragments.flatMap((f) => {
    const b = box(f);
    return [
      { horizontal: true, at: b.y, from: b.x, to: b.x + b.w },
      { horizontal: true, at: b.y + b.h, from: b.x, to: b.x + b.w },
      { horizontal: false, at: b.x, from: b.y, to: b.y + b.h },
      { horizontal: false, at: b.x + b.w, from: b.y, to: b.y + b.h },
    ];
  });
  doc.save().lineWidth(0.5).strokeColor('#000000').fillColor('#000000');
  if (style.rules !== 'none') {
    const outer = (s: Segment) =>
      !s.horizontal && (Math.abs(s.at - x0) < 0.01 || Math.abs(s.at - (xs.at(-1) as number)) < 0.01);
    const top = w.y;
    const foot = y;
    const frame = (s: Segment) =>
      s.horizontal ? Math.abs(s.at - top) < 0.01 || Math.abs(s.at - foot) < 0.01 : outer(s);
    const headFoot = rows
      .filter((r) => r < layout.heads)
      .reduce((sum, r) => sum + (layout.heights[r] as number), top);
    const drawn =
      style.rules === 'horizontal'
        ? segments.filter((s) => s.horizontal)
        : style.rules === 'open'
          ? segments.filter((s) => !outer(s))
          : style.rules === 'inner'
            ? segments.filter((s) => !frame(s))
            : style.rules === 'threeLine'
              ? longLines(
                  segments.filter((s) => s.horizontal && (frame(s) || Math.abs(s.at - headFoot) < 0.01)),
                )
              : segments;
    if (style.walls === 'boxes' && style.rules === 'grid')
      for (const f of fragments) {
        const b = box(f);
        if (style.paint === 'stroke') doc.rect(b.x, b.y, b.w, b.h).stroke();
        else
          for (const s of segments.slice(fragments.indexOf(f) * 4, fragments.indexOf(f) * 4 + 4))
            thin(doc, s);
      }
    else
      for (const s of style.walls === 'long' ? longLines(drawn) : drawn)
        if (style.paint === 'stroke') line(doc, s).stroke();
        else thin(doc, s);
  }
  doc.restore();
  // Text, row by row.
  for (const { cell, first, last } of fragments) {
    if (first !== cell.row || cell.lines.length === 0) continue;
    const b = box({ cell, first, last });
    const height = cell.lines.length * pitch;
    let lineTop =
      style.vertical === 'top' ? b.y + style.padY : b.y + Math.max(style.padY, (b.h - height) / 2);
    const perChar = style.charRuns === 'all' || (style.charRuns === 'labels' && cell.cell.kind !== 'value');
    for (const text of cell.lines) {
      const width = w.measure(text, style.size);
      const chars = [...text];
      if (cell.align === 'distributed' && chars.length > 1) {
        const gap = (b.w - 2 * style.padX - width) / (chars.length - 1);
        let x = b.x + style.padX;
        for (const ch of chars) {
          w.run(ch, x, lineTop + (pitch - style.size) / 2, style.size);
          x += w.measure(ch, style.size) + gap;
        }
        lineTop += pitch;
        continue;
      }
      const x =
        cell.align === 'left' || cell.align === 'distributed'
          ? b.x + style.padX
          : cell.align === 'right'
            ? b.x + b.w - style.padX - width
            : b.x + Math.max(style.padX, (b.w - width) / 2);
      w.run(text, x, lineTop + (pitch - style.size) / 2, style.size, perChar);
      lineTop += pitch;
    }
  }
  w.y = y;
}

const line = (doc: PDFKit.PDFDocument, s: Segment) =>
  s.horizontal ? doc.moveTo(s.from, s.at).lineTo(s.to, s.at) : doc.moveTo(s.at, s.from).lineTo(s.at, s.to);

/** A border as a thin filled rectangle. */
const thin = (doc: PDFKit.PDFDocument, s: Segment) =>
  s.horizontal
    ? doc.rect(s.from, s.at - 0.25, s.to - s.from, 0.5).fill()
    : doc.rect(s.at - 0.25, s.from, 0.5, s.to - s.from).fill();

/** Segments at one place that touch or overlap, joined into long lines. */
function longLines(segments: readonly Segment[]): Segment[] {
  const at = (s: Segment) => Math.round(s.at * 100);
  const sorted = [...segments].sort(
    (a, b) => Number(a.horizontal) - Number(b.horizontal) || at(a) - at(b) || a.from - b.from,
  );
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && last.horizontal === s.horizontal && at(last) === at(s) && s.from <= last.to + 0.01)
      last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

function drawTable(w: Writer, grids: readonly PartGrid[]): void {
  const { style } = w;
  const layout = layoutTable(w, grids);
  const total = layout.widths.reduce((a, b) => a + b, 0);
  const pageWidth = Math.max(595.28, total + 2 * left);
  const x0 = (pageWidth - total) / 2;
  const pitch = style.size * 1.35;
  const heads = Array.from({ length: layout.heads }, (_, i) => i);
  const rowsHeight = (rows: readonly number[]) => rows.reduce((a, r) => a + (layout.heights[r] as number), 0);
  // A wide table on a page of its own width.
  if (pageWidth > w.width + 0.01) w.newPage(pageWidth);
  w.y += style.shift;
  if (w.y + rowsHeight([...heads, heads.length]) > bottom) w.newPage(pageWidth);
  let next = heads.length;
  let withHeads = true;
  while (next < layout.heights.length) {
    const lead = withHeads ? heads : [];
    let end = next;
    let used = w.y + rowsHeight(lead);
    while (end < layout.heights.length && used + (layout.heights[end] as number) <= bottom + 0.01) {
      used += layout.heights[end] as number;
      end++;
    }
    end = Math.max(end, next + 1);
    if (end < layout.heights.length)
      end = Math.max(next + 1, breakAbove(layout, next, end, pitch, style.padY));
    drawRows(w, layout, [...lead, ...Array.from({ length: end - next }, (_, i) => next + i)], x0);
    next = end;
    if (next < layout.heights.length) {
      w.newPage(pageWidth);
      withHeads = style.repeatHeader;
    }
  }
  w.y += style.size;
}

/** The report printed to PDF with its tables in `style`. */
export async function wordPdf(report: Report, style: WordPdfStyle): Promise<Uint8Array> {
  const o = outline(report);
  const w = new Writer(style, o.agency);
  const chunks: Buffer[] = [];
  w.doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    w.doc.on('end', resolve);
    w.doc.on('error', reject);
  });
  const body = 12;
  w.ensure(0);
  w.paragraph(`${o.agency}${o.reportName}`, 16, 0);
  w.y += body;
  for (const p of preface(o, 'full')) w.paragraph(p, body);
  for (const part of o.parts) {
    w.ensure(body * 3);
    w.paragraph(part.heading, body, 0);
    for (const p of part.paragraphs) w.paragraph(p, body);
    if (part.grids.length > 0) {
      drawTable(w, part.grids);
      // Text after a wide table goes on a page of the usual width.
      if (w.width > 595.29) w.newPage();
    }
  }
  if (o.signature) {
    w.paragraph(o.signature.agency, body, 20);
    w.paragraph(o.signature.date, body, 20);
  }
  w.furniture();
  w.doc.end();
  await done;
  keepParsedFonts(w.doc);
  return new Uint8Array(Buffer.concat(chunks));
}
