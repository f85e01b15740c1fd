/**
 * A grey page image (one byte a pixel, 0 black … 255 white) and the PGM (P5) format that poppler's
 * `pdftoppm -gray` writes and tesseract reads.
 */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

export const grayImage = (width: number, height: number, fill = 255): Gray => ({
  width,
  height,
  data: new Uint8Array(width * height).fill(fill),
});

/** Parses a binary PGM (P5, 8 bits); throws on anything else. */
export function parsePgm(bytes: Uint8Array): Gray {
  let at = 0;
  const fields: string[] = [];
  while (fields.length < 4 && at < bytes.length) {
    const c = bytes[at] as number;
    if (c === 0x23) {
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      at++;
      continue;
    }
    let end = at;
    while (end < bytes.length && ![0x20, 0x0a, 0x0d, 0x09].includes(bytes[end] as number)) end++;
    fields.push(String.fromCharCode(...bytes.subarray(at, end)));
    at = end;
  }
  const [magic, w, h, max] = fields;
  const width = Number(w);
  const height = Number(h);
  if (magic !== 'P5' || max !== '255' || !(width > 0) || !(height > 0))
    throw new Error(`not an 8-bit PGM (${fields.join(' ')})`);
  at++;
  if (bytes.length - at < width * height) throw new Error('truncated PGM');
  return { width, height, data: bytes.slice(at, at + width * height) };
}

export function encodePgm(image: Gray): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header);
  out.set(image.data, header.length);
  return out;
}

/** Each buffer's bytes four at a time (a view made once a buffer, not once a call). */
const wordViews = new WeakMap<ArrayBufferLike, Int32Array>();

function wordsOf(buffer: ArrayBufferLike): Int32Array {
  let words = wordViews.get(buffer);
  if (!words) {
    words = new Int32Array(buffer, 0, buffer.byteLength >> 2);
    wordViews.set(buffer, words);
  }
  return words;
}

/**
 * The first of `data[from]` … `data[to - 1]` darker than `level` (128 to 256), else `to`. Most of a
 * page is paper: four bytes are looked at together where they are aligned, a byte being at least
 * `level` where its high bit is set and its low seven bits plus 256 − `level` carry into it.
 */
export function firstDark(data: Uint8Array, from: number, to: number, level: number): number {
  let i = from;
  // Byte by byte up to the first aligned word.
  while (i < to && ((data.byteOffset + i) & 3) !== 0) {
    if ((data[i] as number) < level) return i;
    i++;
  }
  const words = wordsOf(data.buffer);
  const add = (256 - level) * 0x01010101;
  for (let w = (data.byteOffset + i) >> 2, last = (data.byteOffset + to) >> 2; w < last; w++, i += 4) {
    const word = words[w] as number;
    if (((((word & 0x7f7f7f7f) + add) | 0) & word & highBits) !== highBits) break;
  }
  for (; i < to; i++) if ((data[i] as number) < level) return i;
  return to;
}
const highBits = 0x80808080 | 0;
