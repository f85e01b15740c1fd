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

/**
 * What pdfkit redoes for every document although the font is the same: the layout of each word
 * (pdfkit caches it per document) and, when the subset is written, each glyph decoded in full to
 * learn whether it is made of other glyphs (fontkit's TTFSubset, a seventh of writing a PDF). Both
 * are kept per parsed font for the process here: the layout cache is shared, and the subset's
 * `_addGlyph` takes a glyph's bytes, components and metrics from a cache and then does what
 * fontkit's does. The bytes written are the same.
 */
interface GlyphRecord {
  raw: Uint8Array;
  /** A compound glyph's components: glyph id and where it is written in `raw`. */
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

interface FontkitGlyph {
  advanceWidth: number;
  _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
  _getMetrics(): { leftBearing: number };
}

interface FontkitFont {
  getGlyph(id: number): FontkitGlyph;
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
  _variationProcessor?: unknown;
}

interface TtfSubset {
  font: FontkitFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
}

interface EmbeddedFont {
  font: FontkitFont;
  layoutCache?: Record<string, unknown>;
  subset?: TtfSubset;
}

const layoutCaches = new WeakMap<object, Record<string, unknown>>();
const glyphCaches = new WeakMap<object, Map<number, GlyphRecord>>();

function glyphRecord(font: FontkitFont, gid: number): GlyphRecord {
  const glyph = font.getGlyph(gid);
  const glyf = glyph._decode();
  const stream = font._getTableStream('glyf');
  stream.pos += font.loca.offsets[gid] as number;
  const raw = stream.readBuffer((font.loca.offsets[gid + 1] as number) - (font.loca.offsets[gid] as number));
  const components =
    glyf && glyf.numberOfContours < 0
      ? (glyf.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos }))
      : null;
  return { raw, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
}

function shareWork(embedded: EmbeddedFont): void {
  const font = embedded.font;
  if (typeof font !== 'object' || font === null) return;
  if (embedded.layoutCache) {
    let layouts = layoutCaches.get(font);
    if (!layouts) {
      layouts = embedded.layoutCache;
      layoutCaches.set(font, layouts);
    }
    embedded.layoutCache = layouts;
  }
  const subset = embedded.subset;
  if (!subset || font._variationProcessor || typeof subset._addGlyph !== 'function') return;
  let glyphs = glyphCaches.get(font);
  if (!glyphs) {
    glyphs = new Map();
    glyphCaches.set(font, glyphs);
  }
  const cache = glyphs;
  subset._addGlyph = function (this: TtfSubset, gid: number): number {
    let record = cache.get(gid);
    if (!record) {
      record = glyphRecord(this.font, gid);
      cache.set(gid, record);
    }
    let buffer = record.raw;
    if (record.components) {
      buffer = new Uint8Array(buffer);
      const view = new DataView(buffer.buffer);
      for (const component of record.components)
        view.setUint16(component.pos, this.includeGlyph(component.glyphID));
    }
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: record.advance, bearing: record.bearing });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
}

const shared = new WeakSet<object>();

/** Makes each embedded font of `doc` share the work above, as soon as pdfkit creates it. */
export function shareFontWork(doc: PDFKit.PDFDocument): void {
  const font = doc.font;
  doc.font = function (this: PDFKit.PDFDocument, ...args: Parameters<typeof font>) {
    const result = font.apply(this, args);
    const current = (this as unknown as { _font?: unknown })._font;
    if (current && typeof current === 'object' && 'font' in current && !shared.has(current)) {
      shared.add(current);
      shareWork(current as EmbeddedFont);
    }
    return result;
  } as typeof font;
}
