/**
 * Page images from the input: a PDF's pages through poppler's `pdftoppm` (grey, at a resolution
 * bounded by the page's size), and a PNG, JPEG or TIFF first wrapped in a PDF page of its own
 * (PDFKit for PNG and JPEG, libtiff's `tiff2pdf` for TIFF), so that every input takes one path.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Gray, parsePgm } from './image.js';
import { run } from './tesseract.js';

export type ImageKind = 'png' | 'jpeg' | 'tiff';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((b, i) => bytes[i] === b);

export function imageKind(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  return null;
}

export const imageNames: Record<ImageKind, string> = { png: 'PNG', jpeg: 'JPEG', tiff: 'TIFF' };

/** Largest image read: 60 megapixels, 20,000 pixels a side (an A4 page at 600 dpi is 35 MP). */
export const imageLimits = { pixels: 60_000_000, side: 20_000 } as const;

/** The pixel size an image declares in its header, or null when the header can't be read. */
export function imageSize(bytes: Uint8Array, kind: ImageKind): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (kind === 'png') return { width: view.getUint32(16), height: view.getUint32(20) };
    if (kind === 'jpeg') {
      let at = 2;
      while (at + 9 < bytes.length) {
        if (bytes[at] !== 0xff) return null;
        const marker = bytes[at + 1] as number;
        if (marker === 0xff) {
          at++;
          continue;
        }
        const length = view.getUint16(at + 2);
        // SOF0–SOF15, less DHT (C4), JPG (C8) and DAC (CC).
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
          return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
        at += 2 + length;
      }
      return null;
    }
    const little = bytes[0] === 0x49;
    const ifd = view.getUint32(4, little);
    const entries = view.getUint16(ifd, little);
    let width = 0;
    let height = 0;
    for (let i = 0; i < entries; i++) {
      const e = ifd + 2 + i * 12;
      const tag = view.getUint16(e, little);
      const type = view.getUint16(e + 2, little);
      const value = type === 3 ? view.getUint16(e + 8, little) : view.getUint32(e + 8, little);
      if (tag === 256) width = value;
      if (tag === 257) height = value;
    }
    return width > 0 && height > 0 ? { width, height } : null;
  } catch {
    return null;
  }
}

/** A PDF with the image as its only page, one point a pixel. */
export async function imagePdf(bytes: Uint8Array, kind: ImageKind, dir: string): Promise<Uint8Array> {
  if (kind === 'tiff') {
    const input = join(dir, 'in.tif');
    const output = join(dir, 'in.pdf');
    await writeFile(input, bytes);
    await run('tiff2pdf', ['-o', output, input], { timeout: 60_000 });
    return readFile(output);
  }
  const size = imageSize(bytes, kind) as { width: number; height: number };
  // pdfkit is loaded only here: it costs more to load than reading a text report.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: [size.width, size.height], margin: 0, autoFirstPage: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.image(Buffer.from(bytes), 0, 0, { width: size.width, height: size.height });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Longest side of a page image, in pixels: A4 at 300 dpi. */
export const maxSide = 3508;

/** The resolution a page is read at: 200 dpi, less for a page so large that it would pass maxSide. */
export const pageDpi = (widthPt: number, heightPt: number, wanted = 200): number =>
  Math.max(20, Math.min(wanted, (maxSide * 72) / Math.max(widthPt, heightPt, 1)));

/** One page of a PDF file as a grey image. */
export async function rasterPage(pdfPath: string, page: number, dpi: number): Promise<Gray> {
  const out = await run(
    'pdftoppm',
    ['-gray', '-r', dpi.toFixed(2), '-f', String(page), '-l', String(page), pdfPath],
    { timeout: 60_000, maxBuffer: maxSide * maxSide + 1024 },
  );
  return parsePgm(out);
}

/**
 * Which pages have anything on them, from every page at 10 dpi in one run of pdftoppm (cheap even
 * for hundreds of pages): a page whose darkest spot is hardly darker than its paper is blank.
 */
export async function pagesWithInk(pdfPath: string, dir: string, last: number): Promise<Set<number>> {
  const root = join(dir, 'thumb');
  await run('pdftoppm', ['-gray', '-r', '10', '-f', '1', '-l', String(last), pdfPath, root], {
    timeout: 300_000,
  });
  const names = (await readdir(dir)).filter((n) => n.startsWith('thumb') && n.endsWith('.pgm'));
  const inked = new Set<number>();
  for (const name of names) {
    const page = Number(name.match(/(\d+)\.pgm$/)?.[1]);
    const { data } = parsePgm(await readFile(join(dir, name)));
    // Sorted as bytes (a tenth of the time of a sort of numbers with a comparison function).
    const sorted = data.slice().sort();
    const paper = sorted[Math.floor(sorted.length / 2)] as number;
    const darkest = sorted[Math.floor(sorted.length / 500)] as number;
    if (paper - darkest > 25) inked.add(page);
  }
  return inked;
}
