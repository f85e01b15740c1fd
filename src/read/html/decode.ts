/**
 * Bytes → text for HTML: a BOM decides; then the charset the page declares (`<meta charset>`,
 * `<meta http-equiv="Content-Type" content="…; charset=…">`, `<?xml … encoding=…?>`); then UTF-8
 * with the GB18030 fallback of `src/decode`. GBK, GB2312 and their aliases read as GB18030; a
 * declared Western single-byte charset is ignored (a Chinese report cannot be written in one).
 */
import { decode, utf16, utf16Order } from '../../decode/decode.js';
import { headText } from './sniff.js';

export interface DecodedHtml {
  text: string;
  /** The encoding used: a WHATWG encoding name. */
  encoding: string;
  /** Where the encoding came from. */
  from: 'bom' | 'declared' | 'detected';
  /** Characters that could not be decoded (U+FFFD) in the result. */
  replacements: number;
}

const gbFamily = new Set([
  'gbk',
  'gb2312',
  'gb_2312',
  'gb_2312-80',
  'gb18030',
  'x-gbk',
  'cp936',
  'ms936',
  'windows-936',
  'euc-cn',
  'csgb2312',
  'chinese',
  'iso-ir-58',
]);

const big5Family = new Set(['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5']);

const metaTag = /<meta\b[^>]*>/gi;
const charsetIn = /charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i;
const xmlEncoding = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([a-z0-9_:.-]+)/i;

/** The charset label the page declares in its first 8 KiB, lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = headText(bytes);
  const xml = xmlEncoding.exec(head);
  if (xml) return (xml[1] as string).toLowerCase();
  for (const m of head.matchAll(metaTag)) {
    const c = charsetIn.exec(m[0]);
    if (c) return (c[1] as string).toLowerCase();
  }
  return null;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8 with at least one multi-byte character: a GBK page practically never is. */
function isUtf8WithNonAscii(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom) return { ...decode(bytes), from: 'bom' };
  // UTF-16 without a BOM: its declared charset (if any) was written for another encoding.
  const order = utf16Order(bytes);
  if (order) return { ...utf16(bytes, order), from: 'detected' };
  const label = declaredCharset(bytes);
  const name =
    label === null ? null : gbFamily.has(label) ? 'gb18030' : big5Family.has(label) ? 'big5' : label;
  // Sites that moved to UTF-8 often keep their old GBK declaration: valid UTF-8 wins.
  if ((name === 'gb18030' || name === 'big5') && !isUtf8WithNonAscii(bytes)) {
    const text = new TextDecoder(name).decode(bytes);
    return { text, encoding: name, from: 'declared', replacements: countReplacements(text) };
  }
  return { ...decode(bytes), from: name === 'utf-8' || name === 'utf8' ? 'declared' : 'detected' };
}
