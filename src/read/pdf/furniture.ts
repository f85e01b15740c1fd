/**
 * Page furniture: page numbers and running headers and footers, which are not report text.
 * Page numbers go wherever they stand alone on a line (in the page's body, only written close
 * together), and as a lone item in the page's top or bottom margin; a header or footer is the same
 * text (digits aside) at the same height on most pages.
 */
import { pageCountFits, pageNumberLine as pageNumber } from '../page-number.js';
import type { PdfLine } from './lines.js';

/** Share of the page height, at the top and at the bottom, where furniture stands. */
const margin = 0.12;

/** A line placed on its page, with its text. */
export interface PlacedLine {
  line: PdfLine;
  text: string;
  /** Half-width characters between the page's left text edge and the line's first character. */
  indent: number;
  /** Page size in points. */
  width: number;
  height: number;
}

const inMargin = (p: PlacedLine) => p.line.y < margin * p.height || p.line.y > (1 - margin) * p.height;

/**
 * Removes page-number items that stand apart in a margin line that also holds other text
 * (「淮安市人民政府        - 3 -」); works on the line's items, before its text is made.
 */
export function dropMarginPageNumbers(line: PdfLine, height: number): PdfLine {
  if (!(line.y < margin * height || line.y > (1 - margin) * height)) return line;
  const texts = line.items.filter((item) => item.text !== '');
  if (texts.length < 2) return line;
  const kept = line.items.filter((item, i) => {
    if (item.text === '' || !pageNumber.test(item.text)) return true;
    // Apart from its neighbours by at least two ems.
    const before = line.items.slice(0, i).findLast((o) => o.text !== '');
    const after = line.items.slice(i + 1).find((o) => o.text !== '');
    const far = (gap: number) => gap > 2 * item.size;
    return !(
      (before === undefined || far(item.x - (before.x + before.width))) &&
      (after === undefined || far(after.x - (item.x + item.width)))
    );
  });
  return kept.length === line.items.length ? line : { ...line, items: kept };
}

/**
 * Whether a line is a page number: one alone on its line, or a bare number ending a page in the
 * top or bottom margin. In the body of the page, only one written as a page number is, its pieces
 * close together: a row's figures on a line of their own (a wrapped label's, level with its
 * middle) may read like one, spread over their columns (「4      /      4」「-     4     -」);
 * spread so in a margin, one whose page count fits the document's.
 */
function isPageNumber(p: PlacedLine, edge: boolean, pages: number): boolean {
  // Spread over the line in a margin, only with a page count that fits the document's: a row's
  // figures on a line of their own near the foot may take the form (「0     /     1」, page 0 of 1
  // in a PDF of three pages).
  if (pageNumber.test(p.text)) return closeTogether(p.line) || (inMargin(p) && pageCountFits(p.text, pages));
  return edge && inMargin(p) && /^\s*\d{1,4}\s*$/.test(p.text);
}

/** Whether the items of a line follow one another with no gap wider than an em and a half. */
function closeTogether(line: PdfLine): boolean {
  let end = Number.NaN;
  for (const item of line.items) {
    if (item.text === '') continue;
    if (item.x - end > 1.5 * item.size) return false;
    end = item.x + item.width;
  }
  return true;
}

/** Removes page numbers and running headers and footers from the document's lines. */
export function dropFurniture(pages: readonly PlacedLine[][]): PlacedLine[][] {
  const numbered = pages.map((lines) =>
    lines.filter((p, i) => !isPageNumber(p, i === 0 || i === lines.length - 1, pages.length)),
  );
  const repeated = runningLines(numbered);
  return numbered.map((lines) => lines.filter((p) => !repeated.has(p)));
}

const shape = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#');

/** Margin lines whose words (digits aside) stand at the same height on most pages. */
function runningLines(pages: readonly PlacedLine[][]): Set<PlacedLine> {
  const found = new Set<PlacedLine>();
  if (pages.length < 2) return found;
  const needed = Math.max(2, Math.floor(pages.length / 2) + 1);
  const byShape = new Map<string, { page: number; p: PlacedLine }[]>();
  pages.forEach((lines, page) => {
    for (const p of lines) {
      if (!inMargin(p)) continue;
      const key = shape(p.text);
      // Words, not figures alone: a column of figures may stand at the same height on each page.
      if (!/\p{L}/u.test(key)) continue;
      const list = byShape.get(key) ?? [];
      list.push({ page, p });
      byShape.set(key, list);
    }
  });
  for (const list of byShape.values()) {
    if (list.length < needed) continue;
    for (const { p: anchor } of list) {
      const near = list.filter(({ p }) => Math.abs(p.line.y - anchor.line.y) <= 0.5 * anchor.line.size);
      if (new Set(near.map(({ page }) => page)).size >= needed) for (const { p } of near) found.add(p);
    }
  }
  return found;
}
