/**
 * Transformation matrices `a b c d e f` (GB/T 33190 ST_Array of six numbers, as in PDF):
 * x' = a·x + c·y + e, y' = b·x + d·y + f. A graphic unit's own space has its origin at the top
 * left of its Boundary; its CTM maps its data into that space, so a point p of its data lands at
 * Boundary origin + CTM·p in the space of what contains it (the page, or a composite graphic).
 */
import { numbers } from './values.js';

export type Matrix = readonly [number, number, number, number, number, number];

export const identity: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` after `n`: the matrix that applies `n` first, then `m`. */
export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

export const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

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
