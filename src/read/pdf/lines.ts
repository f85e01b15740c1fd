/**
 * Items → lines, the way `pdftotext -layout` lays a page out: items whose baselines lie within
 * half an em of each other form a line; along the line, a gap becomes a run of spaces as long as
 * the gap (so table columns stay apart), and pieces that touch join without one (a word set
 * character by character).
 */
import type { PdfItem } from './items.js';

/** One line of a page: its items from left to right. */
export interface PdfLine {
  page: number;
  /** Baseline of the line's first item, in points from the page top. */
  y: number;
  /** Font size of the line's first item. */
  size: number;
  items: PdfItem[];
}

/** Share of an em that baselines of one line may differ by (a figure set lower than its label). */
const baselineTolerance = 0.5;
/** Most that the baselines of one line may spread, as a share of an em. */
const lineSpan = 0.8;
/** A gap wider than this share of an em is a space even where the PDF has no space character. */
const spaceGap = 0.25;
/** Width of one space, as a share of an em (a half-width character). */
const spaceWidth = 0.5;

/** Groups a page's items into lines, top to bottom, each sorted left to right. */
export function clusterLines(items: readonly PdfItem[], page: number): PdfLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  /** Baseline of the lowest item so far in the current line. */
  let last = 0;
  for (const item of sorted) {
    // Baselines chain within half an em, as long as the line stays within one em.
    const em = current ? Math.min(item.size, current.size) : 0;
    if (current && item.y - last <= baselineTolerance * em && item.y - current.y <= lineSpan * em) {
      current.items.push(item);
      last = item.y;
      continue;
    }
    current = { page, y: item.y, size: item.size, items: [item] };
    last = item.y;
    lines.push(current);
  }
  for (const line of lines) line.items = dedupe(line.items.sort((a, b) => a.x - b.x));
  // A line of whitespace only says nothing.
  return lines.filter((line) => line.items.some((item) => item.text !== ''));
}

/** Drops text drawn twice a hair apart (bold faked by overprinting). */
function dedupe(items: PdfItem[]): PdfItem[] {
  const out: PdfItem[] = [];
  for (const item of items) {
    const twin =
      item.text !== '' &&
      out.some(
        (o) =>
          o.text === item.text &&
          Math.abs(o.x - item.x) < 0.3 * item.size &&
          Math.abs(o.y - item.y) < 0.3 * item.size,
      );
    if (!twin) out.push(item);
  }
  return out;
}

/**
 * A line's text, and how far its first item stands from `left` (the page's left text edge) in
 * half-width characters.
 */
export function lineText(line: PdfLine, left: number): { text: string; indent: number } {
  let text = '';
  let end = 0;
  let size = line.size;
  let pendingSpace = false;
  let indent = 0;
  for (const item of line.items) {
    if (item.text === '') {
      if (text !== '') pendingSpace = true;
      continue;
    }
    if (text === '') {
      indent = Math.max(0, Math.round((item.x - left) / (spaceWidth * item.size)));
      text = item.text;
    } else {
      const em = Math.min(item.size, size);
      const gap = item.x - end;
      let spaces = 0;
      // A wide gap pads the line to the item's place on the page (in half-width characters from
      // the left edge), so that figures under one table column get the same column on every row.
      if (gap > spaceGap * em)
        spaces = Math.max(1, Math.round((item.x - left) / (spaceWidth * em)) - indent - text.length);
      else if (pendingSpace || item.spaceBefore) spaces = 1;
      text += ' '.repeat(spaces) + item.text;
    }
    end = Math.max(end, item.x + item.width);
    size = item.size;
    pendingSpace = item.spaceAfter;
  }
  return { text, indent };
}
