/**
 * Bytes → text: UTF-8 with or without BOM, UTF-16 with or without BOM, and GB18030 (which covers
 * GBK and GB2312). Invalid UTF-8 falls back to GB18030; what neither decodes cleanly is reported by
 * the caller.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Characters that could not be decoded (U+FFFD) in the result. */
  replacements: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** UTF-16 in the given byte order (a BOM, if any, dropped by the decoder). */
export function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const text = new TextDecoder(encoding).decode(bytes);
  return { text, encoding, replacements: countReplacements(text) };
}

/** How much of the start of a file is looked at to tell UTF-16 without a BOM. */
const utf16Sample = 1 << 16;

/**
 * Whether a UTF-16 code unit is one a report's text is made of: ASCII and Latin-1 (no control
 * characters but tab and line breaks), general punctuation, letterlike symbols, circled numbers,
 * box drawing and shapes, CJK punctuation, CJK ideographs, full-width forms, the BOM.
 */
function plausible(c: number): boolean {
  if (c < 0x80) return c >= 0x20 ? c !== 0x7f : c === 0x09 || c === 0x0a || c === 0x0d;
  return (
    (c >= 0xa0 && c <= 0xff) ||
    (c >= 0x2000 && c <= 0x22ff) ||
    (c >= 0x2460 && c <= 0x25ff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c === 0xfeff
  );
}

/** Share of the code units of `bytes` (an even count) that are plausible in the given order. */
function plausibleShare(bytes: Uint8Array, n: number, little: boolean): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, n);
  let good = 0;
  for (let i = 0; i < n; i += 2) if (plausible(view.getUint16(i, little))) good++;
  return good / (n / 2);
}

/**
 * UTF-16 without a BOM (「Unicode」 text some editors save without one). Only looked for where
 * there are zero bytes, which no text in UTF-8 or GB18030 has (every ASCII character in UTF-16
 * has one); then the start of the file is read in both byte orders and taken in the one where
 * nearly every character is one a report is written in (the other order turns ASCII into
 * unassigned or foreign characters, and binary data is implausible in both).
 */
export function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.indexOf(0) === -1) return undefined;
  const n = Math.min(bytes.length, utf16Sample) & ~1;
  if (n < 2) return undefined;
  const little = plausibleShare(bytes, n, true);
  const big = plausibleShare(bytes, n, false);
  if (little >= 0.95 && little > big) return 'utf-16le';
  if (big >= 0.95 && big > little) return 'utf-16be';
  return undefined;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  const order = utf16Order(bytes);
  if (order) return utf16(bytes, order);
  try {
    // The decoder drops a UTF-8 BOM itself.
    return { text: utf8.decode(bytes), encoding: 'utf-8', replacements: 0 };
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    return { text, encoding: 'gb18030', replacements: countReplacements(text) };
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const garbage = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g;

/** Share of characters that are control characters or undecodable: high for binary input. */
export function garbageRatio(text: string, sample = 65536): number {
  const head = text.length > sample ? text.slice(0, sample) : text;
  if (head.length === 0) return 0;
  return (head.match(garbage)?.length ?? 0) / head.length;
}
