/**
 * Test PDFs made with pdfkit: text runs at given places (Noto Serif SC for Chinese, Helvetica
 * for the rest), pages with only an image, and text files laid out as PDF pages line by line,
 * with a running header and page numbers, the way word processors print a report.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
let cjkFont: Buffer | undefined;
const cjk = (): Buffer => {
  cjkFont ??= readFileSync(
    require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  );
  return cjkFont;
};

export interface Run {
  text: string;
  /** Left end and top of the run, in points from the page's top left corner. */
  x: number;
  y: number;
  size?: number;
}

export interface PageSpec {
  runs?: Run[];
  /** Page width in points (A4's 595 by default). */
  width?: number;
  /** A PNG drawn over the page (a scanned page). */
  image?: Uint8Array;
}

export interface PdfOptions {
  userPassword?: string;
  /** Encrypt with only an owner password (opens without one), at this PDF version's strength. */
  ownerOnly?: '1.4' | '1.5' | '1.6' | '1.7ext3';
  /** Embed the Chinese font (default true); Helvetica otherwise. */
  cjk?: boolean;
}

/** Builds a PDF of A4 pages. */
export async function makePdf(pages: readonly PageSpec[], options: PdfOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    ...(options.userPassword ? { userPassword: options.userPassword, pdfVersion: '1.7' as const } : {}),
    ...(options.ownerOnly ? { ownerPassword: 'owner', pdfVersion: options.ownerOnly } : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  if (options.cjk !== false) doc.registerFont('body', cjk());
  doc.font(options.cjk !== false ? 'body' : 'Helvetica');
  for (const page of pages) {
    doc.addPage({ size: [page.width ?? 595.28, 841.89], margin: 0 });
    if (page.image) doc.image(Buffer.from(page.image), 50, 50, { width: 400 });
    for (const run of page.runs ?? [])
      doc.fontSize(run.size ?? 12).text(run.text, run.x, run.y, { lineBreak: false });
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Width of a string in the Chinese font at a size (to lay pieces out side by side). */
let measurer: PDFKit.PDFDocument | undefined;
export function measure(text: string, size: number): number {
  if (!measurer) {
    measurer = new PDFDocument({ autoFirstPage: false });
    measurer.registerFont('body', cjk());
    measurer.font('body');
  }
  return measurer.fontSize(size).widthOfString(text);
}

export interface LayoutOptions {
  size?: number;
  linesPerPage?: number;
  /** Running header printed at the top of every page. */
  header?: string;
  /** Page number text for page n (printed at the bottom centre), or none. */
  pageNumber?: ((n: number) => string) | null;
  /** Line indices (0-based) before which a new page starts. */
  breaks?: number[];
}

/**
 * Lays a text out as pages: each line at its own height (blank lines leave their space), each
 * run of non-space characters placed after the previous one with half an em per space between.
 */
export function layoutLines(text: string, options: LayoutOptions = {}): PageSpec[] {
  const size = options.size ?? 10;
  const perPage = options.linesPerPage ?? 50;
  const pitch = size * 1.4;
  const top = 72;
  const pages: PageSpec[] = [];
  let runs: Run[] = [];
  let row = 0;
  const widths = new Map<string, number>();
  const width = (s: string) => {
    const known = widths.get(s);
    if (known !== undefined) return known;
    const w = measure(s, size);
    widths.set(s, w);
    return w;
  };
  const finish = () => {
    const n = pages.length + 1;
    if (options.header) runs.push({ text: options.header, x: 200, y: 30, size: 9 });
    const number = options.pageNumber === undefined ? (k: number) => `- ${k} -` : options.pageNumber;
    if (number) runs.push({ text: number(n), x: 290, y: 800, size: 9 });
    const right = Math.max(0, ...runs.map((r) => r.x + width(r.text) * ((r.size ?? size) / size)));
    pages.push({ runs, width: Math.max(595.28, right + 60) });
    runs = [];
    row = 0;
  };
  const lines = text.replace(/[\r\f]/g, '').split('\n');
  lines.forEach((line, i) => {
    if ((row >= perPage || options.breaks?.includes(i)) && row > 0) finish();
    const y = top + row * pitch;
    row++;
    let x = 60;
    for (const [, spaces, piece] of line.matchAll(/([ \t\u3000]*)([^ \t\u3000]+)/g)) {
      x += (spaces as string).replace(/\t/g, '    ').replace(/\u3000/g, '  ').length * size * 0.5;
      runs.push({ text: piece as string, x, y, size });
      x += width(piece as string);
    }
  });
  finish();
  return pages;
}

/** A small grey PNG (a page image without text). */
export function png(width = 64, height = 64): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(4 + body.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 4 + body.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (x * 4 + y) & 0xff;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
