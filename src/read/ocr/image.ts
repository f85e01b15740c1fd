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
