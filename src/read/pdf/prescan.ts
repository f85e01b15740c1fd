/**
 * A pass over a PDF's raw bytes before PDF.js sees them, for two things PDF.js cannot be told:
 *
 * - **Bounds.** A small file can hold a stream that inflates to gigabytes (a decompression bomb).
 *   Every Flate stream that PDF.js would decode for the text layer (content streams, forms, object
 *   streams, CMaps, font programs; not images) is inflated here with a cap on the total, so such a
 *   file is refused at once instead of after a minute and a gigabyte of memory.
 * - **Text only.** PDF.js parses and repairs every embedded TrueType program, although the text
 *   layer only needs the font's `/ToUnicode` map and its `/W` (or `/Widths`) advances. Where every
 *   font that uses a descriptor is horizontal and has its own `/ToUnicode` map, the descriptor's
 *   `/FontFile2` key is renamed (same length, so offsets hold) and PDF.js reads the font as one
 *   without an embedded program: the same text and positions, at about half the cost.
 *
 * Objects inside object streams are not looked into: such fonts are simply read the slow way.
 */
import { constants, inflateSync } from 'node:zlib';

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

const objectHead = /(\d+)\s+\d+\s+obj\b/g;
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
  const streams: { number: number; dict: string; data: number; length: number | undefined }[] = [];
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
    const length = direct ? Number(direct[1]) : undefined;
    streams.push({ number: Number(m[1]), dict, data, length });
    objectHead.lastIndex = length !== undefined && data + length <= text.length ? data + length : data;
  }
  // Fonts inside object streams are not seen: then no font program is hidden.
  const packed = streams.some((s) => /\/Type\s*\/ObjStm\b/.test(s.dict));
  const hidden = packed ? [] : hiddenFontFiles(objects);
  const skip = new Set(hidden.map((h) => h.stream));
  const programs = fontPrograms(objects);
  const used = { fonts: 0, content: 0 };
  for (const s of streams) {
    if (skip.has(s.number)) continue;
    const kind = programs.has(s.number) ? 'fonts' : 'content';
    used[kind] += inflatedSize(buffer, s.dict, s.data, s.length, bounds[kind] - used[kind], kind);
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
 * How many bytes a stream inflates to through its leading Flate filters (0 for an image, a
 * stream without Flate, or a damaged one, which PDF.js will report itself).
 */
function inflatedSize(
  buffer: Buffer,
  dict: string,
  data: number,
  length: number | undefined,
  left: number,
  kind: keyof PrescanBounds,
): number {
  if (/\/Subtype\s*\/Image\b/.test(dict)) return 0;
  const chain = filters(dict);
  let input: Uint8Array = buffer.subarray(data, length !== undefined ? data + length : buffer.length);
  let size = 0;
  for (const filter of chain) {
    if (filter !== 'FlateDecode' && filter !== 'Fl') break;
    try {
      input = inflateSync(input, {
        maxOutputLength: Math.max(1, left + 1),
        finishFlush: constants.Z_SYNC_FLUSH,
      });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new InflatedTooLargeError(kind, left);
      break;
    }
    size = input.length;
    if (size > left) throw new InflatedTooLargeError(kind, left);
  }
  return size;
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
