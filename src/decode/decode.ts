/**
 * Bytes → text: UTF-8 with or without BOM, UTF-16 with BOM, and GB18030 (which covers GBK and
 * GB2312). Invalid UTF-8 falls back to GB18030; what neither decodes cleanly is reported by the caller.
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

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = new TextDecoder('utf-16le').decode(bytes);
    return { text, encoding: 'utf-16le', replacements: countReplacements(text) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = new TextDecoder('utf-16be').decode(bytes);
    return { text, encoding: 'utf-16be', replacements: countReplacements(text) };
  }
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
