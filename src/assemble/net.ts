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

export class IdentityNet {
  /** Key → cell number. */
  readonly index = new Map<string, number>();
  /** Identities touching each cell, with the side (+1 left, −1 right). */
  private byCell: { id: number; sign: number }[][] = [];
  readonly identities: readonly IdentitySpec[];
  /** Cells of each identity. */
  readonly cellsOf: number[][] = [];
  /** Largest figure a cell may take (Infinity when unknown). */
  readonly ub: number[] = [];
  /** Whether a cell is never negative (counts, amounts). */
  readonly nonNegative: boolean[] = [];
  private open: Int32Array;
  private diff: Float64Array;
  private blanks: Int32Array;
  /** Open cells of each side with no finite bound, and the sum of the finite bounds. */
  private infL: Int32Array;
  private infR: Int32Array;
  private capL: Float64Array;
  private capR: Float64Array;
  /** Identities whose cells are all never negative: only they have bounds. */
  private bounded: Uint8Array;
  readonly value: number[] = [];
  readonly assigned: Uint8Array;

  constructor(
    identities: readonly IdentitySpec[],
    keys: readonly string[],
    nonNegative: (key: string) => boolean,
  ) {
    this.identities = identities;
    const add = (key: string) => {
      let c = this.index.get(key);
      if (c === undefined) {
        c = this.index.size;
        this.index.set(key, c);
        this.byCell.push([]);
        this.ub.push(Number.POSITIVE_INFINITY);
        this.nonNegative.push(nonNegative(key));
        this.value.push(Number.NaN);
      }
      return c;
    };
    for (const k of keys) add(k);
    identities.forEach((identity, id) => {
      const cells: number[] = [];
      for (const k of identity.left) {
        const c = add(k);
        cells.push(c);
        this.byCell[c]?.push({ id, sign: 1 });
      }
      for (const k of identity.right) {
        const c = add(k);
        cells.push(c);
        this.byCell[c]?.push({ id, sign: -1 });
      }
      this.cellsOf.push(cells);
    });
    const n = identities.length;
    this.open = new Int32Array(n);
    this.diff = new Float64Array(n);
    this.blanks = new Int32Array(n);
    this.infL = new Int32Array(n);
    this.infR = new Int32Array(n);
    this.capL = new Float64Array(n);
    this.capR = new Float64Array(n);
    this.bounded = new Uint8Array(n);
    this.assigned = new Uint8Array(this.index.size);
    this.reset();
  }

  /** Every cell unassigned; bounds recomputed from `ub`. */
  reset(): void {
    this.assigned.fill(0);
    for (let id = 0; id < this.identities.length; id++) {
      const cells = this.cellsOf[id] as number[];
      this.open[id] = cells.length;
      this.diff[id] = 0;
      this.blanks[id] = 0;
      this.infL[id] = 0;
      this.infR[id] = 0;
      this.capL[id] = 0;
      this.capR[id] = 0;
      this.bounded[id] = cells.every((c) => this.nonNegative[c]) ? 1 : 0;
    }
    for (let c = 0; c < this.byCell.length; c++) {
      const u = this.ub[c] as number;
      for (const { id, sign } of this.byCell[c] as { id: number; sign: number }[]) this.cap(id, sign, u, 1);
    }
  }

  /** Adds (`dir` 1) or takes off (−1) an open cell's bound `u` on one side of an identity. */
  private cap(id: number, sign: number, u: number, dir: number): void {
    if (u === Number.POSITIVE_INFINITY) {
      if (sign > 0) this.infL[id] = (this.infL[id] as number) + dir;
      else this.infR[id] = (this.infR[id] as number) + dir;
    } else if (sign > 0) this.capL[id] = (this.capL[id] as number) + dir * u;
    else this.capR[id] = (this.capR[id] as number) + dir * u;
  }

