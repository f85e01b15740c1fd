/**
 * The one font family the PDF embeds: Noto Serif SC from its npm package, Regular for 仿宋 (body,
 * tables, 楷体 headings) and 宋体 (page numbers), Bold for 小标宋 (the title) and 黑体 (一级标题,
 * table headers). pdfkit embeds only the glyphs a document uses (a subset).
 *
 * pdfkit parses a font given as bytes again for every document (a tenth of writing one), so the
 * parsed font of the first document is kept and given to the next ones instead: pdfkit takes a
 * parsed font as it is, and subsets it per document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type Face = 'regular' | 'bold';

const files: Record<Face, string> = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
};

const require = createRequire(import.meta.url);
const cache = new Map<Face, Buffer>();

/** The TTF of a face, read once per process. */
export function fontBytes(face: Face): Buffer {
  let bytes = cache.get(face);
  if (!bytes) {
    bytes = readFileSync(require.resolve(files[face]));
    cache.set(face, bytes);
  }
  return bytes;
}

/** A parsed font (fontkit's, as pdfkit holds it): anything with a `layout` method. */
type ParsedFont = { layout: (...args: never[]) => unknown };
const parsed = new Map<Face, ParsedFont>();

/** What to register a face with: the font parsed for an earlier document, else its bytes. */
export const fontSource = (face: Face): Buffer | ParsedFont => parsed.get(face) ?? fontBytes(face);

/** Keeps the fonts that pdfkit parsed for a finished document, for the next documents. */
export function keepParsedFonts(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies?: Record<string, { font?: unknown }> })._fontFamilies;
  for (const face of Object.keys(files) as Face[]) {
    const font = families?.[face]?.font as ParsedFont | undefined;
    if (!parsed.has(face) && typeof font?.layout === 'function') parsed.set(face, font);
  }
}
