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
    // (Pushed onto a literal: every identity's numbers are one kind of array.)
    numbers = [];
    for (const key of identity.left) numbers.push(keyNumber(key));
    for (const key of identity.right) numbers.push(keyNumber(key));
    identityNumbers.set(identity, numbers);
  }
  return numbers;
}

/**
 * What a net is made of apart from its state: its cells, each identity's cells and each cell's
 * identities. It depends only on the identities (in order), the keys given first and their signs,
 * and a report's rows come in few such combinations (1,000 generated reports: 692 solves, 122
 * combinations), so it is built once for each and shared by the nets made from it.
 */
interface NetShape {
  readonly keys: readonly string[];
  readonly numbers: readonly number[];
  readonly keyCells: readonly number[];
  readonly cellsOf: readonly (readonly number[])[];
  readonly leftCount: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeId: Int32Array;
  readonly edgeSign: Int8Array;
  /** 1 for a cell never negative. */
  readonly nonNegative: Uint8Array;
  /** 1 for an identity whose cells are all never negative. */
  readonly bounded: Uint8Array;
}

/** A number for each identity object (the shapes are found by them). */
const identitySerials = new WeakMap<IdentitySpec, number>();
let nextSerial = 0;
const shapes = new Map<string, NetShape>();
/**
 * Shapes kept at most (some 10 KB each with their key; a long-lived process reading reports of
 * many kinds starts again when it has this many).
 */
const shapeLimit = 1024;

function serialOf(identity: IdentitySpec): number {
  let n = identitySerials.get(identity);
  if (n === undefined) {
    n = nextSerial++;
    identitySerials.set(identity, n);
  }
  return n;
}

function shapeOf(
  identities: readonly IdentitySpec[],
  keys: readonly string[],
  nonNegative: (i: number) => boolean,
): NetShape {
  let id = '';
  for (let i = 0; i < identities.length; i++) id += `${serialOf(identities[i] as IdentitySpec)},`;
  id += ';';
  const given: number[] = [];
  const signs: boolean[] = [];
  for (let i = 0; i < keys.length; i++) {
    const number = keyNumber(keys[i] as string);
    const sign = nonNegative(i);
    given.push(number);
    signs.push(sign);
    id += sign ? `${number},` : `-${number},`;
  }
  let shape = shapes.get(id);
  if (!shape) {
    if (shapes.size >= shapeLimit) shapes.clear();
    shape = buildShape(identities, keys, given, signs);
    shapes.set(id, shape);
  }
  return shape;
}

/**
 * Cells for `keys` first (in order, `signs[i]` telling whether the i-th is never negative), then
 * for the identities' other keys (never negative: cells of counts read elsewhere).
 */
function buildShape(
  identities: readonly IdentitySpec[],
  keys: readonly string[],
  given: readonly number[],
  signs: readonly boolean[],
): NetShape {
  const n = identities.length;
  const numbers = identities.map(numbersOf);
  if (cellOfNumber.length < keyOfNumber.length) {
    const grown = new Int32Array(keyOfNumber.length * 2).fill(-1);
    grown.set(cellOfNumber);
    cellOfNumber = grown;
  }
  const cellKeys: string[] = [];
  const cellNumbers: number[] = [];
  const keyCells: number[] = [];
  const counts: number[] = [];
  const signOf: boolean[] = [];
  const used: number[] = [];
  const add = (number: number, key: string): number => {
    let c = cellOfNumber[number] as number;
    if (c < 0) {
      c = cellKeys.length;
      cellOfNumber[number] = c;
      used.push(number);
      cellKeys.push(key);
      cellNumbers.push(number);
      counts.push(0);
      signOf.push(true);
    }
    return c;
  };
  for (let i = 0; i < keys.length; i++) {
    const c = add(given[i] as number, keys[i] as string);
    keyCells.push(c);
    // A key given twice takes the sign of its last type.
    signOf[c] = signs[i] as boolean;
  }
  const cellsOf: number[][] = [];
  const leftCount = new Int32Array(n);
  for (let id = 0; id < n; id++) {
    // (Pushed onto a literal: every identity's cells are one kind of array.)
    const cells: number[] = [];
    for (const k of numbers[id] as number[]) {
      const c = add(k, keyOfNumber[k] as string);
      cells.push(c);
      counts[c] = (counts[c] as number) + 1;
    }
    cellsOf.push(cells);
    leftCount[id] = (identities[id] as IdentitySpec).left.length;
  }
  for (const k of used) cellOfNumber[k] = -1;
  // Each cell's edges, in the identities' order.
  const size = cellKeys.length;
  const edgeStart = new Int32Array(size + 1);
  const fill = new Int32Array(size);
  for (let c = 0; c < size; c++) {
    fill[c] = edgeStart[c] as number;
    edgeStart[c + 1] = (edgeStart[c] as number) + (counts[c] as number);
  }
  const edges = edgeStart[size] as number;
  const edgeId = new Int32Array(edges);
  const edgeSign = new Int8Array(edges);
  for (let id = 0; id < n; id++) {
    const cells = cellsOf[id] as number[];
    const nl = leftCount[id] as number;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i] as number;
      const e = fill[c] as number;
      fill[c] = e + 1;
      edgeId[e] = id;
      edgeSign[e] = i < nl ? 1 : -1;
    }
  }
  const nonNegative = new Uint8Array(size);
  for (let c = 0; c < size; c++) nonNegative[c] = signOf[c] ? 1 : 0;
  const bounded = new Uint8Array(n);
  for (let id = 0; id < n; id++) bounded[id] = (cellsOf[id] as number[]).every((c) => signOf[c]) ? 1 : 0;
  return {
    keys: cellKeys,
    numbers: cellNumbers,
    keyCells,
    cellsOf,
    leftCount,
    edgeStart,
    edgeId,
    edgeSign,
    nonNegative,
    bounded,
  };
}

