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

/**
 * PDF.js' WinAnsiEncoding: the glyph name of each code ('' for none). Each of these names stands
 * for one character in the Adobe Glyph List (`winAnsiUnicode`); a `/Differences` name outside this
 * set is `Unsupported`.
 */
const winAnsiNames: readonly string[] = [
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  'space',
  'exclam',
  'quotedbl',
  'numbersign',
  'dollar',
  'percent',
  'ampersand',
  'quotesingle',
  'parenleft',
  'parenright',
  'asterisk',
  'plus',
  'comma',
  'hyphen',
  'period',
  'slash',
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'colon',
  'semicolon',
  'less',
  'equal',
  'greater',
  'question',
  'at',
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
  'V',
  'W',
  'X',
  'Y',
  'Z',
  'bracketleft',
  'backslash',
  'bracketright',
  'asciicircum',
  'underscore',
  'grave',
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'w',
  'x',
  'y',
  'z',
  'braceleft',
  'bar',
  'braceright',
  'asciitilde',
  'bullet',
  'Euro',
  'bullet',
  'quotesinglbase',
  'florin',
  'quotedblbase',
  'ellipsis',
  'dagger',
  'daggerdbl',
  'circumflex',
  'perthousand',
  'Scaron',
  'guilsinglleft',
  'OE',
  'bullet',
  'Zcaron',
  'bullet',
  'bullet',
  'quoteleft',
  'quoteright',
  'quotedblleft',
  'quotedblright',
  'bullet',
  'endash',
  'emdash',
  'tilde',
  'trademark',
  'scaron',
  'guilsinglright',
  'oe',
  'bullet',
  'zcaron',
  'Ydieresis',
  'space',
  'exclamdown',
  'cent',
  'sterling',
  'currency',
  'yen',
  'brokenbar',
  'section',
  'dieresis',
  'copyright',
  'ordfeminine',
  'guillemotleft',
  'logicalnot',
  'hyphen',
  'registered',
  'macron',
  'degree',
  'plusminus',
  'twosuperior',
  'threesuperior',
  'acute',
  'mu',
  'paragraph',
  'periodcentered',
  'cedilla',
  'onesuperior',
  'ordmasculine',
  'guillemotright',
  'onequarter',
  'onehalf',
  'threequarters',
  'questiondown',
  'Agrave',
  'Aacute',
  'Acircumflex',
  'Atilde',
  'Adieresis',
  'Aring',
  'AE',
  'Ccedilla',
  'Egrave',
  'Eacute',
  'Ecircumflex',
  'Edieresis',
  'Igrave',
  'Iacute',
  'Icircumflex',
  'Idieresis',
  'Eth',
  'Ntilde',
  'Ograve',
  'Oacute',
  'Ocircumflex',
  'Otilde',
  'Odieresis',
  'multiply',
  'Oslash',
  'Ugrave',
  'Uacute',
  'Ucircumflex',
  'Udieresis',
  'Yacute',
  'Thorn',
  'germandbls',
  'agrave',
  'aacute',
  'acircumflex',
  'atilde',
  'adieresis',
  'aring',
  'ae',
  'ccedilla',
  'egrave',
  'eacute',
  'ecircumflex',
  'edieresis',
  'igrave',
  'iacute',
  'icircumflex',
  'idieresis',
  'eth',
  'ntilde',
  'ograve',
  'oacute',
  'ocircumflex',
  'otilde',
  'odieresis',
  'divide',
  'oslash',
  'ugrave',
  'uacute',
  'ucircumflex',
  'udieresis',
  'yacute',
  'thorn',
  'ydieresis',
];

