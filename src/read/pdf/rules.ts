/**
 * A page's ruling lines: the straight horizontal and vertical strokes that draw table borders,
 * from the page's drawing operators. A border may be a stroked line, the edges of a stroked
 * rectangle (one per cell), or a thin filled rectangle (Word and WPS draw each border segment so).
 * Coordinates are in the page's upright view, like the text items (points, y downwards).
 */
import type { PDFPageProxy } from 'pdfjs-dist';
import { apply, type Matrix, multiply } from '../matrix.js';
import { pdfjs } from './pdfjs.js';

/** A horizontal rule at y = `at` from x = `from` to `to`, or a vertical one at x = `at`. */
export interface Rule {
  at: number;
  from: number;
  to: number;
}

export interface PageRules {
  horizontal: Rule[];
  vertical: Rule[];
}

/** Thicker than this (points), a filled shape is an area (shading), not a rule. */
const thinRule = 2.5;
/** Shorter than this (points), a stroke is not a border. */
const shortest = 4;
/** Most drawing operations looked at on one page (a chart of thousands of paths is no table). */
const maxOperations = 200_000;

/** Drawing operators of pdf.js, by name (its numbering may change between versions). */
interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** Path commands in a pdf.js path buffer (DrawOPS) and the numbers each takes. */
const moveTo = 0;
const lineTo = 1;
const curveTo = 2;
const quadraticCurveTo = 3;
const closePath = 4;

/**
 * Collects the rules of a page from its drawing operations, in order: graphics state saves and
 * restores, transformations, form XObjects, and painted paths (as PDF.js' path buffers: `moveTo`
 * 0, `lineTo` 1, `curveTo` 2, `quadraticCurveTo` 3, `closePath` 4 and their numbers).
 */
export class RuleCollector {
  readonly rules: PageRules = { horizontal: [], vertical: [] };
  private ctm: Matrix;
  private readonly stack: Matrix[] = [];
  /** The page's view transform (points, y downwards). */
  constructor(view: readonly number[]) {
    this.ctm = view.slice(0, 6) as unknown as Matrix;
  }
  save(): void {
    this.stack.push(this.ctm);
  }
  restore(): void {
    this.ctm = this.stack.pop() ?? this.ctm;
  }
  transform(m: readonly number[]): void {
    this.ctm = multiply(this.ctm, m as Matrix);
  }
  /** A form's matrix: an array, or the Float32Array that PDF.js passes (null: none). */
  formBegin(matrix: ArrayLike<number> | null): void {
    this.stack.push(this.ctm);
    if (matrix && matrix.length === 6) this.ctm = multiply(this.ctm, Array.from(matrix) as unknown as Matrix);
  }
  formEnd(): void {
    this.ctm = this.stack.pop() ?? this.ctm;
  }
  /** A painted path: stroked (possibly also filled), or only filled. */
  path(path: Float32Array, stroked: boolean): void {
    addPath(path, this.ctm, stroked, this.rules);
  }
}

/** Reads the ruling lines of a page. */
export async function pageRules(page: PDFPageProxy): Promise<PageRules> {
  const { OPS } = await pdfjs();
  const ops = OPS as unknown as Ops;
  const viewport = page.getViewport({ scale: 1 });
  const list = await page.getOperatorList();
  const collector = new RuleCollector(viewport.transform);
  const count = Math.min(list.fnArray.length, maxOperations);
  for (let i = 0; i < count; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === ops.save) collector.save();
    else if (fn === ops.restore) collector.restore();
    else if (fn === ops.transform) collector.transform(args as number[]);
    else if (fn === ops.paintFormXObjectBegin) collector.formBegin(args[0] as ArrayLike<number> | null);
    else if (fn === ops.paintFormXObjectEnd) collector.formEnd();
    else if (fn === ops.constructPath) {
      const paint = args[0] as number;
      const path = (args[1] as unknown[] | undefined)?.[0];
      if (!(path instanceof Float32Array)) continue;
      const stroked = [
        ops.stroke,
        ops.closeStroke,
        ops.fillStroke,
        ops.eoFillStroke,
        ops.closeFillStroke,
        ops.closeEOFillStroke,
      ].includes(paint);
      const filled = paint === ops.fill || paint === ops.eoFill;
      if (stroked || filled) collector.path(path, stroked);
    }
  }
  return collector.rules;
}

/** The rules a path draws: the straight edges of a stroke, a thin filled rectangle's centre line. */
function addPath(path: Float32Array, ctm: Matrix, stroked: boolean, rules: PageRules): void {
  let points: [number, number][] = [];
  let curved = false;
  const flush = (closed: boolean) => {
    if (points.length >= 2 && !curved) addSubpath(points, closed, stroked, rules);
    points = [];
    curved = false;
  };
  for (let k = 0; k < path.length; ) {
    const op = path[k++];
    if (op === moveTo) {
      flush(false);
      points.push(apply(ctm, path[k] as number, path[k + 1] as number));
      k += 2;
    } else if (op === lineTo) {
      points.push(apply(ctm, path[k] as number, path[k + 1] as number));
      k += 2;
    } else if (op === curveTo) {
      curved = true;
      k += 6;
    } else if (op === quadraticCurveTo) {
      curved = true;
      k += 4;
    } else if (op === closePath) flush(true);
    else return;
  }
  flush(false);
}

function addSubpath(points: [number, number][], closed: boolean, stroked: boolean, rules: PageRules): void {
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const [x, y] of points) {
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  }
  const width = right - left;
  const height = bottom - top;
  // A thin shape (a filled border segment, or a line stroked as a closed path): its centre line.
  if (Math.min(width, height) <= thinRule && Math.max(width, height) >= shortest) {
    if (width >= height) rules.horizontal.push({ at: (top + bottom) / 2, from: left, to: right });
    else rules.vertical.push({ at: (left + right) / 2, from: top, to: bottom });
    return;
  }
  if (!stroked) return;
  const edges = closed ? points.length : points.length - 1;
  for (let i = 0; i < edges; i++) {
    const [x0, y0] = points[i] as [number, number];
    const [x1, y1] = points[(i + 1) % points.length] as [number, number];
    if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) >= shortest)
      rules.horizontal.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) >= shortest)
      rules.vertical.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  }
}
