/**
 * Fonts as the text layer needs them: each character code's text and advance width. Only what
 * reads exactly as PDF.js reads it is accepted: composite (Type0) fonts with `/Identity-H`
 * encoding, a `/ToUnicode` map, and `/W`/`/DW` widths, whose font program is TrueType or absent.
 * A code that the map leaves out, or maps to other than one character, is `Unsupported` (PDF.js
 * then guesses from the font's glyph names, which this reader does not).
 */
import type { PdfDocument } from './document.js';
import {
  type Dict,
  isDict,
  Lexer,
  Name,
  nameOf,
  type PdfObj,
  PdfString,
  Stream,
  unsupported,
} from './objects.js';

export interface Glyph {
  code: number;
  unicode: string;
  /** Advance in glyph space (thousandths of an em). */
  width: number;
  isWhitespace: boolean;
  isZeroWidthDiacritic: boolean;
  isInvisibleFormatMark: boolean;
}

export interface NativeFont {
  /** The font's name, as PDF.js compares fonts when deciding to end a text item. */
  name: string;
  fontMatrix: readonly number[];
  glyphs(chars: string): Glyph[];
}

/** PDF.js' test for whitespace, combining marks and format characters (same expression). */
const specialChar = /^(\s)|(\p{Mn})|(\p{Cf})$/u;

const fontIdentityMatrix = [0.001, 0, 0, 0.001, 0, 0] as const;

/** Reads a font dictionary; `Unsupported` for anything but the composite fonts described above. */
export function loadFont(doc: PdfDocument, dict: Dict): NativeFont {
  if (nameOf(dict.get('Subtype')) !== 'Type0') unsupported('simple font');
  if (nameOf(doc.get(dict.get('Encoding'))) !== 'Identity-H') unsupported('encoding other than Identity-H');
  const descendants = doc.get(dict.get('DescendantFonts'));
  const cid = Array.isArray(descendants) ? doc.get(descendants[0]) : undefined;
  if (!isDict(cid)) return unsupported('no descendant font');
  const subtype = nameOf(cid.get('Subtype'));
  if (subtype !== 'CIDFontType2' && subtype !== 'CIDFontType0') unsupported('CID font type');
  const descriptor = doc.get(cid.get('FontDescriptor'));
  if (isDict(descriptor) && (descriptor.has('FontFile3') || descriptor.has('FontFile')))
    unsupported('CFF or Type1 program');
  const base = nameOf(doc.get(dict.get('BaseFont')));
  if (base === undefined) unsupported('no BaseFont');
  const toUnicode = doc.get(dict.get('ToUnicode'));
  if (!(toUnicode instanceof Stream)) return unsupported('no ToUnicode map');
  const map = parseToUnicode(doc.decodeStream(toUnicode));
  const widths: number[] = [];
  const dw = doc.get(cid.get('DW'));
  const defaultWidth = typeof dw === 'number' ? Math.ceil(dw) : 1000;
  const w = doc.get(cid.get('W'));
  if (Array.isArray(w)) {
    for (let i = 0; i < w.length; i++) {
      let start = doc.get(w[i++]);
      if (!Number.isInteger(start)) break;
      const code = doc.get(w[i]);
      if (Array.isArray(code)) {
        for (const c of code) {
          const width = doc.get(c);
          if (typeof width === 'number') widths[start as number] = width;
          (start as number)++;
          start = (start as number) + 0;
        }
      } else if (Number.isInteger(code)) {
        const width = doc.get(w[++i]);
        if (typeof width !== 'number') continue;
        if ((code as number) - (start as number) > maxCodes) unsupported('width range too large');
        for (let j = start as number; j <= (code as number); j++) widths[j] = width;
      } else break;
    }
  }
  const glyphCache = new Map<number, Glyph>();
  const glyph = (code: number): Glyph => {
    let g = glyphCache.get(code);
    if (g) return g;
    const u = map.get(code);
    // One character of the Basic Multilingual Plane, which every font path of PDF.js keeps as is.
    if (u === undefined || u.length !== 1 || u === '\0' || (u.charCodeAt(0) & 0xf800) === 0xd800)
      unsupported('code without a single-character ToUnicode entry');
    const m = (u as string).match(specialChar);
    g = {
      code,
      unicode: u as string,
      width: widths[code] ?? defaultWidth,
      isWhitespace: !!m?.[1],
      isZeroWidthDiacritic: !!m?.[2],
      isInvisibleFormatMark: !!m?.[3],
    };
    glyphCache.set(code, g);
    return g;
  };
  const charsCache = new Map<string, Glyph[]>();
  return {
    name: base as string,
    fontMatrix: fontIdentityMatrix,
    glyphs(chars: string): Glyph[] {
      let out = charsCache.get(chars);
      if (out) return out;
      if (chars.length % 2 !== 0) unsupported('odd byte count for a two-byte encoding');
      out = [];
      for (let i = 0; i < chars.length; i += 2)
        out.push(glyph((chars.charCodeAt(i) << 8) | chars.charCodeAt(i + 1)));
      charsCache.set(chars, out);
      return out;
    },
  };
}