/** The character of each WinAnsi glyph name, from the Adobe Glyph List as PDF.js has it. */
const winAnsiUnicode = new Map<string, string>(
  (
    [
      ['space', 0x0020],
      ['exclam', 0x0021],
      ['quotedbl', 0x0022],
      ['numbersign', 0x0023],
      ['dollar', 0x0024],
      ['percent', 0x0025],
      ['ampersand', 0x0026],
      ['quotesingle', 0x0027],
      ['parenleft', 0x0028],
      ['parenright', 0x0029],
      ['asterisk', 0x002a],
      ['plus', 0x002b],
      ['comma', 0x002c],
      ['hyphen', 0x002d],
      ['period', 0x002e],
      ['slash', 0x002f],
      ['zero', 0x0030],
      ['one', 0x0031],
      ['two', 0x0032],
      ['three', 0x0033],
      ['four', 0x0034],
      ['five', 0x0035],
      ['six', 0x0036],
      ['seven', 0x0037],
      ['eight', 0x0038],
      ['nine', 0x0039],
      ['colon', 0x003a],
      ['semicolon', 0x003b],
      ['less', 0x003c],
      ['equal', 0x003d],
      ['greater', 0x003e],
      ['question', 0x003f],
      ['at', 0x0040],
      ['A', 0x0041],
      ['B', 0x0042],
      ['C', 0x0043],
      ['D', 0x0044],
      ['E', 0x0045],
      ['F', 0x0046],
      ['G', 0x0047],
      ['H', 0x0048],
      ['I', 0x0049],
      ['J', 0x004a],
      ['K', 0x004b],
      ['L', 0x004c],
      ['M', 0x004d],
      ['N', 0x004e],
      ['O', 0x004f],
      ['P', 0x0050],
      ['Q', 0x0051],
      ['R', 0x0052],
      ['S', 0x0053],
      ['T', 0x0054],
      ['U', 0x0055],
      ['V', 0x0056],
      ['W', 0x0057],
      ['X', 0x0058],
      ['Y', 0x0059],
      ['Z', 0x005a],
      ['bracketleft', 0x005b],
      ['backslash', 0x005c],
      ['bracketright', 0x005d],
      ['asciicircum', 0x005e],
      ['underscore', 0x005f],
      ['grave', 0x0060],
      ['a', 0x0061],
      ['b', 0x0062],
      ['c', 0x0063],
      ['d', 0x0064],
      ['e', 0x0065],
      ['f', 0x0066],
      ['g', 0x0067],
      ['h', 0x0068],
      ['i', 0x0069],
      ['j', 0x006a],
      ['k', 0x006b],
      ['l', 0x006c],
      ['m', 0x006d],
      ['n', 0x006e],
      ['o', 0x006f],
      ['p', 0x0070],
      ['q', 0x0071],
      ['r', 0x0072],
      ['s', 0x0073],
      ['t', 0x0074],
      ['u', 0x0075],
      ['v', 0x0076],
      ['w', 0x0077],
      ['x', 0x0078],
      ['y', 0x0079],
      ['z', 0x007a],
      ['braceleft', 0x007b],
      ['bar', 0x007c],
      ['braceright', 0x007d],
      ['asciitilde', 0x007e],
      ['bullet', 0x2022],
      ['Euro', 0x20ac],
      ['quotesinglbase', 0x201a],
      ['florin', 0x0192],
      ['quotedblbase', 0x201e],
      ['ellipsis', 0x2026],
      ['dagger', 0x2020],
      ['daggerdbl', 0x2021],
      ['circumflex', 0x02c6],
      ['perthousand', 0x2030],
      ['Scaron', 0x0160],
      ['guilsinglleft', 0x2039],
      ['OE', 0x0152],
      ['Zcaron', 0x017d],
      ['quoteleft', 0x2018],
      ['quoteright', 0x2019],
      ['quotedblleft', 0x201c],
      ['quotedblright', 0x201d],
      ['endash', 0x2013],
      ['emdash', 0x2014],
      ['tilde', 0x02dc],
      ['trademark', 0x2122],
      ['scaron', 0x0161],
      ['guilsinglright', 0x203a],
      ['oe', 0x0153],
      ['zcaron', 0x017e],
      ['Ydieresis', 0x0178],
      ['exclamdown', 0x00a1],
      ['cent', 0x00a2],
      ['sterling', 0x00a3],
      ['currency', 0x00a4],
      ['yen', 0x00a5],
      ['brokenbar', 0x00a6],
      ['section', 0x00a7],
      ['dieresis', 0x00a8],
      ['copyright', 0x00a9],
      ['ordfeminine', 0x00aa],
      ['guillemotleft', 0x00ab],
      ['logicalnot', 0x00ac],
      ['registered', 0x00ae],
      ['macron', 0x00af],
      ['degree', 0x00b0],
      ['plusminus', 0x00b1],
      ['twosuperior', 0x00b2],
      ['threesuperior', 0x00b3],
      ['acute', 0x00b4],
      ['mu', 0x00b5],
      ['paragraph', 0x00b6],
      ['periodcentered', 0x00b7],
      ['cedilla', 0x00b8],
      ['onesuperior', 0x00b9],
      ['ordmasculine', 0x00ba],
      ['guillemotright', 0x00bb],
      ['onequarter', 0x00bc],
      ['onehalf', 0x00bd],
      ['threequarters', 0x00be],
      ['questiondown', 0x00bf],
      ['Agrave', 0x00c0],
      ['Aacute', 0x00c1],
      ['Acircumflex', 0x00c2],
      ['Atilde', 0x00c3],
      ['Adieresis', 0x00c4],
      ['Aring', 0x00c5],
      ['AE', 0x00c6],
      ['Ccedilla', 0x00c7],
      ['Egrave', 0x00c8],
      ['Eacute', 0x00c9],
      ['Ecircumflex', 0x00ca],
      ['Edieresis', 0x00cb],
      ['Igrave', 0x00cc],
      ['Iacute', 0x00cd],
      ['Icircumflex', 0x00ce],
      ['Idieresis', 0x00cf],
      ['Eth', 0x00d0],
      ['Ntilde', 0x00d1],
      ['Ograve', 0x00d2],
      ['Oacute', 0x00d3],
      ['Ocircumflex', 0x00d4],
      ['Otilde', 0x00d5],
      ['Odieresis', 0x00d6],
      ['multiply', 0x00d7],
      ['Oslash', 0x00d8],
      ['Ugrave', 0x00d9],
      ['Uacute', 0x00da],
      ['Ucircumflex', 0x00db],
      ['Udieresis', 0x00dc],
      ['Yacute', 0x00dd],
      ['Thorn', 0x00de],
      ['germandbls', 0x00df],
      ['agrave', 0x00e0],
      ['aacute', 0x00e1],
      ['acircumflex', 0x00e2],
      ['atilde', 0x00e3],
      ['adieresis', 0x00e4],
      ['aring', 0x00e5],
      ['ae', 0x00e6],
      ['ccedilla', 0x00e7],
      ['egrave', 0x00e8],
      ['eacute', 0x00e9],
      ['ecircumflex', 0x00ea],
      ['edieresis', 0x00eb],
      ['igrave', 0x00ec],
      ['iacute', 0x00ed],
      ['icircumflex', 0x00ee],
      ['idieresis', 0x00ef],
      ['eth', 0x00f0],
      ['ntilde', 0x00f1],
      ['ograve', 0x00f2],
      ['oacute', 0x00f3],
      ['ocircumflex', 0x00f4],
      ['otilde', 0x00f5],
      ['odieresis', 0x00f6],
      ['divide', 0x00f7],
      ['oslash', 0x00f8],
      ['ugrave', 0x00f9],
      ['uacute', 0x00fa],
      ['ucircumflex', 0x00fb],
      ['udieresis', 0x00fc],
      ['yacute', 0x00fd],
      ['thorn', 0x00fe],
      ['ydieresis', 0x00ff],
    ] as const
  ).map(([name, code]) => [name, String.fromCharCode(code)]),
);

