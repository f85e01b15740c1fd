/**
 * The native PDF reader against PDF.js: on every real fixture PDF, on Gongkai's own PDFs and on the
 * test PDFs made here, each page it reads gives the items PDF.js gives (same texts in the same
 * order, positions and widths within a thousandth of a point) and the same ruling lines. A
 * document it does not read exactly it must refuse (`Unsupported`), never read differently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { limits } from '../../../src/core/limits.js';
import { generateReport } from '../../../src/generate/random-report.js';
import type { PdfPage } from '../../../src/read/pdf/items.js';
import { pageItems } from '../../../src/read/pdf/items.js';
import { openNativePdf, Unsupported } from '../../../src/read/pdf/native/index.js';
import { openPdf } from '../../../src/read/pdf/pdfjs.js';
import { prescanPdf } from '../../../src/read/pdf/prescan.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { layoutLines, makePdf } from './make-pdf.js';
import { appendUpdate, packObjects } from './restructure-pdf.js';
import { formsPdf, simpleFontPdf } from './simple-font-pdf.js';

const epsilon = 1e-3;

async function pdfjsPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const scanned = prescanPdf(bytes, { fonts: limits.pdfFontBytes, content: limits.pdfContentBytes });
  const doc = await openPdf(scanned.bytes);
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      pages.push(await pageItems(page));
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

const close = (a: number, b: number) => Math.abs(a - b) <= epsilon;

/** The native pages, or null when the native reader refuses the document. */
function nativePages(bytes: Uint8Array): PdfPage[] | null {
  try {
    const doc = openNativePdf(bytes, limits.pdfContentBytes);
    return Array.from({ length: doc.numPages }, (_, i) => doc.page(i + 1));
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

function expectSame(native: PdfPage[], reference: PdfPage[]) {
  expect(native.length).toBe(reference.length);
  native.forEach((page, p) => {
    const ref = reference[p] as PdfPage;
    expect([page.number, page.width, page.height]).toEqual([ref.number, ref.width, ref.height]);
    expect(page.items.map((i) => i.text)).toEqual(ref.items.map((i) => i.text));
    page.items.forEach((item, i) => {
      const r = ref.items[i] as (typeof ref.items)[number];
      const same =
        close(item.x, r.x) &&
        close(item.y, r.y) &&
        close(item.width, r.width) &&
        close(item.size, r.size) &&
        item.spaceBefore === r.spaceBefore &&
        item.spaceAfter === r.spaceAfter;
      if (!same) expect({ page: page.number, item }).toEqual({ page: page.number, item: r });
    });
    for (const kind of ['horizontal', 'vertical'] as const) {
      const a = page.rules?.[kind] ?? [];
      const b = ref.rules?.[kind] ?? [];
      expect(a.length).toBe(b.length);
      a.forEach((rule, i) => {
        const r = b[i] as (typeof b)[number];
        if (!(close(rule.at, r.at) && close(rule.from, r.from) && close(rule.to, r.to)))
          expect({ page: page.number, kind, rule }).toEqual({ page: page.number, kind, rule: r });
      });
    }
  });
}

const realDir = new URL('../../fixtures/real/', import.meta.url);
const realPdfs = readdirSync(realDir).filter((f) => f.endsWith('.pdf'));

describe('the native reader reads as PDF.js reads', () => {
  for (const name of realPdfs)
    it(`real ${name}: natively, the same items and rules`, async () => {
      const bytes = new Uint8Array(readFileSync(new URL(name, realDir)));
      const native = nativePages(bytes);
      expect(native).not.toBeNull();
      expectSame(native as PdfPage[], await pdfjsPages(bytes));
    });

  for (const [year, seed] of [
    ['2019', 7],
    ['2021', 8],
  ] as const)
    it(`Gongkai's own PDF of a generated ${year} report: natively, the same items and rules`, async () => {
      const bytes = await renderPdf(generateReport(seed, year), { creationDate: new Date(0) });
      const native = nativePages(bytes);
      expect(native).not.toBeNull();
      expectSame(native as PdfPage[], await pdfjsPages(bytes));
    });

  it('a test PDF with Chinese runs (pdfkit, embedded TrueType): the same items, when read natively', async () => {
    const text = readFileSync(new URL('011.txt', realDir), 'utf8');
    const bytes = await makePdf(layoutLines(text, { header: '某某机关政府信息公开工作年度报告' }));
    const native = nativePages(bytes);
    if (native) expectSame(native, await pdfjsPages(bytes));
  });

  it('011.pdf with a wrong startxref offset: the objects found by scanning, the same items and rules', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('011.pdf', realDir)));
    const text = Buffer.from(bytes).toString('latin1');
    const at = text.lastIndexOf('startxref') + 'startxref\n'.length;
    bytes.set(Buffer.from('000001', 'latin1'), at);
    const native = nativePages(bytes);
    expect(native).not.toBeNull();
    expectSame(native as PdfPage[], await pdfjsPages(bytes));
  });

  it('encrypted without an open password (RC4 40 and 128 bits, AES-128, AES-256): decrypted, the same items', async () => {
    const text = readFileSync(new URL('011.txt', realDir), 'utf8').split('\n').slice(0, 60).join('\n');
    for (const version of ['1.4', '1.5', '1.6', '1.7ext3'] as const) {
      const bytes = await makePdf(layoutLines(text, { header: '年度报告' }), { ownerOnly: version });
      expect(Buffer.from(bytes).toString('latin1')).toContain('/Encrypt');
      const native = nativePages(bytes);
      expect([version, native === null]).toEqual([version, false]);
      expectSame(native as PdfPage[], await pdfjsPages(bytes));
    }
  }, 30_000);

  it('objects in an object stream behind a cross-reference stream; an incremental update: the same items', async () => {
    const text = readFileSync(new URL('011.txt', realDir), 'utf8').split('\n').slice(0, 60).join('\n');
    const classic = await makePdf(layoutLines(text, { header: '年度报告' }));
    const packed = packObjects(classic);
    expect(Buffer.from(packed).toString('latin1')).toContain('/ObjStm');
    const native = nativePages(packed);
    expect(native).not.toBeNull();
    expectSame(native as PdfPage[], await pdfjsPages(packed));
    // The update moves the first page: its media box, written again, is wider.
    const pageNum = Number(
      /(\d+) 0 obj\n<<\n\/Type \/Page\n/.exec(Buffer.from(classic).toString('latin1'))?.[1],
    );
    const updated = appendUpdate(classic, pageNum, (body) =>
      body.replace(/\/MediaBox \[[^\]]*\]/, '/MediaBox [0 0 700 841.89]'),
    );
    const read = nativePages(updated);
    expect(read?.[0]?.width).toBe(700);
    expectSame(read as PdfPage[], await pdfjsPages(updated));
  }, 30_000);

  it('simple TrueType fonts (WinAnsi with /Differences; not embedded, embedded, with /ToUnicode): the same items', async () => {
    const bytes = simpleFontPdf();
    const native = nativePages(bytes);
    expect(native).not.toBeNull();
    const reference = await pdfjsPages(bytes);
    expect(reference[0]?.items.length).toBeGreaterThan(10);
    expectSame(native as PdfPage[], reference);
  });

  it('marked content, Form XObjects drawn twice, nested saves, quote operators, a rotated and cropped page: the same items and rules', async () => {
    const bytes = formsPdf();
    const native = nativePages(bytes);
    expect(native).not.toBeNull();
    const reference = await pdfjsPages(bytes);
    expect(reference[0]?.rules?.horizontal.length).toBeGreaterThan(3);
    expectSame(native as PdfPage[], reference);
  });

  it('refuses what it does not read (a simple font, an encrypted file), never reads it differently', async () => {
    const helvetica = await makePdf([{ runs: [{ text: 'Annual report 2023', x: 72, y: 72 }] }], {
      cjk: false,
    });
    expect(nativePages(helvetica)).toBeNull();
    const locked = await makePdf([{ runs: [{ text: '年度报告', x: 72, y: 72 }] }], { userPassword: 'x' });
    expect(nativePages(locked)).toBeNull();
  });
});