const codeOf = (s: PdfString): number => {
  let v = 0;
  for (let i = 0; i < s.bytes.length; i++) v = v * 256 + s.bytes.charCodeAt(i);
  return v;
};

/** A ToUnicode value (UTF-16BE bytes) as text, as PDF.js decodes it. */
function utf16(token: string): string {
  if (token.length % 2 !== 0) token = `\0${token}`;
  const points: number[] = [];
  for (let k = 0; k < token.length; k += 2) {
    const w1 = (token.charCodeAt(k) << 8) | token.charCodeAt(k + 1);
    if ((w1 & 0xf800) !== 0xd800) {
      points.push(w1);
      continue;
    }
    k += 2;
    const w2 = (token.charCodeAt(k) << 8) | token.charCodeAt(k + 1);
    points.push(((w1 & 0x3ff) << 10) + (w2 & 0x3ff) + 0x10000);
  }
  return String.fromCodePoint(...points);
}

/** Most codes one range may cover (two-byte codes: 65,536; more is no font of a report). */
const maxCodes = 0xffff;

/** A ToUnicode CMap: bfchar and bfrange sections (codespace ranges are not needed for lookup). */
export function parseToUnicode(data: Uint8Array): Map<number, string> {
  const lexer = new Lexer(data);
  const raw = new Map<number, string>();
  for (;;) {
    const o = lexer.object();
    if (o === undefined) break;
    if (!(o && typeof o === 'object' && 'cmd' in o)) continue;
    const cmd = o.cmd;
    if (cmd === 'usecmap' || cmd === 'begincidchar' || cmd === 'begincidrange' || cmd === 'beginnotdefrange')
      unsupported(`ToUnicode ${cmd}`);
    if (cmd === 'beginbfchar')
      for (;;) {
        const src = lexer.object();
        if (src && typeof src === 'object' && 'cmd' in src && src.cmd === 'endbfchar') break;
        const dst = lexer.object();
        if (!(src instanceof PdfString)) return unsupported('bad bfchar');
        if (dst instanceof PdfString) raw.set(codeOf(src), dst.bytes);
        else if (typeof dst === 'number') raw.set(codeOf(src), String.fromCodePoint(dst));
        else unsupported('bad bfchar');
      }
    if (cmd === 'beginbfrange')
      for (;;) {
        const lo = lexer.object();
        if (lo && typeof lo === 'object' && 'cmd' in lo && lo.cmd === 'endbfrange') break;
        const hi = lexer.object();
        const dst = lexer.object() as PdfObj;
        if (!(lo instanceof PdfString) || !(hi instanceof PdfString)) return unsupported('bad bfrange');
        let low = codeOf(lo);
        const high = codeOf(hi);
        if (high - low > maxCodes) unsupported('bfrange too large');
        if (dst instanceof PdfString) {
          let d = dst.bytes;
          if (d.length === 0) unsupported('empty bfrange destination');
          const last = d.length - 1;
          while (low <= high) {
            raw.set(low++, d);
            const next = d.charCodeAt(last) + 1;
            if (next > 0xff) {
              d = `${d.substring(0, last - 1)}${String.fromCharCode(d.charCodeAt(last - 1) + 1)}\x00`;
              continue;
            }
            d = d.substring(0, last) + String.fromCharCode(next);
          }
        } else if (Array.isArray(dst)) {
          for (let i = 0; low <= high && i < dst.length; i++, low++) {
            const item = dst[i];
            if (!(item instanceof PdfString)) unsupported('bad bfrange array');
            raw.set(low, (item as PdfString).bytes);
          }
        } else unsupported('bad bfrange');
        if (raw.size > 4 * maxCodes) unsupported('ToUnicode map too large');
      }
  }
  if (raw.size > 4 * maxCodes) unsupported('ToUnicode map too large');
  const map = new Map<number, string>();
  for (const [code, token] of raw) map.set(code, utf16(token));
  return map;
}

export { Name };
