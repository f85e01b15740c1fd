/**
 * String widths without shaping every string. pdfkit measures a string by laying it out with
 * fontkit (a third of writing a PDF), and the line breaker measures every prefix of a paragraph.
 * Two adjacent CJK characters (U+3000 and up: ideographs, CJK punctuation, full-width forms) never
 * interact in Noto Serif SC (no kerning, no substitution between them), so a string is cut between
 * such pairs, each lone CJK character's advance is looked up (kept per font for the process), and
 * only the pieces with other characters (digits, Latin, ASCII brackets, spaces) are laid out.
 * The result is exactly pdfkit's `widthOfString`.
 */

/** The part of pdfkit's embedded font used here. */
export interface LaidOutFont {
  font: object;
  /** 1000 / the font's units per em. */
  scale: number;
  layout(text: string, features: undefined, onlyWidth: true): { advanceWidth: number };
}

const advances = new WeakMap<object, Map<number, number>>();

const isCjk = (code: number): boolean => code >= 0x3000;

/** The advance of `text` in the font's units per 1000 em, as pdfkit's layout gives it. */
export function advanceOf(font: LaidOutFont, text: string): number {
  let cache = advances.get(font.font);
  if (!cache) {
    cache = new Map();
    advances.set(font.font, cache);
  }
  let total = 0;
  let start = 0;
  let previous = -1;
  let i = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (isCjk(code) && (previous === -1 || isCjk(previous))) {
      // A cut before this character: lay out what came before it unless it was one CJK character.
      if (i > start) total += pieceAdvance(font, cache, text.slice(start, i));
      start = i;
    }
    previous = code;
    i += ch.length;
  }
  if (i > start) total += pieceAdvance(font, cache, text.slice(start, i));
  return total;
}

function pieceAdvance(font: LaidOutFont, cache: Map<number, number>, piece: string): number {
  const code = piece.codePointAt(0) as number;
  if (isCjk(code) && piece.length === (code > 0xffff ? 2 : 1)) {
    let advance = cache.get(code);
    if (advance === undefined) {
      advance = font.layout(piece, undefined, true).advanceWidth;
      cache.set(code, advance);
    }
    return advance;
  }
  return font.layout(piece, undefined, true).advanceWidth;
}

/**
 * pdfkit's `doc.widthOfString(text, { characterSpacing })` for the document's current font and
 * size, computed the same way (same operations, so the same floating-point result).
 */
export function widthOfString(doc: PDFKit.PDFDocument, text: string, characterSpacing: number): number {
  const state = doc as unknown as { _font?: Partial<LaidOutFont>; _fontSize: number };
  const font = state._font;
  // Whole font units (1000 per em, as Noto Serif SC has) add up exactly in any order.
  if (!font || typeof font.layout !== 'function' || typeof font.font !== 'object' || font.scale !== 1)
    return doc.widthOfString(text, { characterSpacing });
  const width = advanceOf(font as LaidOutFont, text) * (state._fontSize / 1000);
  return ((width + (characterSpacing || 0) * (text.length - 1)) * 100) / 100;
}
