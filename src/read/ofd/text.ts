/**
 * A TextObject's text as positioned items, in the PDF reader's model (pdf/items.ts: points from
 * the page's top left, baselines, advance widths), so that the PDF reader's layout reads it.
 *
 * Each TextCode places its first character at (X, Y) in the object's space (Y is the baseline)
 * and each next one DeltaX (and DeltaY) further on; `g N d` in those arrays stands for N times d.
 * TextCode text is Unicode. An OFD carries no glyph widths the reader could use without parsing
 * fonts, so a character's own width is taken from its kind (a Chinese character or full-width
 * form an em, others half), scaled as the TextCode's own spacing shows; only the last character
 * of a run needs it, unless a DeltaX is written for it too. A DeltaX much wider than its character
 * is a gap, as between table columns set in one TextCode: the text is split there into items,
 * and the layout puts the gap back as spaces, as it does between a PDF's items.
 */
import { cleanItemText, type PdfItem } from '../pdf/items.js';
import { apply, type Matrix } from './matrix.js';
import { numbers } from './values.js';
import type { OfdElement } from './xml-tree.js';

/** Beyond its character's width by more than this share of an em, an advance is a gap. */
const gapShare = 0.5;
/** Most characters a `g N d` may stand for (a larger count is damage, not text). */
const maxRepeat = 100_000;

/**
 * Expands a DeltaX or DeltaY array: numbers, with `g N d` for N times d. Reading stops at what is
 * not a number (the rest of the characters then go on with the last delta, as readers do).
 */
export function expandDeltas(text: string | undefined): number[] {
  if (text === undefined) return [];
  const tokens = text.split(/[\s,]+/).filter((t) => t !== '');
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g' || tokens[i] === 'G') {
      const count = Number(tokens[i + 1]);
      const delta = Number(tokens[i + 2]);
      if (!Number.isInteger(count) || count < 0 || count > maxRepeat || !Number.isFinite(delta)) break;
      for (let k = 0; k < count; k++) out.push(delta);
      i += 2;
      continue;
    }
    const delta = Number(tokens[i]);
    if (!Number.isFinite(delta)) break;
    out.push(delta);
  }
  return out;
}

/**
 * Characters that Chinese fonts set an em wide: CJK ideographs, kana, hangul, full-width forms and
 * CJK punctuation, and the quotes, dashes and ellipsis Chinese text uses (which are full width in
 * its fonts).
 */
function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    c === 0x2014 ||
    c === 0x2015 ||
    (c >= 0x2018 && c <= 0x201d) ||
    c === 0x2026 ||
    (c >= 0x2460 && c <= 0x24ff) ||
    (c >= 0x25a0 && c <= 0x25ff) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000
  );
}

/** A character's width by its kind, in ems. */
export const nominalWidth = (c: string): number => (isWide(c.codePointAt(0) ?? 0) ? 1 : 0.5);

/** Whether a character leaves ink (not white space, not a control or zero-width character). */
const inked = (c: string): boolean => cleanItemText(c).text !== '';

/** One character of a TextCode, placed in the object's space. */
interface Glyph {
  char: string;
  x: number;
  y: number;
  /** The DeltaX after it, when written. */
  advance: number | undefined;
}

/**
 * The items of one TextObject. `m` maps its space (millimetres, origin at its Boundary's top left,
 * its CTM applied) onto the page, in points.
 */
