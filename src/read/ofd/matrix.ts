/**
 * Transformation matrices (src/read/matrix.ts) as OFD writes them: ST_Array of six numbers, as in
 * PDF. A graphic unit's own space has its origin at the top
 * left of its Boundary; its CTM maps its data into that space, so a point p of its data lands at
 * Boundary origin + CTM·p in the space of what contains it (the page, or a composite graphic).
 */
import { type Matrix, multiply } from '../matrix.js';
import { numbers } from './values.js';

export { apply, type Matrix, multiply } from '../matrix.js';

export const identity: Matrix = [1, 0, 0, 1, 0, 0];

/** A CTM attribute; the identity when absent or not six finite numbers. */
export function parseMatrix(text: string | undefined): Matrix {
  const n = numbers(text);
  return n.length === 6 && n.every(Number.isFinite) ? (n as unknown as Matrix) : identity;
}

/**
 * The matrix into the container's space of a graphic unit with this Boundary (its origin; the
 * size only clips) and CTM, within a container mapped to the page by `outer`.
 */
export function unitMatrix(outer: Matrix, boundary: string | undefined, ctm: string | undefined): Matrix {
  const origin = numbers(boundary);
  const x = Number.isFinite(origin[0]) ? (origin[0] as number) : 0;
  const y = Number.isFinite(origin[1]) ? (origin[1] as number) : 0;
  return multiply(multiply(outer, [1, 0, 0, 1, x, y]), parseMatrix(ctm));
}
