/**
 * Recognises an HTML page by its first markup, not by its name: after a BOM, whitespace,
 * comments and an XML declaration, the page must open with a tag that starts documents or
 * report bodies. Plain-text reports never open with one, so they keep going to the text reader.
 */
import { utf16Order } from '../../decode/decode.js';

/** Bytes looked at; a saved page's leading comments rarely run longer. */
const window = 8192;

const opening =
  /^<(?:!doctype\s+html|html|head|body|meta|title|link|base|style|script|div|table|p|span|font|center|h[1-6]|form|section|article|main|header|nav|br|b|strong)(?=[\s/>])/i;

/** The start of the bytes as text good enough to look at ASCII markup (UTF-16 by its BOM or its zero bytes). */
export function headText(bytes: Uint8Array, length = window): string {
  const head = bytes.subarray(0, length);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  const order = head[0] === 0 || head[1] === 0 ? utf16Order(head) : undefined;
  if (order) return new TextDecoder(order).decode(head);
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  // latin1 keeps every ASCII byte in place whatever the real encoding.
  return Buffer.from(head.buffer, head.byteOffset + start, head.byteLength - start).toString('latin1');
}

/** Skips whitespace, comments, an XML declaration and processing instructions at the start. */
export function skipPrologue(text: string): string {
  let i = 0;
  for (;;) {
    while (i < text.length && /[\s\ufeff]/.test(text.charAt(i))) i++;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return '';
      i = end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('>', i + 2);
      if (end === -1) return '';
      i = end + 1;
    } else return text.slice(i);
  }
}

/** First byte after a UTF-8 BOM and ASCII whitespace: a page's is 「<」. */
function firstByte(bytes: Uint8Array): number | undefined {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  return bytes[i];
}

export function sniffHtml(bytes: Uint8Array): boolean {
  // UTF-16 by its BOM, or without one: a zero byte beside the first character.
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    bytes[0] === 0 ||
    bytes[1] === 0;
  // Most inputs are plain text: no need to look further than their first character.
  if (!utf16 && firstByte(bytes) !== 0x3c) return false;
  return opening.test(skipPrologue(headText(bytes)));
}