export function textItems(object: OfdElement, m: Matrix): PdfItem[] {
  const size = Number(object.attrs.Size);
  if (!(size > 0) || !Number.isFinite(size)) return [];
  const items: PdfItem[] = [];
  let x = 0;
  let y = 0;
  for (const code of object.children) {
    if (code.name !== 'TextCode') continue;
    // A TextCode without X or Y keeps the one before's.
    const [cx] = numbers(code.attrs.X);
    const [cy] = numbers(code.attrs.Y);
    if (Number.isFinite(cx)) x = cx as number;
    if (Number.isFinite(cy)) y = cy as number;
    const chars = Array.from(code.text);
    const dx = expandDeltas(code.attrs.DeltaX);
    const dy = expandDeltas(code.attrs.DeltaY);
    const glyphs: Glyph[] = [];
    let gx = x;
    let gy = y;
    chars.forEach((char, i) => {
      const advance = dx[i] ?? (dx.length > 0 && i < chars.length - 1 ? dx.at(-1) : undefined);
      glyphs.push({ char, x: gx, y: gy, advance });
      gx += advance ?? nominalWidth(char) * size;
      gy += dy[i] ?? (dy.length > 0 ? (dy.at(-1) as number) : 0);
    });
    for (const run of runs(glyphs, size)) {
      const item = runItem(run, size, m);
      if (item) items.push(item);
    }
  }
  return items;
}

/** Splits a TextCode's characters where the next one is not where the text runs on: a gap, a new baseline, a step back. */
function runs(glyphs: readonly Glyph[], size: number): Glyph[][] {
  const out: Glyph[][] = [];
  let run: Glyph[] = [];
  glyphs.forEach((g, i) => {
    run.push(g);
    const next = glyphs[i + 1];
    if (!next) return;
    const step = next.x - g.x;
    if (next.y !== g.y || step < 0 || step > (nominalWidth(g.char) + gapShare) * size) {
      out.push(run);
      run = [];
    }
  });
  if (run.length > 0) out.push(run);
  return out;
}

/**
 * One run as an item: its text as the PDF reader cleans an item's string, starting at its first
 * inked character and as wide as to the end of its last.
 */
function runItem(run: readonly Glyph[], size: number, m: Matrix): PdfItem | null {
  const raw = run.map((g) => g.char).join('');
  const { text, before, after } = cleanItemText(raw);
  const first = run.findIndex((g) => inked(g.char));
  const start = run[first === -1 ? 0 : first] as Glyph;
  const [px, py] = apply(m, start.x, start.y);
  // The em's length on the page: the object's vertical scale (its horizontal one if flattened).
  const em = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
  const pageSize = size * em;
  if (!Number.isFinite(px) || !Number.isFinite(py) || !(pageSize > 0)) return null;
  if (text === '')
    return { text, x: px, y: py, width: 0, size: pageSize, spaceBefore: true, spaceAfter: true };
  let lastIndex = run.length - 1;
  while (lastIndex > first && !inked((run[lastIndex] as Glyph).char)) lastIndex--;
  const last = run[lastIndex] as Glyph;
  const end = lastIndex < run.length - 1 ? (run[lastIndex + 1] as Glyph).x : last.x + lastWidth(run, size);
  const [qx, qy] = apply(m, end, start.y);
  return {
    text,
    x: px,
    y: py,
    width: Math.hypot(qx - px, qy - py),
    size: pageSize,
    spaceBefore: before,
    spaceAfter: after,
  };
}

/**
 * The width of a run's last character: its own DeltaX where written and no gap, otherwise its
 * kind's width scaled as the run's other inked characters are spaced (within half to one and a
 * half times), or as is when it has none.
 */
function lastWidth(run: readonly Glyph[], size: number): number {
  const last = run.at(-1) as Glyph;
  const own = nominalWidth(last.char) * size;
  if (last.advance !== undefined && last.advance >= 0 && last.advance <= own + gapShare * size)
    return last.advance;
  let spaced = 0;
  let nominal = 0;
  for (let i = 0; i < run.length - 1; i++) {
    const g = run[i] as Glyph;
    if (!inked(g.char)) continue;
    spaced += (run[i + 1] as Glyph).x - g.x;
    nominal += nominalWidth(g.char) * size;
  }
  const scale = nominal > 0 ? Math.min(1.5, Math.max(0.5, spaced / nominal)) : 1;
  return own * scale;
}
