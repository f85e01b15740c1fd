/**
 * Cutting a row's runs of digits into counts under the sums among its own cells, for deciding
 * whether a settled cut is fragile (fragile.ts): every cut where each total cell is the sum of the
 * cells before it (`blockCuts`, table 三's row sums and table 四's groups), and whether runs can
 * be cut with some cells' figures forced (`fitsRuns`).
 */
import type { IdentitySpec } from '../spec/types.js';
import { codeAt } from '../text/code-unit.js';
import type { RowReading } from './figures.js';
import { type Budget, digitsOf } from './solver.js';

/**
 * The identities as blocks of a row cut from runs of digits into counts, where each is a total
 * cell equal to the sum of the cells just before it, all of them cells of the row, no cell in two
 * (table 三's row sums, table 四's groups): each block as its first cell and its total cell.
 * Null for any other shape.
 */
export function sumBlocks(r: RowReading, identities: readonly IdentitySpec[]): number[] | null {
  if (!r.runs || !r.types.every((t) => t === 'int')) return null;
  for (const run of r.runs) for (let k = 0; k < run.length; k++) if (!isDigit(codeAt(run, k))) return null;
  const blocks: number[] = [];
  const taken = new Uint8Array(r.keys.length);
  for (const identity of identities) {
    if (identity.left.length !== 1) return null;
    const total = r.keys.indexOf(identity.left[0] as string);
    const first = total - identity.right.length;
    if (total < 0 || first < 0) return null;
    for (let k = first; k <= total; k++) {
      if (taken[k] === 1 || (k < total && !identity.right.includes(r.keys[k] as string))) return null;
      taken[k] = 1;
    }
    blocks.push(first, total);
  }
  return blocks;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Figures a cut may give at most (as `cutRow`: past it sums stop being exact). */
const maxFigure = 1e12;

/**
 * Every cut of runs of digits into `n` counts (no figure of several digits starting with 0) in
 * which each block's total cell (see `sumBlocks`) is the sum of the block's other cells. Cut from
 * the end, so that a block's total comes first and bounds its other cells (its first cell takes
 * what is left); the cells before a block are cut once for each place in the runs. Null when the
 * budget runs out.
 */
export function blockCuts(
  runs: readonly string[],
  n: number,
  blocks: readonly number[],
  budget: Budget,
): number[][] | null {
  // For each cell, the first cell of the block it is the total of (−1: none), and whether it
  // starts a block.
  const firstOf = new Int32Array(n).fill(-1);
  const isFirst = new Uint8Array(n);
  const inBlock = new Uint8Array(n);
  const startOf = new Int32Array(n).fill(-1);
  for (let b = 0; b < blocks.length; b += 2) {
    firstOf[blocks[b + 1] as number] = blocks[b] as number;
    isFirst[blocks[b] as number] = 1;
    for (let k = blocks[b] as number; k <= (blocks[b + 1] as number); k++) {
      inBlock[k] = 1;
      startOf[k] = blocks[b] as number;
    }
  }
  // The largest sum of `m` counts written with `chars` characters at most (−1: none fit).
  const most = (m: number, chars: number): number => {
    if (chars < m) return -1;
    const digits = chars - m + 1;
    return digits >= 15 ? Number.POSITIVE_INFINITY : 10 ** digits - 1 + 9 * (m - 1);
  };
  // Characters of the runs before each run.
  const before: number[] = [0];
  for (const run of runs) before.push((before[before.length - 1] as number) + run.length);
  const memo = new Map<number, number[][]>();
  let exhausted = false;
  // The cuts of cells 0..cell from the runs up to runs[run] at `end`; `left`, inside a block, what
  // its cells from `cell` down still add up to.
  const heads = (run: number, end: number, cell: number, left: number): number[][] => {
    if (exhausted) return [];
    if (cell < 0) return run === 0 && end === 0 ? [[]] : [];
    if (end === 0) {
      if (run === 0) return [];
      return heads(run - 1, (runs[run - 1] as string).length, cell, left);
    }
    // Each cell a character at least, each run a cell at least.
    if ((before[run] as number) + end < cell + 1 || cell + 1 < run + 1) return [];
    const between = inBlock[cell] === 0 || firstOf[cell] !== -1;
    const key = (run * 0x10000 + end) * 0x100 + cell;
    if (between) {
      // (Each use copies the heads it extends.)
      const done = memo.get(key);
      if (done) return done.map((h) => h.slice());
    }
    const text = runs[run] as string;
    const out: number[][] = [];
    const take = (start: number, v: number, next: number) => {
      for (const h of heads(run, start, cell - 1, next)) {
        h.push(v);
        out.push(h);
      }
    };
    // Inside a block, what is left must fit in its cells left (those before it need a character
    // each).
    const first = startOf[cell] as number;
    if (
      inBlock[cell] === 1 &&
      firstOf[cell] === -1 &&
      left > most(cell - first + 1, (before[run] as number) + end - first)
    )
      return [];
    if (inBlock[cell] === 1 && firstOf[cell] === -1 && isFirst[cell] === 1) {
      // The block's first cell takes what is left.
      const piece = String(left);
      if (end >= piece.length && text.startsWith(piece, end - piece.length))
        take(end - piece.length, left, 0);
    } else {
      let v = 0;
      let scale = 1;
      for (let start = end - 1; start >= 0; start--) {
        if (!budget.spend()) {
          exhausted = true;
          return [];
        }
        v += (codeAt(text, start) - 48) * scale;
        scale *= 10;
        if (v > maxFigure) break;
        // (A figure of several digits never starts with 0: a shorter piece may still.)
        if (end - start > 1 && codeAt(text, start) === 48) continue;
        if (firstOf[cell] !== -1) {
          // A total: its block's other cells add up to it (longer, it is larger).
          if (v > most(cell - first, (before[run] as number) + start - first)) break;
          take(start, v, v);
        } else if (inBlock[cell] === 1) {
          if (v > left) break;
          take(start, v, left - v);
        } else take(start, v, 0);
      }
    }
    if (between) {
      memo.set(key, out);
      return out.map((h) => h.slice());
    }
    return out;
  };
  const last = runs.length - 1;
  const out = heads(last, (runs[last] as string).length, n - 1, 0);
  return exhausted ? null : out;
}

/** Steps `fitsRuns` takes at most (each a step of the budget) before it answers that the runs may fit. */
const fitLimit = 2000;

/**
 * Whether a row's runs can be cut with the forced cells (NaN: free) as given, and, where
 * `differ`, into another cut than `kept`. True when it can't tell (not all counts, or too long).
 */
export function fitsRuns(
  r: RowReading,
  kept: readonly number[],
  forced: Float64Array,
  differ: boolean,
  budget: Budget,
): boolean {
  const runs = r.runs;
  if (!runs || !r.types.every((t) => t === 'int')) return true;
  const n = r.keys.length;
  // The forced figures must be counts and, with a digit at least for each other cell, take no
  // more digits than the runs hold (all of them when every cell is forced).
  let chars = 0;
  for (const run of runs) chars += run.length;
  let need = 0;
  let loose = 0;
  for (let k = 0; k < n; k++) {
    const f = forced[k] as number;
    if (Number.isNaN(f)) loose++;
    else if (f < 0 || !Number.isInteger(f)) return false;
    else need += digitsOf(f);
  }
  if (need + loose > chars || (loose === 0 && need !== chars)) return false;
  let steps = 0;
  const walk = (run: number, offset: number, cell: number, differs: boolean): boolean => {
    if (++steps > fitLimit || !budget.spend()) return true;
    if (run === runs.length) return cell === n && (differs || !differ);
    if (cell === n || n - cell < runs.length - run) return false;
    const text = runs[run] as string;
    const next = (end: number, v: number) => {
      const d = differs || v !== kept[cell];
      return end === text.length ? walk(run + 1, 0, cell + 1, d) : walk(run, end, cell + 1, d);
    };
    const f = forced[cell] as number;
    if (!Number.isNaN(f)) {
      const piece = String(f);
      return text.startsWith(piece, offset) && next(offset + piece.length, f);
    }
    let value = 0;
    for (let end = offset + 1; end <= text.length; end++) {
      const d = codeAt(text, end - 1) - 48;
      if (d < 0 || d > 9 || (end - offset > 1 && codeAt(text, offset) === 48)) break;
      value = value * 10 + d;
      if (next(end, value)) return true;
    }
    return false;
  };
  return walk(0, 0, 0, false);
}