export class IdentityNet {
  /** Cell number → key, and its key number. */
  readonly keys: readonly string[];
  readonly numbers: readonly number[];
  /** The cell of each key given to the constructor, in order. */
  readonly keyCells: readonly number[];
  readonly identities: readonly IdentitySpec[];
  /** Cells of each identity, left side first. */
  readonly cellsOf: readonly (readonly number[])[];
  /** Cells on the left side of each identity (the first of `cellsOf`). */
  private readonly leftCount: Int32Array;
  /**
   * The identities touching each cell, as one flat list (a search walks them at every step, so no
   * object a pair): cell c's are edges [edgeStart[c], edgeStart[c + 1]), each an identity and its
   * side (+1 left, −1 right), in the identities' order.
   */
  readonly edgeStart: Int32Array;
  readonly edgeId: Int32Array;
  readonly edgeSign: Int8Array;
  /** Largest figure a cell may take (Infinity when unknown). */
  readonly ub: Float64Array;
  /** Whether a cell is never negative (counts, amounts): 1 or 0. */
  readonly nonNegative: Uint8Array;
  /**
   * The running state of each identity, in one array (one allocation a net; nets are many):
   * for identity id, its open cells at [id], its left − right at [diffAt + id], its blank cells
   * at [blanksAt + id], the open cells of each side with no finite bound at [infLAt + id] and
   * [infRAt + id], and the sum of the finite bounds of each side at [capLAt + id], [capRAt + id].
   */
  private readonly state: Float64Array;
  private readonly diffAt: number;
  private readonly blanksAt: number;
  private readonly infLAt: number;
  private readonly infRAt: number;
  private readonly capLAt: number;
  private readonly capRAt: number;
  /** Identities whose cells are all never negative (1): only they have bounds. */
  private readonly bounded: Uint8Array;
  readonly value: Float64Array;
  readonly assigned: Uint8Array;
  /**
   * Identities switched off (1), or null for none: each holds a blank cell that is never
   * assigned, so it says nothing, as an identity with a blank cell says nothing (a net with some
   * identities relaxed is the same shape as the net with all of them).
   */
  private off: Uint8Array | null = null;

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
    const shape = shapeOf(identities, keys, nonNegative);
    this.keys = shape.keys;
    this.numbers = shape.numbers;
    this.keyCells = shape.keyCells;
    this.cellsOf = shape.cellsOf;
    this.leftCount = shape.leftCount;
    this.edgeStart = shape.edgeStart;
    this.edgeId = shape.edgeId;
    this.edgeSign = shape.edgeSign;
    this.nonNegative = shape.nonNegative;
    this.bounded = shape.bounded;
    const n = identities.length;
    const size = shape.keys.length;
    this.ub = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
    this.value = new Float64Array(size).fill(Number.NaN);
    this.state = new Float64Array(7 * n);
    this.diffAt = n;
    this.blanksAt = 2 * n;
    this.infLAt = 3 * n;
    this.infRAt = 4 * n;
    this.capLAt = 5 * n;
    this.capRAt = 6 * n;
    this.assigned = new Uint8Array(size);
    this.reset();
  }

  /** Switches identities off (by their index in `identities`): unassigns every cell. */
  switchOff(ids: readonly number[]): void {
    if (ids.length === 0) this.off = null;
    else {
      const off = this.off ?? new Uint8Array(this.identities.length);
      off.fill(0);
      for (const id of ids) off[id] = 1;
      this.off = off;
    }
    this.reset();
  }

  /** Every cell unassigned; bounds recomputed from `ub`. */
  reset(): void {
    this.assigned.fill(0);
    this.state.fill(0);
    const off = this.off;
    for (let id = 0; id < this.identities.length; id++) {
      this.state[id] = (this.cellsOf[id] as readonly number[]).length;
      if (off !== null && off[id] === 1) this.state[this.blanksAt + id] = 1;
    }
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
    return this.bounded[id] === 1;
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
      const cells = this.cellsOf[id] as readonly number[];
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
    if (this.off !== null && this.off[id] === 1) return false;
    const cells = this.cellsOf[id] as readonly number[];
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
