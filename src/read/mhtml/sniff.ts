/**
 * Recognises a web page archive (MHTML: 「网页，单个文件」 .mht/.mhtml, as browsers and Word save
 * a page): a MIME message whose headers, at the very start, say `Content-Type: multipart/related`.
 */

/** Bytes looked at: the message headers come first and are short. */
const window = 8192;

const isLetter = (b: number | undefined) =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));

export function sniffMhtml(bytes: Uint8Array): boolean {
  // Most inputs are reports that start with Chinese or markup: one byte tells.
  let i = 0;
  while (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d) i++;
  if (!isLetter(bytes[i])) return false;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, window)).toString('latin1');
  const start = head.search(/\S/);
  if (start < 0 || !/^[A-Za-z][A-Za-z0-9-]*:/.test(head.slice(start))) return false;
  const end = head.slice(start).search(/\r?\n\r?\n/);
  const headers = end < 0 ? head.slice(start) : head.slice(start, start + end);
  return /(?:^|\n)content-type:\s*multipart\/related\b/i.test(headers);
}
