/**
 * A pass over a PDF's raw bytes before PDF.js sees them, for two things PDF.js cannot be told:
 *
 * - **Bounds.** A small file can hold a stream that inflates to gigabytes (a decompression bomb).
 *   Every stream that PDF.js would decode for the text layer (content streams, forms, object
 *   streams, CMaps, font programs; not images) is decoded here through its filters (Flate, LZW,
 *   RunLength, ASCIIHex, ASCII85, in any chain: filters.ts) with a cap on the total, so such a file
 *   is refused at once instead of after a minute and a gigabyte of memory. An encrypted file that
 *   opens without a password is decrypted first (decrypt.ts); one that needs a password is left to
 *   PDF.js, which refuses it.
 * - **Text only.** PDF.js parses and repairs every embedded TrueType program, although the text
 *   layer only needs the font's `/ToUnicode` map and its `/W` (or `/Widths`) advances. Where every
 *   font that uses a descriptor is horizontal and has its own `/ToUnicode` map, the descriptor's
 *   `/FontFile2` key is renamed (same length, so offsets hold) and PDF.js reads the font as one
 *   without an embedded program: the same text and positions, at about half the cost.
 *
 * Objects inside object streams are not looked into: such fonts are simply read the slow way.
 */
import { decryptor, type EncryptionFields } from './decrypt.js';
import { decode, TooLarge } from './filters.js';

/** What the pass found: the bytes to give PDF.js, and the total inflated size it counted. */
export interface Prescan {
  bytes: Uint8Array;
  inflated: number;
  /** Font programs that PDF.js will not need to parse. */
  skippedFonts: number;
}

/**
 * Most bytes the streams may inflate to: font programs, and everything else that PDF.js reads for
 * text (content streams above all, which cost far more per byte to interpret).
 */
export interface PrescanBounds {
  fonts: number;
  content: number;
}

/** Thrown when the streams of one kind inflate past their bound. */
export class InflatedTooLargeError extends Error {
  override name = 'InflatedTooLargeError';
  constructor(
    readonly kind: keyof PrescanBounds,
    readonly bound: number,
  ) {
    super(`PDF ${kind} streams inflate past ${bound} bytes`);
  }
}

interface PdfObject {
  /** The object's text up to `stream` or `endobj` (latin1). */
  dict: string;
  /** Offset of `dict` in the file. */
  offset: number;
}

