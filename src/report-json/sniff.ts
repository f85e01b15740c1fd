/**
 * Whether an input is a report given as JSON, told by its first byte. Apart from `as-input.ts`,
 * which reads one, so that the pipeline loads the JSON reader (and its schema library) only when
 * such an input comes.
 */

const whitespace = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** True when the bytes start (after a BOM and whitespace) with `{`: no published report does. */
export function looksLikeReportJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && whitespace.has(bytes[i] as number)) i++;
  return bytes[i] === 0x7b;
}
