/**
 * The simple values of OFD attributes and element text: ST_Array (numbers separated by white
 * space) and ST_Box (`x y width height`). Lengths are in millimetres.
 */

/** A box `x y width height`, in millimetres. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Numbers written in an attribute or text, split on white space (and commas, which some write). */
export function numbers(text: string | undefined): number[] {
  if (text === undefined) return [];
  const out: number[] = [];
  for (const token of text.split(/[\s,]+/)) if (token !== '') out.push(Number(token));
  return out;
}

/** An ST_Box, or null when it is not four finite numbers with an area. */
export function box(text: string | undefined): Box | null {
  const n = numbers(text);
  if (n.length !== 4 || !n.every(Number.isFinite)) return null;
  const [x, y, width, height] = n as [number, number, number, number];
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}
