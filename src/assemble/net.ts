/**
 * The identities of a format over cells held in arrays indexed by key number: assigning a cell
 * updates the running sums of the identities it belongs to, checks each identity as soon as its
 * last cell is set, and checks the bounds of those still open (cells of counts are never
 * negative, so a side can't fall short of what the other side already holds beyond the largest
 * figures its open cells may take). Unassigning undoes exactly what assigning did, so a search
 * never copies its state.
 */
import type { IdentitySpec } from '../spec/types.js';

const eps = 1e-9;

export type Verdict = 'ok' | 'over' | 'fail';

/**
 * A number for each cell key, given once for the process, and each identity's cells as numbers:
 * a net is built from numbers (many nets are built a report, each over some 50 identities), and
 * the values of a report's cells are kept in an array by number, not in a map by key.
 */
const keyNumbers = new Map<string, number>();
const keyOfNumber: string[] = [];
const identityNumbers = new WeakMap<IdentitySpec, number[]>();
/** Scratch for building a net: the net's cell of each key number (−1 none), reset after. */
let cellOfNumber = new Int32Array(0);

/** Key numbers given so far (an array by key number needs this many places). */
export const keyNumberCount = (): number => keyOfNumber.length;

export function keyNumber(key: string): number {
  let n = keyNumbers.get(key);
  if (n === undefined) {
    n = keyOfNumber.length;
    keyNumbers.set(key, n);
    keyOfNumber.push(key);
  }
  return n;
}

/** An identity's cells, left then right, as key numbers. */
export function numbersOf(identity: IdentitySpec): number[] {
  let numbers = identityNumbers.get(identity);
  if (!numbers) {
    numbers = [...identity.left.map(keyNumber), ...identity.right.map(keyNumber)];
    identityNumbers.set(identity, numbers);
  }
  return numbers;
}

export class IdentityNet {
  /** Cell number → key, and its key number. */
  readonly keys: string[] = [];
  readonly numbers: number[] = [];
  /** The cell of each key given to the constructor, in order. */
  readonly keyCells: number[] = [];
  readonly identities: readonly IdentitySpec[];
  /** Cells of each identity, left side first. */
  readonly cellsOf: number[][] = [];
  /** Cells on the left side of each identity (the first of `cellsOf`). */
  private leftCount: number[] = [];
  /**
   * The identities touching each cell, as one flat list (a search walks them at every step, so no
   * object a pair): cell c's are edges [edgeStart[c], edgeStart[c + 1]), each an identity and its
   * side (+1 left, −1 right), in the identities' order.
   */
  readonly edgeStart: number[] = [];
  readonly edgeId: Int32Array;
  readonly edgeSign: Int8Array;
  /** Largest figure a cell may take (Infinity when unknown). */
  readonly ub: number[] = [];
  /** Whether a cell is never negative (counts, amounts). */
  readonly nonNegative: boolean[] = [];
  /**
   * The running state of each identity, in one array (one allocation a net; nets are many):
   * for identity id, its open cells at [id], its left − right at [diffAt + id], its blank cells
   * at [blanksAt + id], the open cells of each side with no finite bound at [infLAt + id] and
   * [infRAt + id], and the sum of the finite bounds of each side at [capLAt + id], [capRAt + id].
   */
  private state: Float64Array;
  private diffAt: number;
  private blanksAt: number;
  private infLAt: number;
  private infRAt: number;
  private capLAt: number;
  private capRAt: number;
  /** Identities whose cells are all never negative: only they have bounds. */
  private bounded: boolean[] = [];
  readonly value: number[] = [];
  readonly assigned: Uint8Array;

