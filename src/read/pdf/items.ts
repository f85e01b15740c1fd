/**
 * A page's text as positioned pieces: PDF.js text items, placed in the page's upright view
 * (x to the right, y downwards, in points), with whitespace made explicit.
 */
import type { PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { type PageRules, pageRules } from './rules.js';

/** One piece of text on a page. */
export interface PdfItem {
  /**
   * The text without surrounding whitespace (full-width spaces inside are two spaces); empty for
   * an item of whitespace only, which marks a space between its neighbours.
   */
  text: string;
  /** Left end and baseline, in points from the page's top left corner. */
  x: number;
  y: number;
  /** Advance width in points. */
  width: number;
  /** Font size (height of an em) in points. */
  size: number;
  /** Whitespace stood before or after the text in the same item. */
  spaceBefore: boolean;
  spaceAfter: boolean;
  /**
   * Where a space in the text stands for a gap between glyphs (the native reader's items, see
   * `RawItem.gaps`; not PDF.js's, which keep only the space): the space's index in `text`, and
   * where the text before it ends and the text after it starts on the page. Only on upright items.
   */
  gaps?: readonly PdfGap[];
}

/** A gap inside an item's text (see `PdfItem.gaps`). */
export interface PdfGap {
  at: number;
  end: number;
  start: number;
}

/** A page's items and size. */
export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
  /** The page's ruling lines (table borders), when they were read. */
  rules?: PageRules;
  /** Characters of its text layer (spaces aside), and how many of them no report is written in. */
  written?: { all: number; undecodable: number };
}

/**
 * Whether a character of a text layer is one no report is written in: a control character, the
 * replacement character or a private-use one. A font embedded without a map to Unicode (a
 * `/ToUnicode` map, or glyph names or a cmap its glyphs can be known by) gives its glyph numbers
 * as characters, which come out as such.
 */
const undecodable = (c: number): boolean =>
  (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff);

/** The characters of raw text items (spaces aside), and how many are undecodable. */
export function writtenOf(raw: readonly RawTextItem[]): { all: number; undecodable: number } {
  let all = 0;
  let bad = 0;
  for (const item of raw)
    for (let i = 0; i < item.str.length; i++) {
      const c = item.str.charCodeAt(i);
      if (c === 0x20) continue;
      all++;
      if (undecodable(c)) bad++;
    }
  return { all, undecodable: bad };
}

/** Blank marks of a table cell made of slashes and dashes (as the assembler knows them, src/assemble/tokens.ts). */
export const dashMarks: readonly string[] = ['/', '-', '—', '——', '--'];

/** A figure as a table cell holds it: digits, with a sign, thousands separators or decimals. */
export const isFigureText = (text: string): boolean => /^[+-]?\d[\d,]*(?:\.\d+)?$/.test(text);

const fullWidthSpace = /\u3000/g;
const otherSpaces = /[\t\r\n\u00a0\u2000-\u200a\u202f\u205f]/g;
/** Control and zero-width characters: never text of the report. */
const invisible = (c: number) =>
  c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
const dropInvisible = (s: string): string => {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!invisible(s.charCodeAt(i))) out += s[i];
  return out;
};

/** Turns raw item strings into the item's text and whether whitespace surrounded it. */
export function cleanItemText(raw: string): { text: string; before: boolean; after: boolean } {
  const spaced = dropInvisible(raw.replace(fullWidthSpace, '  ').replace(otherSpaces, ' '));
  const text = spaced.trim();
  if (text === '') return { text, before: spaced.length > 0, after: spaced.length > 0 };
  return { text, before: spaced[0] === ' ', after: spaced.at(-1) === ' ' };
}

/** A text item as PDF.js gives it, as far as the reader uses it. */
export interface RawTextItem {
  str: string;
  width: number;
  transform: number[];
  /** The native reader's fake spaces (see `RawItem.gaps`). */
  gaps?: number[] | undefined;
}

const multiply = (m: readonly number[], n: readonly number[]): number[] => [
  (m[0] as number) * (n[0] as number) + (m[2] as number) * (n[1] as number),
  (m[1] as number) * (n[0] as number) + (m[3] as number) * (n[1] as number),
  (m[0] as number) * (n[2] as number) + (m[2] as number) * (n[3] as number),
  (m[1] as number) * (n[2] as number) + (m[3] as number) * (n[3] as number),
  (m[0] as number) * (n[4] as number) + (m[2] as number) * (n[5] as number) + (m[4] as number),
  (m[1] as number) * (n[4] as number) + (m[3] as number) * (n[5] as number) + (m[5] as number),
];

/** Places raw text items in the page's upright view (`view`: the viewport's transform). */
export function placeItems(raw: readonly RawTextItem[], view: readonly number[]): PdfItem[] {
  const items: PdfItem[] = [];
  for (const item of raw) {
    if (item.str === '') continue;
    const m = multiply(view, item.transform);
    const size = Math.hypot(m[2] as number, m[3] as number) || Math.hypot(m[0] as number, m[1] as number);
    const x = m[4] as number;
    const y = m[5] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !(size > 0)) continue;
    const { text, before, after } = cleanItemText(item.str);
    if (text === '') {
      items.push({ text, x, y, width: 0, size, spaceBefore: true, spaceAfter: true });
      continue;
    }
    // Whitespace around the text shifts its start: spread the width evenly over the characters.
    const lead = item.str.length - item.str.trimStart().length;
    const advance = item.width / Math.max(1, [...item.str].length);
    const trail = item.str.length - item.str.trimEnd().length;
    const placed: PdfItem = {
      text,
      x: x + lead * advance,
      y,
      width: Math.max(0, item.width - (lead + trail) * advance),
      size,
      spaceBefore: before,
      spaceAfter: after,
    };
    // Upright text (the view and the item neither turned nor mirrored), its characters as given
    // (their indexes the raw string's, after the leading whitespace): each gap on the page.
    if (
      item.gaps &&
      m[1] === 0 &&
      m[2] === 0 &&
      (m[0] as number) > 0 &&
      view[1] === 0 &&
      view[2] === 0 &&
      (view[0] as number) > 0 &&
      cleanLength(item.str) === item.str.length
    ) {
      const gaps: PdfGap[] = [];
      const scale = view[0] as number;
      for (let g = 0; g + 2 < item.gaps.length; g += 3) {
        const at = (item.gaps[g] as number) - lead;
        if (at <= 0 || at >= text.length || text[at] !== ' ') continue;
        gaps.push({
          at,
          end: x + (item.gaps[g + 1] as number) * scale,
          start: x + (item.gaps[g + 2] as number) * scale,
        });
      }
      if (gaps.length > 0) placed.gaps = gaps;
    }
    items.push(placed);
  }
  return items;
}

/** The length of a raw string as `cleanItemText` spaces it (before trimming). */
const cleanLength = (raw: string): number =>
  dropInvisible(raw.replace(fullWidthSpace, '  ').replace(otherSpaces, ' ')).length;

/** Reads one page's text items. */
export async function pageItems(page: PDFPageProxy): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const raw = content.items.filter((item): item is TextItem => 'str' in item);
  const items = placeItems(raw, viewport.transform);
  // A page without text (a scan) has no table to rule, and its operator list decodes its images.
  const rules = items.length > 0 ? await pageRules(page) : undefined;
  return {
    number: page.pageNumber,
    width: viewport.width,
    height: viewport.height,
    items,
    rules,
    written: writtenOf(raw),
  };
}
