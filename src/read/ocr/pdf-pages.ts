/** The pages of a PDF and their sizes in points, by PDF.js. */
import { openPdf } from '../pdf/pdfjs.js';
import type { ScanPage } from './scan.js';

export async function pdfPageSizes(bytes: Uint8Array, max = Number.POSITIVE_INFINITY): Promise<ScanPage[]> {
  const doc = await openPdf(bytes);
  try {
    const pages: ScanPage[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, max); n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pages.push({ number: n, width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
