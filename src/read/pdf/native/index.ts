/**
 * Gongkai's own text-only PDF reader: the text items and ruling lines of each page, as PDF.js
 * gives them (the same strings, positions and order; see content.ts), without PDF.js' font
 * parsing, state cloning and message copying. It reads only what it can read exactly: anything
 * else throws `Unsupported`, and the caller reads the whole document with PDF.js instead.
 */
import type { PdfPage } from '../items.js';
import { placeItems, writtenOf } from '../items.js';
import { RuleCollector } from '../rules.js';
import { PageInterpreter, type RawItem } from './content.js';
import { type PageNode, PdfDocument } from './document.js';
import { type Dict, isDict, nameOf, type PdfObj, Unsupported, unsupported } from './objects.js';

export { Unsupported };

/** A document opened by the native reader. */
export interface NativePdf {
  numPages: number;
  /** Page `n` (from 1): its items and rules, as pages are read by the PDF.js path. */
  page(n: number): PdfPage;
}

const letter = [0, 0, 612, 792];

/** A rectangle as PDF.js reads it: four numbers, normalised, with an area; otherwise null. */
function normalRect(o: PdfObj | undefined, doc: PdfDocument): number[] | null {
  if (!Array.isArray(o) || o.length !== 4) return null;
  const r = o.map((x) => doc.get(x));
  if (!r.every((x) => typeof x === 'number')) return null;
  const [a, b, c, d] = r as [number, number, number, number];
  const box = [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
  return (box[2] as number) - (box[0] as number) > 0 && (box[3] as number) - (box[1] as number) > 0
    ? box
    : null;
}

function intersect(r1: number[], r2: number[]): number[] | null {
  const xLow = Math.max(
    Math.min(r1[0] as number, r1[2] as number),
    Math.min(r2[0] as number, r2[2] as number),
  );
  const xHigh = Math.min(
    Math.max(r1[0] as number, r1[2] as number),
    Math.max(r2[0] as number, r2[2] as number),
  );
  if (xLow > xHigh) return null;
  const yLow = Math.max(
    Math.min(r1[1] as number, r1[3] as number),
    Math.min(r2[1] as number, r2[3] as number),
  );
  const yHigh = Math.min(
    Math.max(r1[1] as number, r1[3] as number),
    Math.max(r2[1] as number, r2[3] as number),
  );
  if (yLow > yHigh) return null;
  return [xLow, yLow, xHigh, yHigh];
}

/** The page's view box (crop box within media box) and rotation, as PDF.js computes them. */
function pageView(node: PageNode, doc: PdfDocument): { view: number[]; rotate: number } {
  const media = normalRect(node.mediaBox ?? undefined, doc) ?? letter;
  const crop = normalRect(node.cropBox ?? undefined, doc) ?? media;
  let view = media;
  if (crop !== media && !crop.every((v, i) => v === media[i])) {
    const box = intersect(crop, media);
    if (box && (box[2] as number) - (box[0] as number) > 0 && (box[3] as number) - (box[1] as number) > 0)
      view = box;
  }
  let rotate = node.rotate ?? 0;
  if (typeof rotate !== 'number') return unsupported('bad /Rotate');
  if (rotate % 90 !== 0) rotate = 0;
  else if (rotate >= 360) rotate %= 360;
  else if (rotate < 0) rotate = ((rotate % 360) + 360) % 360;
  const unit = doc.get(node.dict.get('UserUnit'));
  if (typeof unit === 'number' && unit > 0 && unit !== 1) unsupported('UserUnit');
  return { view, rotate };
}

/** PDF.js' viewport at scale 1: its transform and size. */
function viewport(view: number[], rotation: number): { transform: number[]; width: number; height: number } {
  const [x0, y0, x1, y1] = view as [number, number, number, number];
  const centerX = (x1 + x0) / 2;
  const centerY = (y1 + y0) / 2;
  const [a, b, c, d] =
    rotation === 180
      ? [-1, 0, 0, 1]
      : rotation === 90
        ? [0, 1, 1, 0]
        : rotation === 270
          ? [0, -1, -1, 0]
          : [1, 0, 0, -1];
  let offsetX: number;
  let offsetY: number;
  let width: number;
  let height: number;
  if (a === 0) {
    offsetX = Math.abs(centerY - y0);
    offsetY = Math.abs(centerX - x0);
    width = y1 - y0;
    height = x1 - x0;
  } else {
    offsetX = Math.abs(centerX - x0);
    offsetY = Math.abs(centerY - y0);
    width = x1 - x0;
    height = y1 - y0;
  }
  const transform = [a, b, c, d, offsetX - a * centerX - c * centerY, offsetY - b * centerX - d * centerY];
  return { transform, width, height };
}

/**
 * Annotations that PDF.js draws (and whose strokes it would take for rules): only links without
 * an appearance of their own are drawn by nobody.
 */
function drawnAnnotations(page: Dict, doc: PdfDocument): boolean {
  const annots = doc.get(page.get('Annots'));
  if (annots === undefined || annots === null) return false;
  if (!Array.isArray(annots)) return true;
  return annots.some((a) => {
    const annot = doc.get(a);
    return !isDict(annot) || nameOf(annot.get('Subtype')) !== 'Link' || annot.has('AP');
  });
}

/**
 * Opens a document with the native reader; throws `Unsupported` when it cannot read it exactly
 * (and the caller uses PDF.js). `cap`: most bytes one stream may decode to.
 */
export function openNativePdf(bytes: Uint8Array, cap: number): NativePdf {
  const doc = new PdfDocument(bytes, cap);
  const catalog = doc.catalog();
  // XFA forms: PDF.js reads their text from the XFA data.
  const acro = doc.get(catalog.get('AcroForm'));
  if (isDict(acro) && acro.has('XFA')) unsupported('XFA');
  const nodes = doc.pages();
  return {
    numPages: nodes.length,
    page(n: number): PdfPage {
      const node = nodes[n - 1];
      if (!node) return unsupported('no such page');
      if (drawnAnnotations(node.dict, doc)) unsupported('annotations drawn on the page');
      const { view, rotate } = pageView(node, doc);
      const vp = viewport(view, rotate);
      const collector = new RuleCollector(vp.transform);
      const interpreter = new PageInterpreter(doc, view, collector);
      interpreter.run(doc.contents(node.dict), node.resources);
      const raw: RawItem[] = interpreter.items;
      const items = placeItems(raw, vp.transform);
      // As the PDF.js path: no rules for a page without text.
      const rules = items.length > 0 ? collector.rules : undefined;
      return { number: n, width: vp.width, height: vp.height, items, rules, written: writtenOf(raw) };
    },
  };
}
