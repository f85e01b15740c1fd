/** Opens a PDF with PDF.js (legacy build, as on Node 20) and reads what a reader of it would see. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type PdfJs = typeof import('pdfjs-dist');

const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export interface PdfRun {
  text: string;
  /** Left end and baseline, in points from the page's top left corner. */
  x: number;
  y: number;
  width: number;
  size: number;
  fontName: string;
}

export interface PdfPageContent {
  width: number;
  height: number;
  runs: PdfRun[];
}

export interface OpenedPdf {
  info: Record<string, unknown>;
  pages: PdfPageContent[];
  /** Names of the fonts the pages use (BaseFont, with the subset prefix). */
  fonts: string[];
}

export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const lib = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJs;
  const doc = await lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    cMapUrl: `${join(root, 'cmaps')}/`,
    cMapPacked: true,
    verbosity: lib.VerbosityLevel.ERRORS,
  }).promise;
  try {
    const { info } = await doc.getMetadata();
    const pages: PdfPageContent[] = [];
    const fonts = new Set<string>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: PdfRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, c, d, e, f] = lib.Util.transform(viewport.transform, item.transform) as number[];
        runs.push({
          text: item.str,
          x: e as number,
          y: f as number,
          width: item.width,
          size: Math.hypot(c as number, d as number) || Math.hypot(a as number, b as number),
          fontName: item.fontName,
        });
      }
      await page.getOperatorList();
      for (const id of new Set(runs.map((r) => r.fontName))) {
        const font = page.commonObjs.get(id) as { name?: string } | undefined;
        if (font?.name) fonts.add(font.name);
      }
      pages.push({ width: viewport.width, height: viewport.height, runs });
    }
    return { info: info as Record<string, unknown>, pages, fonts: [...fonts].sort() };
  } finally {
    await doc.destroy();
  }
}

/** All text of a PDF without whitespace, runs in order, pages in order. */
export const allText = (pdf: OpenedPdf): string =>
  pdf.pages
    .flatMap((p) => p.runs.map((r) => r.text))
    .join('')
    .replace(/\s+/g, '');
