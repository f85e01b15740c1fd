import type { CellType } from '../spec/types.js';

/** Patterns a figure must fit, by cell type. A count never starts with 0 unless it is 0. */
const valid: Record<CellType, RegExp> = {
  int: /^(?:0|[1-9]\d*)$/,
  'signed int': /^[+-]?(?:0|[1-9]\d*)$/,
  decimal: /^(?:0|[1-9]\d*)(?:\.\d+)?$/,
};

/** Reads a figure as printed; `null` when it doesn't fit the cell type. */
export function parseFigure(text: string, type: CellType): number | null {
  return valid[type].test(text) ? Number(text) : null;
}

/** Reads a figure loosely (any sign, decimals): used when the token count already fits the row. */
export function parseLoose(text: string): number | null {
  return /^[+-]?\d+(?:\.\d+)?$/.test(text) ? Number(text) : null;
}

export interface SplitResult {
  /** Every way to cut the runs into the row's cells (values in cell order). */
  candidates: number[][];
  /** True when the search stopped at its limit. */
  truncated: boolean;
}

/**
 * Cuts runs of digits into cells. Whitespace between runs is always a cut; inside a run any
 * position may be. Each piece must fit its cell's type (no leading zero, decimals only in
 * decimal cells, a sign only in signed cells at the start of a run).
 */
export function splitRuns(
  runs: readonly string[],
  types: readonly CellType[],
  limit = 20000,
  /** Stop after this many candidates (`truncated` stays false). */
  most = Number.POSITIVE_INFINITY,
): SplitResult {
  const candidates: number[][] = [];
  const values: number[] = [];
  let steps = 0;
  let truncated = false;
  let stop = false;
  const n = types.length;
  const walk = (run: number, offset: number, cell: number): void => {
    if (truncated || stop) return;
    if (++steps > limit) {
      truncated = true;
      return;
    }
    if (run === runs.length) {
      if (cell === n) candidates.push([...values]);
      if (candidates.length >= most) stop = true;
      return;
    }
    if (cell === n) return;
    const text = runs[run] as string;
    // Cells left must be at least the runs left (each run gives ≥ 1 cell).
    if (n - cell < runs.length - run) return;
    for (let end = offset + 1; end <= text.length; end++) {
      const piece = text.slice(offset, end);
      const value = parseFigure(piece, types[cell] as CellType);
      if (value === null) {
        // Past a leading zero nothing longer can be valid, unless a decimal point follows it.
        if (/^[+-]?0\d/.test(piece)) break;
        continue;
      }
      values.push(value);
      if (end === text.length) walk(run + 1, 0, cell + 1);
      else walk(run, end, cell + 1);
      values.pop();
      if (truncated || stop) return;
    }
  };
  walk(0, 0, 0);
  return { candidates, truncated };
}