  /**
   * Sets a cell (NaN = blank) and says whether every identity it touches can still hold: `ok`,
   * `over` when some identity fails in a way a larger value of this cell can't mend (so longer
   * pieces of digits needn't be tried), or `fail`.
   */
  assign(c: number, v: number): Verdict {
    this.assigned[c] = 1;
    this.value[c] = v;
    const u = this.ub[c] as number;
    const blank = Number.isNaN(v);
    let verdict: Verdict = 'ok';
    for (const { id, sign } of this.byCell[c] as { id: number; sign: number }[]) {
      this.open[id] = (this.open[id] as number) - 1;
      if (blank) this.blanks[id] = (this.blanks[id] as number) + 1;
      else this.diff[id] = (this.diff[id] as number) + sign * v;
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
    const u = this.ub[c] as number;
    const blank = Number.isNaN(v);
    for (const { id, sign } of this.byCell[c] as { id: number; sign: number }[]) {
      this.open[id] = (this.open[id] as number) + 1;
      if (blank) this.blanks[id] = (this.blanks[id] as number) - 1;
      else this.diff[id] = (this.diff[id] as number) - sign * v;
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
    if ((this.blanks[id] as number) > 0) return 0;
    const d = this.diff[id] as number;
    if (this.open[id] === 0) return Math.abs(d) < eps ? 0 : d > 0 ? 1 : -1;
    if (!this.bounded[id]) return 0;
    // Final difference = d + (open left) − (open right), each open side in [0, its cap].
    const upL = (this.infL[id] as number) > 0 ? Number.POSITIVE_INFINITY : (this.capL[id] as number);
    const upR = (this.infR[id] as number) > 0 ? Number.POSITIVE_INFINITY : (this.capR[id] as number);
    if (d - upR > eps) return 1;
    if (d + upL < -eps) return -1;
    return 0;
  }

  /** Running left − right of an identity (NaN-free; see `hasBlank`). */
  diffOf(id: number): number {
    return this.diff[id] as number;
  }

  hasBlank(id: number): boolean {
    return (this.blanks[id] as number) > 0;
  }

  isBounded(id: number): boolean {
    return this.bounded[id] === 1;
  }

  /**
   * The value an unassigned cell must take because some identity has every other cell set (NaN
   * when none forces it).
   */
  forced(c: number): number {
    for (const { id, sign } of this.byCell[c] as { id: number; sign: number }[])
      if (this.open[id] === 1 && this.blanks[id] === 0) return 0 - sign * (this.diff[id] as number) || 0;
    return Number.NaN;
  }

  /** Changes the bound of an unassigned cell, keeping the sides' caps right. */
  setUb(c: number, u: number): void {
    const old = this.ub[c] as number;
    for (const { id, sign } of this.byCell[c] as { id: number; sign: number }[]) {
      this.cap(id, sign, old, -1);
      this.cap(id, sign, u, 1);
    }
    this.ub[c] = u;
  }

  /**
   * Where setting cell `c` completed one side of an identity of counts, every open cell of the
   * other side is at most that side's sum: tightens their bounds and returns what to restore.
   */
  boundFrom(c: number): [number, number][] {
    const changed: [number, number][] = [];
    for (const { id, sign } of this.byCell[c] as { id: number; sign: number }[]) {
      if (!this.bounded[id] || (this.blanks[id] as number) > 0) continue;
      const identity = this.identities[id] as IdentitySpec;
      const cells = this.cellsOf[id] as number[];
      const nl = identity.left.length;
      const [from, to, oFrom, oTo] = sign > 0 ? [0, nl, nl, cells.length] : [nl, cells.length, 0, nl];
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
      for (let i = oFrom; i < oTo; i++) {
        const k = cells[i] as number;
        if (this.assigned[k] || !((this.ub[k] as number) > sum)) continue;
        changed.push([k, this.ub[k] as number]);
        this.setUb(k, sum);
      }
    }
    return changed;
  }

  /** Cells of an identity with their side (+1 left, −1 right). */
  sidesOf(id: number): { cell: number; sign: number }[] {
    const nl = (this.identities[id] as IdentitySpec).left.length;
    return (this.cellsOf[id] as number[]).map((cell, i) => ({ cell, sign: i < nl ? 1 : -1 }));
  }

  /** Identities touching a cell. */
  touching(c: number): readonly { id: number; sign: number }[] {
    return this.byCell[c] ?? [];
  }

  /**
   * Tightens `ub` of unassigned never-negative cells from the identities whose cells are all
   * never negative: a cell on one side is at most the other side's bound less what its own side
   * already holds. Call `reset` and reassign after.
   */
  propagateBounds(rounds = 3): void {
    for (let round = 0; round < rounds; round++) {
      let changed = false;
      this.identities.forEach((identity, id) => {
        const cells = this.cellsOf[id] as number[];
        if (!cells.every((c) => this.nonNegative[c] || this.assigned[c])) return;
        if (cells.some((c) => this.assigned[c] && Number.isNaN(this.value[c] as number))) return;
        const nl = identity.left.length;
        const sideCap = (from: number, to: number) => {
          let s = 0;
          for (let i = from; i < to; i++) {
            const c = cells[i] as number;
            s += this.assigned[c] ? (this.value[c] as number) : (this.ub[c] as number);
          }
          return s;
        };
        const sideFloor = (from: number, to: number, except: number) => {
          let s = 0;
          for (let i = from; i < to; i++) {
            const c = cells[i] as number;
            if (i !== except && this.assigned[c]) s += Math.max(0, this.value[c] as number);
          }
          return s;
        };
        const capLeft = sideCap(0, nl);
        const capRight = sideCap(nl, cells.length);
        cells.forEach((c, i) => {
          if (this.assigned[c] || !this.nonNegative[c]) return;
          const bound = i < nl ? capRight - sideFloor(0, nl, i) : capLeft - sideFloor(nl, cells.length, i);
          if (bound < (this.ub[c] as number) && bound < 1e12) {
            this.ub[c] = Math.max(0, bound);
            changed = true;
          }
        });
      });
      if (!changed) break;
    }
  }
}