const objectHead = /(\d+)\s+(\d+)\s+obj\b/g;
const bodyEnd = /stream|endobj/g;
const ref = (dict: string, key: string): number | undefined => {
  const m = new RegExp(`/${key}\\s*(\\d+)\\s+\\d+\\s+R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

/**
 * Reads the object layout, inflates what PDF.js would inflate (stopping with
 * `InflatedTooLargeError` once the total passes `bound`) and hides the font programs that the text
 * layer does not need. `bytes` is never changed; a patched copy is returned when fonts were hidden.
 */
export function prescanPdf(bytes: Uint8Array, bounds: PrescanBounds): Prescan {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const streams: {
    number: number;
    generation: number;
    dict: string;
    data: number;
    length: number | undefined;
  }[] = [];
  objectHead.lastIndex = 0;
  for (let m = objectHead.exec(text); m; m = objectHead.exec(text)) {
    const start = objectHead.lastIndex;
    bodyEnd.lastIndex = start;
    const end = bodyEnd.exec(text);
    if (!end) break;
    const dict = text.slice(start, end.index);
    objects.set(Number(m[1]), { dict, offset: start });
    if (end[0] === 'endobj') {
      objectHead.lastIndex = end.index + 6;
      continue;
    }
    // The stream's data: after `stream` and its end of line.
    let data = end.index + 6;
    if (text.charCodeAt(data) === 13) data++;
    if (text.charCodeAt(data) === 10) data++;
    const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let length = direct ? Number(direct[1]) : undefined;
    if (length === undefined) {
      // An indirect length: the data ends before `endstream` and its end of line.
      const stop = text.indexOf('endstream', data);
      if (stop >= 0) {
        length = stop - data;
        if (text.charCodeAt(data + length - 1) === 10) length--;
        if (text.charCodeAt(data + length - 1) === 13) length--;
      }
    }
    streams.push({ number: Number(m[1]), generation: Number(m[2]), dict, data, length });
    objectHead.lastIndex = length !== undefined && data + length <= text.length ? data + length : data;
  }
  // Fonts inside object streams are not seen: then no font program is hidden.
  const packed = streams.some((s) => /\/Type\s*\/ObjStm\b/.test(s.dict));
  const hidden = packed ? [] : hiddenFontFiles(objects);
  const skip = new Set(hidden.map((h) => h.stream));
  const programs = fontPrograms(objects);
  const encryption = encryptionOf(text, objects);
  const decrypt = encryption ? decryptor(encryption) : null;
  const used = { fonts: 0, content: 0 };
  for (const s of streams) {
    if (skip.has(s.number)) continue;
    const kind = programs.has(s.number) ? 'fonts' : 'content';
    if (encryption && !decrypt) continue;
    // Cross-reference streams and the encryption dictionary's own are never encrypted.
    const plain =
      !decrypt ||
      /\/Type\s*\/XRef\b/.test(s.dict) ||
      (!encryption?.encryptMetadata && /\/Type\s*\/Metadata\b/.test(s.dict));
    let data: Uint8Array = buffer.subarray(
      s.data,
      s.length !== undefined ? s.data + s.length : buffer.length,
    );
    if (!plain && decrypt) data = decrypt(data, s.number, s.generation);
    const left = bounds[kind] - used[kind];
    try {
      used[kind] += decodedSize(s.dict, data, left);
    } catch (error) {
      if (error instanceof TooLarge) throw new InflatedTooLargeError(kind, left);
      throw error;
    }
  }
  const inflated = used.fonts + used.content;
  if (hidden.length === 0) return { bytes, inflated, skippedFonts: 0 };
  const patched = new Uint8Array(bytes);
  // `/FontFile2` → `/FontFileZ`: a key PDF.js does not know, of the same length.
  for (const h of hidden) patched[h.at] = 0x5a;
  return { bytes: patched, inflated, skippedFonts: hidden.length };
}

/** Filters of a stream dictionary, in order (`/Filter /A` or `/Filter [/A /B]`). */
const filters = (dict: string): string[] => {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  return m ? [...(m[1] as string).matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => f[1] as string) : [];
};

/**
 * How many bytes a stream decodes to through its leading filters that decode here (0 for an image,
 * or a stream whose first filter is not one of them); throws `TooLarge` past `left`.
 */
function decodedSize(dict: string, data: Uint8Array, left: number): number {
  if (/\/Subtype\s*\/Image\b/.test(dict)) return 0;
  const early = /\/EarlyChange\s+0\b/.test(dict) ? 0 : 1;
  let input = data;
  let size = 0;
  for (const filter of filters(dict)) {
    const output = decode(filter, input, left, early);
    if (output === null) break;
    input = output;
    size = output.length;
  }
  return size;
}

/** A PDF string at `at` (literal or hexadecimal), as bytes; null when there is none. */
export function pdfString(text: string, at: number): Uint8Array | null {
  while (/\s/.test(text.charAt(at))) at++;
  if (text[at] === '<') {
    const end = text.indexOf('>', at);
    if (end < 0) return null;
    const hex = text.slice(at + 1, end).replace(/\s+/g, '');
    return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  }
  if (text[at] !== '(') return null;
  const out: number[] = [];
  let depth = 1;
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\') {
      const d = text[++i] ?? '';
      if (/[0-7]/.test(d)) {
        let octal = d;
        while (octal.length < 3 && /[0-7]/.test(text[i + 1] ?? '')) octal += text[++i];
        out.push(Number.parseInt(octal, 8) & 0xff);
      } else if (d === '\r') {
        if (text[i + 1] === '\n') i++;
      } else if (d !== '\n') out.push(escapes[d] ?? d.charCodeAt(0));
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return new Uint8Array(out);
    out.push(c.charCodeAt(0));
  }
  return null;
}

/** The text of the dictionary that starts at `at` (`<<` … `>>`, nested ones included). */
function dictionaryAt(text: string, at: number): string {
  let depth = 0;
  for (let i = at; i < text.length - 1; i++) {
    if (text[i] === '(') {
      // Skip a literal string (it may hold `>>`).
      let d = 0;
      for (; i < text.length; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') d++;
        else if (text[i] === ')' && --d === 0) break;
      }
    } else if (text.startsWith('<<', i)) {
      depth++;
      i++;
    } else if (text.startsWith('>>', i)) {
      depth--;
      i++;
      if (depth === 0) return text.slice(at, i + 1);
    }
  }
  return text.slice(at);
}

/** The file's `/Encrypt` dictionary and first `/ID` string, or null when it is not encrypted. */
function encryptionOf(text: string, objects: ReadonlyMap<number, PdfObject>): EncryptionFields | null {
  let dict: string | undefined;
  let idAt = -1;
  // The last trailer (or cross-reference stream) that names one is the one in force.
  for (const m of text.matchAll(/\/Encrypt\s*(?:(\d+)\s+\d+\s+R|<<)/g)) {
    if (m[1] !== undefined) {
      const object = objects.get(Number(m[1]));
      if (object) dict = dictionaryAt(text, text.indexOf('<<', object.offset));
    } else dict = dictionaryAt(text, (m.index ?? 0) + m[0].length - 2);
  }
  if (dict === undefined) return null;
  for (const m of text.matchAll(/\/ID\s*\[/g)) idAt = (m.index ?? 0) + m[0].length;
  const number = (key: string, fallback: number): number => {
    const m = new RegExp(`/${key}\\s+(-?\\d+)`).exec(dict);
    return m ? Number(m[1]) : fallback;
  };
  const string = (key: string): Uint8Array | null => {
    const m = new RegExp(`/${key}(?![A-Za-z])`).exec(dict);
    return m ? pdfString(dict, m.index + m[0].length) : null;
  };
  const streamFilter = /\/StmF\s*\/([A-Za-z0-9]+)/.exec(dict)?.[1];
  let streamMethod: string | null = null;
  if (streamFilter === 'Identity') streamMethod = 'None';
  else if (streamFilter) {
    const cf = new RegExp(`/${streamFilter}\\s*<<([^>]*)>>`).exec(dict)?.[1] ?? '';
    streamMethod = /\/CFM\s*\/([A-Za-z0-9]+)/.exec(cf)?.[1] ?? 'None';
  }
  return {
    filter: /\/Filter\s*\/([A-Za-z0-9]+)/.exec(dict)?.[1] ?? '',
    v: number('V', 0),
    r: number('R', 0),
    length: number('Length', 40),
    p: number('P', 0),
    o: string('O') ?? new Uint8Array(0),
    u: string('U') ?? new Uint8Array(0),
    ue: string('UE'),
    streamMethod,
    encryptMetadata: !/\/EncryptMetadata\s+false\b/.test(dict),
    id: (idAt >= 0 ? pdfString(text, idAt) : null) ?? new Uint8Array(0),
  };
}

/** Object numbers of the font programs that font descriptors name. */
function fontPrograms(objects: ReadonlyMap<number, PdfObject>): Set<number> {
  const programs = new Set<number>();
  for (const { dict } of objects.values())
    for (const m of dict.matchAll(/\/FontFile[23]?\s*(\d+)\s+\d+\s+R/g)) programs.add(Number(m[1]));
  return programs;
}

/**
 * The `/FontFile2` entries of each font descriptor whose fonts all carry a `/ToUnicode` map and are
 * written horizontally: the offset of the key's `2`, and the font program's object number.
 */
function hiddenFontFiles(objects: ReadonlyMap<number, PdfObject>): { at: number; stream: number }[] {
  const covered = new Set<number>();
  const needed = new Set<number>();
  for (const { dict } of objects.values()) {
    const type = /\/Subtype\s*\/(Type0|TrueType)\b/.exec(dict)?.[1];
    if (!type || !/\/Type\s*\/Font\b/.test(dict)) continue;
    let descriptor: number | undefined;
    if (type === 'Type0') {
      const inline = /\/DescendantFonts\s*\[\s*(\d+)\s+\d+\s+R/.exec(dict);
      const listed = ref(dict, 'DescendantFonts');
      const list = listed !== undefined ? objects.get(listed)?.dict : undefined;
      const child = inline ? Number(inline[1]) : Number(/^\s*\[\s*(\d+)\s+\d+\s+R/.exec(list ?? '')?.[1]);
      const cid = objects.get(child)?.dict;
      if (cid && /\/Subtype\s*\/CIDFontType2\b/.test(cid)) descriptor = ref(cid, 'FontDescriptor');
    } else descriptor = ref(dict, 'FontDescriptor');
    if (descriptor === undefined) continue;
    const horizontal =
      !/\/Encoding\s*\/[A-Za-z0-9-]*-V\b/.test(dict) && !/\/Encoding\s*\d+\s+\d+\s+R/.test(dict);
    if (ref(dict, 'ToUnicode') !== undefined && horizontal) covered.add(descriptor);
    else needed.add(descriptor);
  }
  const hidden: { at: number; stream: number }[] = [];
  for (const n of covered) {
    if (needed.has(n)) continue;
    const object = objects.get(n);
    const key = object ? /\/FontFile2\s*(\d+)\s+\d+\s+R/.exec(object.dict) : null;
    if (object && key)
      hidden.push({ at: object.offset + key.index + '/FontFile'.length, stream: Number(key[1]) });
  }
  return hidden;
}
