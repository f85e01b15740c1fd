import type { CellType } from '../spec/types.js';
import { codeAt } from '../text/code-unit.js';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Whether the text is a figure: digits, after a sign where `signed`, with a fraction
 * (「.」 and digits) where `fraction`; where `strict`, a whole part of several digits never starts
 * with 0. Scanned by hand: it runs for every piece the split walk tries.
 */
function isFigure(text: string, signed: boolean, fraction: boolean, strict: boolean): boolean {
  const n = text.length;
  let i = 0;
  if (signed && n > 0) {
    const c = codeAt(text, 0);
    if (c === 43 || c === 45) i = 1;
  }
  const from = i;
  while (i < n && isDigit(codeAt(text, i))) i++;
  if (i === from || (strict && i - from > 1 && codeAt(text, from) === 48)) return false;
  if (i === n) return true;
  if (!fraction || codeAt(text, i) !== 46) return false;
  const point = ++i;
  while (i < n && isDigit(codeAt(text, i))) i++;
  return i > point && i === n;
}

/** What a figure must be, by cell type. A count never starts with 0 unless it is 0. */
const fits: Record<CellType, (text: string) => boolean> = {
  int: (text) => isFigure(text, false, false, true),
  'signed int': (text) => isFigure(text, true, false, true),
  decimal: (text) => isFigure(text, false, true, true),
};

/** Reads a figure as printed; `null` when it doesn't fit the cell type. */
export function parseFigure(text: string, type: CellType): number | null {
  return fits[type](text) ? Number(text) : null;
}

/** Reads a figure loosely (any sign, decimals): used when the token count already fits the row. */
export function parseLoose(text: string): number | null {
  return isFigure(text, true, true, false) ? Number(text) : null;
}

/** A 0 leading further digits, after a sign or not (「05」「-03」): no longer piece can fit. */
export const zeroLed = (text: string): boolean => {
  // (No character is read past the end: optimised code would be thrown away for it.)
  if (text.length < 2) return false;
  const at = codeAt(text, 0) === 43 || codeAt(text, 0) === 45 ? 1 : 0;
  return at + 1 < text.length && codeAt(text, at) === 48 && isDigit(codeAt(text, at + 1));
};

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
    const type = types[cell] as CellType;
    let count = 0;
    for (let end = offset + 1; end <= text.length; end++) {
      let value: number | null;
      if (type === 'int') {
        // A count, read digit by digit (no piece cut out of the run for each end tried): past a
        // character that is no digit, or a leading 0, no longer piece is a count.
        const d = codeAt(text, end - 1) - 48;
        if (d < 0 || d > 9 || (end - offset > 1 && codeAt(text, offset) === 48)) break;
        // (Exact in floating point up to 15 digits; longer, as Number reads it.)
        count = end - offset <= 15 ? count * 10 + d : Number(text.slice(offset, end));
        value = count;
      } else {
        const piece = text.slice(offset, end);
        value = parseFigure(piece, type);
        if (value === null) {
          // Past a leading zero nothing longer can be valid, unless a decimal point follows it.
          if (zeroLed(piece)) break;
          continue;
        }
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

/**
 * Whether the runs can be cut into fewer than `n` figures, each a count (digits, never starting
 * with 0 unless it is 0): then a blank cell may hide among them, where a blank cell leaves no trace.
 * A run with anything but digits (a sign, a fraction) may hide one too.
 */
export function fewerFiguresFit(runs: readonly string[], n: number): boolean {
  // The numbers of pieces the runs so far can be cut into (bit i: i pieces), up to n.
  let totals = 1;
  const limit = (1 << n) - 1;
  for (const run of runs) {
    for (let i = 0; i < run.length; i++) if (!isDigit(codeAt(run, i))) return true;
    // pieces[i]: the numbers of pieces run[0, i) can be cut into.
    const pieces = new Array<number>(run.length + 1).fill(0);
    pieces[0] = 1;
    for (let end = 1; end <= run.length; end++)
      for (let start = 0; start < end; start++) {
        if (pieces[start] === 0 || (end - start > 1 && codeAt(run, start) === 48)) continue;
        pieces[end] = ((pieces[end] as number) | ((pieces[start] as number) << 1)) & limit;
      }
    const own = pieces[run.length] as number;
    let next = 0;
    for (let a = 0; a < n; a++) if (totals & (1 << a)) next |= (own << a) & limit;
    totals = next;
  }
  return totals !== 0;
}
