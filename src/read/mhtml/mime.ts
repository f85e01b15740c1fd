/**
 * The parts of a MIME multipart message (RFC 2046), as web page archives hold a page and its
 * resources (RFC 2557): each part's headers and its body decoded from its transfer encoding
 * (quoted-printable, base64, or as it is). The message is handled as Latin-1 text, one character
 * a byte, so that bodies come back as the bytes they were.
 */

export interface MimePart {
  /** Header names in lower case; folded lines unfolded. */
  headers: Map<string, string>;
  /** The body's bytes, transfer encoding undone. */
  body(): Uint8Array;
}

/** A header block (up to its blank line), unfolded; `end` is where the body starts. */
function readHeaders(text: string, from: number): { headers: Map<string, string>; end: number } {
  // No headers: the blank line comes first.
  const empty = /^\r?\n/.exec(text.slice(from, from + 2));
  if (empty) return { headers: new Map(), end: from + empty[0].length };
  const blank = /\r?\n\r?\n/g;
  blank.lastIndex = from;
  const match = blank.exec(text);
  const block = text.slice(from, match ? match.index : text.length);
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, end: match ? match.index + match[0].length : text.length };
}

/** A header value's main value (lower case) and its parameters (`; name="value"`). */
export function headerValue(value: string | undefined): { value: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  if (value === undefined) return { value: '', params };
  const semicolon = value.indexOf(';');
  const main = (semicolon < 0 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  for (const m of value
    .slice(semicolon < 0 ? value.length : semicolon)
    .matchAll(/;\s*([A-Za-z0-9*._-]+)\s*=\s*(?:"([^"]*)"|([^;\s]+))/g))
    params.set((m[1] as string).toLowerCase(), m[2] ?? m[3] ?? '');
  return { value: main, params };
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** Quoted-printable (RFC 2045): soft line breaks removed, `=XX` to its byte. */
function quotedPrintable(text: string): Uint8Array {
  return latin1(
    text
      .replace(/=[ \t]*\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
  );
}

function decodeBody(text: string, encoding: string): Uint8Array {
  switch (encoding.trim().toLowerCase()) {
    case 'quoted-printable':
      return quotedPrintable(text);
    case 'base64':
      return Buffer.from(text.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    default:
      return latin1(text);
  }
}

/**
 * The message's headers and parts; null when it is not multipart or names no boundary. A missing
 * closing delimiter (a truncated file) ends the last part at the end of the text.
 */
export function mimeParts(bytes: Uint8Array): { headers: Map<string, string>; parts: MimePart[] } | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const top = readHeaders(text, text.search(/\S/));
  const type = headerValue(top.headers.get('content-type'));
  const boundary = type.params.get('boundary');
  if (!type.value.startsWith('multipart/') || !boundary) return null;
  const delimiter = `--${boundary}`;
  const parts: MimePart[] = [];
  // Delimiters stand at the start of a line; the line break before one belongs to it.
  let at = text.startsWith(delimiter, top.end) ? top.end : text.indexOf(`\n${delimiter}`, top.end);
  while (at >= 0) {
    const lineStart = text.charCodeAt(at) === 10 ? at + 1 : at;
    const after = lineStart + delimiter.length;
    if (text.startsWith('--', after)) break;
    const bodyFrom = text.indexOf('\n', after);
    if (bodyFrom < 0) break;
    const next = text.indexOf(`\n${delimiter}`, bodyFrom);
    const { headers, end } = readHeaders(text, bodyFrom + 1);
    let stop = next < 0 ? text.length : next;
    if (next >= 0 && text.charCodeAt(stop - 1) === 13) stop--;
    const raw = end <= stop ? text.slice(end, stop) : '';
    const encoding = headers.get('content-transfer-encoding') ?? '';
    parts.push({ headers, body: () => decodeBody(raw, encoding) });
    at = next;
  }
  return { headers: top.headers, parts };
}