/** PDF.js' test for whitespace, combining marks and format characters (same expression). */
const specialChar = /^(\s)|(\p{Mn})|(\p{Cf})$/u;

const fontIdentityMatrix = [0.001, 0, 0, 0.001, 0, 0] as const;

/** Reads a font dictionary; `Unsupported` for anything but the composite fonts described above. */
export function loadFont(doc: PdfDocument, dict: Dict): NativeFont {
  if (nameOf(dict.get('Subtype')) === 'TrueType') return loadTrueType(doc, dict);
  if (nameOf(dict.get('Subtype')) !== 'Type0') unsupported('simple font other than TrueType');
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
  const glyph = glyphMaker((code) => map.get(code), widths, defaultWidth);
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

/** A font's glyphs, made once per code: its text (`text`), its width (or the default). */
function glyphMaker(
  text: (code: number) => string | undefined,
  widths: readonly number[],
  defaultWidth: number,
): (code: number) => Glyph {
  const cache = new Map<number, Glyph>();
  return (code: number): Glyph => {
    let g = cache.get(code);
    if (g) return g;
    const u = text(code);
    // One character of the Basic Multilingual Plane, which every font path of PDF.js keeps as is.
    if (u === undefined || u.length !== 1 || u === '\0' || (u.charCodeAt(0) & 0xf800) === 0xd800)
      unsupported('code without a single-character text');
    const m = (u as string).match(specialChar);
    g = {
      code,
      unicode: u as string,
      width: widths[code] ?? defaultWidth,
      isWhitespace: !!m?.[1],
      isZeroWidthDiacritic: !!m?.[2],
      isInvisibleFormatMark: !!m?.[3],
    };
    cache.set(code, g);
    return g;
  };
}

/**
 * A simple TrueType font as PDF.js reads it for text: one byte a code, `/Widths` from
 * `/FirstChar` (else the descriptor's `/MissingWidth`, else 0), and each code's text from the
 * `/ToUnicode` map, else from its glyph name in the WinAnsi encoding with its `/Differences`.
 * Other encodings (and the symbol fonts, whose encoding PDF.js chooses by name) are `Unsupported`.
 */
function loadTrueType(doc: PdfDocument, dict: Dict): NativeFont {
  const descriptor = doc.get(dict.get('FontDescriptor'));
  if (!isDict(descriptor)) return unsupported('simple font without descriptor');
  if (descriptor.has('FontFile3') || descriptor.has('FontFile')) unsupported('CFF or Type1 program');
  const base = nameOf(doc.get(dict.get('BaseFont')));
  if (base === undefined) return unsupported('no BaseFont');
  if (/Symbol|Dingbats|Wingdings/i.test(base)) unsupported('symbol font');
  const encoding = doc.get(dict.get('Encoding'));
  const names = [...winAnsiNames];
  if (isDict(encoding)) {
    if (nameOf(doc.get(encoding.get('BaseEncoding'))) !== 'WinAnsiEncoding') unsupported('base encoding');
    const differences = doc.get(encoding.get('Differences'));
    if (differences !== undefined) {
      if (!Array.isArray(differences)) return unsupported('bad /Differences');
      let index = 0;
      for (const entry of differences) {
        const data = doc.get(entry);
        if (typeof data === 'number') index = data;
        else if (data instanceof Name) {
          if (data.name !== '.notdef') {
            if (!winAnsiUnicode.has(data.name) || index < 0 || index > 255) unsupported('glyph name');
            names[index] = data.name;
          }
          index++;
        } else unsupported('bad /Differences');
      }
    }
  } else if (nameOf(encoding) !== 'WinAnsiEncoding') unsupported('encoding other than WinAnsi');
  const toUnicode = doc.get(dict.get('ToUnicode'));
  const map =
    toUnicode instanceof Stream ? parseToUnicode(doc.decodeStream(toUnicode)) : new Map<number, string>();
  const w = doc.get(dict.get('Widths'));
  if (!Array.isArray(w)) return unsupported('simple font without /Widths');
  const first = doc.get(dict.get('FirstChar'));
  const widths: number[] = [];
  let j = Number.isInteger(first) ? (first as number) : 0;
  for (const entry of w) {
    const width = doc.get(entry);
    if (typeof width === 'number') widths[j] = width;
    j++;
  }
  const missing = doc.get(descriptor.get('MissingWidth'));
  const glyph = glyphMaker(
    (code) => map.get(code) ?? (names[code] ? winAnsiUnicode.get(names[code] as string) : undefined),
    widths,
    typeof missing === 'number' ? missing : 0,
  );
  const cache = new Map<string, Glyph[]>();
  return {
    name: base,
    fontMatrix: fontIdentityMatrix,
    glyphs(chars: string): Glyph[] {
      let out = cache.get(chars);
      if (out) return out;
      out = [];
      for (let i = 0; i < chars.length; i++) out.push(glyph(chars.charCodeAt(i)));
      cache.set(chars, out);
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