  /**
   * Cells for `keys` first (in order, `nonNegative(i)` telling the sign of the i-th), then for
   * the identities' other keys (never negative: cells of counts read elsewhere).
   */
  constructor(
    identities: readonly IdentitySpec[],
    keys: readonly string[],
    nonNegative: (i: number) => boolean,
  ) {
    this.identities = identities;
    const n = identities.length;
    const given = keys.map(keyNumber);
    const numbers = identities.map(numbersOf);
    if (cellOfNumber.length < keyOfNumber.length) {
      const grown = new Int32Array(keyOfNumber.length * 2).fill(-1);
      grown.set(cellOfNumber);
      cellOfNumber = grown;
    }
    const counts: number[] = [];
    const used: number[] = [];
    const add = (number: number, key: string): number => {
      let c = cellOfNumber[number] as number;
      if (c < 0) {
        c = this.keys.length;
        cellOfNumber[number] = c;
        used.push(number);
        this.keys.push(key);
        this.numbers.push(number);
        counts.push(0);
        this.ub.push(Number.POSITIVE_INFINITY);
        this.nonNegative.push(true);
        this.value.push(Number.NaN);
      }
      return c;
    };
    for (let i = 0; i < keys.length; i++) {
      const c = add(given[i] as number, keys[i] as string);
      this.keyCells.push(c);
      // A key given twice takes the sign of its last type.
      this.nonNegative[c] = nonNegative(i);
    }
    for (let id = 0; id < n; id++) {
      const cells = (numbers[id] as number[]).map((k) => add(k, keyOfNumber[k] as string));
      for (const c of cells) counts[c] = (counts[c] as number) + 1;
      this.cellsOf.push(cells);
      this.leftCount.push((identities[id] as IdentitySpec).left.length);
    }
    for (const k of used) cellOfNumber[k] = -1;
    // Each cell's edges, in the identities' order.
    const size = this.keys.length;
    const fill: number[] = [];
    this.edgeStart.push(0);
    for (let c = 0; c < size; c++) {
      fill.push(this.edgeStart[c] as number);
      this.edgeStart.push((this.edgeStart[c] as number) + (counts[c] as number));
    }
    const edges = this.edgeStart[size] as number;
    this.edgeId = new Int32Array(edges);
    this.edgeSign = new Int8Array(edges);
    for (let id = 0; id < n; id++) {
      const cells = this.cellsOf[id] as number[];
      const nl = this.leftCount[id] as number;
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i] as number;
        const e = fill[c] as number;
        fill[c] = e + 1;
        this.edgeId[e] = id;
        this.edgeSign[e] = i < nl ? 1 : -1;
      }
    }
    this.state = new Float64Array(7 * n);
    this.diffAt = n;
    this.blanksAt = 2 * n;
    this.infLAt = 3 * n;
    this.infRAt = 4 * n;
    this.capLAt = 5 * n;
    this.capRAt = 6 * n;
    for (let id = 0; id < n; id++)
      this.bounded.push((this.cellsOf[id] as number[]).every((c) => this.nonNegative[c]));
    this.assigned = new Uint8Array(size);
    this.reset();
  }

  /** Every cell unassigned; bounds recomputed from `ub`. */
  reset(): void {
    this.assigned.fill(0);
    this.state.fill(0);
    for (let id = 0; id < this.identities.length; id++)
      this.state[id] = (this.cellsOf[id] as number[]).length;
    const size = this.ub.length;
    for (let c = 0; c < size; c++) {
      const u = this.ub[c] as number;
      for (let e = this.edgeStart[c] as number; e < (this.edgeStart[c + 1] as number); e++)
        this.cap(this.edgeId[e] as number, this.edgeSign[e] as number, u, 1);
    }
  }

  /** Adds (`dir` 1) or takes off (−1) an open cell's bound `u` on one side of an identity. */
  private cap(id: number, sign: number, u: number, dir: number): void {
    const s = this.state;
    if (u === Number.POSITIVE_INFINITY) {
      const at = (sign > 0 ? this.infLAt : this.infRAt) + id;
      s[at] = (s[at] as number) + dir;
    } else {
      const at = (sign > 0 ? this.capLAt : this.capRAt) + id;
      s[at] = (s[at] as number) + dir * u;
    }
  }

  /**
   * Sets a cell (NaN = blank) and says whether every identity it touches can still hold: `ok`,
   * `over` when some identity fails in a way a larger value of this cell can't mend (so longer
   * pieces of digits needn't be tried), or `fail`.
   */
  assign(c: number, v: number): Verdict {
    this.assigned[c] = 1;
    this.value[c] = v;
    const s = this.state;
    const u = this.ub[c] as number;
    const blank = Number.isNaN(v);
    let verdict: Verdict = 'ok';
    const end = this.edgeStart[c + 1] as number;
    for (let e = this.edgeStart[c] as number; e < end; e++) {
      const id = this.edgeId[e] as number;
      const sign = this.edgeSign[e] as number;
      s[id] = (s[id] as number) - 1;
      if (blank) s[this.blanksAt + id] = (s[this.blanksAt + id] as number) + 1;
      else s[this.diffAt + id] = (s[this.diffAt + id] as number) + sign * v;
      this.cap(id, sign, u, -1);
      if (verdict === 'over') continue;
      const miss = this.miss(id);
      if (miss !== 0) verdict = miss === sign ? 'over' : 'fail';
    }
    return verdict;
  }

  /** Undoes `assign(c, v)`. */
  unassign(c: number): void {
    const v = this.value[c] as number;
    const s = this.state;
    const u = this.ub[c] as number;
    const blank = Number.isNaN(v);
    const end = this.edgeStart[c + 1] as number;
    for (let e = this.edgeStart[c] as number; e < end; e++) {
      const id = this.edgeId[e] as number;
      const sign = this.edgeSign[e] as number;
      s[id] = (s[id] as number) + 1;
      if (blank) s[this.blanksAt + id] = (s[this.blanksAt + id] as number) - 1;
      else s[this.diffAt + id] = (s[this.diffAt + id] as number) - sign * v;
      this.cap(id, sign, u, 1);
    }
    this.assigned[c] = 0;
    this.value[c] = Number.NaN;
  }

  /** Whether identity `id` can still hold given the cells set so far. */
  holds(id: number): boolean {
    return this.miss(id) === 0;
  }

  /** 0 when identity `id` can still hold; +1 when left − right is too high to; −1 too low. */
  private miss(id: number): number {
    const s = this.state;
    if ((s[this.blanksAt + id] as number) > 0) return 0;
    const d = s[this.diffAt + id] as number;
    if (s[id] === 0) return Math.abs(d) < eps ? 0 : d > 0 ? 1 : -1;
    if (!this.bounded[id]) return 0;
    // Final difference = d + (open left) − (open right), each open side in [0, its cap].
    const upL =
      (s[this.infLAt + id] as number) > 0 ? Number.POSITIVE_INFINITY : (s[this.capLAt + id] as number);
    const upR =
      (s[this.infRAt + id] as number) > 0 ? Number.POSITIVE_INFINITY : (s[this.capRAt + id] as number);
    if (d - upR > eps) return 1;
    if (d + upL < -eps) return -1;
    return 0;
  }

  /** Running left − right of an identity (NaN-free; see `hasBlank`). */
  diffOf(id: number): number {
    return this.state[this.diffAt + id] as number;
  }

  hasBlank(id: number): boolean {
    return (this.state[this.blanksAt + id] as number) > 0;
  }

  isBounded(id: number): boolean {
    return this.bounded[id] === true;
  }

  /** Cells on the left side of an identity (the first of `cellsOf[id]`). */
  leftOf(id: number): number {
    return this.leftCount[id] as number;
  }

  /**
   * The value an unassigned cell must take because some identity has every other cell set (NaN
   * when none forces it).
   */
  forced(c: number): number {
    const s = this.state;
    const end = this.edgeStart[c + 1] as number;
    for (let e = this.edgeStart[c] as number; e < end; e++) {
      const id = this.edgeId[e] as number;
      if (s[id] === 1 && s[this.blanksAt + id] === 0)
        return 0 - (this.edgeSign[e] as number) * (s[this.diffAt + id] as number) || 0;
    }
    return Number.NaN;
  }

  /** Changes the bound of an unassigned cell, keeping the sides' caps right. */
  setUb(c: number, u: number): void {
    const old = this.ub[c] as number;
    const end = this.edgeStart[c + 1] as number;
    for (let e = this.edgeStart[c] as number; e < end; e++) {
      const id = this.edgeId[e] as number;
      const sign = this.edgeSign[e] as number;
      this.cap(id, sign, old, -1);
      this.cap(id, sign, u, 1);
    }
    this.ub[c] = u;
  }

  /**
   * Where setting cell `c` completed one side of an identity of counts, every open cell of the
   * other side is at most that side's sum: tightens their bounds and returns what to restore
   * (cell, bound before, cell, bound before, …).
   */
  boundFrom(c: number): number[] {
    const changed: number[] = [];
    const end = this.edgeStart[c + 1] as number;
    for (let e = this.edgeStart[c] as number; e < end; e++) {
      const id = this.edgeId[e] as number;
      if (!this.bounded[id] || (this.state[this.blanksAt + id] as number) > 0) continue;
      const cells = this.cellsOf[id] as number[];
      const nl = this.leftCount[id] as number;
      const left = (this.edgeSign[e] as number) > 0;
      const from = left ? 0 : nl;
      const to = left ? nl : cells.length;
      let sum = 0;
      let complete = true;
      for (let i = from; i < to; i++) {
        const k = cells[i] as number;
        if (!this.assigned[k]) {
          complete = false;
          break;
        }
        sum += this.value[k] as number;
      }
      if (!complete) continue;
      const oFrom = left ? nl : 0;
      const oTo = left ? cells.length : nl;
      for (let i = oFrom; i < oTo; i++) {
        const k = cells[i] as number;
        if (this.assigned[k] || !((this.ub[k] as number) > sum)) continue;
        changed.push(k, this.ub[k] as number);
        this.setUb(k, sum);
      }
    }
    return changed;
  }

  /**
   * Tightens `ub` of unassigned never-negative cells from the identities whose cells are all
   * never negative: a cell on one side is at most the other side's bound less what its own side
   * already holds. Call `reset` and reassign after.
   */
  propagateBounds(rounds = 3): void {
    for (let round = 0; round < rounds; round++) {
      let changed = false;
      for (let id = 0; id < this.identities.length; id++) if (this.tighten(id)) changed = true;
      if (!changed) break;
    }
  }

  /** One identity's part of `propagateBounds`: whether it lowered a bound. */
  private tighten(id: number): boolean {
    const cells = this.cellsOf[id] as number[];
    const nl = this.leftCount[id] as number;
    // What each side can hold at most (bounds of the open cells, values of the set ones), and
    // holds at least (its set cells, never below 0).
    let capLeft = 0;
    let capRight = 0;
    let floorLeft = 0;
    let floorRight = 0;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i] as number;
      if (this.assigned[c]) {
        const v = this.value[c] as number;
        if (Number.isNaN(v)) return false;
        if (i < nl) {
          capLeft += v;
          floorLeft += Math.max(0, v);
        } else {
          capRight += v;
          floorRight += Math.max(0, v);
        }
      } else {
        if (!this.nonNegative[c]) return false;
        if (i < nl) capLeft += this.ub[c] as number;
        else capRight += this.ub[c] as number;
      }
    }
    let changed = false;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i] as number;
      if (this.assigned[c]) continue;
      // (An open cell adds nothing to its own side's floor.)
      const bound = i < nl ? capRight - floorLeft : capLeft - floorRight;
      if (bound < (this.ub[c] as number) && bound < 1e12) {
        this.ub[c] = Math.max(0, bound);
        changed = true;
      }
    }
    return changed;
  }
}
