/**
 * Wrapped prose → paragraphs. A line of prose that runs to the right edge of the text, followed
 * by one that starts at the left edge without an indent (a paragraph's first line is indented),
 * continues the same paragraph, also across a page break. Table rows (columns apart by wide gaps),
 * headings, short lines and indented lines are never joined.
 */
import type { PlacedLine } from './furniture.js';

/** A paragraph: one or more lines in reading order. */
export type LineGroup = PlacedLine[];

/** Where a line's last item ends, in points. */
const rightEnd = (p: PlacedLine): number => {
  let end = 0;
  for (const item of p.line.items) if (item.text !== '') end = Math.max(end, item.x + item.width);
  return end;
};

/** Columns apart by a run of three spaces or more: a table row, not prose. */
const columned = (p: PlacedLine): boolean => / {3,}/.test(p.text);

/** The start of a heading or a numbered item, which begins a paragraph of its own. */
const heading =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十\d]+[条章节部分])/;

/** Share of the page width that a full line of prose spans at least. */
const fullLine = 0.7;

/** Share of the document's lines that reach the right text edge at least this far. */
const edgeShare = 0.8;

/** The right edge of the text: most full lines end there, whatever the page. */
function rightEdge(lines: readonly PlacedLine[]): number {
  const ends = lines.filter((p) => !columned(p)).map(rightEnd);
  if (ends.length === 0) return Number.POSITIVE_INFINITY;
  ends.sort((a, b) => a - b);
  return ends[Math.min(ends.length - 1, Math.floor(ends.length * edgeShare))] as number;
}

const asciiWord = /[A-Za-z0-9]/;

/** Joins the text of a paragraph's lines: no break inside Chinese, a space between Latin words. */
export function joinText(group: LineGroup): string {
  let text = '';
  for (const p of group) {
    const last = text.at(-1) ?? '';
    const next = p.text[0] ?? '';
    text += text !== '' && asciiWord.test(last) && asciiWord.test(next) ? ` ${p.text}` : p.text;
  }
  return text;
}

/**
 * Groups the document's lines (in reading order) into paragraphs; a line in `breaks` (the first
 * after a table) always begins one.
 */
export function groupParagraphs(lines: readonly PlacedLine[], breaks?: ReadonlySet<PlacedLine>): LineGroup[] {
  const edges: Edges = { right: rightEdge(lines), ...pageEdges(lines) };
  const groups: LineGroup[] = [];
  let current: LineGroup | undefined;
  for (const p of lines) {
    const previous = current?.at(-1);
    if (current && previous && !breaks?.has(p) && continues(previous, p, edges)) current.push(p);
    else {
      current = [p];
      groups.push(current);
    }
  }
  return groups;
}

interface Edges {
  right: number;
  /** Baselines of the first and of the last line of a page, on most pages. */
  top: number;
  bottom: number;
}

const quantile = (values: number[], share: number): number => {
  values.sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.floor(values.length * share))] ?? 0;
};

/** Where the text starts and ends on a page, from the pages' first and last lines. */
function pageEdges(lines: readonly PlacedLine[]): { top: number; bottom: number } {
  const firsts: number[] = [];
  const lasts: number[] = [];
  lines.forEach((p, i) => {
    if (lines[i - 1]?.line.page !== p.line.page) firsts.push(p.line.y);
    if (lines[i + 1]?.line.page !== p.line.page) lasts.push(p.line.y);
  });
  return { top: quantile(firsts, 0.2), bottom: quantile(lasts, 0.8) };
}

function continues(a: PlacedLine, b: PlacedLine, edges: Edges): boolean {
  const edge = edges.right;
  if (columned(a) || columned(b)) return false;
  if (Math.abs(a.line.size - b.line.size) > 0.1 * a.line.size) return false;
  // A full line: at the text's right edge, which is most of the way across the page.
  const end = rightEnd(a);
  if (end < edge - 1.5 * a.line.size || end < fullLine * a.width) return false;
  if (b.indent > 1 || heading.test(b.text)) return false;
  const near = 2.2 * a.line.size;
  // On one page, the next line stands right under it; across pages, the page ends with one and
  // the next begins with the other.
  if (a.line.page === b.line.page) return b.line.y - a.line.y <= near;
  return a.line.y >= edges.bottom - near && b.line.y <= edges.top + near;
}
